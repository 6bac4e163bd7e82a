"""Small helpers over ``ast`` trees: children in source order, call arguments in source order,
string literals as single tokens, and the statement kinds the pass distinguishes.

The analysis walks ``ast`` trees (the C parser is an order of magnitude faster than a concrete
syntax tree, see docs/design/instrument.md), but some of its answers depend on the order in
which a reader meets the code (the first reason a loop is opaque, the first looping function a
statement calls). ``ast`` lists some children by field rather than by position (``a if t else
b``, keyword arguments among positional ones, decorators after the body), so ``children`` puts
them back in the order they are written.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from typing import Any

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
FORS = (ast.For, ast.AsyncFor)
LOOPS = (ast.For, ast.AsyncFor, ast.While)
WITHS = (ast.With, ast.AsyncWith)
TRIES = (ast.Try, ast.TryStar)
COMPOUND = (
    ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try, ast.TryStar,
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Match,
)
# Fields that hold no code: expression contexts, operators, names and constants.
_SKIP = frozenset({"ctx", "op", "ops", "type_comment", "type_ignores"})
_SCALARS: dict[type, frozenset[str]] = {
    ast.Name: frozenset({"id"}),
    ast.Attribute: frozenset({"attr"}),
    ast.Constant: frozenset({"value", "kind"}),
    ast.alias: frozenset({"name", "asname"}),
    ast.FunctionDef: frozenset({"name"}),
    ast.AsyncFunctionDef: frozenset({"name"}),
    ast.ClassDef: frozenset({"name"}),
    ast.ImportFrom: frozenset({"module", "level"}),
    ast.keyword: frozenset({"arg"}),
    ast.arg: frozenset({"arg"}),
    ast.Global: frozenset({"names"}),
    ast.Nonlocal: frozenset({"names"}),
    ast.FormattedValue: frozenset({"conversion"}),
    ast.ExceptHandler: frozenset({"name"}),
    ast.MatchAs: frozenset({"name"}),
    ast.MatchStar: frozenset({"name"}),
    ast.MatchMapping: frozenset({"rest"}),
    ast.MatchClass: frozenset({"kwd_attrs"}),
    ast.MatchSingleton: frozenset({"value"}),
    ast.comprehension: frozenset({"is_async"}),
    ast.AnnAssign: frozenset({"simple"}),
}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    fields = _FIELDS.get(cls)
    if fields is None:
        scalars = _SCALARS.get(cls, frozenset())
        fields = tuple(
            f for f in cls._fields if f not in _SKIP and f not in scalars  # type: ignore[attr-defined]
        )
        _FIELDS[cls] = fields
    return fields


def start(node: ast.AST) -> tuple[int, int]:
    return (node.lineno, node.col_offset)  # type: ignore[attr-defined]


def call_args(call: ast.Call) -> list[ast.expr]:
    """The values of a call's arguments in the order they are written (a starred argument's
    value without its star, a keyword argument's value without its name)."""
    if not call.keywords:
        return [a.value if isinstance(a, ast.Starred) else a for a in call.args]
    items: list[ast.expr | ast.keyword] = [*call.args, *call.keywords]
    items.sort(key=start)
    return [
        a.value if isinstance(a, (ast.Starred, ast.keyword)) else a for a in items
    ]


def children(node: ast.AST) -> list[ast.AST]:
    """The child nodes of ``node`` in the order they appear in the source."""
    cls = type(node)
    special = _SPECIAL.get(cls)
    if special is not None:
        return special(node)
    out: list[ast.AST] = []
    for name in _FIELDS.get(cls) or _fields(cls):
        value = getattr(node, name)
        if value is None:
            continue
        if type(value) is list:
            out.extend(value)
        else:
            out.append(value)
    return out


def _call(call: ast.Call) -> list[ast.AST]:
    if call.keywords:
        items: list[ast.AST] = [*call.args, *call.keywords]
        items.sort(key=start)
        return [call.func, *items]
    return [call.func, *call.args]


def _ifexp(node: ast.IfExp) -> list[ast.AST]:
    return [node.body, node.test, node.orelse]


def _dict(node: ast.Dict) -> list[ast.AST]:
    out: list[ast.AST] = []
    for key, value in zip(node.keys, node.values):
        if key is not None:
            out.append(key)
        out.append(value)
    return out


def _function(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.AST]:
    out: list[ast.AST] = [*fn.decorator_list, fn.args]
    if fn.returns is not None:
        out.append(fn.returns)
    out.extend(fn.body)
    return out


def _class(c: ast.ClassDef) -> list[ast.AST]:
    bases: list[ast.AST] = [*c.bases, *c.keywords]
    if c.keywords:
        bases.sort(key=start)
    return [*c.decorator_list, *bases, *c.body]


def _mapping(m: ast.MatchMapping) -> list[ast.AST]:
    out: list[ast.AST] = []
    for key, pattern in zip(m.keys, m.patterns):
        out.append(key)
        out.append(pattern)
    return out


def _leaf(node: ast.AST) -> list[ast.AST]:
    return []


_SPECIAL: dict[type, Callable[[Any], list[ast.AST]]] = {
    ast.Call: _call,
    ast.IfExp: _ifexp,
    ast.Dict: _dict,
    ast.FunctionDef: _function,
    ast.AsyncFunctionDef: _function,
    ast.ClassDef: _class,
    ast.arguments: lambda node: list(parameters(node)),
    ast.MatchMapping: _mapping,
    ast.Name: _leaf,
    ast.Constant: _leaf,
    ast.Global: _leaf,
    ast.Nonlocal: _leaf,
    ast.Pass: _leaf,
    ast.Break: _leaf,
    ast.Continue: _leaf,
    ast.alias: _leaf,
}


def parameters(args: ast.arguments) -> Iterator[ast.AST]:
    """Parameters with their annotations and defaults, in source order."""
    positional = [*args.posonlyargs, *args.args]
    offset = len(positional) - len(args.defaults)
    for i, arg in enumerate(positional):
        yield arg
        if i >= offset:
            yield args.defaults[i - offset]
    if args.vararg is not None:
        yield args.vararg
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        yield arg
        if default is not None:
            yield default
    if args.kwarg is not None:
        yield args.kwarg


def walk(node: ast.AST) -> Iterator[ast.AST]:
    """``node`` and its descendants, depth first, in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def param_names(args: ast.arguments) -> list[str]:
    out = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    if args.vararg is not None:
        out.append(args.vararg.arg)
    if args.kwarg is not None:
        out.append(args.kwarg.arg)
    return out


def clause_blocks(node: ast.stmt) -> list[list[ast.stmt]]:
    """The statement lists of a compound statement's clauses, in order."""
    if isinstance(node, TRIES):
        blocks = [node.body, *(h.body for h in node.handlers)]
        if node.orelse:
            blocks.append(node.orelse)
        if node.finalbody:
            blocks.append(node.finalbody)
        return blocks
    if isinstance(node, ast.Match):
        return [case.body for case in node.cases]
    body: list[ast.stmt] = getattr(node, "body", None) or []
    orelse: list[ast.stmt] = getattr(node, "orelse", None) or []
    return [body, orelse] if orelse else [body]


def is_compound(node: ast.AST) -> bool:
    return isinstance(node, COMPOUND)


__all__ = [
    "COMPOUND",
    "FORS",
    "FUNCTIONS",
    "LOOPS",
    "TRIES",
    "WITHS",
    "call_args",
    "children",
    "clause_blocks",
    "is_compound",
    "param_names",
    "parameters",
    "start",
    "walk",
]
