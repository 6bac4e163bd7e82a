"""One exception root for florc, and the exit-code table the CLI maps outcomes to.

User errors (bad input, a missing file, a script that does not parse) derive from ``UserError``
and carry a position when there is one; the CLI prints them as one line, no traceback.
``InternalError`` and any exception that is not a ``FlorError`` are bugs: the CLI writes the
traceback to ``.flor/crash/`` and exits with ``EXIT_INTERNAL``.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_USER = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3  # finished, but some units were declined or failed (see the report)
EXIT_INTERNAL = 70


@dataclass(frozen=True)
class Position:
    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class FlorError(Exception):
    """Root of every exception florc raises on purpose."""

    exit_code = EXIT_USER

    def __init__(self, message: str, position: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        if self.position is None:
            return self.message
        return f"{self.position}: {self.message}"


class UserError(FlorError):
    """Something the user can fix: bad arguments, input files, repository state."""


class UsageError(UserError):
    exit_code = EXIT_USAGE


class InternalError(FlorError):
    """A bug in florc: reported with a crash log, never as the user's fault."""

    exit_code = EXIT_INTERNAL
