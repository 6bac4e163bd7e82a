"""The script as lines: where a statement's text starts and ends, and the layout conventions
the inserted lines follow.

The pass edits whole lines (see ``splice.py``), so it needs, for a statement of the ``ast`` tree:
its first line, the line its header ends on (``for x in (...):`` may span several), and its last
line *including the comment lines that belong to its blocks*. The last is not ``end_lineno``:
comment lines after a block's last statement belong to that block when they are indented at
least as deep as it (they are its footer, they move with it), and to whatever follows otherwise.
The rule, taken from how libcst attaches comments so that outputs stay as they were: after the
last statement of a block, the run of blank and comment lines up to and including the last one
that starts with the block's indentation is the block's; for nested blocks ending together, the
innermost takes its share first.

Conventions of the inserted text, also libcst's: lines end with the first line ending found in
the file; one level of indentation is the first indentation found in the file (four spaces when
there is none).
"""

from __future__ import annotations

import ast
import re

from florc.instrument.nodes import FUNCTIONS, clause_blocks, is_compound

_NEWLINE = re.compile(r"\r\n?|\n")
_LINES = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")
_CONTINUATION = re.compile(r"\\(\r\n?|\n)$")
FALLBACK_INDENT = "    "


class SourceText:
    """The lines of a script (1-based, line endings kept) and conversions from ``ast``
    positions, whose columns count UTF-8 bytes."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[str] = _LINES.findall(source)
        match = _NEWLINE.search(source)
        self.newline = match.group(0) if match else "\n"
        self.trailing_newline = bool(source) and source[-1] in "\r\n" and not _CONTINUATION.search(source[-3:])
        self._unit: str | None = None

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def column(self, number: int, byte_col: int) -> int:
        """The character column of an ``ast`` byte column on line ``number``."""
        line = self.line(number)
        if line.isascii():
            return byte_col
        return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def indent_of(self, number: int) -> str:
        line = self.line(number)
        return line[: len(line) - len(line.lstrip(" \t\f"))]

    def segment(self, first: tuple[int, int], last: tuple[int, int]) -> str:
        """The text between two ``(line, byte column)`` positions."""
        (l1, c1), (l2, c2) = first, last
        a, b = self.column(l1, c1), self.column(l2, c2)
        if l1 == l2:
            return self.line(l1)[a:b]
        parts = [self.line(l1)[a:], *(self.line(n) for n in range(l1 + 1, l2)), self.line(l2)[:b]]
        return "".join(parts)

    def node_text(self, node: ast.AST) -> str:
        return self.segment(
            (node.lineno, node.col_offset),  # type: ignore[attr-defined]
            (node.end_lineno, node.end_col_offset),  # type: ignore[attr-defined]
        )

    def is_empty(self, number: int) -> bool:
        """A blank or comment-only line."""
        text = self.line(number).strip(" \t\f\r\n")
        return not text or text[0] == "#"

    # -------------------------------------------------------------------------- statements

    def first_line(self, node: ast.stmt) -> int:
        """The first line of a statement, decorators included."""
        if isinstance(node, (*FUNCTIONS, ast.ClassDef)) and node.decorator_list:
            return min(node.lineno, *(d.lineno for d in node.decorator_list))
        return node.lineno

    def header_end(self, node: ast.For | ast.AsyncFor | ast.While) -> int:
        """The line of the colon that ends a loop's header."""
        expr = node.test if isinstance(node, ast.While) else node.iter
        return self.colon_after(expr.end_lineno or expr.lineno, expr.end_col_offset or 0)

    def colon_after(self, line: int, byte_col: int) -> int:
        """The line of the first ``:`` after a position, skipping closing parentheses, commas,
        comments, line continuations and whitespace."""
        col = self.column(line, byte_col)
        while line <= len(self.lines):
            text = self.line(line)
            while col < len(text):
                ch = text[col]
                if ch == ":":
                    return line
                if ch == "#":
                    break
                col += 1
            line, col = line + 1, 0
        return line

    def is_inline(self, block: list[ast.stmt]) -> bool:
        """Whether a clause's statements sit on its header's line (``if x: y``)."""
        first = block[0]
        line = self.line(first.lineno)
        prefix = line[: first.col_offset] if line.isascii() else line.encode("utf-8")[: first.col_offset].decode(
            "utf-8", errors="ignore"
        )
        return bool(prefix.strip(" \t\f"))

    def closing_blocks(self, node: ast.stmt) -> list[str]:
        """The indentations of the indented blocks that end where ``node`` ends, innermost
        first (the last clause of ``node``, the last clause of its last statement, ...)."""
        out: list[str] = []
        current: ast.stmt = node
        while is_compound(current):
            block = clause_blocks(current)[-1]
            if isinstance(current, ast.If) and current.orelse and self.is_elif(current):
                current = current.orelse[0]
                continue
            if self.is_inline(block):
                break
            out.append(self.indent_of(block[0].lineno))
            current = block[-1]
        out.reverse()  # innermost first: it takes its comment lines first
        return out

    def is_elif(self, node: ast.If) -> bool:
        """Whether the ``else`` clause of an ``if`` is an ``elif``."""
        if len(node.orelse) != 1 or not isinstance(node.orelse[0], ast.If):
            return False
        inner = node.orelse[0]
        return self.line(inner.lineno)[self.column(inner.lineno, inner.col_offset):].startswith("elif")

    def last_line(self, node: ast.stmt) -> int:
        """The last line of a statement, the comment lines that belong to its blocks included."""
        end = node.end_lineno or node.lineno
        blocks = self.closing_blocks(node)
        for indent in blocks:
            end = self._footer_end(end, indent)
        return end

    def _footer_end(self, end: int, indent: str) -> int:
        last, number = end, end + 1
        while number <= len(self.lines) and self.is_empty(number):
            if self.line(number).startswith(indent):
                last = number
            number += 1
        return last

    # -------------------------------------------------------------------------- conventions

    def default_indent(self, module: ast.Module) -> str:
        """One level of indentation: the first indented block's (libcst's convention)."""
        if self._unit is None:
            self._unit = FALLBACK_INDENT
            for stmt in module.body:
                found = self._first_indent(stmt)
                if found is not None:
                    self._unit = found
                    break
        return self._unit

    def _first_indent(self, stmt: ast.stmt) -> str | None:
        if not is_compound(stmt):
            return None
        for block in clause_blocks(stmt):
            if not self.is_inline(block):
                return self.indent_of(block[0].lineno) or None
        return None


def is_single_string(text: str) -> bool:
    """Whether ``text`` (a string literal's source) is one literal, not an implicit
    concatenation of several (``"a" "b"``)."""
    i = 0
    while i < len(text) and text[i].isalpha():
        i += 1
    quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else text[i : i + 1]
    if not quote or quote[0] not in "'\"":
        return False
    j = i + len(quote)
    while j < len(text):
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if text.startswith(quote, j):
            return j + len(quote) == len(text)
        j += 1
    return False


__all__ = ["FALLBACK_INDENT", "SourceText", "is_single_string"]
