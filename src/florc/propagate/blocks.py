"""How the statements and blocks of two versions may correspond.

Two statements can only be the same statement when they are of one family (a ``for`` may have
become a ``while``, never an ``if``); the blocks of two matched compound statements correspond
by their role, and an old guard (``if x is None: continue``) corresponds to today's condition
around the rest of the loop."""

from __future__ import annotations

import ast

from florc.propagate.similarity import bag, dice
from florc.syntax.tree import Block, Stmt

_FAMILY = {"for": "loop", "while": "loop", "def": "def", "class": "class", "if": "if", "with": "with",
           "try": "try", "match": "match", "simple": "simple"}


def compatible(a: Stmt, b: Stmt) -> bool:
    return _FAMILY[a.kind] == _FAMILY[b.kind]


def pair_blocks(a: Stmt, b: Stmt) -> list[tuple[Block, Block]]:
    """Corresponding blocks of two matched compound statements (by role, then by order).

    A guard turned into a condition (``if out is None: continue`` then the rest of the loop,
    today ``if out is not None:`` around it) pairs the new body with the old guard's block:
    what follows the guard runs under the new condition."""
    if guard_of(a, b):
        return [(a.blocks[0], b.parent)]
    pairs: list[tuple[Block, Block]] = []
    used: set[int] = set()
    for ba in a.blocks:
        role = ba.role
        for bb in b.blocks:
            if id(bb) in used:
                continue
            same_role = bb.role == role or {bb.role, role} <= {"body", "if"}
            if same_role and (role not in ("except", "case") or _label_close(ba, bb)):
                pairs.append((ba, bb))
                used.add(id(bb))
                break
    return pairs


def guard_of(a: Stmt, b: Stmt) -> bool:
    """Whether old ``b`` is ``if not c: <jump>`` for new ``a``, ``if c: <body>`` (no ``else``
    on either side)."""
    if a.kind != "if" or b.kind != "if" or len(a.blocks) != 1 or len(b.blocks) != 1:
        return False
    body = b.blocks[0].stmts
    if len(body) != 1 or not isinstance(body[0].node, (ast.Continue, ast.Break, ast.Return, ast.Raise)):
        return False
    test_a, test_b = getattr(a.node, "test", None), getattr(b.node, "test", None)
    return test_a is not None and test_b is not None and negated(test_a, test_b)


_NEGATED_OPS = {(ast.Is, ast.IsNot), (ast.IsNot, ast.Is), (ast.Eq, ast.NotEq), (ast.NotEq, ast.Eq),
                (ast.In, ast.NotIn), (ast.NotIn, ast.In), (ast.Lt, ast.GtE), (ast.GtE, ast.Lt),
                (ast.Gt, ast.LtE), (ast.LtE, ast.Gt)}


def negated(a: ast.expr, b: ast.expr) -> bool:
    """``not c`` / ``c``, ``x is None`` / ``x is not None``, ``a < b`` / ``a >= b``."""
    def same(x: ast.AST, y: ast.AST) -> bool:
        return ast.dump(x) == ast.dump(y)

    if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.Not):
        return same(a.operand, b)
    if isinstance(b, ast.UnaryOp) and isinstance(b.op, ast.Not):
        return same(a, b.operand)
    if isinstance(a, ast.Compare) and isinstance(b, ast.Compare) and len(a.ops) == 1 and len(b.ops) == 1:
        return (type(a.ops[0]), type(b.ops[0])) in _NEGATED_OPS and same(a.left, b.left) and \
            same(a.comparators[0], b.comparators[0])
    return False


def _label_close(a: Block, b: Block) -> bool:
    return a.label == b.label or dice(bag(a.label), bag(b.label)) >= 0.5


__all__ = ["compatible", "guard_of", "negated", "pair_blocks"]
