"""The functions a module defines and calls, and the paths it mentions, read off its syntax
trees."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable

from florc.syntax.tree import Stmt


def defs_by_name(stmts: Iterable[Stmt]) -> dict[str, list[Stmt]]:
    """The function definitions among ``stmts``, by name (methods of several classes share one)."""
    out: dict[str, list[Stmt]] = defaultdict(list)
    for s in stmts:
        if s.kind == "def":
            out[def_name(s)].append(s)
    return out


def enclosing_def(stmt: Stmt) -> Stmt | None:
    return next((owner for owner in stmt.ancestors() if owner.kind == "def"), None)


def def_name(stmt: Stmt) -> str:
    node = stmt.node
    return node.name if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else ""


def outer_call(node: ast.stmt) -> ast.Call | None:
    """The call a simple statement makes at its top (``x = f(...)``, ``f(...)``, ``return f(...)``)."""
    value: ast.expr | None = None
    if isinstance(node, (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return)):
        value = node.value
    if isinstance(value, ast.Await):
        value = value.value
    return value if isinstance(value, ast.Call) else None


def plain_target(node: ast.stmt) -> str | None:
    """The one name an assignment binds (`x = ...`), if that is all it binds."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    return None


_OPPOSITES = {(ast.Add, ast.Sub), (ast.Sub, ast.Add), (ast.Mult, ast.Div), (ast.Div, ast.Mult)}


def undoes(a: ast.stmt, b: ast.stmt) -> bool:
    """Whether two updates go opposite ways (`self._step_nr += 1` today, the rollback
    `self._step_nr -= 1` of an overflowing step before): whatever their names, not one step."""
    return isinstance(a, ast.AugAssign) and isinstance(b, ast.AugAssign) and (type(a.op), type(b.op)) in _OPPOSITES


def entry_filled(node: ast.stmt) -> tuple[str, str] | None:
    """The container path and constant key of ``container["key"] = value``, if that is what
    ``node`` is."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
        target = node.targets[0]
        container, key = dotted(target.value), target.slice
        if container is not None and isinstance(key, ast.Constant) and isinstance(key.value, str):
            return container, key.value
    return None


def other_slot(a: ast.stmt, b: ast.stmt) -> bool:
    """Whether two assignments fill entries of one container under two constant keys with two
    different values (`values["data_time"] = data_time`, `values["data_epoch"] =
    self._data_epoch_nr`): two slots, not one statement rewritten. (A key renamed with its value
    kept, `metrics["valid_loss"] = loss` for `metrics["val_loss"] = loss`, may still be.)"""
    sa, sb = entry_filled(a), entry_filled(b)
    return sa is not None and sb is not None and sa[0] == sb[0] and sa[1] != sb[1] and \
        ast.dump(a.value) != ast.dump(b.value)  # type: ignore[attr-defined]


def callee_name(func: ast.expr) -> str | None:
    """The name a call is known by: ``f`` of ``f(...)``, ``step`` of ``self.opt.step(...)``."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def called_names(node: ast.AST) -> set[str]:
    """The names of every call inside ``node``."""
    return {name for n in ast.walk(node) if isinstance(n, ast.Call) and (name := callee_name(n.func))}


def dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for an access path, None for anything else (a call, a subscript)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def paths_of(module: ast.AST) -> set[str]:
    """Every access path a module (or a statement) mentions, with its prefixes (``self.ema.update`` gives
    ``self``, ``self.ema`` and ``self.ema.update``)."""
    out: set[str] = set()
    for node in ast.walk(module):
        if isinstance(node, (ast.Attribute, ast.Name)):
            path = dotted(node)
            if path is not None:
                out.add(path)
    return out


__all__ = ["callee_name", "called_names", "def_name", "defs_by_name", "dotted", "enclosing_def", "entry_filled",
           "other_slot", "outer_call", "paths_of", "plain_target", "undoes"]
