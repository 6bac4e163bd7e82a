"""Statement and block addresses of a module, as ``florc.syntax.address`` writes them.

The syntax package computes addresses on its statement tree (propagation works there); this pass
computes them on the ``ast`` tree it analyses, following the rules of grammar/README.md, and a
test checks both agree on every golden case. Checkpoints are keyed by a loop's block address, and
the ``site`` column of replayed rows by statement address, so an address computed here must be
the one the rest of florc computes for the same code.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from florc.instrument.nodes import FORS, FUNCTIONS, TRIES, WITHS, is_compound
from florc.instrument.text import SourceText


def target_text(text: SourceText, target: ast.expr) -> str:
    """A loop target as the syntax package writes it: unparsed by ``ast``, without spaces."""
    return ast.unparse(target).replace(" ", "")


@dataclass
class Addresses:
    """Addresses by node: every statement (simple ones one by one, as ``a; b`` counts two) and
    the body of every compound statement."""

    path: str
    statements: dict[ast.AST, str] = field(default_factory=dict)
    blocks: dict[ast.AST, str] = field(default_factory=dict)

    def full(self, inner: str) -> str:
        return f"{self.path}::{inner}"


def _segment(text: SourceText, node: ast.stmt) -> str:
    if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
        return node.name
    if isinstance(node, FORS):
        return f"for:{target_text(text, node.target)}"
    if isinstance(node, ast.While):
        return "while"
    if isinstance(node, ast.If):
        return "if"
    if isinstance(node, WITHS):
        return "with"
    if isinstance(node, TRIES):
        return "try"
    if isinstance(node, ast.Match):
        return "match"
    return "simple"


def _join(prefix: str, segment: str) -> str:
    return f"{prefix}/{segment}" if prefix else segment


def _clauses(node: ast.stmt, base: str) -> Iterator[tuple[str, Sequence[ast.stmt]]]:
    """(block address, statements) of each clause of a compound statement."""
    if isinstance(node, TRIES):
        yield base, node.body
        for n, handler in enumerate(node.handlers):
            yield _join(base, "except" + (f"@{n}" if n else "")), handler.body
        if node.orelse:
            yield _join(base, "else"), node.orelse
        if node.finalbody:
            yield _join(base, "finally"), node.finalbody
        return
    if isinstance(node, ast.Match):
        for n, case in enumerate(node.cases):
            yield _join(base, "case" + (f"@{n}" if n else "")), case.body
        return
    yield base, node.body  # type: ignore[attr-defined]
    orelse: list[ast.stmt] = getattr(node, "orelse", None) or []
    if orelse:  # an `elif` is an `if` that is the only statement of the else
        yield _join(base, "else"), orelse


def _walk(text: SourceText, stmts: Sequence[ast.stmt], prefix: str, out: Addresses) -> None:
    seen: dict[str, int] = {}
    for index, stmt in enumerate(stmts):
        out.statements[stmt] = out.full(_join(prefix, f"stmt:{index}"))
        if not is_compound(stmt):
            continue
        segment = _segment(text, stmt)
        nth = seen.get(segment, 0)
        seen[segment] = nth + 1
        base = _join(prefix, segment + (f"@{nth}" if nth else ""))
        out.blocks[stmt] = out.full(base)
        for address, body in _clauses(stmt, base):
            _walk(text, body, address, out)


def addresses(text: SourceText, module: ast.Module, path: str) -> Addresses:
    """Every statement's and block's address in ``module`` (a script at ``path``).

    >>> source = "for epoch in r:\\n    if a:\\n        b()\\n"
    >>> found = addresses(SourceText(source), ast.parse(source), "t.py")
    >>> sorted(found.statements.values())
    ['t.py::for:epoch/if/stmt:0', 't.py::for:epoch/stmt:0', 't.py::stmt:0']
    """
    out = Addresses(path)
    _walk(text, module.body, "", out)
    return out


__all__ = ["Addresses", "addresses", "target_text"]
