"""Which recorded runs the script of today can replay, and which of its statements must run.

A replay of the *current* code version runs the script as it is now in the working tree (with the
new statements, usually uncommitted) against runs recorded from the same code without them. The
test is textual and strict: the recorded script must be today's script with some lines taken
out. Any other difference (a changed line, a deleted one) makes the run another version, which
only the propagator can bring the statements into.

The statements a replay must run are the *sites*: every statement of today's script that the
recorded version lacks (a new ``flor.log`` and the helper lines it needs, ``gn = ...``) or that
it changes, plus every ``flor.log`` of a name being replayed; a new ``flor.log`` of a name not
asked for is not a site (it runs only if what holds it runs anyway). The planner places each one (prefix,
outer loop, inner loop...) and the deepest placement decides how much of the run must be
recomputed.

>>> m = compare_versions("a\\nb\\n", "a\\nx\\nb\\n")
>>> m.same, sorted(m.inserted)
(True, [2])
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from florc.errors import Position, UserError
from florc.instrument.model import ScriptAnalysis, StatementFacts


@dataclass(frozen=True)
class VersionMatch:
    """How a recorded script relates to today's: ``same`` when it is today's with lines taken
    out; ``inserted``: today's lines (1-based) that the recorded script lacks; ``why``: the first
    difference when it is another version."""

    same: bool
    inserted: frozenset[int] = frozenset()
    why: str = ""


def _lines(text: str) -> list[str]:
    # Line endings and trailing blanks are not code: a CRLF checkout replays its LF run.
    return [line.rstrip() for line in text.splitlines()]


def _code(line: str) -> bool:
    text = line.strip()
    return bool(text) and not text.startswith("#")


def compare_versions(recorded: str, current: str) -> VersionMatch:
    """Whether ``current`` is ``recorded`` plus inserted lines, and which lines those are."""
    old, new = _lines(recorded), _lines(current)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    inserted: set[int] = set()
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        # Blank and comment-only lines, added, removed or changed, are not code.
        gone = [line for line in old[i1:i2] if _code(line)]
        if not gone:
            inserted.update(j + 1 for j in range(j1, j2) if _code(new[j]))
            continue
        where = f"recorded line {i1 + 1}"
        what = "is gone" if op == "delete" else f"became line {j1 + 1}"
        return VersionMatch(False, why=f"{where} {what}: {old[i1].strip()[:60]!r}")
    return VersionMatch(True, frozenset(inserted))


@dataclass(frozen=True)
class Sites:
    """The statements a replay runs on purpose: their addresses, and the names they log."""

    addresses: tuple[str, ...]
    inserted: tuple[str, ...]  # addresses of statements the recorded script lacks or changes
    logging: tuple[str, ...]  # addresses of the flor.log calls of the names replayed


def _is_new(facts: StatementFacts, inserted: Collection[int]) -> bool:
    if facts.line in inserted:
        return True
    # A simple statement with an inserted line inside (an argument added on its own line) is a
    # changed statement: it must run too. A compound statement spans its body: not counted.
    last = facts.end_line or facts.line
    return not facts.compound and any(line in inserted for line in range(facts.line, last + 1))


def find_sites(analysis: ScriptAnalysis, names: Sequence[str], inserted: Collection[int]) -> Sites:
    """The sites of a replay of ``names`` (see the module doc): statements on ``inserted``
    lines of today's script, and the ``flor.log`` calls of ``names``."""
    wanted = set(names)
    new = [
        s.address for s in analysis.statements
        if s.placements and _is_new(s, inserted)
        # Another new flor.log (of a name not asked for) need not run: its values are not wanted.
        and not (s.logged and not wanted & set(s.logged))
    ]
    logging = [s.address for s in analysis.statements if set(s.logged) & set(names)]
    missing = [n for n in names if not any(n in s.logged for s in analysis.statements)]
    if missing:
        keys = ", ".join(repr(n) for n in missing)
        raise UserError(f"no flor.log({keys}, ...) statement in the script", Position(analysis.path))
    return Sites(tuple(dict.fromkeys([*logging, *new])), tuple(new), tuple(logging))


__all__ = ["Sites", "VersionMatch", "compare_versions", "find_sites"]
