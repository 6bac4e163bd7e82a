"""Latency of the pivot ``flor.dataframe("lr", "loss", "acc")`` at 1e5, 1e6 and 1e7 log rows,
florc vs flordb 4.0.1 at the sizes flordb can do.

    .venv/bin/python benchmarks/pivot.py [--sizes 1e4 1e5 1e6 1e7] [--flordb-sizes 1e4 1e5 1e6]

Stores are synthetic but shaped like training logs: up to 20 runs x 10 epochs x N steps, a
loss per step, an accuracy per epoch, a learning rate per run (``_synth.py`` writes florc's
parts exactly as the runtime does; flordb's SQLite cache gets the same rows in its own schema).
Each number is the median of 5 calls in one process, after a warm-up call that loads the
libraries; the result is a pandas DataFrame in both cases.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import HERE, command_line, flordb_python, git_env, scratch_repo, write_section
from _synth import shape, synthesize

FLORC_TIMER = """\
import statistics, sys, time
from florc.query import dataframe
store = sys.argv[1]
dataframe("lr", "loss", "acc", store=store)  # warm-up: imports
times = []
for _ in range(5):
    t0 = time.perf_counter()
    df = dataframe("lr", "loss", "acc", store=store)
    times.append(time.perf_counter() - t0)
print(statistics.median(times), len(df))
"""

FLORDB_TIMER = """\
import statistics, sys, time
import flordb as flor
flor.dataframe("lr")  # warm-up
times = []
for _ in range(5):
    t0 = time.perf_counter()
    df = flor.dataframe("lr", "loss", "acc")
    times.append(time.perf_counter() - t0)
print(statistics.median(times), len(df))
"""


def florc_latency(n: int) -> tuple[float, int, int]:
    store = Path(tempfile.mkdtemp(prefix="florc-pivot-"))
    try:
        rows = synthesize(store, n)
        proc = subprocess.run([sys.executable, "-c", FLORC_TIMER, str(store)], capture_output=True, text=True, check=True)
        secs, out_rows = proc.stdout.split()
        return float(secs), rows, int(out_rows)
    finally:
        shutil.rmtree(store, ignore_errors=True)


def flordb_store(repo: Path, n: int) -> int:
    """FlorDB's SQLite cache holding the same rows as ``synthesize(n)``."""
    runs, epochs, steps = shape(n)
    flor = repo / ".flor"
    (flor / "runs").mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(flor / f"{repo.name}.db")
    con.execute(
        "CREATE TABLE logs (projid TEXT, tstamp TEXT, filename TEXT, ctx TEXT, value_name TEXT, value TEXT, "
        "value_type INTEGER, source TEXT NOT NULL DEFAULT 'forward')"
    )
    import random

    rng = random.Random(0)
    total = 0
    for r in range(runs):
        ts = f"2026-01-01T{r // 60:02d}:{r % 60:02d}:00"
        rows = [(repo.name, ts, "train.py", None, "lr", str(0.1 / (r + 1)), 1, "forward")]
        for e in range(epochs):
            for s in range(steps):
                ctx = json.dumps([{"name": "epoch", "iteration": e, "value": None}, {"name": "step", "iteration": s, "value": None}])
                rows.append((repo.name, ts, "train.py", ctx, "loss", str(rng.random()), 1, "forward"))
            ctx = json.dumps([{"name": "epoch", "iteration": e, "value": None}])
            rows.append((repo.name, ts, "train.py", ctx, "acc", str(rng.random()), 1, "forward"))
        con.executemany("INSERT INTO logs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        total += len(rows)
    con.commit()
    con.close()
    return total


def flordb_latency(n: int, timeout: float) -> tuple[float | None, int, int]:
    repo = scratch_repo({"README": "pivot benchmark\n"}, prefix="flordb-pivot-")
    try:
        rows = flordb_store(repo, n)
        try:
            proc = subprocess.run([str(flordb_python()), "-c", FLORDB_TIMER], cwd=repo, env=git_env(),
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, rows, 0
        if proc.returncode != 0:
            raise SystemExit(f"flordb failed: {proc.stderr[-2000:]}")
        secs, out_rows = proc.stdout.split()[-2:]
        return float(secs), rows, int(out_rows)
    finally:
        shutil.rmtree(repo, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="*", type=float, default=[1e4, 1e5, 1e6, 1e7])
    parser.add_argument("--flordb-sizes", nargs="*", type=float, default=[1e4, 1e5, 1e6])
    parser.add_argument("--flordb-timeout", type=float, default=300)
    parser.add_argument("--no-flordb", action="store_true")
    ns = parser.parse_args(argv)
    florc = {int(n): florc_latency(int(n)) for n in ns.sizes}
    for n, r in florc.items():
        print("florc", n, r, flush=True)
    flordb: dict[int, tuple[float | None, int, int]] = {}
    if not ns.no_flordb:
        for n in ns.flordb_sizes:
            flordb[int(n)] = flordb_latency(int(n), ns.flordb_timeout)
            print("flordb", int(n), flordb[int(n)], flush=True)
    sizes = sorted(set(florc) | set(flordb))
    rows = ["| log rows | florc (s) | flordb 4.0.1 (s) | flordb / florc | result rows |", "|---|---|---|---|---|"]
    for n in sizes:
        a = florc.get(n)
        b = flordb.get(n)
        fa = f"{a[0]:.3f}" if a else "—"
        fb = "—" if b is None else (f"> {ns.flordb_timeout:.0f} (stopped)" if b[0] is None else f"{b[0]:.3f}")
        ratio = f"{b[0] / a[0]:.0f}x" if a and b and b[0] is not None else "—"
        out = a[2] if a else (b[2] if b else 0)
        rows.append(f"| {n:,} | {fa} | {fb} | {ratio} | {out:,} |")
    body = (
        "## Pivot latency: `flor.dataframe(\"lr\", \"loss\", \"acc\")`\n\n"
        "Synthetic stores shaped like training logs (up to 20 runs x 10 epochs x N steps; a loss per step, an "
        "accuracy per epoch, a learning rate per run). Median of 5 calls in one process after a warm-up call; "
        "both return a pandas DataFrame with one row per (run, epoch, step).\n\n"
        f"Command: `{command_line()}`\n\n" + "\n".join(rows)
    )
    write_section("pivot", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
