"""Synthetic stores of a given size, written the way the runtime writes them (same schema,
same part layout: one part per flush), for the query benchmarks."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from florc.store.parts import write_part


def shape(n_rows: int) -> tuple[int, int, int]:
    """(runs, epochs, steps) such that runs * epochs * (steps + 1) + runs ~= n_rows.

    Every step logs ``loss``; every epoch logs ``acc``; every run logs the arg ``lr``.
    """
    runs = max(1, min(20, n_rows // 5000))
    epochs = 10
    steps = max(1, n_rows // (runs * epochs) - 1)
    return runs, epochs, steps


def synthesize(store: Path, n_rows: int, seed: int = 0) -> int:
    """Write runs and logs parts holding about ``n_rows`` log rows; returns the exact count."""
    rng = np.random.default_rng(seed)
    runs, epochs, steps = shape(n_rows)
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
        seq = 0
        write_part(store, "logs", f"{run_id}-000000", {
            "run_id": [run_id], "seq": [0], "tstamp": [start], "script": ["train.py"], "name": ["lr"],
            "value_num": [0.1 / (r + 1)], "value_type": ["float"], "depth": [0], "ctx_path": [""], "source": ["record"], "cell_dup": [False],
        })
        seq = 1
        total += 1
        for e in range(epochs):  # one part per epoch, as periodic flushes would make
            n = steps + 1
            names = pa.DictionaryArray.from_arrays(pa.array(np.r_[np.zeros(steps, np.int32), [1]]), pa.array(["loss", "acc"]))
            ctx_path = pa.DictionaryArray.from_arrays(pa.array(np.r_[np.zeros(steps, np.int32), [1]]), pa.array(["epoch/step", "epoch"]))
            i2 = pa.array(np.r_[np.arange(steps, dtype=np.int64), [0]], mask=np.r_[np.zeros(steps, bool), [True]])
            depth = np.r_[np.full(steps, 2, np.int8), [1]]
            values = rng.random(n)
            write_part(store, "logs", f"{run_id}-{e + 1:06d}", {
                "run_id": pa.array([run_id] * n),
                "seq": pa.array(np.arange(seq, seq + n, dtype=np.int64)),
                "tstamp": pa.array(((start + e * 5 + np.arange(n) * 1e-3) * 1e6).astype(np.int64)).cast(pa.timestamp("us", tz="UTC")),
                "script": pa.array(["train.py"] * n),
                "name": names.cast(pa.string()),
                "value_num": pa.array(values),
                "value_type": pa.array(["float"] * n),
                "depth": pa.array(depth),
                "ctx_path": ctx_path.cast(pa.string()),
                "i1": pa.array(np.full(n, e, np.int64)),
                "i2": i2,
                "cell_dup": pa.array(np.zeros(n, bool)),
                "line": pa.array(np.r_[np.full(steps, 20, np.int32), [24]]),
                "source": pa.array(["record"] * n),
            })
            seq += n
            total += n
    return total
