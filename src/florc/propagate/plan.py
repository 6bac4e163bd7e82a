"""The plan: frozen records of what will be inserted where, printable for ``--explain``.

A plan is computed from the analysis and applied by ``florc.propagate.apply``; nothing else
edits text. Positions are line indices of the *old* file: an insertion goes before the line it
names (``before_line == len(lines)`` appends), so applying never shifts a position computed
against the original.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Insert:
    """Insert one statement (possibly several lines) before an old line."""

    key: str
    before_line: int  # 0-based index into the old file's lines
    indent: str
    text: str  # the statement without indentation, lines separated by the old newline
    new_line: int  # where the statement is in the newest version
    address: str  # address of the place in the old version
    how: str  # the evidence, one line
    renames: tuple[tuple[str, str], ...] = ()
    order: int = 0  # among inserts at the same line: order in the newest version


@dataclass(frozen=True)
class AddImport:
    """Insert the flor import the newest version uses, once, near the top of the module."""

    before_line: int
    text: str


@dataclass(frozen=True)
class Decline:
    """A statement that has no place in this version, and why."""

    key: str
    new_line: int
    reason: str


@dataclass(frozen=True)
class Plan:
    edits: tuple[Insert | AddImport, ...] = ()
    declines: tuple[Decline, ...] = ()
    present: tuple[str, ...] = ()  # keys the old version already logs

    def explain(self, path: str = "") -> str:
        """A human-readable account of the plan, one statement per paragraph."""
        name = path or "<old>"
        out: list[str] = []
        for edit in self.edits:
            if isinstance(edit, AddImport):
                out.append(f"{name}:{edit.before_line + 1}: add `{edit.text}`")
                continue
            out.append(f"{name}:{edit.before_line + 1}: insert {edit.key!r} (newest line {edit.new_line}) "
                       f"at {edit.address}")
            out.append(f"    {edit.how}")
            for old, new in edit.renames:
                out.append(f"    rename {old} -> {new}")
        for decline in self.declines:
            out.append(f"{name}: decline {decline.key!r} (newest line {decline.new_line}): {decline.reason}")
        for key in self.present:
            out.append(f"{name}: {key!r} is already logged")
        return "\n".join(out)


__all__ = ["AddImport", "Decline", "Insert", "Plan"]
