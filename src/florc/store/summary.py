"""What a ``logs`` part holds, kept in its footer so that the pivot plans without scanning.

Every writer of ``logs`` parts (the runtime, ``parts.write_part``, the compactor) stores under
the footer key ``florc.summary`` a JSON object::

    {"v": 1, "runs": [<run_key>, ...], "t0": <first tstamp, epoch seconds>,
     "cells": [[name, path, depth, rows, replayed, text, nonint, dup, valued], ...]}

one ``cells`` entry per (name, loop path) present in the file, with counts of its rows: all of
them, those with ``source`` other than ``record``, those whose value is not a plain number
(``value`` set or ``value_num`` NULL), those whose ``value_type`` is not ``int``/``bool``, those
flagged ``cell_dup`` (or with the flag NULL); ``valued`` is a bit mask of the levels ``k`` whose
iterated value ``v<k>`` is set in some row. ``runs`` lists the distinct ``run_key`` values, ``t0``
the earliest ``tstamp`` (which orders the parts of different replays of one run: the later wins).

Reading all footers costs milliseconds where a ``GROUP BY`` over ten million rows costs a few
hundred; and because ``rows`` is exact, a scan filtered to one (name, path) returns a known
number of rows from each file, in file order, so the pivot can tell the run of each row without
reading ``run_key`` at all (see ``query/pivot.py``). A part without a summary (written by an
older florc or by hand) is planned by SQL instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

KEY = "florc.summary"
VERSION = 1


@dataclass(frozen=True)
class Cells:
    """The rows of one (name, path) in one part."""

    name: str
    path: str
    depth: int
    rows: int
    replayed: int = 0
    text: int = 0
    nonint: int = 0
    dup: int = 0
    valued: int = 0

    def row(self) -> list[object]:
        return [self.name, self.path, self.depth, self.rows, self.replayed, self.text, self.nonint, self.dup, self.valued]


@dataclass(frozen=True)
class Summary:
    runs: tuple[int, ...]
    cells: tuple[Cells, ...]
    t0: float | None = None

    def to_json(self) -> str:
        return json.dumps({"v": VERSION, "runs": list(self.runs), "t0": self.t0, "cells": [c.row() for c in self.cells]},
                          separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes | None) -> Summary | None:
        """The summary in ``text``, or None when absent or not one this version understands."""
        if not text:
            return None
        try:
            data = json.loads(text)
            if data.get("v") != VERSION:
                return None
            cells = tuple(Cells(str(c[0]), str(c[1]), *(int(x) for x in c[2:9])) for c in data["cells"])
            t0 = data.get("t0")
            return cls(tuple(int(r) for r in data["runs"]), cells, None if t0 is None else float(t0))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None


def merge(summaries: Iterable[Summary]) -> Summary:
    """The summary of the concatenation of parts (counts add up, masks are or-ed).

    >>> a = Summary((1,), (Cells("x", "", 0, 2),))
    >>> merge([a, a]).cells[0].rows
    4
    """
    runs: dict[int, None] = {}
    cells: dict[tuple[str, str], list[int]] = {}
    t0s: list[float] = []
    for s in summaries:
        runs.update(dict.fromkeys(s.runs))
        if s.t0 is not None:
            t0s.append(s.t0)
        for c in s.cells:
            acc = cells.setdefault((c.name, c.path), [c.depth, 0, 0, 0, 0, 0, 0])
            for i, v in enumerate((c.rows, c.replayed, c.text, c.nonint, c.dup), start=1):
                acc[i] += v
            acc[6] |= c.valued
    return Summary(tuple(runs), tuple(Cells(n, p, *acc) for (n, p), acc in cells.items()), min(t0s) if t0s else None)


def from_columns(
    names: Sequence[Any],
    paths: Sequence[Any],
    depths: Sequence[Any],
    runs: Iterable[Any],
    flags: dict[str, Sequence[Any]],
    t0: float | None = None,
) -> Summary:
    """A summary from per-(name, path) aggregates computed by a writer: ``flags`` holds the
    lists ``rows replayed text nonint dup valued`` aligned with ``names``/``paths``/``depths``."""
    cells = tuple(
        Cells(str(n), str(p or ""), int(d or 0), *(int(flags[k][i] or 0) for k in ("rows", "replayed", "text", "nonint", "dup", "valued")))
        for i, (n, p, d) in enumerate(zip(names, paths, depths))
        if n is not None
    )
    return Summary(tuple(int(r) for r in runs if r is not None), cells, t0)


__all__ = ["Cells", "KEY", "Summary", "VERSION", "from_columns", "merge"]
