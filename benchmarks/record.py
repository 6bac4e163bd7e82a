"""Record overhead: a small torch training script (epochs of a few seconds) with the flor calls
stubbed out, with florc imported (`python train.py`), under `florc run` (loops instrumented,
checkpoints on) and with flordb 4.0.1, in one session.

    .venv/bin/python benchmarks/record.py [--repeat 7] [--epochs 3] [--steps 150] [--no-flordb]

The variants run in rounds, one run of each per round, in an order that rotates from round to
round; each variant's time is divided by the stub's time *of the same round*, and the median of
those paired ratios is reported (with their range), so that load that drifts over minutes on a
shared machine cancels out. Measures: the training loop's wall time (printed by the script), the
whole process's wall time (interpreter start to exit, as a user sees it) and its CPU time (user +
system, children included: the code snapshot's child process counts).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from _common import command_line, flordb_python, git_env, median, scratch_repo, write_section
from _training import checkpoint_cost, loop_seconds, timed, training_script

# A torch script imports numpy anyway: the baseline does too, so that what is left is florc's.
FIXED = {
    "python": "import numpy\n",
    "florc": "import numpy\nimport florc as flor\nflor.arg('lr', 0.1)\nflor.log('loss', 0.5)\n",
}

MEASURES = ("training loop", "process wall", "process CPU")

# What florc adds to one iteration of the training script's inner loop: `flor.loop` and one
# `flor.log`, against the bare loop, in one process (the script's other work is the same).
PER_STEP = """\
import sys, time
import florc as flor
n = int(sys.argv[1])
best = {}
for _ in range(5):
    t0 = time.perf_counter()
    for i in range(n):
        pass
    t1 = time.perf_counter()
    for i in flor.loop("step", range(n)):
        flor.log("loss", 0.5)
    t2 = time.perf_counter()
    best["bare"] = min(best.get("bare", 1e9), t1 - t0)
    best["flor"] = min(best.get("flor", 1e9), t2 - t1)
print((best["flor"] - best["bare"]) / n)
"""


def per_step_cost(n: int = 200_000) -> float:
    """Seconds florc adds per inner-loop iteration (`flor.loop` + one `flor.log`)."""
    repo = scratch_repo({"t.py": PER_STEP})
    _, _, proc = timed([sys.executable, "t.py", str(n)], repo, one_thread_env())
    return float(proc.stdout.split()[-1])


def one_thread_env() -> dict[str, str]:
    # One compute thread: OpenMP workers spin while waiting, which turns CPU time into a measure
    # of the neighbours' load; with one thread it measures work, and florc's background work
    # (snapshot, flushes) shows up in it rather than hiding in idle spin time.
    return {**git_env(), "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


def run_once(cmd: list[str], kind: str, ns: argparse.Namespace) -> tuple[tuple[float, float, float], Path]:
    """(training-loop seconds, process wall seconds, CPU seconds of the process and its children),
    and the repository it ran in."""
    script = training_script(kind, ns.epochs, ns.steps, width=512, batch=500, eval_rows=20000)
    repo = scratch_repo({"train.py": script})
    wall, cpu, proc = timed(cmd, repo, one_thread_env())
    return (loop_seconds(proc), wall, cpu), repo


def fixed_cost(kind: str, repeat: int) -> tuple[float, float]:
    """Median (CPU seconds, wall seconds) of a script that starts a run and logs one value."""
    cpu, wall = [], []
    for _ in range(repeat):
        repo = scratch_repo({"t.py": FIXED[kind]})
        w, c, _ = timed([sys.executable, "t.py"], repo, one_thread_env())
        wall.append(w)
        cpu.append(c)
    return median(cpu), median(wall)


def pct(ratio: float) -> str:
    return f"{100 * (ratio - 1):+.1f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7, help="rounds (one run of each variant per round)")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--steps", type=int, default=150)
    parser.add_argument("--no-flordb", action="store_true")
    ns = parser.parse_args(argv)
    variants = {
        "stub": ("stub", [sys.executable, "train.py"]),
        "florc (python train.py)": ("florc", [sys.executable, "train.py"]),
        "florc run (checkpoints on)": ("florc", [sys.executable, "-m", "florc", "run", "train.py"]),
    }
    if not ns.no_flordb:
        variants["flordb 4.0.1"] = ("flordb", [str(flordb_python()), "train.py"])
    labels = list(variants)
    times: dict[str, list[tuple[float, float, float]]] = {k: [] for k in labels}
    ckpt: list[float] = []  # what the checkpoints of each `florc run` cost, from its index
    for r in range(ns.repeat):
        order = labels[r % len(labels):] + labels[: r % len(labels)]
        for label in order:
            kind, cmd = variants[label]
            measured, repo = run_once(cmd, kind, ns)
            times[label].append(measured)
            if label.startswith("florc run"):
                ckpt.append(checkpoint_cost(repo, one_thread_env())[2])
            print(r, label, times[label][-1], flush=True)

    def ratios(label: str, m: int) -> list[float]:
        return [t[m] / s[m] for t, s in zip(times[label], times["stub"])]

    rows = ["| variant | " + " | ".join(f"{m} (s) | vs stub, paired median (range)" for m in MEASURES) + " |",
            "|---|" + "---|---|" * len(MEASURES)]
    summary: dict[str, dict[str, float]] = {}
    for label in labels:
        cells = []
        for m, measure in enumerate(MEASURES):
            rs = ratios(label, m)
            cells.append(f"{median([t[m] for t in times[label]]):.2f}")
            cells.append("—" if label == "stub" else f"{pct(median(rs))} ({pct(min(rs))} to {pct(max(rs))})")
            summary.setdefault(label, {})[measure] = median(rs)
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    stub_loops = [t[0] for t in times["stub"]]
    noise = max(stub_loops) / min(stub_loops) - 1
    (base_cpu, base_wall), (run_cpu, run_wall) = fixed_cost("python", 7), fixed_cost("florc", 7)
    loop = median(stub_loops)
    step = per_step_cost()
    in_loop = ns.epochs * ns.steps * step + median(ckpt)
    accounted = (
        "Accounted, free of the machine's noise: what florc adds inside this training loop is "
        f"{ns.epochs * ns.steps} iterations x {1e6 * step:.1f} µs (`flor.loop` plus one `flor.log`, "
        f"measured against the bare loop in the same run) plus {median(ckpt):.3f} s of checkpoints "
        "under `florc run` (capture on the training thread and the writer's time, summed from the "
        f"run's `checkpoints` index, median of the {len(ckpt)} runs) = {in_loop:.3f} s, "
        f"**{100 * in_loop / loop:.2f}% of the stub's {loop:.2f} s training loop**."
    )
    fixed = (
        f"Fixed cost of a run (median of 7, no torch; both scripts import numpy, as every torch script does): "
        f"`import numpy` alone {base_cpu:.3f} CPU-s / {base_wall:.3f} s wall; the same plus `import florc`, one "
        f"`flor.arg` and one `flor.log` {run_cpu:.3f} CPU-s / {run_wall:.3f} s wall, so a run costs "
        f"{run_cpu - base_cpu:.3f} CPU-s more (the runtime's import, the code snapshot's niced child process, "
        f"the first and last parts). Against this script's {loop:.1f} s training loop that is "
        f"{100 * (run_cpu - base_cpu) / loop:.1f}% of CPU, most of it on the core the single-threaded "
        "training leaves idle. Beyond it, each logged value costs about a microsecond (next section), "
        "and each flush (every 3 s) a few milliseconds of a background thread."
    )
    body = (
        "## Record overhead\n\n"
        f"A torch CPU MLP (one compute thread), {ns.epochs} epochs x {ns.steps} steps, logging the loss every "
        "step and the accuracy every epoch, two `flor.arg`s, model and optimizer given to "
        "`flor.checkpointing`. Variants: the flor calls stubbed out; `import florc as flor` run with "
        "`python` (code snapshot on, checkpoints through the loop observer); the same under "
        "`florc run` (loops instrumented, adaptive checkpoints, 1% budget); flordb 4.0.1 (its own venv). "
        f"{ns.repeat} rounds of one run each, each run in a fresh git repository, the order rotating "
        "between rounds; a variant's ratio is taken against the stub of the same round, and the "
        "table gives the median of those paired ratios with their range.\n\n"
        f"The stub's own training-loop time varied by {100 * noise:.0f}% between rounds (max/min): "
        "differences smaller than that range are not resolved by this machine.\n\n"
        f"Command: `{command_line()}`\n\n" + "\n".join(rows) + "\n\n" + accounted + "\n\n" + fixed
    )
    write_section("record", body)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
