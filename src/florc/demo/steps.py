"""The demo's steps, each a function of the shared ``Demo`` state, run in order by ``main``.

Later stages of the story (propagating a new log statement into the old versions, replaying
them) are added as further steps here without touching the ones before.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from florc.demo import project as proj
from florc.errors import UserError


@dataclass
class Demo:
    root: Path
    out: Callable[[str], None] = print
    project: proj.Project | None = None
    commits: dict[str, str] = field(default_factory=dict)
    run_ids: list[str] = field(default_factory=list)


def say(demo: Demo, text: str) -> None:
    demo.out(text)


def record(demo: Demo, script: Path, *args: str) -> None:
    """``florc run`` the script in a child process (the interpreter running florc)."""
    env = dict(os.environ)
    env.update(proj.git_env())
    env.pop("FLORC_STORE", None)
    # The example's epochs last milliseconds, where a 1% budget buys almost no checkpoint:
    # take one at every opportunity, so the hindsight step can show loops being skipped.
    env.setdefault("FLORC_CKPT_BUDGET", "inf")
    cmd = [sys.executable, "-m", "florc", "run", script.name, *args]
    proc = subprocess.run(cmd, cwd=script.parent, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise UserError(f"recording {script.name} failed: {tail}")
    for line in proc.stderr.splitlines():
        if line.startswith("florc: run "):
            demo.run_ids.append(line.split()[2])


def build_and_record(demo: Demo) -> None:
    say(demo, f"Building the example project in {demo.root}")
    demo.project = proj.init(demo.root)
    for version in proj.VERSIONS:
        commit = proj.commit_version(demo.project, version)
        demo.commits[version] = commit
        t0 = time.perf_counter()
        record(demo, demo.project.script)
        say(
            demo,
            f"  {version} {commit[:10]} {proj.MESSAGES[version]!r}: "
            f"recorded run {demo.run_ids[-1]} in {time.perf_counter() - t0:.1f}s",
        )


def show_runs(demo: Demo) -> None:
    from florc.query import query
    from florc.query.output import render

    df = query(
        'SELECT run_id, status, left("commit", 10) AS "commit", script, args FROM runs ORDER BY started_at',
        store=demo.root / ".flor",
    )
    say(demo, "\nRecorded runs (florc runs):")
    say(demo, render(df))


def show_dataframe(demo: Demo) -> None:
    from florc.query import dataframe
    from florc.query.output import render

    df = dataframe("lr", "hidden", "loss", "acc", store=demo.root / ".flor")
    df = df.drop(columns=["projid", "tstamp", "filename"])
    df["run_id"] = df["run_id"].str[-8:]
    df["commit"] = df["commit"].str[:8]
    say(demo, "\nPer-epoch metrics of the 3 versions (flor.dataframe('lr', 'hidden', 'loss', 'acc')):")
    say(demo, render(df))
    say(demo, "\nv1 never logged acc: that gap is what hindsight logging fills.")


# Two statements added to the newest version: one per epoch (reads the gradients the inner loop
# left), one per step (inside the inner loop).
HINDSIGHT = (
    (
        '        flor.log("acc", acc.item())\n',
        '        flor.log("acc", acc.item())\n'
        '        flor.log("grad_norm", sum(p.grad.norm() ** 2 for p in model.parameters()).sqrt().item())\n',
    ),
    (
        "            optimizer.step()\n",
        "            optimizer.step()\n"
        '            flor.log("batch_loss", loss.item())\n',
    ),
)


def replay(demo: Demo, *args: str) -> dict[str, Any]:
    """``florc replay ARGS --yes --json`` in the example project; its JSON report."""
    env = dict(os.environ)
    env.update(proj.git_env())
    env.pop("FLORC_STORE", None)
    cmd = [sys.executable, "-m", "florc", "replay", *args, "--yes", "--json"]
    proc = subprocess.run(cmd, cwd=demo.root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise UserError(f"florc replay {' '.join(args)} failed: {tail}")
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def _replayed(demo: Demo, report: dict[str, Any], seconds: float) -> None:
    for plan, outcome in zip(report["plans"], report["outcomes"]):
        loops = "; ".join(
            f"{s['address'].rsplit('::', 1)[-1]}: " + ", ".join(f"{a} {n}" for a, n in s["actions"].items())
            for s in outcome["loops"]
        )
        recorded = [n["name"] for n in outcome["fidelity"]["names"] if n["compared"]]
        say(
            demo,
            f"  run {outcome['run_id'][-8:]}: level {plan['plan']['level']}, {seconds:.1f}s; {loops}; "
            f"recorded {', '.join(recorded)} reproduced exactly"
            if outcome["status"] == "replayed" else f"  run {outcome['run_id'][-8:]}: {outcome['status']}",
        )


@contextlib.contextmanager
def hindsight_edit(demo: Demo) -> Iterator[Path]:
    """The newest version with the HINDSIGHT statements added, uncommitted, for the duration."""
    assert demo.project is not None
    script = demo.project.script
    committed = script.read_text(encoding="utf-8")
    text = committed
    for old, new in HINDSIGHT:
        text = text.replace(old, new)
    script.write_text(text, encoding="utf-8")
    try:
        yield script
    finally:
        script.write_text(committed, encoding="utf-8")  # the example repository stays as committed


def hindsight(demo: Demo) -> None:
    """Add a per-epoch and a per-step statement to the newest version and replay its run."""
    from florc.query import dataframe
    from florc.query.output import render

    with hindsight_edit(demo):
        say(demo, "\nHindsight: train.py (v3, not committed) gains a per-epoch gradient norm and a per-step loss.")
        say(demo, "florc replay grad_norm  (outer loop: the inner loop is restored from checkpoints)")
        t0 = time.perf_counter()
        _replayed(demo, replay(demo, "grad_norm"), time.perf_counter() - t0)
        say(demo, "florc replay batch_loss  (inner loop: it runs again, from each epoch's checkpoint)")
        t0 = time.perf_counter()
        _replayed(demo, replay(demo, "batch_loss", "--jobs", "2"), time.perf_counter() - t0)
    newest = demo.run_ids[-1]
    store = demo.root / ".flor"
    df = dataframe("loss", "acc", "grad_norm", store=store)
    df = df[df["run_id"] == newest][["epoch", "loss", "acc", "grad_norm"]]
    say(demo, "\nThe newest run, recorded columns next to the replayed grad_norm:")
    say(demo, render(df))
    steps = dataframe("batch_loss", store=store)
    steps = steps[(steps["run_id"] == newest)][["epoch", "step", "batch_loss"]]
    say(demo, f"\n... and batch_loss, {len(steps)} values, one per step (the first five):")
    say(demo, render(steps.head(5)))


def propagate(demo: Demo) -> None:
    """Bring the same two statements into every older version with ``florc propagate``."""
    with hindsight_edit(demo):
        env = dict(os.environ)
        env.update(proj.git_env())
        cmd = [sys.executable, "-m", "florc", "propagate", "HEAD"]
        proc = subprocess.run(cmd, cwd=demo.root, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 3):  # 3: some version declined a statement, which is news
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise UserError(f"florc propagate HEAD failed: {tail}")
    say(demo, "\nflorc propagate HEAD  (the same statements, placed into every committed version; v1 and v2")
    say(demo, "say `net` where v3 says `model`):")
    say(demo, proc.stdout.rstrip())


STEPS: tuple[Callable[[Demo], None], ...] = (build_and_record, show_runs, show_dataframe, hindsight, propagate)

__all__ = [
    "Demo", "HINDSIGHT", "STEPS", "build_and_record", "hindsight", "hindsight_edit", "propagate", "record", "replay",
    "show_dataframe", "show_runs",
]
