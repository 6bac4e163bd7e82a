"""sites -> align -> place -> resolve -> plan -> apply, for one (newest, old) pair of sources.

The newest version is analysed once (``prepare``) and reused for every old version of a
history; ``propagate_source`` memoises that analysis by content, so calling it in a loop over
versions costs one parse of the newest file in total.
"""

from __future__ import annotations

import ast
import hashlib
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from florc.collector import paused
from florc.propagate.align import Alignment, NewSide, align
from florc.propagate.apply import apply_plan
from florc.propagate.outcome import Diagnostic, PropagationResult, SiteOutcome
from florc.propagate.place import NoPlace, Placement, place
from florc.propagate.plan import AddImport, Decline, Insert, Plan
from florc.propagate.render import render, statement_source
from florc.propagate.resolve import Resolved, resolve_reads
from florc.propagate.sites import BadSite, Site, find_sites, logged_keys, strip_wrappers, wrapper_names
from florc.syntax.address import address
from florc.syntax.flor import FlorImports, flor_imports
from florc.syntax.parse import Unparseable, parse_python
from florc.syntax.scope import Point, Scopes
from florc.syntax.tree import StatementTree, Stmt, build_tree


@dataclass(eq=False)
class Version:
    """An analysed version of a file."""

    tree: StatementTree
    imports: FlorImports
    wrappers: frozenset[str]
    _scopes: Scopes | None = field(default=None, repr=False)

    @property
    def scopes(self) -> Scopes:
        if self._scopes is None:
            self._scopes = Scopes(self.tree)
        return self._scopes

    def tokens(self, stmt: Stmt) -> tuple[str, ...]:
        return strip_wrappers(stmt.tokens, self.wrappers)


@dataclass(eq=False)
class NewVersion(Version):
    sites: list[Site] = field(default_factory=list)
    bad_sites: list[BadSite] = field(default_factory=list)
    import_text: str | None = None  # the flor import statement, found once
    # what alignment derives from this version alone, per set of statements left out of it
    new_sides: dict[frozenset[int], NewSide] = field(default_factory=dict)


def analyse(source: bytes | str) -> Version | Unparseable:
    parsed = parse_python(source)
    if isinstance(parsed, Unparseable):
        return parsed
    text, module = parsed
    tree = build_tree(text, module)
    imports = flor_imports(module)
    return Version(tree, imports, wrapper_names(imports))


def prepare(source: bytes | str) -> NewVersion | Unparseable:
    """Analyse the newest version once: its tree, flor imports and log statements."""
    with paused():
        return _prepare(source)


def _prepare(source: bytes | str) -> NewVersion | Unparseable:
    parsed = parse_python(source)
    if isinstance(parsed, Unparseable):
        return parsed
    text, module = parsed
    tree = build_tree(text, module)
    imports = flor_imports(module)
    sites, bad = find_sites(tree, imports)
    return NewVersion(tree, imports, wrapper_names(imports), sites=sites, bad_sites=bad)


@lru_cache(maxsize=8)
def _prepared(digest: str, source: str | bytes) -> NewVersion | Unparseable:
    del digest  # part of the cache key only
    return prepare(source)


def prepare_cached(source: bytes | str) -> NewVersion | Unparseable:
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    return _prepared(hashlib.sha256(data).hexdigest(), source)


def propagate_source(new_source: bytes | str, old_source: bytes | str, *, path: str = "") -> PropagationResult:
    """Propagate the ``flor.log`` statements of ``new_source`` into ``old_source``.

    >>> new = "import flor\\nfor i in range(3):\\n    x = i * 2\\n    flor.log('x', x)\\n"
    >>> old = "for j in range(3):\\n    x = j * 2\\n"
    >>> result = propagate_source(new, old)
    >>> result.status
    'propagated'
    >>> print(result.code, end="")
    import flor
    for j in range(3):
        x = j * 2
        flor.log('x', x)
    """
    new = prepare_cached(new_source)
    if isinstance(new, Unparseable):
        return PropagationResult("failed", None, (Diagnostic("error", f"newest version: {new}", new.line,
                                                             new.column),))
    return propagate_version(new, old_source, path=path)


def propagate_version(new: NewVersion, old_source: bytes | str, *, path: str = "") -> PropagationResult:
    """Propagate into one old version; every failure is a value."""
    try:
        with paused():
            return _propagate(new, old_source, path)
    except RecursionError as exc:
        return _failed(new, f"too deeply nested: {exc}")
    except Exception as exc:  # noqa: BLE001 - a bug on one version must not stop a history
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return _failed(new, f"internal error: {type(exc).__name__}: {exc} "
                            f"({Path(where.filename).name}:{where.lineno})")


def _failed(new: NewVersion, message: str) -> PropagationResult:
    sites = tuple(SiteOutcome(s.key, "declined", s.line, message) for s in new.sites)
    return PropagationResult("failed", None, (Diagnostic("error", message),), sites)


def _propagate(new: NewVersion, old_source: bytes | str, path: str) -> PropagationResult:
    diagnostics: list[Diagnostic] = [
        Diagnostic("warning", b.reason, b.line, b.column) for b in new.bad_sites
    ]
    old = analyse(old_source)
    if isinstance(old, Unparseable):
        diagnostics.append(Diagnostic("error", str(old), old.line, old.column))
        declined = tuple(SiteOutcome(s.key, "declined", s.line, str(old)) for s in new.sites)
        return PropagationResult("declined", None, tuple(diagnostics), declined, Plan())
    try:
        return _propagate_into(new, old, path, diagnostics)
    finally:
        old.tree.dispose()


def _propagate_into(new: NewVersion, old: Version, path: str, diagnostics: list[Diagnostic]) -> PropagationResult:
    present_keys = logged_keys(old.tree, old.imports)
    todo = [s for s in new.sites if s.key not in present_keys]
    present = [s for s in new.sites if s.key in present_keys]
    outcomes: list[SiteOutcome] = [SiteOutcome(s.key, "present", s.line, "already logged") for s in present]
    if not todo:
        plan = Plan(present=tuple(s.key for s in present))
        return PropagationResult("unchanged", old.tree.text, tuple(diagnostics), tuple(outcomes), plan)

    side = new.new_sides.setdefault(frozenset(s.stmt.order for s in todo), NewSide())
    al = align(new.tree, old.tree, [s.stmt for s in todo], new.tokens if new.wrappers else None,
               old.tokens if old.wrappers else None, side)
    flor_names = frozenset(new.imports.modules) | frozenset(local for local, _ in new.imports.functions)
    inserts: list[Insert] = []
    declines: list[Decline] = []
    for order, site in enumerate(todo):
        decision = _decide(new, old, al, site, flor_names, path, order)
        if isinstance(decision, Decline):
            declines.append(decision)
            diagnostics.append(Diagnostic("info", f"declined {site.key!r}: {decision.reason}", site.line,
                                          key=site.key))
        else:
            inserts.append(decision)
    edits: list[Insert | AddImport] = list(inserts)
    if inserts:
        imp = _import_edit(new, old)
        if imp is not None:
            edits.insert(0, imp)
    plan = Plan(tuple(edits), tuple(declines), tuple(s.key for s in present))
    for d in declines:
        outcomes.append(SiteOutcome(d.key, "declined", d.new_line, d.reason))
    if not inserts:
        return PropagationResult("declined", None, tuple(diagnostics), tuple(outcomes), plan)
    code = apply_plan(old.tree.lines, old.tree.newline, plan)
    shift = 1 if isinstance(edits[0], AddImport) else 0
    for ins in sorted(inserts, key=lambda i: (i.before_line, i.order)):
        earlier = sum(1 for e in edits if isinstance(e, Insert) and
                      (e.before_line, e.order) < (ins.before_line, ins.order))
        extra = sum(e.text.count(old.tree.newline) for e in edits
                    if isinstance(e, Insert) and (e.before_line, e.order) < (ins.before_line, ins.order))
        outcomes.append(SiteOutcome(ins.key, "placed", ins.new_line, ins.how,
                                    ins.before_line + 1 + shift + earlier + extra, ins.renames, ins.address))
    return PropagationResult("propagated", code, tuple(diagnostics), tuple(outcomes), plan)


def _decide(new: NewVersion, old: Version, al: Alignment, site: Site, flor_names: frozenset[str],
            path: str, order: int) -> Insert | Decline:
    placements = place(al, site.stmt)
    if isinstance(placements, NoPlace):
        return Decline(site.key, site.line, placements.reason)
    first_failure: str | None = None
    for placement in placements:
        spot = _line_of(old.tree, placement)
        if isinstance(spot, NoPlace):
            first_failure = first_failure or spot.reason
            continue
        before_line, indent, point = spot
        resolved = resolve_reads(al, site.stmt, point, old.scopes, flor_names)
        if isinstance(resolved, Resolved):
            break
        first_failure = first_failure or resolved.reason
    else:
        return Decline(site.key, site.line, first_failure or "no place")
    # a statement sharing its line (`x = f(); flor.log("x", x)`) is taken alone
    source = site.stmt.source if site.stmt.shares_line and not site.stmt.compound \
        else statement_source(new.tree, site.stmt)
    text = render(source, dict(resolved.renames), old.tree.newline)
    # Lines go in whole, between statements, at the block's indentation: the file parses when
    # the statement does. (Checking the statement alone costs microseconds; re-parsing the
    # whole file would double the cost of a version.)
    try:
        ast.parse(text.replace(old.tree.newline, "\n"))
    except SyntaxError:
        return Decline(site.key, site.line, "internal: the renamed statement does not parse")
    how = placement.how
    if resolved.notes:
        how += "; renamed by evidence: " + "; ".join(resolved.notes)
    return Insert(
        key=site.key,
        before_line=before_line,
        indent=indent,
        text=text,
        new_line=site.line,
        address=address(None, path, block=point.block, index=point.index),
        how=how,
        renames=resolved.renames,
        order=order,
    )


def _line_of(tree: StatementTree, placement: Placement) -> tuple[int, str, Point] | NoPlace:
    """The old line the statement goes before, and its indentation."""
    block, index = placement.point.block, placement.point.index
    stmts = block.stmts
    if block.inline:
        return NoPlace("its place is inside a one-line block (`if x: y`), where no line fits")
    # never split `a; b`: go after the whole line
    while 0 < index < len(stmts) and stmts[index].first_line <= stmts[index - 1].last_line:
        index += 1
    if index > 0:
        before_line = stmts[index - 1].last_line
    elif block.owner is None:
        before_line = stmts[0].first_line - 1 if stmts else len(tree.lines)
    else:
        before_line = block.header_line
    reference = stmts[index] if index < len(stmts) else stmts[index - 1] if stmts else None
    indent = reference.indent if reference is not None else ""
    return before_line, indent, Point(block, index)


def _import_edit(new: NewVersion, old: Version) -> AddImport | None:
    """The newest version's flor import, when the old version does not bind that name."""
    wanted_module = new.imports.module_alias
    if wanted_module is not None and wanted_module in old.imports.modules:
        return None
    if wanted_module is None:
        names = {local for local, _ in new.imports.functions}
        if names <= {local for local, _ in old.imports.functions}:
            return None
    text = _import_text(new)
    if text is None:
        return None
    body = old.tree.root.stmts
    index = 0
    if body and isinstance(body[0].node, ast.Expr) and isinstance(body[0].node.value, ast.Constant) \
            and isinstance(body[0].node.value.value, str):
        index = 1
    while index < len(body) and _is_future_import(body[index].node):
        index += 1
    before_line = body[index].first_line - 1 if index < len(body) else (
        body[-1].last_line if body else 0)
    return AddImport(before_line, text)


def _is_future_import(node: ast.stmt) -> bool:
    return isinstance(node, ast.ImportFrom) and node.module == "__future__"


def _import_text(new: NewVersion) -> str | None:
    if new.import_text is None:
        new.import_text = _find_import_text(new) or ""
    return new.import_text or None


def _find_import_text(new: NewVersion) -> str | None:
    by_node = {id(s.node): s for s in new.tree.statements}
    for node in new.imports.statements:
        stmt = by_node.get(id(node))
        if stmt is not None and (isinstance(node, ast.ImportFrom) or
                                 (isinstance(node, ast.Import) and len(node.names) == 1)):
            return stmt.source
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("florc", "flordb", "flor"):
                    return f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else "")
    return None


__all__ = ["NewVersion", "Version", "analyse", "prepare", "prepare_cached", "propagate_source",
           "propagate_version"]
