"""The statement tree: the view of a module that alignment and placement work on.

A module is a block of statements; a compound statement owns one or more blocks (``if`` owns its
body and its ``else``, ``try`` its body, one block per ``except`` clause, ``else`` and
``finally``). Each statement carries what later passes ask of it, computed once:

- its normalised tokens (the whole statement when simple, the header when compound), see
  ``florc.syntax.tokens``;
- its line span in the file (decorators included), so that an edit can be spliced between whole
  lines without touching any other byte;
- whether it shares a line with a neighbour (``a; b``, ``if x: y``), where no line can be put
  between the two.

The tree is built from ``ast`` (for speed, see ``florc.syntax.parse``). Statement objects compare
by identity; they are analysis data, never edited.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from florc.syntax.source import newline_of, split_lines
from florc.syntax.tokens import tokenize_segment

_KINDS: dict[type, str] = {
    ast.FunctionDef: "def",
    ast.AsyncFunctionDef: "def",
    ast.ClassDef: "class",
    ast.For: "for",
    ast.AsyncFor: "for",
    ast.While: "while",
    ast.If: "if",
    ast.With: "with",
    ast.AsyncWith: "with",
    ast.Try: "try",
}
if hasattr(ast, "TryStar"):
    _KINDS[ast.TryStar] = "try"
if hasattr(ast, "Match"):
    _KINDS[ast.Match] = "match"

COMPOUND_KINDS = frozenset(_KINDS.values())
# Blocks whose statements run only under a condition that the enclosing block does not imply.
CONDITIONAL_ROLES = frozenset({"if", "else", "except", "finally", "case"})


@dataclass(eq=False)
class Block:
    """A list of statements: the module, or one clause of a compound statement."""

    owner: Stmt | None
    role: str  # module | body | else | except | finally | case
    label: tuple[str, ...] = ()  # tokens of an `except ...:` / `case ...:` clause
    stmts: list[Stmt] = field(default_factory=list)
    # Line of the clause header (`else:`, `except E:`); 0 for the module.
    header_line: int = 0
    # True when the block's first statement sits on its header's line (`if x: y`).
    inline: bool = False

    @property
    def conditional(self) -> bool:
        """Whether entering the block depends on a condition (if/else/except/... clauses)."""
        if self.owner is None:
            return False
        if self.owner.kind == "if":
            return True
        if self.owner.kind in ("for", "while") and self.role == "else":
            return True
        return self.role in CONDITIONAL_ROLES

    def ancestors(self) -> Iterator[Stmt]:
        """Enclosing compound statements, innermost first."""
        owner = self.owner
        while owner is not None:
            yield owner
            owner = owner.parent.owner

    def __repr__(self) -> str:
        where = "<module>" if self.owner is None else f"{self.owner.kind}@{self.owner.first_line}"
        return f"Block({where}.{self.role}, {len(self.stmts)} stmts)"


@dataclass(eq=False)
class Stmt:
    """One statement with its position and normalised tokens."""

    node: ast.stmt
    kind: str  # simple | def | class | for | while | if | with | try | match
    source: str  # the statement's text when simple; decorators and header when compound
    parent: Block
    index: int
    first_line: int  # 1-based, decorators included
    last_line: int  # 1-based, inclusive
    indent: str  # the whitespace before the statement on its first line
    order: int = 0  # preorder number
    blocks: list[Block] = field(default_factory=list)
    shares_line: bool = False
    size: int = 1  # statements in the subtree, itself included

    _tokens: tuple[str, ...] | None = field(default=None, repr=False)
    _key: str | None = field(default=None, repr=False)
    # paths and their prefixes, filled by the aligner (kept here so that the newest version,
    # aligned with every old version of a history, computes them once)
    identity_paths: tuple[str, ...] | None = field(default=None, repr=False)

    @property
    def compound(self) -> bool:
        return self.kind != "simple"

    @property
    def tokens(self) -> tuple[str, ...]:
        """Normalised tokens (see ``florc.syntax.tokens``), computed on first use."""
        if self._tokens is None:
            tokens = tokenize_segment(self.source)
            if self.kind != "simple":
                if tokens and tokens[0] == "elif":
                    tokens = ("if",) + tokens[1:]
                if self.kind == "match" and tokens and tokens[-1] == "case":
                    tokens = tokens[:-1]
                if tokens and tokens[-1] == ":":
                    tokens = tokens[:-1]
            self._tokens = tokens
        return self._tokens

    @property
    def key(self) -> str:
        """A cheap normal form for exact comparison, the same for the same statement however
        it is formatted: comments, line breaks and spaces (except between two words), quote
        characters and trailing commas do not count (a reformatting commit, black's included,
        keeps every key). Two statements whose string literals differ only in those may share
        a key; that is the price of not tokenizing every statement."""
        if self._key is None:
            self._key = normal_form(self.source, self.kind != "simple")
        return self._key

    def descendants(self) -> Iterator[Stmt]:
        """Statements nested in this one, in source order (not including itself)."""
        for block in self.blocks:
            for stmt in block.stmts:
                yield stmt
                yield from stmt.descendants()

    def ancestors(self) -> Iterator[Stmt]:
        return self.parent.ancestors()

    def prev(self) -> Stmt | None:
        return self.parent.stmts[self.index - 1] if self.index > 0 else None

    def next(self) -> Stmt | None:
        stmts = self.parent.stmts
        return stmts[self.index + 1] if self.index + 1 < len(stmts) else None

    def text(self) -> str:
        return " ".join(self.tokens)

    def __repr__(self) -> str:
        return f"Stmt({self.kind}@{self.first_line}: {self.text()[:60]!r})"


@dataclass(eq=False)
class StatementTree:
    """A parsed module as blocks of statements, with the text it came from."""

    text: str
    lines: list[str]
    newline: str
    module: ast.Module
    root: Block
    statements: list[Stmt]  # preorder

    def dispose(self) -> None:
        """Break the parent/child links so the tree is freed by reference counting alone
        (the cyclic collector would otherwise walk all of it later)."""
        for stmt in self.statements:
            for block in stmt.blocks:
                block.owner = None
                block.stmts = []
            stmt.blocks = []
        self.root.stmts = []
        self.statements = []

    def block_of_line(self, line: int) -> Block | None:
        """The innermost block with a statement spanning ``line`` (for diagnostics)."""
        found: Block | None = None
        for stmt in self.statements:
            if stmt.first_line <= line <= stmt.last_line:
                found = stmt.parent
        return found


def build_tree(text: str, module: ast.Module) -> StatementTree:
    """The statement tree of ``module``, parsed from ``text``."""
    lines = split_lines(text)
    builder = _Builder(lines)
    root = Block(owner=None, role="module")
    builder.fill(root, module.body)
    return StatementTree(
        text=text,
        lines=lines,
        newline=newline_of(text),
        module=module,
        root=root,
        statements=builder.statements,
    )


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.statements: list[Stmt] = []

    # -- positions ---------------------------------------------------------------------------

    def _col(self, line: int, byte_col: int) -> int:
        """``ast`` columns count UTF-8 bytes; slicing needs characters."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text.isascii():
            return byte_col
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    def segment(self, start: tuple[int, int], end: tuple[int, int]) -> str:
        (l1, c1), (l2, c2) = start, end
        c1, c2 = self._col(l1, c1), self._col(l2, c2)
        if l1 == l2:
            return self.lines[l1 - 1][c1:c2]
        parts = [self.lines[l1 - 1][c1:]]
        parts.extend(self.lines[l1 : l2 - 1])
        parts.append(self.lines[l2 - 1][:c2])
        return "".join(parts)

    def header_end(self, before_line: int) -> int:
        """The last line of a clause header: the first line above ``before_line`` holding code."""
        line = before_line - 1
        while line > 1:
            stripped = self.lines[line - 1].strip()
            if stripped and not stripped.startswith("#"):
                break
            line -= 1
        return line

    # -- construction ------------------------------------------------------------------------

    def fill(self, block: Block, body: list[ast.stmt], elif_chain: bool = False) -> None:
        for node in body:
            block.stmts.append(self.stmt(node, block, len(block.stmts)))
        for a, b in zip(block.stmts, block.stmts[1:]):
            if a.last_line >= b.first_line:
                a.shares_line = b.shares_line = True
        if block.stmts and block.owner is not None and (elif_chain or not self.starts_line(block.stmts[0])):
            # `if x: y` or the `else` that holds an `elif`: no line fits between header and body.
            block.inline = True
            block.header_line = block.stmts[0].first_line
            for stmt in block.stmts:
                stmt.shares_line = True

    def starts_line(self, stmt: Stmt) -> bool:
        node = stmt.node
        decorators: list[ast.expr] = list(getattr(node, "decorator_list", ()))
        line, col = (decorators[0].lineno, decorators[0].col_offset - 1) if decorators else (node.lineno, node.col_offset)
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return not text[: self._col(line, max(col, 0))].strip()

    def stmt(self, node: ast.stmt, parent: Block, index: int) -> Stmt:
        kind = _KINDS.get(type(node), "simple")
        decorators: list[ast.expr] = list(getattr(node, "decorator_list", ()))
        first_line = min([node.lineno] + [d.lineno for d in decorators])
        end_line = node.end_lineno or node.lineno
        line_text = self.lines[first_line - 1] if first_line - 1 < len(self.lines) else ""
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t\f"))]
        if kind == "simple":
            source = self.segment((node.lineno, node.col_offset), (end_line, node.end_col_offset or 0))
        else:
            start = (decorators[0].lineno, max(decorators[0].col_offset - 1, 0)) if decorators else \
                (node.lineno, node.col_offset)
            source = self.segment(start, _header_stop(node))
        stmt = Stmt(
            node=node,
            kind=kind,
            source=source,
            parent=parent,
            index=index,
            first_line=first_line,
            last_line=end_line,
            indent=indent,
            order=len(self.statements),
        )
        self.statements.append(stmt)
        if kind != "simple":
            for role, label, header_line, body in self.clauses(node):
                block = Block(owner=stmt, role=role, label=label, header_line=header_line)
                stmt.blocks.append(block)
                elif_chain = role == "else" and kind == "if" and header_line == body[0].lineno
                self.fill(block, body, elif_chain)
            stmt.size = 1 + sum(child.size for block in stmt.blocks for child in block.stmts)
        return stmt

    def clauses(self, node: ast.stmt) -> Iterator[tuple[str, tuple[str, ...], int, list[ast.stmt]]]:
        """(role, label tokens, header line, statements) of each block of a compound statement."""
        if _KINDS.get(type(node)) == "try":
            body: list[ast.stmt] = getattr(node, "body")
            yield "body", (), self.header_end(_start_line(body[0])), body
            handlers: list[ast.ExceptHandler] = getattr(node, "handlers")
            for handler in handlers:
                label = tokenize_segment(
                    self.segment((handler.lineno, handler.col_offset), (handler.body[0].lineno, handler.body[0].col_offset))
                )
                if label and label[-1] == ":":
                    label = label[:-1]
                yield "except", label, self.header_end(_start_line(handler.body[0])), handler.body
            orelse: list[ast.stmt] = getattr(node, "orelse")
            if orelse:
                yield "else", (), self.header_end(_start_line(orelse[0])), orelse
            final: list[ast.stmt] = getattr(node, "finalbody")
            if final:
                yield "finally", (), self.header_end(_start_line(final[0])), final
            return
        if hasattr(ast, "Match") and isinstance(node, ast.Match):
            for case in node.cases:
                pattern = case.pattern
                label = ("case",) + tokenize_segment(
                    self.segment((pattern.lineno, pattern.col_offset), (case.body[0].lineno, case.body[0].col_offset))
                )
                yield "case", label, self.header_end(_start_line(case.body[0])), case.body
            return
        body = getattr(node, "body", [])
        if body:
            role = "if" if isinstance(node, ast.If) else "body"
            yield role, (), self.header_end(_start_line(body[0])), body
        orelse = getattr(node, "orelse", [])
        if orelse:
            first = orelse[0]
            # an `elif` is an If in orelse whose own line is the clause header
            is_elif = isinstance(node, ast.If) and len(orelse) == 1 and isinstance(first, ast.If) and \
                self._starts_with_elif(first)
            header_line = first.lineno if is_elif else self.header_end(_start_line(first))
            yield "else", (), header_line, orelse

    def _starts_with_elif(self, node: ast.If) -> bool:
        line = self.lines[node.lineno - 1]
        return line[self._col(node.lineno, node.col_offset) :].startswith("elif")


def _start_line(node: ast.stmt) -> int:
    decorators: list[ast.expr] = list(getattr(node, "decorator_list", ()))
    return min([node.lineno] + [d.lineno for d in decorators])


def _header_stop(node: ast.stmt) -> tuple[int, int]:
    """Where a compound statement's header text ends: at its first nested statement/pattern."""
    if hasattr(ast, "Match") and isinstance(node, ast.Match):
        pattern = node.cases[0].pattern
        return pattern.lineno, pattern.col_offset
    first: ast.stmt = getattr(node, "body")[0]
    decorators: list[ast.expr] = list(getattr(first, "decorator_list", ()))
    if decorators:
        return decorators[0].lineno, max(decorators[0].col_offset - 1, 0)
    return first.lineno, first.col_offset


_COMMENT_OR_STRING = re.compile(
    r"""(?P<str>[rRbBuUfF]{0,2}(?:'\'\'(?:\\.|[^\\])*?'\'\'|\"\"\"(?:\\.|[^\\])*?\"\"\"|'(?:\\.|[^'\\\r\n])*'|"(?:\\.|[^"\\\r\n])*"))|(?P<comment>\#[^\r\n]*)""",
    re.DOTALL,
)
_NOT_BETWEEN_WORDS = re.compile(r" (?=\W)|(?<=\W) ")
_TRAILING_COMMA = re.compile(r",(?=[)\]}])")


def normal_form(text: str, compound: bool = False) -> str:
    r"""See ``Stmt.key``.

    >>> normal_form("f( 'a' ,\\\n  b, )  # note") == normal_form('f("a", b)')
    True
    """
    if "#" in text:
        text = _COMMENT_OR_STRING.sub(lambda m: m.group() if m.group("str") else "", text)
    if "\\" in text:
        text = text.replace("\\\r\n", " ").replace("\\\n", " ")
    # one space between words, none elsewhere
    text = _NOT_BETWEEN_WORDS.sub("", " ".join(text.split())).replace('"', "'")
    if "," in text:
        text = _TRAILING_COMMA.sub("", text)
    if compound and text.startswith("elif"):
        text = text[2:]
    return text


def iter_blocks(block: Block) -> Iterator[Block]:
    """``block`` and every block nested in it, outermost first."""
    yield block
    for stmt in block.stmts:
        for sub in stmt.blocks:
            yield from iter_blocks(sub)


__all__ = [
    "Block",
    "COMPOUND_KINDS",
    "CONDITIONAL_ROLES",
    "StatementTree",
    "Stmt",
    "build_tree",
    "iter_blocks",
    "normal_form",
]
