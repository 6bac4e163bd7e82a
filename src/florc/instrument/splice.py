"""Applying the pass's edits to the script's text: whole lines inserted between the user's lines,
and in replay mode a guarded loop moved one level deeper. Every other byte stays as it was.

Where a line goes (see ``text.py`` for the statement boundaries):

- ``import``: after the module docstring and ``from __future__`` imports, or before the first
  statement (below the comment lines at the top of the file);
- ``top``: right after the loop's header line, before anything of its body, comments included;
- ``after``: after the loop's last line, the comment lines of its blocks included;
- ``before`` and a guard's ``if ...:``: right above the loop's first line, below the comments
  that precede it.

Lines inserted at the same place come in the order the statements are met: code after a loop
that ends there (the innermost first), the import, the top of a loop, code before a loop.

A guarded loop (``if florc_blocks.skip(...): <restore> else: <loop>``) moves under ``else:``.
Its lines are shifted by one level of indentation exactly where a syntax tree re-indenting the
loop would shift them (the outputs were first produced with libcst, and stay byte for byte):
statement lines, and continuation and comment lines that start with the indentation of the
block they belong to; lines continued with a backslash are shifted at their start; the inside
of a multi-line string never moves. Which block a comment line belongs to follows the footer
rule of ``text.py``. The loop's lines are tokenized for this (only a guarded loop's: the
tokenizer is too slow to run over whole files on every run).
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass

from florc.instrument.model import Edit
from florc.instrument.nodes import is_compound
from florc.instrument.text import SourceText, is_single_string


@dataclass(frozen=True)
class _Region:
    """A guarded statement's lines, and the indentation of the block it stands in."""

    first: int
    last: int
    indent: str

    def holds(self, first: int, last: int) -> bool:
        return self.first <= first and last <= self.last and (first, last) != (self.first, self.last)


@dataclass(frozen=True)
class _Insert:
    gap: int  # after this original line (0: before the first)
    order: tuple[int, int, int]
    lines: tuple[tuple[str, str], ...]  # (indentation, text)
    regions: tuple[_Region, ...]  # the guarded statements around these lines


def splice(
    text: SourceText,
    module: ast.Module,
    nodes: dict[str, ast.stmt],
    edits: Sequence[Edit],
    unit: str,
) -> tuple[str, tuple[int, ...]]:
    """The script with ``edits`` applied, and for each line of the result (1-based; index 0
    unused) the line of the script it is, or for an inserted line the line it follows.
    ``nodes`` are the edited loops by address; ``unit`` one level of indentation."""
    regions: dict[str, _Region] = {}
    for edit in edits:
        if edit.kind == "guard":
            node = nodes[edit.target]
            regions[edit.target] = _Region(text.first_line(node), text.last_line(node), text.indent_of(node.lineno))
    inserts: list[_Insert] = []
    for n, edit in enumerate(edits):
        inserts.extend(_inserts(text, module, nodes, edit, n, regions, unit))
    inserts.sort(key=lambda i: (i.gap, i.order))
    shifts = _shifts(text, list(regions.values()), unit)

    lines = list(text.lines)
    if lines and not text.trailing_newline and inserts and inserts[-1].gap >= len(lines):
        lines[-1] += text.newline
    out: list[str] = []
    origin: list[int] = [0]
    at = 0
    for number in range(len(lines) + 1):
        while at < len(inserts) and inserts[at].gap == number:
            for indent, body in inserts[at].lines:
                out.append(_shift(indent + body, inserts[at].regions, unit) + text.newline)
                origin.append(max(number, 1))
            at += 1
        if number < len(lines):
            line = lines[number]
            shift = shifts.get(number + 1)
            out.append(shift(line) if shift is not None else line)
            origin.append(number + 1)
    code = "".join(out)
    if not text.trailing_newline and code.endswith(text.newline) and text.source:
        code = code[: -len(text.newline)]
    origin.append(max(len(text.lines), 1))
    return code, tuple(origin)


def gap(text: SourceText, module: ast.Module, node: ast.stmt | None, kind: str) -> int:
    """The original line after which an edit's lines go (0: before the first line)."""
    if kind == "import" or node is None:
        return _preamble_end(text, module)
    if kind == "after":
        return text.last_line(node)
    if kind == "top":
        assert isinstance(node, (ast.For, ast.AsyncFor, ast.While))
        return text.header_end(node)
    return text.first_line(node) - 1  # before, guard


def _inserts(
    text: SourceText,
    module: ast.Module,
    nodes: dict[str, ast.stmt],
    edit: Edit,
    n: int,
    regions: dict[str, _Region],
    unit: str,
) -> list[_Insert]:
    if edit.kind == "import":
        return [_Insert(gap(text, module, None, "import"), (1, 0, n), _lines("", edit.code), ())]
    node = nodes[edit.target]
    first, last = text.first_line(node), text.last_line(node)
    around = tuple(r for r in regions.values() if r.holds(first, last))
    indent = text.indent_of(node.lineno)
    at = gap(text, module, node, edit.kind)
    if edit.kind == "after":
        return [_Insert(at, (0, -first, n), _lines(indent, edit.code), around)]
    if edit.kind == "before":
        return [_Insert(at, (3, 0, n), _lines(indent, edit.code), around)]
    if edit.kind == "top":
        assert isinstance(node, (ast.For, ast.AsyncFor, ast.While))
        inner = around + ((regions[edit.target],) if edit.target in regions else ())
        body = text.indent_of(node.body[0].lineno)
        return [_Insert(at, (2, 0, n), _lines(body, edit.code, unit), inner)]
    assert edit.kind == "guard", edit.kind
    if edit.restore is None:
        lines = _lines(indent, f"if not {edit.code}:")
    else:
        lines = (
            *_lines(indent, f"if {edit.code}:"),
            *_lines(indent + unit, edit.restore),
            (indent, "else:"),
        )
    return [_Insert(first - 1, (3, 0, n), lines, around)]


def _lines(indent: str, code: str, unit: str = "    ") -> tuple[tuple[str, str], ...]:
    """The lines of an inserted statement at ``indent``. The body of a generated ``if`` is
    indented by the file's unit (libcst gives a generated block the module's indentation);
    the continuation lines of a wrapped call keep their four spaces (they are whitespace
    inside parentheses)."""
    lines = code.split("\n")
    out: list[tuple[str, str]] = []
    body = False
    for line in lines:
        if body and line.startswith("    "):
            out.append((indent, unit + line[4:]))
        else:
            out.append((indent, line))
        if not body and lines[0].startswith("if ") and line.endswith(":"):
            body = True
    return tuple(out)


def _shift(line: str, regions: Sequence[_Region], unit: str) -> str:
    for region in sorted(regions, key=lambda r: -len(r.indent)):
        cut = len(region.indent)
        line = line[:cut] + unit + line[cut:]
    return line


def _preamble_end(text: SourceText, module: ast.Module) -> int:
    """The line after which the import goes: the end of the module docstring and
    ``from __future__`` imports, or just above the first statement."""
    count = preamble(text, module)
    if count == 0:
        return text.first_line(module.body[0]) - 1
    last = module.body[count - 1]
    return last.end_lineno or last.lineno


def preamble(text: SourceText, module: ast.Module) -> int:
    """How many statements of the module the docstring and ``from __future__`` imports are
    (a line of simple statements counts whole, by its first one)."""
    body = module.body
    index = 0
    i = 0
    done = 0
    while i < len(body):
        # A line of simple statements (`a; b`) counts by its first one.
        line = [body[i]]
        while i + 1 < len(body) and body[i + 1].lineno == line[-1].end_lineno and _simple(body[i + 1]):
            i += 1
            line.append(body[i])
        head = line[0]
        docstring = index == 0 and isinstance(head, ast.Expr) and _is_string(text, head.value)
        future = isinstance(head, ast.ImportFrom) and head.module == "__future__" and head.level == 0
        if not _simple(head) or not (docstring or future):
            break
        index += 1
        i += 1
        done = i
    return done


def _simple(node: ast.stmt) -> bool:
    return not is_compound(node)


def _is_string(text: SourceText, value: ast.expr) -> bool:
    """A string or bytes literal, or a concatenation of literals (an f-string alone is not)."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, (str, bytes))
    if isinstance(value, ast.JoinedStr):
        return not is_single_string(text.node_text(value))
    return False


# ------------------------------------------------------------------------------ shifting


def _shifts(text: SourceText, regions: list[_Region], unit: str) -> dict[int, _Shifter]:
    """How each line of a guarded region moves, by line number."""
    out: dict[int, _Shifter] = {}
    outermost = [r for r in regions if not any(o.holds(r.first, r.last) for o in regions)]
    for region in outermost:
        kinds = _kinds(text.lines[region.first - 1 : region.last])
        for offset, kind in enumerate(kinds):
            number = region.first + offset
            around = tuple(r for r in regions if r.first <= number <= r.last)
            if kind == "indent":
                out[number] = _Shifter(around, unit, False)
            elif kind == "continued":
                out[number] = _Shifter(around, unit, True)
    return out


@dataclass(frozen=True)
class _Shifter:
    regions: tuple[_Region, ...]
    unit: str
    at_start: bool

    def __call__(self, line: str) -> str:
        if self.at_start:
            return self.unit * len(self.regions) + line
        return _shift(line, self.regions, self.unit)


def _kinds(lines: list[str]) -> list[str]:
    """For each line of a statement's text: ``indent`` (moves with the block), ``continued``
    (follows a backslash: moves at its start), ``keep`` (a comment or continuation line less
    indented than its block, a line inside a string)."""
    count = len(lines)
    kinds: list[str | None] = [None] * (count + 1)
    ended: set[int] = set()  # lines whose end is a token's (not a backslash)
    stack: list[str] = [""]
    closing: list[str] = []
    gap: list[int] = []  # blank and comment lines since the last statement
    depth = 0
    logical_indent = ""
    at_line_start = True  # the next token starts a logical line
    seen_row = 0

    def settle(next_indent: str | None) -> None:
        rest = list(gap)
        for indent in closing:
            last = max((i for i, row in enumerate(rest) if lines[row - 1].startswith(indent)), default=-1)
            for row in rest[: last + 1]:
                kinds[row] = "indent" if lines[row - 1].startswith(indent) else "keep"
            rest = rest[last + 1 :]
        for row in rest:
            moved = next_indent is not None and lines[row - 1].startswith(next_indent)
            kinds[row] = "indent" if moved else "keep"
        gap.clear()
        closing.clear()

    text = "".join(lines)
    if not text.endswith(("\n", "\r")):  # a last line without its newline is still a line
        text += "\n"
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    for tok in tokens:
        kind, string, (row, _col), (end_row, _end_col), _line = tok
        if kind == tokenize.ENDMARKER:
            break
        if kind == tokenize.INDENT:
            stack.append(string)
            continue
        if kind == tokenize.DEDENT:
            closing.append(stack.pop())
            continue
        if row != seen_row:  # the first token of a line
            seen_row = row
            if kinds[row] is None:
                if row > 1 and row - 1 not in ended:
                    kinds[row] = "continued"
                elif depth > 0:
                    kinds[row] = "indent" if lines[row - 1].startswith(logical_indent) else "keep"
                elif kind in (tokenize.NL, tokenize.COMMENT):
                    gap.append(row)
                    kinds[row] = "gap"
                else:
                    settle(_leading(lines[row - 1]))
                    kinds[row] = "indent"
        if kind == tokenize.STRING and end_row > row:
            for inner in range(row + 1, end_row + 1):
                kinds[inner] = "string"
            ended.update(range(row, end_row))
        if kind in (tokenize.NEWLINE, tokenize.NL):
            ended.add(row)
        if kind == tokenize.OP:
            if string in "([{":
                depth += 1
            elif string in ")]}":
                depth -= 1
        if at_line_start and kind not in (tokenize.NL, tokenize.COMMENT, tokenize.NEWLINE):
            logical_indent = _leading(lines[row - 1])
            at_line_start = False
        if kind == tokenize.NEWLINE:
            at_line_start = True
    settle(None)
    return [k if k in ("indent", "continued") else "keep" for k in kinds[1:]]


def _leading(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t\f"))]


__all__ = ["gap", "preamble", "splice"]
