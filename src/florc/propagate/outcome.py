"""Outcomes as values: what happened to each statement, and to each (new, old) pair of files.

``propagate_source`` never raises on bad input. A version that cannot be read, a statement
that has no place, a bug caught at the boundary: each is a value the caller can count, print
and turn into an exit code (only the CLI does that).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from florc.propagate.plan import Plan

Status = Literal["propagated", "declined", "unchanged", "failed"]
SiteStatus = Literal["placed", "present", "declined"]


@dataclass(frozen=True)
class Diagnostic:
    """One message about one statement or file, with a position where there is one."""

    severity: Literal["error", "warning", "info"]
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None

    def format(self, path: str = "") -> str:
        where = path
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.severity}: {self.message}"


@dataclass(frozen=True)
class SiteOutcome:
    """What happened to one statement of the newest version in one old version."""

    key: str
    status: SiteStatus
    new_line: int
    reason: str = ""  # why declined, or how placed
    old_line: int | None = None  # line of the inserted statement in the output
    renames: tuple[tuple[str, str], ...] = ()
    address: str = ""  # statement address of the place in the old version


@dataclass(frozen=True)
class PropagationResult:
    """The result of propagating the new statements of one file into one old version of it.

    ``status``: ``propagated`` when at least one statement was inserted (``code`` is the old
    source with the insertions), ``unchanged`` when there was nothing to insert (``code`` is
    the old source as given), ``declined`` when no statement found a place (``code`` is None),
    ``failed`` when the inputs could not be processed (``code`` is None).
    """

    status: Status
    code: str | None
    diagnostics: tuple[Diagnostic, ...] = ()
    sites: tuple[SiteOutcome, ...] = ()
    plan: Plan | None = field(default=None, repr=False)

    @property
    def declined(self) -> tuple[SiteOutcome, ...]:
        return tuple(s for s in self.sites if s.status == "declined")

    @property
    def placed(self) -> tuple[SiteOutcome, ...]:
        return tuple(s for s in self.sites if s.status == "placed")


__all__ = ["Diagnostic", "PropagationResult", "SiteOutcome", "SiteStatus", "Status"]
