"""Cost of one ``flor.log`` call, and bytes on disk per logged float: florc vs flordb 4.0.1.

    .venv/bin/python benchmarks/log_call.py [--calls 1000000] [--no-flordb]

Each variant runs in its own process (and, for the recording ones, its own git repo); the time
is the loop of ``flor.log`` calls alone, inside one ``flor.loop`` iteration, divided by the
number of calls. Bytes per float: a run that logs random floats, then the size of what the
library keeps on disk for it, divided by the number of values.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from _common import command_line, flordb_python, git_env, median, scratch_repo, write_section

TIMING = """\
import sys, time
{import_line}
n, out = int(sys.argv[1]), sys.argv[2]
{value_setup}
for _ in flor.loop("epoch", range(1)):
    t0 = time.perf_counter()
    for i in range(n):
        flor.log("loss", v)
    dt = time.perf_counter() - t0
open(out, "w").write(str(dt / n * 1e6))
"""

STORAGE = """\
import random
{import_line}
random.seed(0)
n = int(__import__("sys").argv[1])
for epoch in flor.loop("epoch", range(10)):
    for step in flor.loop("step", range(n // 10)):
        flor.log("loss", random.random())
"""

STUB = "class flor:\n    log = staticmethod(lambda name, value: value)\n    loop = staticmethod(lambda name, it: it)"
IMPORTS = {"stub": STUB, "florc": "import florc as flor", "flordb": "import flordb as flor"}
VALUES = {
    "float": "v = 0.5",
    "numpy scalar": "import numpy; v = numpy.float32(0.5)",
    "1-element tensor": "import torch; v = torch.tensor(0.5)",
}


def per_call(kind: str, python: str, calls: int, value: str) -> float:
    repo = scratch_repo({"t.py": TIMING.format(import_line=IMPORTS[kind], value_setup=VALUES[value])})
    out = repo / "result.txt"
    proc = subprocess.run([python, "t.py", str(calls), str(out)], cwd=repo, env=git_env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed: {proc.stderr[-2000:]}")
    return float(out.read_text())


def disk_bytes(kind: str, python: str, n: int, merge: str = "now") -> float:
    """Bytes per logged float on disk once the run has ended. florc: with ``merge="now"`` the
    run's parts are merged before it exits (what the default background merge leaves a moment
    later), with ``"off"`` the uncompressed parts the training process wrote stay as they are."""
    repo = scratch_repo({"t.py": STORAGE.format(import_line=IMPORTS[kind])})
    proc = subprocess.run([python, "t.py", str(n)], cwd=repo, env={**git_env(), "FLORC_MERGE": merge},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed: {proc.stderr[-2000:]}")
    flor = repo / ".flor"
    if kind == "florc":
        files = list((flor / "logs").glob("*.parquet"))
    else:  # flordb: the run's JSONL and the SQLite cache
        files = list((flor / "runs").glob("*.jsonl")) + list(flor.glob("*.db"))
    return sum(f.stat().st_size for f in files) / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--flordb-calls", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-flordb", action="store_true")
    ns = parser.parse_args(argv)
    rows = ["| variant | value | µs per call | calls |", "|---|---|---|---|"]
    results: dict[str, float] = {}
    plan = [("stub", sys.executable, "float", ns.calls)]
    plan += [("florc", sys.executable, v, ns.calls) for v in VALUES]
    if not ns.no_flordb:
        py = str(flordb_python())
        plan += [("flordb", py, "float", ns.flordb_calls), ("flordb", py, "1-element tensor", ns.flordb_calls)]
    for kind, python, value, calls in plan:
        us = median([per_call(kind, python, calls, value) for _ in range(ns.repeat)])
        results[f"{kind}/{value}"] = us
        rows.append(f"| {kind} | {value} | {us:.2f} | {calls:,} |")
        print(kind, value, us, flush=True)
    size_rows = ["| library | bytes per logged float | floats logged | what is counted |", "|---|---|---|---|"]
    florc_b = disk_bytes("florc", sys.executable, 1_000_000)
    size_rows.append(f"| florc | {florc_b:.1f} | 1,000,000 | .flor/logs once the run's parts are merged (zstd, as the store stays) |")
    results["bytes/florc"] = florc_b
    florc_parts = disk_bytes("florc", sys.executable, 1_000_000, merge="off")
    size_rows.append(f"| florc, while the run goes on | {florc_parts:.1f} | 1,000,000 | the uncompressed parts the training process writes every 3 s, before the merge at its end |")
    results["bytes/florc parts"] = florc_parts
    if not ns.no_flordb:
        flordb_b = disk_bytes("flordb", str(flordb_python()), ns.flordb_calls)
        size_rows.append(f"| flordb 4.0.1 | {flordb_b:.1f} | {ns.flordb_calls:,} | run JSONL + SQLite cache (git copies not counted) |")
        results["bytes/flordb"] = flordb_b
    ratio = ""
    if "flordb/float" in results:
        ratio = (f"\n\nflor.log of a float: florc {results['florc/float']:.2f} µs, flordb {results['flordb/float']:.1f} µs "
                 f"({results['flordb/float'] / results['florc/float']:.0f}x); the stub's {results['stub/float']:.2f} µs is "
                 "the cost of the Python call itself.")
    body = (
        "## flor.log cost and bytes per logged float\n\n"
        f"Median of {ns.repeat} processes per row. flordb echoes every logged value to stdout (sent to "
        "/dev/null here) as part of its call.\n\n"
        f"Command: `{command_line()}`\n\n" + "\n".join(rows) + ratio + "\n\n" + "\n".join(size_rows)
    )
    write_section("log_call", body)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
