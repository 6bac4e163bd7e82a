"""Applying a plan: whole lines spliced into the old text, every other byte kept.

Insertions go between lines, at statement boundaries chosen by the planner, so the old file's
own lines are copied unchanged: comments, quotes, tabs, CRLF, a missing final newline (a line
appended after a last line without one gets the newline it needs first; that line is the one
byte sequence that changes, and removing the inserted lines restores the file up to that final
newline). Inserted lines use the file's line ending and the block's indentation.
"""

from __future__ import annotations

from florc.propagate.plan import AddImport, Insert, Plan


def apply_plan(lines: list[str], newline: str, plan: Plan) -> str:
    """The old file (``lines``, endings kept) with the plan's insertions."""
    by_line: dict[int, list[str]] = {}
    ordered = sorted(plan.edits, key=lambda e: (e.before_line, 0 if isinstance(e, AddImport) else 1,
                                                 e.order if isinstance(e, Insert) else 0))
    for edit in ordered:
        if isinstance(edit, AddImport):
            chunk = edit.text + newline
        else:
            chunk = "".join(
                (edit.indent + part if part.strip() else part) + newline
                for part in _split(edit.text, newline)
            )
        by_line.setdefault(edit.before_line, []).append(chunk)
    out: list[str] = []
    for index, line in enumerate(lines):
        out.extend(by_line.get(index, ()))
        out.append(line)
    tail = by_line.get(len(lines))
    if tail:
        if out and not out[-1].endswith(("\n", "\r")):
            out[-1] += newline
        out.extend(tail)
    return "".join(out)


def _split(text: str, newline: str) -> list[str]:
    return text.split(newline) if newline in text else [text]


__all__ = ["apply_plan"]
