"""Synthetic stores of a given size, written the way florc writes them, for the query benchmarks.

Each run logs a learning rate (``flor.arg``), a loss per step and an accuracy per epoch, one part
per epoch as periodic flushes make them; ``merged=True`` then merges each run's parts into one
file, as a run does when it ends (``store.compact``). Variants the pivot must also handle fast:

- ``replays``: that many runs also have a published replay (``source='replay'``) that logged the
  loss again at every step (fidelity rows: the recorded values must win) and a new per-epoch
  ``grad_norm`` (hindsight rows: the only values of that name);
- ``dups``: the loss is logged twice per step in every run (the last value must win).
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from florc.store.compact import compact_writer
from florc.store.parts import write_part


def shape(n_rows: int) -> tuple[int, int, int]:
    """(runs, epochs, steps) such that runs * epochs * (steps + 1) + runs ~= n_rows.

    Every step logs ``loss``; every epoch logs ``acc``; every run logs the arg ``lr``.
    """
    runs = max(1, min(20, n_rows // 5000))
    epochs = 10
    steps = max(1, n_rows // (runs * epochs) - 1)
    return runs, epochs, steps


def _epoch_part(run_id: str, e: int, seq: int, steps: int, start: float, rng: np.random.Generator, *,
                source: str = "record", dups: bool = False, extra: str | None = None) -> tuple[dict[str, object], int]:
    per_step = 2 if dups else 1
    n_steps = steps * per_step
    tail = ["acc"] if extra is None else ["acc", extra]
    n = n_steps + len(tail)
    code = np.r_[np.zeros(n_steps, np.int32), np.arange(1, 1 + len(tail), dtype=np.int32)]
    names = pa.DictionaryArray.from_arrays(pa.array(code), pa.array(["loss", *tail])).cast(pa.string())
    deep = np.r_[np.zeros(n_steps, np.int32), np.ones(len(tail), np.int32)]
    ctx_path = pa.DictionaryArray.from_arrays(pa.array(deep), pa.array(["epoch/step", "epoch"])).cast(pa.string())
    step = np.repeat(np.arange(steps, dtype=np.int64), per_step)
    i2 = pa.array(np.r_[step, np.zeros(len(tail), np.int64)], mask=np.r_[np.zeros(n_steps, bool), np.ones(len(tail), bool)])
    cell_dup = np.r_[np.tile([False, True], steps) if dups else np.zeros(steps, bool), np.zeros(len(tail), bool)]
    return {
        "run_id": pa.array([run_id] * n),
        "seq": pa.array(np.arange(seq, seq + n, dtype=np.int64)),
        "tstamp": pa.array(((start + e * 5 + np.arange(n) * 1e-3) * 1e6).astype(np.int64)).cast(pa.timestamp("us", tz="UTC")),
        "script": pa.array(["train.py"] * n),
        "name": names,
        "value_num": pa.array(rng.random(n)),
        "value_type": pa.array(["float"] * n),
        "depth": pa.array(np.r_[np.full(n_steps, 2, np.int8), np.ones(len(tail), np.int8)]),
        "ctx_path": ctx_path,
        "i1": pa.array(np.full(n, e, np.int64)),
        "i2": i2,
        "cell_dup": pa.array(cell_dup),
        "line": pa.array(np.r_[np.full(n_steps, 20, np.int32), np.full(len(tail), 24, np.int32)]),
        "source": pa.array([source] * n),
    }, n


def synthesize(store: Path, n_rows: int, seed: int = 0, *, merged: bool = False, replays: int = 0, dups: bool = False) -> int:
    """Write runs and logs parts holding about ``n_rows`` recorded log rows (plus replayed rows,
    if asked); returns the exact count of log rows."""
    rng = np.random.default_rng(seed)
    runs, epochs, steps = shape(n_rows)
    if dups:
        steps = max(1, steps // 2)
    total = 0
    t0 = time.time() - 86400
    for r in range(runs):
        run_id = f"20260101T{r:06d}Z-{r:08x}"
        start = t0 + r * 600
        write_part(store, "runs", f"{run_id}-r0000", {
            "run_id": [run_id], "rev": [1], "kind": ["record"], "commit": [f"{r:040x}"], "projid": ["bench"],
            "script": ["train.py"], "args": ['{"lr": %r}' % (0.1 / (r + 1))], "started_at": [start],
            "ended_at": [start + 60], "status": ["complete"], "schema_version": [1],
        })
        write_part(store, "logs", f"{run_id}-000000", {
            "run_id": [run_id], "seq": [0], "tstamp": [start], "script": ["train.py"], "name": ["lr"],
            "value_num": [0.1 / (r + 1)], "value_type": ["float"], "depth": [0], "ctx_path": [""], "source": ["record"], "cell_dup": [False],
        })
        seq = 1
        total += 1
        for e in range(epochs):  # one part per epoch, as periodic flushes would make
            cols, n = _epoch_part(run_id, e, seq, steps, start, rng, dups=dups)
            write_part(store, "logs", f"{run_id}-{e + 1:06d}", cols)
            seq += n
            total += n
        if merged:
            compact_writer(store, run_id)
        if r < replays:
            writer = f"{run_id}.replay-bench-000000-u0"
            later = start + 3600
            write_part(store, "runs", f"{writer}-r0000", {
                "run_id": [writer], "rev": [1], "kind": ["replay"], "replays_run_id": [run_id], "started_at": [later],
                "ended_at": [later + 60], "status": ["complete"], "schema_version": [1],
            })
            seq = 0
            for e in range(epochs):
                cols, n = _epoch_part(run_id, e, seq, steps, later, rng, source="replay", extra="grad_norm")
                cols["replay_id"] = pa.array([writer] * n)
                write_part(store, "logs", f"{writer}-{e + 1:06d}", cols)
                seq += n
                total += n
            if merged:
                compact_writer(store, writer)
    return total
