"""The functions a module defines and calls, read off its statements' syntax trees."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable

from florc.syntax.tree import Stmt

def defs_by_name(stmts: Iterable[Stmt]) -> dict[str, list[Stmt]]:
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
    value: ast.expr | None = None
    if isinstance(node, (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return)):
        value = node.value
    if isinstance(value, ast.Await):
        value = value.value
    return value if isinstance(value, ast.Call) else None


__all__ = ["def_name", "defs_by_name", "enclosing_def", "outer_call"]
