"""Statement addresses: ``train.py::train/for:epoch/stmt:3``.

An address names a statement by its enclosing scopes and blocks, outermost first, then its
index in the innermost block. It is what diagnostics, ``--explain`` plans and the ``site``
column of the log table show, so it should survive edits elsewhere in the file (line numbers do
not) and read like the code:

- ``name`` for a function or class, ``for:<target>``, ``while``, ``with``, ``if`` / ``else``,
  ``try`` / ``except`` / ``finally``, ``case`` for compound statements;
- ``@k`` after a segment when an earlier sibling in the same block has the same segment, so that
  the second of two identical ``if rank == 0:`` blocks is ``if@1``;
- ``stmt:N`` last, N counting from 0 in the innermost block.
"""

from __future__ import annotations

import ast

from florc.syntax.tree import Block, Stmt


def segment(stmt: Stmt) -> str:
    node = stmt.node
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name
    if isinstance(node, (ast.For, ast.AsyncFor)):
        target = ast.unparse(node.target).replace(" ", "")
        return f"for:{target}"
    return stmt.kind


def _block_segment(block: Block) -> str:
    owner = block.owner
    assert owner is not None
    base = segment(owner)
    same = [s for s in owner.parent.stmts[: owner.index] if segment(s) == base]
    if same:
        base = f"{base}@{len(same)}"
    if block.role in ("else", "except", "finally", "case") :
        role = block.role
        if owner.kind == "try" or owner.kind == "match":
            nth = sum(1 for b in owner.blocks[: owner.blocks.index(block)] if b.role == role)
            role = f"{role}@{nth}" if nth else role
        return f"{base}/{role}"
    return base


def block_address(block: Block) -> str:
    parts: list[str] = []
    current: Block | None = block
    while current is not None and current.owner is not None:
        parts.append(_block_segment(current))
        current = current.owner.parent
    return "/".join(reversed(parts))


def address(stmt: Stmt | None, path: str = "", block: Block | None = None, index: int | None = None) -> str:
    """The address of a statement, or of position ``index`` in ``block``.

    >>> from florc.syntax.parse import parse_python
    >>> from florc.syntax.tree import build_tree
    >>> text, module = parse_python("def train():\\n    for epoch in r:\\n        a\\n        b\\n")
    >>> tree = build_tree(text, module)
    >>> address(tree.statements[-1], "train.py")
    'train.py::train/for:epoch/stmt:1'
    """
    if stmt is not None:
        block, index = stmt.parent, stmt.index
    assert block is not None and index is not None
    inner = block_address(block)
    prefix = f"{path}::" if path else ""
    return f"{prefix}{inner + '/' if inner else ''}stmt:{index}"


__all__ = ["address", "block_address", "segment"]
