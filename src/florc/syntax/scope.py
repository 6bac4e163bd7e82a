"""Names: what a statement reads and binds, and which names are bound at a point of a module.

Propagation must not guess: a statement that reads ``scaler`` cannot go into a version that has
no scaler. ``Scopes.bound_at`` answers "is this name bound when control reaches this point?"
with Python's scoping rules, simplified where the simplification errs towards *bound*:

- a function sees its parameters and locals, then the locals of enclosing functions (closures),
  then module globals, then builtins; class bodies are not visible from methods;
- a local (or a module-level name, for code that runs at module level) counts as bound at a point
  when some binding of it comes before the point in source order, or lies in a loop that also
  encloses the point (an earlier iteration bound it);
- names of enclosing functions and module globals count as bound wherever they are bound, since a
  function body usually runs after the module has been executed;
- ``from m import *`` makes every name possibly bound.

Reads are *access paths* (``self.opt.param_groups``), free in the expression: a name bound by a
comprehension or lambda inside it (``p`` in ``sum(p.numel() for p in model.parameters())``) is
not a read of the surrounding scope.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from florc.syntax.tree import Block, StatementTree, Stmt

Path = tuple[str, ...]
BUILTINS = frozenset(dir(builtins))


def read_paths(node: ast.AST) -> list[Path]:
    """Free access paths read by an expression or a statement, in source order, deduplicated.

    >>> read_paths(ast.parse("f(self.opt.param_groups[0], sum(p.n for p in m.ps()))").body[0])
    [('f',), ('self', 'opt', 'param_groups'), ('sum',), ('m', 'ps')]
    """
    found: list[Path] = []
    _collect_reads(node, frozenset(), found)
    return list(dict.fromkeys(found))


def _collect_reads(node: ast.AST, bound: frozenset[str], out: list[Path]) -> None:
    if isinstance(node, ast.Attribute):
        path = _attribute_path(node)
        if path is not None:
            if path[0] not in bound and isinstance(node.ctx, ast.Load):
                out.append(path)
            elif path[0] not in bound and len(path) > 1:
                # `a.b.c = x` reads `a.b`
                out.append(path[:-1])
            return
        _collect_reads(node.value, bound, out)
        return
    if isinstance(node, ast.Name):
        if node.id not in bound and isinstance(node.ctx, (ast.Load, ast.Del)):
            out.append((node.id,))
        return
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        inner = set(bound)
        for gen in node.generators:
            # the first iterable is evaluated outside the comprehension's scope
            _collect_reads(gen.iter, frozenset(inner), out)
            inner.update(_target_names(gen.target))
            for cond in gen.ifs:
                _collect_reads(cond, frozenset(inner), out)
        elts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        for elt in elts:
            _collect_reads(elt, frozenset(inner), out)
        return
    if isinstance(node, ast.Lambda):
        args = node.args
        for default in list(args.defaults) + [d for d in args.kw_defaults if d is not None]:
            _collect_reads(default, bound, out)
        params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
        if args.vararg:
            params.add(args.vararg.arg)
        if args.kwarg:
            params.add(args.kwarg.arg)
        _collect_reads(node.body, bound | params, out)
        return
    for child in ast.iter_child_nodes(node):
        _collect_reads(child, bound, out)


def _attribute_path(node: ast.Attribute) -> Path | None:
    parts: list[str] = [node.attr]
    value = node.value
    while isinstance(value, ast.Attribute):
        parts.append(value.attr)
        value = value.value
    if isinstance(value, ast.Name):
        parts.append(value.id)
        return tuple(reversed(parts))
    return None


def _target_names(target: ast.AST) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for elt in target.elts:
            yield from _target_names(elt)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value)


def target_paths(target: ast.AST) -> Iterator[Path]:
    """Paths assigned by a target: names, attribute paths (``self.model``), through unpacking."""
    if isinstance(target, ast.Name):
        yield (target.id,)
    elif isinstance(target, ast.Attribute):
        path = _attribute_path(target)
        if path is not None:
            yield path
    elif isinstance(target, (ast.Tuple, ast.List)):
        for elt in target.elts:
            yield from target_paths(elt)
    elif isinstance(target, ast.Starred):
        yield from target_paths(target.value)


def written_paths(node: ast.stmt) -> list[Path]:
    """Paths a statement binds by itself (its own header, for a compound), in order.

    >>> written_paths(ast.parse("x, self.y = 1, 2").body[0])
    [('x',), ('self', 'y')]
    """
    out: list[Path] = []
    if isinstance(node, ast.Assign):
        for target in node.targets:
            out.extend(target_paths(target))
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        out.extend(target_paths(node.target))
    elif isinstance(node, (ast.For, ast.AsyncFor)):
        out.extend(target_paths(node.target))
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        for item in node.items:
            if item.optional_vars is not None:
                out.extend(target_paths(item.optional_vars))
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            if alias.name != "*":
                out.append(((alias.asname or alias.name).split(".")[0],))
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        out.append((node.name,))
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        out.extend((name,) for name in node.names)
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        # walrus targets and `except ... as e` bind in the enclosing scope
        for sub in _own_expressions(node):
            for inner in ast.walk(sub):
                if isinstance(inner, ast.NamedExpr) and isinstance(inner.target, ast.Name):
                    out.append((inner.target.id,))
    handlers: list[ast.ExceptHandler] = getattr(node, "handlers", [])
    for handler in handlers:
        if handler.name:
            out.append((handler.name,))
    return out


def _own_expressions(node: ast.stmt) -> Iterator[ast.AST]:
    """The expressions of a statement, not those of statements nested in it."""
    for name, value in ast.iter_fields(node):
        if name in ("body", "orelse", "finalbody", "handlers", "cases", "decorator_list"):
            continue
        if isinstance(value, ast.AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, ast.AST) and not isinstance(item, ast.stmt):
                    yield item


def own_reads(stmt: Stmt) -> list[Path]:
    """Paths read by a statement itself (its header only, for a compound statement)."""
    if not stmt.compound:
        return read_paths(stmt.node)
    out: list[Path] = []
    for expr in _own_expressions(stmt.node):
        out.extend(read_paths(expr))
    return list(dict.fromkeys(out))


def subtree_writes(stmt: Stmt) -> set[Path]:
    """Paths bound anywhere in a statement, not looking into nested function or class bodies."""
    out = set(written_paths(stmt.node))
    if stmt.kind in ("def", "class"):
        return out
    for block in stmt.blocks:
        for child in block.stmts:
            out |= subtree_writes(child)
    return out


def function_params(node: ast.stmt) -> list[str]:
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    args = node.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    if args.vararg:
        names.append(args.vararg.arg)
    if args.kwarg:
        names.append(args.kwarg.arg)
    return names


@dataclass(frozen=True)
class Point:
    """A place in a module where a statement could run: a block and an index into it."""

    block: Block
    index: int  # the statement would become block.stmts[index]

    @property
    def line(self) -> float:
        """A sortable position: between the lines of its neighbours."""
        stmts = self.block.stmts
        if self.index < len(stmts):
            return stmts[self.index].first_line - 0.5
        if stmts:
            return stmts[-1].last_line + 0.5
        return float(self.block.header_line) + 0.5


@dataclass
class _Scope:
    owner: Stmt | None  # a def statement, or None for the module
    bindings: dict[str, list[Stmt | None]] = field(default_factory=dict)  # None: a parameter
    star: bool = False
    declared_global: set[str] = field(default_factory=set)


class Scopes:
    """Binding queries over one statement tree (computed per scope, on demand)."""

    def __init__(self, tree: StatementTree) -> None:
        self.tree = tree
        self._scopes: dict[int, _Scope] = {}
        self._module_globals: set[str] | None = None

    def scope_chain(self, block: Block) -> list[Stmt | None]:
        """Enclosing function scopes of a block, innermost first; None is the module.

        A class body between two functions is skipped (methods do not see class names), but a
        point directly in a class body sees that class body's names as locals.
        """
        chain: list[Stmt | None] = []
        for owner in block.ancestors():
            if owner.kind == "def" or (owner.kind == "class" and not chain and owner is block.owner):
                chain.append(owner)
        chain.append(None)
        return chain

    def _scope(self, owner: Stmt | None) -> _Scope:
        key = -1 if owner is None else owner.order
        scope = self._scopes.get(key)
        if scope is None:
            scope = _Scope(owner)
            if owner is None:
                body = self.tree.root.stmts
            else:
                for name in function_params(owner.node):
                    scope.bindings.setdefault(name, []).append(None)
                body = [s for b in owner.blocks for s in b.stmts]
            self._fill(scope, body)
            if owner is None:
                for name in self._globals_declared_in_functions():
                    scope.bindings.setdefault(name, []).append(None)
            self._scopes[key] = scope
        return scope

    def _fill(self, scope: _Scope, stmts: Iterable[Stmt]) -> None:
        for stmt in stmts:
            node = stmt.node
            if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
                scope.star = True
            if isinstance(node, ast.Global):
                scope.declared_global.update(node.names)
            for path in written_paths(node):
                if len(path) == 1 and not isinstance(node, (ast.Global, ast.Nonlocal)):
                    scope.bindings.setdefault(path[0], []).append(stmt)
            if stmt.kind not in ("def", "class"):
                for block in stmt.blocks:
                    self._fill(scope, block.stmts)

    def _globals_declared_in_functions(self) -> set[str]:
        if self._module_globals is None:
            names: set[str] = set()
            for stmt in self.tree.statements:
                if isinstance(stmt.node, ast.Global):
                    names.update(stmt.node.names)
            self._module_globals = names
        return self._module_globals

    def bound_at(self, name: str, point: Point, *, star: bool = True) -> bool:
        """Whether ``name`` is bound when control reaches ``point`` (``star=False``: not
        counting what a ``from m import *`` may bind)."""
        chain = self.scope_chain(point.block)
        innermost = chain[0]
        for depth, owner in enumerate(chain):
            scope = self._scope(owner)
            if depth == 0 and name in scope.declared_global:
                continue
            sites = scope.bindings.get(name)
            if sites:
                if depth > 0 or (owner is not None and innermost is not None and owner is not innermost):
                    return True
                if any(site is None or self._before_or_looping(site, point) for site in sites):
                    return True
                # a local bound only later in the function: unbound here (and not global)
                return False
            if scope.star and star:
                return True
        return name in BUILTINS

    def _before_or_looping(self, site: Stmt, point: Point) -> bool:
        if site.first_line < point.line:
            return True
        # bound later in the body of a loop that also encloses the point: bound from the
        # second iteration on, which is as good as it gets for a log statement
        site_loops = {id(a) for a in site.ancestors() if a.kind in ("for", "while")}
        return any(id(a) in site_loops for a in point.block.ancestors() if a.kind in ("for", "while"))


__all__ = [
    "BUILTINS",
    "Path",
    "Point",
    "Scopes",
    "function_params",
    "own_reads",
    "read_paths",
    "subtree_writes",
    "target_paths",
    "written_paths",
]
