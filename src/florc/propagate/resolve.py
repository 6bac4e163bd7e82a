"""Reads: renaming what a statement reads to the old version's names, or declining.

For every access path the statement reads (``self.opt.param_groups``, ``model``, ``step``), the
rename table offers candidate old expressions, best evidence first (see
``florc.propagate.renames``). The first candidate whose root name is bound at the insertion point
wins; for ``self.<attr>`` paths the old class must also set that attribute when the new class
does. When no candidate is bound, the statement would raise ``NameError`` (or log a different
value under the same key): it is declined, naming the missing names.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from florc.propagate.align import Alignment
from florc.propagate.defs import called_names, dotted as dotted_path, enclosing_def, outer_call
from florc.propagate.renames import scope_key
from florc.propagate.render import render
from florc.syntax.scope import (BUILTINS, Path, Point, Scopes, function_params, read_paths, subtree_writes,
                                target_paths, written_paths)
from florc.syntax.tree import Block, Stmt


_ROOT = re.compile(r"[^\W\d]\w*")


@dataclass(frozen=True)
class Resolved:
    renames: tuple[tuple[str, str], ...]  # (new path, old expression), only the changed ones
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Late:
    """A value the statement reads is computed only after the place in this version."""

    path: str
    line: int

    @property
    def reason(self) -> str:
        return f"reads `{self.path}`, which this version computes only later (line {self.line})"


@dataclass(frozen=True)
class Uncomputed:
    """The statement that computes a value the statement reads has no counterpart."""

    path: str
    line: int

    @property
    def reason(self) -> str:
        return (f"reads `{self.path}`, computed today by the statement at line {self.line}, "
                "which has no counterpart in this version")


@dataclass(frozen=True)
class Keyless:
    """A value the statement reads renames to one that has no entry it reads."""

    path: str
    renamed: str
    key: str

    @property
    def reason(self) -> str:
        return (f"reads `{self.path}[{self.key!r}]`, but `{self.renamed}`, its counterpart in this "
                f"version, has no such key")


@dataclass(frozen=True)
class Unbound:
    missing: tuple[str, ...]

    @property
    def reason(self) -> str:
        names = ", ".join(f"`{m}`" for m in self.missing)
        return f"reads {names}, which is not bound there in this version"


def site_reads(site: Stmt, flor_names: frozenset[str]) -> list[Path]:
    """Paths a site reads, the flor module itself and the log key excluded."""
    out: list[Path] = []
    for path in read_paths(site.node):
        if path[0] in flor_names:
            continue
        out.append(path)
    return out


def resolve_reads(
    al: Alignment,
    site: Stmt,
    point: Point,
    scopes: Scopes,
    flor_names: frozenset[str],
) -> Resolved | Unbound | Late | Uncomputed | Keyless:
    new_scope = scope_key(site)
    owner = _function_at(point)
    ctx = _Context(al, site, point, scopes, new_scope, owner.order if owner is not None else -1)
    renames: list[tuple[str, str]] = []
    missing: list[str] = []
    for path in site_reads(site, flor_names):
        dotted = ".".join(path)
        if path[0] in BUILTINS and reaching_definition(site, path[0], path) is None:
            continue  # `float(loss)` calls the builtin in every version: nothing to rename
        chosen = ctx.resolve(site, path)
        if isinstance(chosen, (Late, Uncomputed)):
            return chosen
        if chosen is None and (entries := _entries_as_parameters(site, path, point)):
            renames.extend(entries)
            ctx.notes.append(f"the entries of {dotted} today were parameters before")
        elif chosen is None:
            missing.append(dotted)
        elif chosen != dotted:
            key = _unmentioned_key(al, site, dotted)
            if key is not None:
                return Keyless(dotted, chosen, key)
            renames.append((dotted, chosen))
    if missing:
        return Unbound(tuple(missing))
    return Resolved(tuple(renames), tuple(ctx.notes))


@dataclass(frozen=True)
class _Context:
    """What resolving the reads of one site at one place needs; ``notes`` collects the
    evidence behind each rename."""

    al: Alignment
    site: Stmt
    point: Point
    scopes: Scopes
    new_scope: int
    old_scope: int
    notes: list[str] = field(default_factory=list)

    def resolve(self, origin: Stmt, path: Path) -> str | None | Late | Uncomputed:
        """The old expression for ``path`` as read at ``origin`` (the site, or the definition of
        a name the site reads), None when nothing is bound, or why the value does not exist."""
        al, point = self.al, self.point
        dotted = ".".join(path)
        definition = _original_definition(al, reaching_definition(origin, path[0], path), path)
        if definition is not None:
            image = al.image(definition)
            if image is not None and not precedes(image, point):
                # the value it reads is computed after this place in this version
                return Late(dotted, image.first_line)
            if image is None and not _computed_somehow(al, definition, dotted, point):
                via = _without_feature(al, definition, path[0]) or _guarded_binder(definition, path)
                alias = self.through_alias(origin, definition, path, via)
                return alias if alias is not None else Uncomputed(dotted, definition.first_line)
        candidates = al.renames.candidates(dotted, self.new_scope, self.old_scope,
                                           lambda candidate: candidate in al.old_module_paths(),
                                           al.separate_locals)
        for candidate, note in _image_first(al, definition, path, candidates):
            if (candidate != dotted or origin is not self.site) and definition is not None and \
                    not _same_value(al, definition, candidate, point, path[0]):
                continue
            if _valid(candidate, dotted, point, self.scopes, al, self.site):
                if candidate != dotted:
                    self.notes.append(note)
                return candidate
        if len(path) > 1 and definition is not None:
            chosen = _through_instance(al, definition, path, point, self.scopes, self.site, self.old_scope)
            if chosen is not None:
                self.notes.append(f"{path[0]} is a {_class_name(definition)}: {dotted} -> {chosen}")
                return chosen
        return None

    def through_alias(self, origin: Stmt, definition: Stmt, path: Path, via: Stmt | None = None) -> str | None:
        """A name given today to a value the old version reads in place: ``rew, rew_std =
        test_result["rew"], test_result["rew_std"]`` added today, ``result["rew"]`` read where
        it is needed before. The site reads the aliased expression instead, renamed, when it
        only accesses names (attributes, constant subscripts) that nothing rebinds between the
        alias and the site and that resolve at the place. ``via`` is the statement inside
        ``definition`` (an `if`/`else`) that binds the alias on the old version's path."""
        if reaching_definition(origin, path[0], path) is not definition:
            # rebound on the way to the site (`lr = args['second_lr']`, then `if lr is None:
            # lr = args['lr']`): no one expression holds the value there
            return None
        binder = via or definition
        value, covered = aliased_value(binder.node, path)
        if isinstance(value, ast.IfExp):
            # `discr = self.vae.module.discr if self.is_distributed else self.vae.discr`: two
            # ways of reaching one value (the wrapped module or the module), of which the old
            # version knows one; not a value new today with a fallback (`replay_data.discounts
            # if replay_data.discounts is not None else self.gamma`)
            arms = [v for v in (value.body, value.orelse) if _mentioned(self.al, v)]
            value = arms[0] if len(arms) == 1 and _one_value_reached(value.body, value.orelse) else None
        text = ast.get_source_segment(self.al.new.text, value) if value is not None else None
        if value is None or text is None or not _mentioned(self.al, value):
            return None
        inner: dict[str, str] = {}
        for read in read_paths(value):
            if reaching_definition(origin, read[0], read) is not reaching_definition(binder, read[0], read):
                return None  # rebound between the alias and the site
            chosen = self.resolve(binder, read)
            if not isinstance(chosen, str):
                return None
            if chosen != ".".join(read):
                inner[".".join(read)] = chosen
        expression = render(text, inner, "\n") if inner else text
        if "\n" in expression:
            return None
        rest = "".join("." + p for p in path[covered:])
        self.notes.append(f"{'.'.join(path[:covered])} is {text} today: {'.'.join(path)} -> {expression}{rest}")
        return expression + rest


def aliased_value(node: ast.AST, path: Path) -> tuple[ast.expr | None, int]:
    """The access expression a prefix of ``path`` is bound to by ``name = e``, ``a, name = e1,
    e2`` or ``self.attr = e`` (``self.data_batch = data_batch``: stored on the object today, a
    local before), or the choice ``e1 if c else e2`` of access expressions, and how many parts
    of ``path`` that prefix has."""
    if not isinstance(node, ast.Assign) or len(node.targets) != 1:
        return None, 0
    target, value = node.targets[0], node.value
    pairs: list[tuple[ast.expr, ast.expr]] = [(target, value)]
    if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
        pairs = list(zip(target.elts, value.elts))
    for t, v in pairs:
        written = list(target_paths(t)) if isinstance(t, (ast.Name, ast.Attribute)) else []
        if len(written) != 1:
            continue
        bound = written[0]
        accessed = _is_access(v) or isinstance(v, ast.IfExp) and _is_access(v.body) and _is_access(v.orelse)
        if path[: len(bound)] == bound and accessed and all(r[: len(bound)] != bound for r in read_paths(v)):
            return v, len(bound)
    return None, 0


def _without_feature(al: Alignment, stmt: Stmt, name: str) -> Stmt | None:
    """In an `if`/`else` new today on a feature the old version lacks (`if
    self._vec_normalize_env is not None:` ... `else: obs_, new_obs_, reward_ = obs, new_obs,
    reward`), the simple statement that binds ``name`` last in the branch that runs without
    the feature: the old version's behaviour."""
    node = stmt.node
    if not isinstance(node, ast.If) or not node.orelse or len(stmt.blocks) != 2:
        return None
    test, negated = node.test, False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test, negated = test.operand, True
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.comparators[0], ast.Constant) \
            and test.comparators[0].value is None and isinstance(test.ops[0], (ast.Is, ast.IsNot)):
        negated ^= isinstance(test.ops[0], ast.Is)
        test = test.left
    if not isinstance(test, (ast.Name, ast.Attribute)):
        return None
    feature = ".".join(next(iter(read_paths(test)), ()))
    if not feature or feature in al.old_module_paths():
        return None
    branch = stmt.blocks[0 if negated else 1]
    for k in reversed(branch.stmts):
        if not k.compound and any(p[0] == name for p in _binds(k)):
            return k
    return None


def _one_value_reached(a: ast.expr, b: ast.expr) -> bool:
    """Whether two access paths differ only by attributes one of them inserts
    (`self.vae.module.discr` / `self.vae.discr`, `self.ema.module` / `self.ema`): one value,
    reached through a wrapper or not."""
    pa, pb = dotted_path(a), dotted_path(b)
    if pa is None or pb is None or pa == pb:
        return False
    short, long = sorted((pa.split("."), pb.split(".")), key=len)
    if short[0] != long[0]:
        return False
    rest = iter(long)
    return all(part in rest for part in short)


def _guarded_binder(stmt: Stmt, path: Path) -> Stmt | None:
    """In an `if` without `else` that first binds ``path[0]`` in its function (`if
    self.use_ema: ema_vae = ...`), the simple statement of its body that binds it last:
    wherever the name is read after the `if`, that statement ran."""
    name = path[0]
    if not isinstance(stmt.node, ast.If) or stmt.node.orelse or reaching_definition(stmt, name, path) is not None \
            or name in _parameters(stmt):
        return None
    for k in reversed(stmt.blocks[0].stmts):
        if not k.compound and any(p[0] == name for p in _binds(k)):
            return k
    return None


def _mentioned(al: Alignment, value: ast.expr) -> bool:
    """Whether the old version mentions every attribute and key ``value`` reads
    (`config.keep_after`, `args['second_lr']`): an option it never reads is no value it has."""
    parts: set[str] | None = None
    for node in ast.walk(value):
        if isinstance(node, ast.Attribute):
            if parts is None:
                parts = {p for path in al.old_module_paths() for p in path.split(".")}
            if node.attr not in parts:
                return False
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and \
                isinstance(node.slice.value, str) and not _key_mentioned(al, node.slice.value):
            return False
    return True


def _key_mentioned(al: Alignment, key: str) -> bool:
    """Whether the old version's text has ``key`` as a string literal, in either quotes."""
    return f"'{key}'" in al.old.text or f'"{key}"' in al.old.text


def _unmentioned_key(al: Alignment, site: Stmt, path: str) -> str | None:
    """A constant key the site reads from ``path`` that the old version never mentions: the
    value renamed to one without a `'loss/train/total'` entry (the summed `total_loss` tensor
    for today's `total_loss_dict`) is not the value the site reads."""
    for node in ast.walk(site.node):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and \
                isinstance(node.slice.value, str) and dotted_path(node.value) == path and \
                not _key_mentioned(al, node.slice.value):
            return node.slice.value
    return None


def _is_access(node: ast.expr) -> bool:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Constant):
            return False
        node = node.value
    return isinstance(node, ast.Name)


def _class_name(definition: Stmt) -> str:
    node = definition.node
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
        return node.value.func.id
    return ""


def _through_instance(al: Alignment, definition: Stmt, path: Path, point: Point, scopes: Scopes,
                      site: Stmt, old_scope: int) -> str | None:
    """``trainer.model`` where ``trainer = Trainer(...)``: inside ``Trainer`` that is
    ``self.model``, and the alignment of ``Trainer``'s methods may say what ``self.model`` was
    called in the old version (``model``, before the class existed)."""
    name = _class_name(definition)
    if not name:
        return None
    classes = [s for s in al.new.statements if s.kind == "class" and isinstance(s.node, ast.ClassDef)
               and s.node.name == name]
    if len(classes) != 1:
        return None
    alias = ".".join(("self",) + path[1:])
    methods = [s for s in classes[0].blocks[0].stmts if s.kind == "def"]
    for method in methods:
        for candidate, _note in al.renames.candidates(alias, method.order, old_scope):
            if candidate == alias or candidate.startswith("self."):
                continue
            if _valid(candidate, ".".join(path), point, scopes, al, site):
                return candidate
    return None


def reaching_definition(site: Stmt, name: str, path: Path | None = None) -> Stmt | None:
    """The statement of the newest version that last binds ``name`` before ``site`` runs
    (walking back through earlier siblings, then the enclosing statements' earlier siblings,
    within the function).

    With the whole ``path`` read (``self.scheduler.get_last_lr``), a statement that sets an
    attribute binds it only when it sets a prefix of the path: ``self.train_prediction = ...``
    defines neither ``self`` nor ``self.scheduler``."""
    current = site
    while True:
        block = current.parent
        for prev in reversed(block.stmts[: current.index]):
            if any(_defines(p, name, path) for p in _binds(prev)):
                return prev
        owner = block.owner
        if owner is None:
            return None
        if owner.kind in ("def", "class"):
            return None
        if any(_defines(p, name, path) for p in written_paths(owner.node)):
            return owner  # a loop target, `with ... as name`
        current = owner


def _defines(written: Path, name: str, path: Path | None) -> bool:
    if written[0] != name:
        return False
    return path is None or len(written) == 1 or written == path[: len(written)]


def _original_definition(al: Alignment, definition: Stmt | None, path: Path) -> Stmt | None:
    """The definition whose value the site observes, looking through updates added today.

    ``val_loss = dist_reduce_sum(val_loss)`` or ``train_loss = aggregate(train_loss)`` without a
    counterpart transforms a value the old version has too: the old version's value is the one
    before the update, computed by the definition the update reads (which may have an image).
    """
    name = path[0]
    while definition is not None and al.image(definition) is None and _updates(definition, name):
        earlier = reaching_definition(definition, name, path)
        if earlier is None:
            # before it, a parameter of the function holds the value (`epochs` of `fit()`, the
            # `X` of `X.shape`), or the attribute as set elsewhere when the update rebuilds it
            # (`self.mu_init = self.mu_init.to(device)`); not a count stepped today
            # (`self._n_calls += 1`)
            if name in _parameters(definition) and (len(path) == 1 or name not in ("self", "cls")):
                return None
            if len(path) == 1:
                return definition
            return None if isinstance(definition.node, ast.Assign) else definition
        definition = earlier
    return definition


def _parameters(stmt: Stmt) -> set[str]:
    """The parameter names of the function ``stmt`` is in."""
    fn = enclosing_def(stmt)
    return set(function_params(fn.node)) if fn is not None else set()


def _updates(stmt: Stmt, name: str) -> bool:
    """``x += ...`` or ``x = f(x)``: a simple statement that rebinds ``name`` from its value; an
    ``if`` in which every statement that binds ``name`` is such an update (``if accum > 1:
    loss = loss / accum``); or an ``if`` without ``else`` (``if max_epochs and max_epochs <
    epochs: epochs = max_epochs``): where it does not run, the value is the one before it, which
    is what a version without it has."""
    if stmt.kind == "if":
        binders = [d for d in stmt.descendants() if any(p[0] == name for p in _binds(d))]
        if binders and isinstance(stmt.node, ast.If) and not stmt.node.orelse:
            return True
        return bool(binders) and all(not d.compound and _updates(d, name) for d in binders)
    node = stmt.node
    if isinstance(node, ast.AugAssign):
        return any(p[0] == name for p in target_paths(node.target))
    if isinstance(node, ast.Assign):
        return any(p[0] == name for t in node.targets for p in target_paths(t)) and \
            any(p[0] == name for p in read_paths(node.value))
    return False


def _binds(stmt: Stmt) -> set[Path]:
    if stmt.kind in ("def", "class"):
        return set(written_paths(stmt.node))
    return subtree_writes(stmt)


def precedes(stmt: Stmt, point: Point) -> bool:
    """Whether ``stmt`` runs before ``point`` on the way to it (same or enclosing block)."""
    chain: dict[int, int] = {id(point.block): point.index}
    holder: dict[int, Stmt] = {}
    owner = point.block.owner
    while owner is not None:
        chain[id(owner.parent)] = owner.index
        holder[id(owner.parent)] = owner
        owner = owner.parent.owner
    current = stmt
    while id(current.parent) not in chain:
        above = current.parent.owner
        if above is None:
            return False
        current = above
    position = chain[id(current.parent)]
    if current.index < position:
        return True
    if current.index == position and holder.get(id(current.parent)) is current:
        # the statement that contains the point: only its header runs before the point
        return current is stmt
    return False


def _computed_somehow(al: Alignment, definition: Stmt, path: str, point: Point) -> bool:
    """Whether the old version computes what ``definition`` (without an image) computes:
    something inside it or in the function it calls has an image, or an old statement of the
    place's function binds the name (under an old name too) without playing another new
    statement's role. A validation loop whose twin test loop was added today computes nothing
    in the old version, even though the old version has a loop that binds the same name."""
    if _argument_unpacked(definition, path.split(".")[0], point):
        return True
    inner = list(definition.descendants())
    for callee in _local_callees(al, definition):
        inner.extend(callee.descendants())
    if any(al.image(d) is not None for d in inner):
        return True
    inside = set(inner)
    # what fills a collection the value is made of (`valid_losses.append(batch_loss)`, with
    # `batch_loss = self._compute_valid_loss(...)`) is an ingredient too
    for ingredient in _fillers(definition):
        inside.add(ingredient)
        for callee in _local_callees(al, ingredient):
            inside.update(callee.descendants())
    targets = {m.group() for c, _ in al.renames.candidates(path, -2, -2) if (m := _ROOT.match(c))}
    # an old statement in the role of one today's definition is computed from (`estimated_time
    # = ...` before, today's `estimated_time_v1 = ...` that `estimated_time = min(v1, v2)`
    # reads) computed an earlier form of the value under its name
    sources = {p[0] for p in read_paths(definition.node)} if not definition.compound else set()
    parts = tuple(path.split("."))
    for stmt in _scope_statements(point):
        if any(parts[:len(w)] == w for w in method_sets(al, stmt)):
            return True
        if not any(p[0] in targets for p in _binds(stmt)):
            continue
        pre = al.preimage(stmt)
        if pre is None or pre is definition or pre in inside:
            return True
        # (the value itself or the object read through it: `loss` for `loss.item`)
        if not pre.compound and any(parts[:k] in _binds(stmt) for k in range(1, len(parts) + 1)) and \
                any(p[0] in sources for p in _binds(pre)):
            return True
    return False


_FILLING = frozenset({"append", "extend", "insert", "add", "update"})


def _fillers(definition: Stmt) -> list[Stmt]:
    """The statements that compute the items of a collection ``definition`` reads, one step
    back: for `loss = torch.stack(losses)` after `losses = []` and, in between,
    `losses.append(batch_loss)`, that append and the definition of `batch_loss` it reaches."""
    if definition.compound:
        return []
    fn = enclosing_def(definition)
    if fn is None:
        return []
    out: list[Stmt] = []
    for read in read_paths(definition.node):
        start = reaching_definition(definition, read[0], read[:1])
        if start is None or start.compound:
            continue
        for stmt in fn.descendants():
            if stmt.compound or not start.first_line < stmt.first_line < definition.first_line:
                continue
            call = stmt.node.value if isinstance(stmt.node, ast.Expr) else None
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and \
                    call.func.attr in _FILLING and dotted_path(call.func.value) == read[0]:
                out.append(stmt)
                for arg in call.args:
                    for item in read_paths(arg):
                        found = reaching_definition(stmt, item[0], item[:1])
                        if found is not None:
                            out.append(found)
    return out


def _function_at(point: Point) -> Stmt | None:
    """The function of the old version a place is in (its block's owner included)."""
    return next((a for a in point.block.ancestors() if a.kind == "def"), None)


def _site_keys(site: Stmt, name: str) -> list[str]:
    """The constant keys under which the site reads ``name``, when it reads it only so."""
    keys: list[str] = []
    bare = 0
    for node in ast.walk(site.node):
        if isinstance(node, ast.Name) and node.id == name:
            bare += 1
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name:
            key = node.slice.value if isinstance(node.slice, ast.Constant) else None
            if not isinstance(key, str):
                return []
            keys.append(key)
    # (the walk meets the name inside each entry too: any other use is one bare use more)
    return list(dict.fromkeys(keys)) if keys and bare == len(keys) else []


def _entries_as_parameters(site: Stmt, path: Path, point: Point) -> list[tuple[str, str]]:
    """For a parameter today that the site reads only by constant keys (`info_dict["loss"]`
    in `print_progress(self, info_dict)`), where the function of ``point`` took each key as a
    parameter of that name (`print_progress(self, t, loss)`): each entry renamed to its
    parameter; else nothing."""
    name = path[0]
    old_fn = _function_at(point)
    if len(path) != 1 or old_fn is None or name not in _parameters(site) or \
            reaching_definition(site, name, path) is not None:
        return []
    old_params = set(function_params(old_fn.node))
    keys = _site_keys(site, name)
    if name in old_params or not keys or any(k not in old_params for k in keys):
        return []
    return [(f"{name}[{key!r}]", key) for key in keys]


def _argument_unpacked(definition: Stmt, name: str, point: Point) -> bool:
    """Whether ``definition`` unpacks ``name`` from the arguments of its function today (`t =
    info_dict['t']` in `print_progress(self, info_dict)`) where the function of ``point`` took
    it as an argument of that name (`print_progress(self, t, loss)`): the same value."""
    node = definition.node
    old_fn = _function_at(point)
    if not isinstance(node, ast.Assign) or old_fn is None or name not in function_params(old_fn.node):
        return False
    params = _parameters(definition) - {"self", "cls"}
    reads = read_paths(node.value)
    return name not in params and bool(reads) and all(r[0] in params for r in reads)


def _scope_statements(point: Point) -> list[Stmt]:
    """The statements of the function (or module) the point is in, nested ones included, and
    of the functions around a nested function (whose names it sees: `batch_size` bound in
    `__call__` before the nested `loop()` that reads it)."""
    owners: list[Stmt] = []
    for a in point.block.ancestors():
        if a.kind == "class":
            break
        if a.kind == "def":
            owners.append(a)
    stmts: list[Stmt] = []
    roots = [s for o in owners for b in o.blocks for s in b.stmts] if owners else _module_statements(point.block)
    for s in roots:
        stmts.append(s)
        if s.kind not in ("def", "class"):
            stmts.extend(d for d in s.descendants())
    return stmts


def _module_statements(block: Block) -> list[Stmt]:
    while block.owner is not None:
        block = block.owner.parent
    return list(block.stmts)


def _image_first(al: Alignment, definition: Stmt | None, path: Path,
                 candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The candidates with the name that the image of the name's definition binds first: the
    epoch's `test_result = test_episode(...)` is the old `result = test_episode(...)`, whatever
    other statements say about `test_result` (the old in-training test still binds one)."""
    if definition is not None and definition.compound and len(path) > 1:
        # bound under a condition new today (`if max_epochs is not None: self._max_epochs =
        # max_epochs`): the statement inside that binds it
        inner = [d for d in definition.descendants() if not d.compound and path in _binds(d)]
        definition = inner[-1] if inner else definition
    image = al.image(definition) if definition is not None else None
    if image is None or image.compound:
        return candidates
    if len(path) > 1:
        # `self._max_epochs = max_epochs` is the image of today's definition: the attribute
        # holds the value there too, whatever the loop that reads `max_epochs` suggests
        dotted = ".".join(path)
        if path in _binds(image):
            return sorted(candidates, key=lambda c: c[0] != dotted)
        return candidates
    bound = {p[0] for p in _binds(image) if len(p) == 1}
    if len(bound) != 1 or path[0] in bound:
        return candidates
    name = next(iter(bound))
    return sorted(candidates, key=lambda c: c[0] != name)


def _same_value(al: Alignment, definition: Stmt, candidate: str, point: Point, name: str) -> bool:
    """Whether the old statement that binds ``candidate`` before ``point`` plays the role of
    ``definition`` (the new statement that binds the name being renamed): it is its image, sits
    inside it or inside the local function it calls, or has no counterpart at all. Otherwise the
    rename would read a different value (``value_loss`` is not ``loss``: ``loss`` is computed
    by the statement that became ``policy_loss = ...``)."""
    parts = candidate.split(".")
    old_def = None
    for n in range(len(parts), 0, -1):
        old_def = reaching_definition_at(point, tuple(parts[:n]))
        if old_def is not None:
            break
    if old_def is None:
        return True
    pre = al.preimage(old_def)
    if pre is definition:
        # unless today's statement binds the old name as well, for its own value (`loss, cond,
        # pred, pred_data = self.model(...)`, where the old one returned `loss, cond, pred`):
        # `pred_data` is new beside `pred`, not `pred` renamed. (The statements that bind the
        # name itself: a loop's header, not what its body sets; the assignment inside a `with`.)
        binders = [definition] if any(p[:1] == (name,) for p in written_paths(definition.node)) else \
            [d for d in definition.descendants() if any(p[:1] == (name,) for p in written_paths(d.node))]
        return parts[0] == name or not any(p[:1] == (parts[0],) for b in binders for p in written_paths(b.node))
    if _update_of(pre, definition, name):
        return True
    image = al.image(definition)
    if pre is not None and image is not None and _update_of(definition, pre, name) and \
            not any(p[:1] == tuple(parts[:1]) for p in _binds(image)):
        # today's update has a counterpart that leaves the value alone (`if self.penalizer >
        # 0:` changes only the gradients before, `ll_ -= penalty` too today): the value is
        # the one before it
        return True
    if pre is None:
        # an old statement without a counterpart binds the candidate; when the new definition
        # has an image, that image must bind the candidate too (`net = Net()` then `net =
        # net.cuda()`), or the candidate holds something else: `batches_this_epoch` is not
        # `batch_loss` when the loop that computes `batch_loss` never binds it
        return image is None or any(p[:1] == tuple(parts[:1]) for p in _binds(image))
    inside = set(definition.descendants())
    for callee in _local_callees(al, definition):
        inside.add(callee)
        inside.update(callee.descendants())
    return pre in inside


def _update_of(stmt: Stmt | None, definition: Stmt, name: str) -> bool:
    """Whether ``stmt`` is an update of ``name`` (``current_loss = current_loss * k``) whose
    earlier definitions, through updates, lead to ``definition``: the old `loss = loss / accum`
    that plays that update's role holds the value as well."""
    current = stmt
    while current is not None and current is not definition and _updates(current, name):
        current = reaching_definition(current, name)
    return current is definition and stmt is not definition


def method_sets(al: Alignment, stmt: Stmt) -> set[Path]:
    """What an old call of a method of the object's own (`self._init_optimizers()`) sets on
    the object: `self.optimizers`, filled there before and inline today, is computed by it."""
    call = None if stmt.compound else outer_call(stmt.node)
    if call is None or not isinstance(call.func, ast.Attribute) or \
            not isinstance(call.func.value, ast.Name) or call.func.value.id != "self":
        return set()
    defs = al.old_defs.get(call.func.attr, [])
    if len(defs) != 1:
        return set()
    found = al.method_writes.get(id(defs[0]))
    if found is None:
        found = al.method_writes[id(defs[0])] = {
            w for d in defs[0].descendants() if not d.compound for w in _binds(d) if w[0] == "self"}
    return found


def _local_callees(al: Alignment, stmt: Stmt) -> list[Stmt]:
    out: list[Stmt] = []
    for name in called_names(stmt.node):
        defs = al.new_defs.get(name)
        if defs:
            out.extend(defs)
            continue
        # a method picked at run time (`impl = {"log": self._fit_log, ...}[self.implementation]`,
        # then `impl(sub_X)`) may be any method the choice names without calling it
        chosen = reaching_definition(stmt, name, (name,))
        if chosen is None or not isinstance(chosen.node, ast.Assign):
            continue
        value = chosen.node.value
        called = {id(n.func) for n in ast.walk(value) if isinstance(n, ast.Call)}
        for node in ast.walk(value):
            if isinstance(node, ast.Attribute) and id(node) not in called and \
                    isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                out.extend(al.new_defs.get(node.attr, ()))
    return out


def reaching_definition_at(point: Point, path: Path) -> Stmt | None:
    """The old statement that last binds ``path`` before ``point`` (same walk as
    ``reaching_definition``)."""
    block, index = point.block, point.index
    while True:
        for prev in reversed(block.stmts[:index]):
            if path in _binds(prev):
                return prev
        owner = block.owner
        if owner is None or owner.kind in ("def", "class"):
            return None
        if path in set(written_paths(owner.node)):
            return owner
        block, index = owner.parent, owner.index


def _valid(candidate: str, original: str, point: Point, scopes: Scopes, al: Alignment, site: Stmt) -> bool:
    parts = candidate.split(".")
    root = _ROOT.match(candidate)
    # a name the newest version binds in the site's function (or takes as a parameter of it)
    # is a local there: a `from m import *` of the old version is no source for it
    name = original.split(".", 1)[0]
    local = reaching_definition(site, name) is not None or name in _parameters(site)
    if root is None or not scopes.bound_at(root.group(), point, star=not local):
        return False
    if len(parts) >= 2 and parts[0] == "self":
        # `self.scheduler` in an old Trainer without a scheduler: `self` is bound, the attribute
        # is not. Only attributes the newest version's own class sets are checked (inherited
        # ones like `self.training` are not visible statically).
        new_attrs = _class_attributes(_enclosing_class(site.parent))
        old_attrs = _class_attributes(_enclosing_class(point.block))
        if parts[1] in new_attrs or original.split(".")[:1] != ["self"]:
            return parts[1] in old_attrs
    return True


def _enclosing_class(block: Block) -> Stmt | None:
    for owner in block.ancestors():
        if owner.kind == "class":
            return owner
    return None


def _class_attributes(cls: Stmt | None) -> set[str]:
    if cls is None:
        return set()
    attrs: set[str] = set()
    for stmt in cls.descendants():
        node = stmt.node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.parent.owner is cls:
            attrs.add(node.name)
        for path in written_paths(node):
            if len(path) == 2 and path[0] == "self":
                attrs.add(path[1])
            elif len(path) == 1 and stmt.parent.owner is cls:
                attrs.add(path[0])
    return attrs


__all__ = ["Keyless", "Late", "Resolved", "Uncomputed", "Unbound", "method_sets", "precedes", "reaching_definition",
           "resolve_reads", "site_reads"]
