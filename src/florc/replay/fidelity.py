"""Did the replay compute what the original run computed? Every value the replay logged under a
name the run had recorded is compared with the recorded value of the same cell (name and loop
context; the k-th value of a cell with its k-th).

Per name the report gives the number of values compared, the largest absolute and relative
deviation, and how many values differ beyond the tolerance (``|replayed - recorded| > atol +
rtol * |recorded|``; NaN equals NaN; text, JSON and tensor payloads must be identical). The default
tolerance is zero: a seeded script on the CPU replays bit for bit, so any difference means
nondeterminism (a GPU kernel, an unseeded generator, a data loader's worker order) or a
statement that changed what the run computes, and the replay is reported as divergent. It is
reported, never hidden: the replayed rows are kept (tagged ``source='replay'``, the pivot prefers
the recorded ones), the outcome says ``divergent`` and the command exits with 3.

Names the run never recorded (the ones being backfilled) have nothing to be compared with; the
report counts their values.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_CELL = ("name", "ctx_path", "i1", "i2", "i3", "i4", "ctx_rest")
_COLUMNS = ", ".join((*_CELL, "value_num", "value", "value_type", "payload"))


@dataclass(frozen=True)
class NameFidelity:
    name: str
    replayed: int  # values the replay logged
    compared: int  # of those, values with a recorded counterpart
    differing: int  # compared values beyond the tolerance
    max_abs: float = 0.0
    max_rel: float = 0.0

    @property
    def new(self) -> bool:
        return self.compared == 0

    def __str__(self) -> str:
        if self.new:
            return f"{self.name}: {self.replayed} new value(s)"
        text = (
            f"{self.name}: {self.compared} compared, max |d| {self.max_abs:.3g}, "
            f"max rel {self.max_rel:.3g}"
        )
        return text + (f", {self.differing} DIFFER" if self.differing else ", identical")


@dataclass(frozen=True)
class Fidelity:
    names: tuple[NameFidelity, ...]
    atol: float = 0.0
    rtol: float = 0.0

    @property
    def divergent(self) -> bool:
        return any(n.differing for n in self.names)

    @property
    def compared(self) -> int:
        return sum(n.compared for n in self.names)

    def summary(self) -> str:
        """One line: divergent names first."""
        if not self.names:
            return "nothing logged"
        bad = [n.name for n in self.names if n.differing]
        if bad:
            return f"DIVERGENT: {', '.join(bad)} differ from the recorded values"
        if not self.compared:
            return "no recorded value to compare with"
        return f"faithful: {self.compared} recorded value(s) reproduced"

    def to_json(self) -> dict[str, Any]:
        return {
            "divergent": self.divergent,
            "atol": self.atol,
            "rtol": self.rtol,
            "names": [
                {
                    "name": n.name, "replayed": n.replayed, "compared": n.compared,
                    "differing": n.differing, "max_abs": _finite(n.max_abs), "max_rel": _finite(n.max_rel),
                }
                for n in self.names
            ],
        }


def _finite(x: float) -> float | str:
    return x if math.isfinite(x) else str(x)


def _deviation(recorded: Mapping[str, Any], replayed: Mapping[str, Any]) -> tuple[float, float, bool]:
    """(absolute, relative deviation, comparable as numbers)."""
    a, b = recorded.get("value_num"), replayed.get("value_num")
    if a is not None and b is not None:
        a, b = float(a), float(b)
        if math.isnan(a) and math.isnan(b):
            return 0.0, 0.0, True
        if math.isnan(a) or math.isnan(b):
            return math.inf, math.inf, True
        if a == b:  # equal infinities too
            return 0.0, 0.0, True
        d = abs(a - b)
        return d, d / abs(a) if a else math.inf, True
    same = (recorded.get("value"), recorded.get("value_type"), recorded.get("payload")) == (
        replayed.get("value"), replayed.get("value_type"), replayed.get("payload")
    )
    return (0.0, 0.0, False) if same else (math.inf, math.inf, False)


def compare(
    recorded: Iterable[Mapping[str, Any]],
    replayed: Iterable[Mapping[str, Any]],
    *,
    atol: float = 0.0,
    rtol: float = 0.0,
) -> Fidelity:
    """Compare rows (dicts with the cell columns and the value columns), each in log order.

    >>> rec = [{"name": "loss", "ctx_path": "epoch", "i1": 0, "value_num": 0.5}]
    >>> rep = [{"name": "loss", "ctx_path": "epoch", "i1": 0, "value_num": 0.5},
    ...        {"name": "gn", "ctx_path": "epoch", "i1": 0, "value_num": 1.0}]
    >>> [str(n) for n in compare(rec, rep).names]
    ['gn: 1 new value(s)', 'loss: 1 compared, max |d| 0, max rel 0, identical']
    """
    cells: dict[tuple[Any, ...], list[Mapping[str, Any]]] = {}
    for row in recorded:
        cells.setdefault(tuple(row.get(c) for c in _CELL), []).append(row)
    seen: dict[tuple[Any, ...], int] = {}
    stats: dict[str, list[float]] = {}  # name -> [replayed, compared, differing, max_abs, max_rel]
    for row in replayed:
        key = tuple(row.get(c) for c in _CELL)
        s = stats.setdefault(str(row["name"]), [0, 0, 0, 0.0, 0.0])
        s[0] += 1
        k = seen.get(key, 0)
        seen[key] = k + 1
        originals = cells.get(key, ())
        if k >= len(originals):
            continue
        original = originals[k]
        d, r, numeric = _deviation(original, row)
        s[1] += 1
        a = abs(float(original["value_num"])) if numeric and original.get("value_num") is not None else 0.0
        if d > atol + rtol * (a if math.isfinite(a) else 0.0):
            s[2] += 1
        s[3], s[4] = max(s[3], d), max(s[4], r)
    names = tuple(
        NameFidelity(name, int(s[0]), int(s[1]), int(s[2]), s[3], s[4])
        for name, s in sorted(stats.items())
    )
    return Fidelity(names, atol, rtol)


def _rows(sql: str, store: Path, params: Sequence[Any]) -> list[dict[str, Any]]:
    from florc.query import rows

    columns, found = rows(sql, store=store, params=list(params))
    return [dict(zip(columns, row)) for row in found]


def check(store: Path, staging: Path, run_id: str, *, atol: float = 0.0, rtol: float = 0.0) -> Fidelity:
    """Compare what the replay staged in ``staging`` with what run ``run_id`` recorded."""
    replayed = _rows(
        f"SELECT {_COLUMNS} FROM _logs WHERE run_id = ? ORDER BY replay_id, seq", staging, [run_id]
    )
    names = sorted({str(r["name"]) for r in replayed})
    if not names:
        return Fidelity((), atol, rtol)
    marks = ", ".join("?" for _ in names)
    recorded = _rows(
        f"SELECT {_COLUMNS} FROM _logs WHERE run_id = ? AND source = 'record' AND name IN ({marks}) ORDER BY seq",
        store,
        [run_id, *names],
    )
    return compare(recorded, replayed, atol=atol, rtol=rtol)


__all__ = ["Fidelity", "NameFidelity", "check", "compare"]
