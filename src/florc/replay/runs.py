"""What the store knows about recorded runs, as the replay needs it: which runs there are, which
names they have values for, which match ``--where``, and each run's checkpoints and timings.

Every read goes through ``florc.query`` (SQL with bound parameters); rows written by replays
(``source = 'replay'``) never count as a run's own timings or checkpoints.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from florc.errors import UserError
from florc.instrument.model import ScriptAnalysis
from florc.replay.plan import CheckpointInfo, Timings, checkpoints_from_rows, timings_from_rows


@dataclass(frozen=True)
class RecordedRun:
    """One recorded run: where its code is (``commit``), how it was called (``argv``, the
    ``flor.arg`` values ``args``), and when it ran."""

    run_id: str
    script: str
    commit: str | None
    status: str
    args: dict[str, Any] = field(default_factory=dict, hash=False)
    argv: tuple[str, ...] = ()
    started: float | None = None
    ended: float | None = None

    @property
    def seconds(self) -> float | None:
        if self.started is None or self.ended is None:
            return None
        return self.ended - self.started


def _rows(sql: str, store: Path, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    from florc.query import rows

    columns, found = rows(sql, store=store, params=list(params))
    return [dict(zip(columns, row)) for row in found]


def _json(text: Any, default: Any) -> Any:
    try:
        value = json.loads(text) if isinstance(text, str) else default
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def recorded_runs(store: Path) -> list[RecordedRun]:
    """Every recorded run (not replays), oldest first."""
    found = _rows(
        """SELECT run_id, script, "commit", status, args, argv,
                  epoch(started_at) AS started, epoch(ended_at) AS ended
           FROM runs WHERE kind = 'record' ORDER BY started_at, run_id""",
        store,
    )
    return [
        RecordedRun(
            run_id=str(r["run_id"]),
            script=str(r["script"] or ""),
            commit=r["commit"],
            status=str(r["status"]),
            args=_json(r["args"], {}),
            argv=tuple(str(a) for a in _json(r["argv"], [])),
            started=r["started"],
            ended=r["ended"],
        )
        for r in found
    ]


def names_present(store: Path, run_ids: Sequence[str], names: Sequence[str]) -> dict[str, set[str]]:
    """For each run, which of ``names`` it has values for (recorded or replayed)."""
    if not run_ids or not names:
        return {}
    marks = ", ".join("?" for _ in names)
    runs = ", ".join("?" for _ in run_ids)
    found = _rows(
        f"SELECT DISTINCT run_id, name FROM logs WHERE name IN ({marks}) AND run_id IN ({runs})",
        store,
        [*names, *run_ids],
    )
    present: dict[str, set[str]] = {}
    for row in found:
        present.setdefault(str(row["run_id"]), set()).add(str(row["name"]))
    return present


def matching(store: Path, where: str) -> set[str]:
    """Ids of the runs whose run-level values (``flor.arg``s and other values logged outside
    loops) and metadata satisfy ``where``, an SQL condition like ``"lr > 1e-3"``."""
    from florc.query import dataframe

    try:
        frame = dataframe(store=store, where=where)
    except Exception as exc:  # noqa: BLE001 - the query layer's errors are the user's SQL
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise UserError(f"--where {where!r}: {first}") from None
    if "run_id" not in frame.columns:
        return set()
    return {str(r) for r in frame["run_id"].dropna().unique()}


def run_checkpoints(
    store: Path, run_id: str, analysis: ScriptAnalysis
) -> tuple[list[CheckpointInfo], list[str]]:
    """The usable checkpoints a run recorded, with their loops named by today's addresses, and
    notes on those left out: a checkpoint that could not save part of its loop's effects (an
    iterator, an object that cannot be saved) or whose files are gone cannot restore the loop,
    which then runs; the notes say so before anything runs."""
    found = _rows("SELECT * FROM checkpoints WHERE run_id = ? AND source = 'record'", store, [run_id])
    infos = translate_checkpoints(checkpoints_from_rows(found), found, analysis)
    incomplete: dict[str, dict[str, str]] = {}
    for row in found:
        objects = _json(row.get("objects"), {})
        missing = objects.get("missing")
        if isinstance(missing, dict) and missing:
            incomplete[str(row["digest"])] = {str(k): str(v) for k, v in missing.items()}
    kept: list[CheckpointInfo] = []
    gaps: dict[str, dict[str, str]] = {}
    gone: dict[str, int] = {}
    for info in infos:
        if info.manifest in incomplete:
            gaps.setdefault(info.block, {}).update(incomplete[info.manifest])
        elif not (store / "checkpoints" / info.manifest[:2] / info.manifest).is_file():
            gone[info.block] = gone.get(info.block, 0) + 1
        else:
            kept.append(info)
    notes = [
        f"{block}: its checkpoints could not save "
        + "; ".join(f"{k} ({why})" for k, why in sorted(missing.items())[:3])
        + ": it runs instead of being restored"
        for block, missing in sorted(gaps.items())
    ]
    notes += [
        f"{block}: {n} checkpoint file(s) are missing from {store / 'checkpoints'}: it runs there"
        for block, n in sorted(gone.items())
    ]
    return kept, notes


def translate_checkpoints(
    infos: Iterable[CheckpointInfo], rows: Iterable[dict[str, Any]], analysis: ScriptAnalysis
) -> list[CheckpointInfo]:
    """Checkpoints of runs recorded under plain ``python`` name their loops by ``flor.loop``
    path (``epoch/step``), not by address: find the loop of today's script each path means (a
    path that names no loop, or more than one, is left out: its checkpoints are not used)."""
    out = list(infos)
    mains = {f.label: f for f in analysis.main_loops}
    for row in rows:
        objects = _json(row.get("objects"), {})
        path = objects.get("path") if objects.get("by") == "observer" else None
        if not isinstance(path, str):
            continue
        labels = path.split("/")
        main = mains.get(labels[0])
        if main is None or sum(1 for f in analysis.main_loops if f.label == labels[0]) != 1:
            continue
        if len(labels) == 1:
            block = main.address
        else:
            nested = [f for f in analysis.nested(main.address) if f.label == labels[1]]
            if len(labels) != 2 or len(nested) != 1:
                continue
            block = nested[0].address
        iteration = objects.get("iteration")
        out.append(
            CheckpointInfo(
                block=block,
                kind=str(row["kind"]),
                activation=int(objects.get("activation", 0)),
                iteration=None if iteration is None else int(iteration),
                manifest=str(row["digest"]),
                bytes=int(row.get("bytes") or 0),
                seconds=float(row.get("seconds") or 0.0),
            )
        )
    return out


def run_timings(store: Path, run: RecordedRun, analysis: ScriptAnalysis) -> Timings:
    """Recorded seconds per main-loop iteration (and per nested loop), plus the time before
    the first main-loop iteration and after the last one (from the run's start and end)."""
    found = _rows(
        """SELECT loop, depth, i1, seconds, epoch(tstamp) AS t
           FROM timings WHERE run_id = ? AND source = 'record'""",
        store,
        [run.run_id],
    )
    timings = timings_from_rows(analysis, found)
    outer = [r for r in found if r["depth"] == 1 and r["t"] is not None]
    if not outer or run.started is None:
        return timings
    first = min(float(r["t"]) - float(r["seconds"] or 0.0) for r in outer)
    last = max(float(r["t"]) for r in outer)
    prefix = max(0.0, first - run.started)
    suffix = max(0.0, run.ended - last) if run.ended is not None else 0.0
    return Timings(loops=timings.loops, prefix=prefix, suffix=suffix)


__all__ = [
    "RecordedRun",
    "matching",
    "names_present",
    "recorded_runs",
    "run_checkpoints",
    "run_timings",
    "translate_checkpoints",
]
