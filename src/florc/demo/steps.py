"""The demo's steps, each a function of the shared ``Demo`` state, run in order by ``main``.

Later stages of the story (propagating a new log statement into the old versions, replaying
them) are added as further steps here without touching the ones before.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

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


STEPS: tuple[Callable[[Demo], None], ...] = (build_and_record, show_runs, show_dataframe)

__all__ = ["Demo", "STEPS", "build_and_record", "record", "show_dataframe", "show_runs"]
