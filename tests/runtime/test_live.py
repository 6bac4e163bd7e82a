"""A run in progress reads `running`; a run whose process is gone reads `incomplete`."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import florc as flor
from florc.query import query
from florc.runtime import session
from florc.store import live


def status(store):
    return dict(query("SELECT run_id, status FROM runs", store=store).values.tolist())


def test_a_run_reads_running_while_it_runs_and_complete_after(run_dir):
    flor.log("x", 1.0)
    rid = session.current().run_id
    assert flor.query("SELECT status FROM runs").status.tolist() == ["running"]
    session.stop()
    assert status(run_dir / ".flor") == {rid: "complete"}
    assert not (run_dir / ".flor" / "live" / rid).exists()


def test_a_killed_run_reads_incomplete_at_once(run_dir):
    script = "import sys, time\nimport florc as flor\nflor.log('x', 1.0)\nflor.commit()\nprint('ready', flush=True)\ntime.sleep(60)\n"
    env = {**os.environ, "FLORC_FLUSH_SECONDS": "3600"}
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=run_dir, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        assert list(status(run_dir / ".flor").values()) == ["running"]
    finally:
        proc.kill()
        proc.wait()
    assert list(status(run_dir / ".flor").values()) == ["incomplete"]


def test_heartbeats_of_dead_or_silent_processes_are_not_live(tmp_path):
    folder = tmp_path / "live"
    folder.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (folder / "here-dead").write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(), "start": None}))
    (folder / "here-alive").write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "start": None}))
    (folder / "elsewhere-fresh").write_text(json.dumps({"pid": 1, "host": "another-host"}))
    (folder / "elsewhere-stale").write_text(json.dumps({"pid": 1, "host": "another-host"}))
    old = time.time() - 10 * live.BEAT_SECONDS
    os.utime(folder / "elsewhere-stale", (old, old))
    (folder / "garbled").write_text("{")
    assert live.live_writers(tmp_path) == {"here-alive", "elsewhere-fresh"}
    assert {p.name for p in live.stale(tmp_path)} == {"here-dead", "elsewhere-stale", "garbled"}
