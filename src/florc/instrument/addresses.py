"""Statement and block addresses of a libcst module, as ``florc.syntax.address`` writes them.

The syntax package computes addresses on ``ast`` trees (propagation works there); this pass works
on libcst trees, so it computes the same addresses itself, following the rules of
grammar/README.md, and a test checks both agree on every golden case. Checkpoints are keyed by a
loop's block address, and the ``site`` column of replayed rows by statement address, so an
address computed here must be the one the rest of florc computes for the same code.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import libcst as cst


def target_text(module: cst.Module, target: cst.BaseAssignTargetExpression) -> str:
    """A loop target as the syntax package writes it: unparsed by ``ast``, without spaces."""
    code = module.code_for_node(target).strip()
    try:
        return ast.unparse(ast.parse(code, mode="eval").body).replace(" ", "")
    except SyntaxError:  # a starred or unusual target the expression parser refuses
        return "".join(code.split())


@dataclass
class Addresses:
    """Addresses by node identity: statements (compound nodes and small statements; a
    ``SimpleStatementLine`` maps to its first part) and the bodies of compound statements."""

    path: str
    statements: dict[cst.CSTNode, str] = field(default_factory=dict)
    blocks: dict[cst.CSTNode, str] = field(default_factory=dict)

    def full(self, inner: str) -> str:
        return f"{self.path}::{inner}"


def _segment(module: cst.Module, node: cst.BaseStatement) -> str:
    if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
        return node.name.value
    if isinstance(node, cst.For):
        return f"for:{target_text(module, node.target)}"
    if isinstance(node, cst.While):
        return "while"
    if isinstance(node, cst.If):
        return "if"
    if isinstance(node, cst.With):
        return "with"
    if isinstance(node, (cst.Try, cst.TryStar)):
        return "try"
    if isinstance(node, cst.Match):
        return "match"
    return "simple"


def _body(suite: cst.BaseSuite) -> Sequence[cst.BaseStatement | cst.BaseSmallStatement]:
    if isinstance(suite, cst.IndentedBlock):
        return suite.body
    assert isinstance(suite, cst.SimpleStatementSuite)
    return suite.body


def _join(prefix: str, segment: str) -> str:
    return f"{prefix}/{segment}" if prefix else segment


def _clauses(
    node: cst.BaseCompoundStatement, base: str
) -> Iterator[tuple[str, Sequence[cst.BaseStatement | cst.BaseSmallStatement]]]:
    """(block address, statements) of each clause of a compound statement."""
    if isinstance(node, (cst.Try, cst.TryStar)):
        yield base, _body(node.body)
        handlers: Sequence[cst.ExceptHandler | cst.ExceptStarHandler] = node.handlers
        for n, handler in enumerate(handlers):
            yield _join(base, "except" + (f"@{n}" if n else "")), _body(handler.body)
        if node.orelse is not None:
            yield _join(base, "else"), _body(node.orelse.body)
        if node.finalbody is not None:
            yield _join(base, "finally"), _body(node.finalbody.body)
        return
    if isinstance(node, cst.Match):
        for n, case in enumerate(node.cases):
            yield _join(base, "case" + (f"@{n}" if n else "")), _body(case.body)
        return
    yield base, _body(node.body)
    orelse = getattr(node, "orelse", None)
    if isinstance(orelse, cst.Else):
        yield _join(base, "else"), _body(orelse.body)
    elif isinstance(orelse, cst.If):  # elif: an `if` that is the only statement of the else
        yield _join(base, "else"), (orelse,)


def _walk(
    module: cst.Module,
    stmts: Sequence[cst.BaseStatement | cst.BaseSmallStatement],
    prefix: str,
    out: Addresses,
) -> None:
    index = 0
    seen: dict[str, int] = {}
    for stmt in stmts:
        if isinstance(stmt, cst.SimpleStatementLine):
            out.statements[stmt] = out.full(_join(prefix, f"stmt:{index}"))
            for small in stmt.body:
                out.statements[small] = out.full(_join(prefix, f"stmt:{index}"))
                index += 1
            continue
        if isinstance(stmt, cst.BaseSmallStatement):  # a part of a one-line suite
            out.statements[stmt] = out.full(_join(prefix, f"stmt:{index}"))
            index += 1
            continue
        assert isinstance(stmt, cst.BaseCompoundStatement)
        out.statements[stmt] = out.full(_join(prefix, f"stmt:{index}"))
        index += 1
        segment = _segment(module, stmt)
        nth = seen.get(segment, 0)
        seen[segment] = nth + 1
        base = _join(prefix, segment + (f"@{nth}" if nth else ""))
        out.blocks[stmt] = out.full(base)
        for address, body in _clauses(stmt, base):
            _walk(module, body, address, out)


def addresses(module: cst.Module, path: str) -> Addresses:
    """Every statement's and block's address in ``module`` (a script at ``path``).

    >>> m = cst.parse_module("for epoch in r:\\n    if a:\\n        b()\\n")
    >>> sorted(addresses(m, "t.py").statements.values())
    ['t.py::for:epoch/if/stmt:0', 't.py::for:epoch/stmt:0', 't.py::stmt:0', 't.py::stmt:0']
    """
    out = Addresses(path)
    _walk(module, module.body, "", out)
    return out


__all__ = ["Addresses", "addresses", "target_text"]
