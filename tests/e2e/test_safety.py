"""What must hold whatever happens to a run: kills, signals, concurrency, the user's repo."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from procs import florc_json

LOGGER = """\
import sys, time
import florc as flor
mode = sys.argv[1]
for i in flor.loop("step", range(100000)):
    flor.log("x", float(i))
    if i == 9:
        if mode == "commit":
            flor.commit()
        print("ready", flush=True)
        time.sleep(120)
"""


def start(repo, env, *args, **extra_env):
    return subprocess.Popen(
        [sys.executable, "logger.py", *args],
        cwd=repo,
        env={**env, **extra_env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_ready(proc):
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()


def test_sigkill_keeps_flushed_rows_and_the_run_reads_incomplete(repo, env):
    (repo / "logger.py").write_text(LOGGER)
    proc = start(repo, env, "commit", FLORC_FLUSH_SECONDS="3600")
    wait_ready(proc)
    proc.kill()
    proc.wait()
    runs = florc_json(repo, env, "runs")["rows"]
    assert [r["status"] for r in runs] == ["incomplete"]
    df = florc_json(repo, env, "dataframe", "x")["rows"]
    assert [r["x"] for r in df] == [float(i) for i in range(10)]


def test_periodic_flush_saves_rows_without_any_explicit_commit(repo, env):
    (repo / "logger.py").write_text(LOGGER)
    proc = start(repo, env, "sleep", FLORC_FLUSH_SECONDS="0.2")
    wait_ready(proc)
    deadline = time.monotonic() + 30
    while not list((repo / ".flor" / "logs").glob("*.parquet")) and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.kill()
    proc.wait()
    assert len(florc_json(repo, env, "dataframe", "x")["rows"]) == 10
    assert florc_json(repo, env, "runs")["rows"][0]["status"] == "incomplete"


def test_sigterm_flushes_and_marks_the_run_terminated(repo, env):
    (repo / "logger.py").write_text(LOGGER)
    proc = start(repo, env, "sleep", FLORC_FLUSH_SECONDS="3600")
    wait_ready(proc)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait() == -signal.SIGTERM  # the default action still happens after the flush
    assert florc_json(repo, env, "runs")["rows"][0]["status"] == "terminated"
    assert len(florc_json(repo, env, "dataframe", "x")["rows"]) == 10


def test_sigterm_chains_to_the_scripts_own_handler(repo, env):
    (repo / "logger.py").write_text(
        "import signal, sys, time\nimport florc as flor\n"
        "signal.signal(signal.SIGTERM, lambda *a: sys.exit(7))\n"
        "flor.log('x', 1.0)\n"
        "for i in flor.loop('step', range(3)):\n    flor.log('x', float(i))\n"
        "print('ready', flush=True)\ntime.sleep(120)\n"
    )
    proc = start(repo, env)
    wait_ready(proc)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait() == 7
    # florc flushed, then handed over to the script's handler, which exited normally.
    assert florc_json(repo, env, "runs")["rows"][0]["status"] == "complete"
    assert florc_json(repo, env, "query", "SELECT count(*) AS n FROM logs")["rows"] == [{"n": 4}]


def test_two_runs_started_together_both_land_with_distinct_ids(repo, env):
    (repo / "many.py").write_text(
        "import florc as flor\nfor i in flor.loop('step', range(200)):\n    flor.log('x', float(i))\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-m", "florc", "run", "many.py"], cwd=repo, env=env, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    assert [p.wait() for p in procs] == [0, 0]
    runs = florc_json(repo, env, "runs")["rows"]
    assert len({r["run_id"] for r in runs}) == 2
    assert {r["status"] for r in runs} == {"complete"}
    counts = florc_json(repo, env, "query", "SELECT run_id, count(*) AS n FROM logs GROUP BY run_id")["rows"]
    assert sorted(r["n"] for r in counts) == [200, 200]
    refs = subprocess.run(["git", "for-each-ref", "refs/florc/runs"], cwd=repo, env=env, capture_output=True, text=True).stdout
    assert len(refs.splitlines()) == 2
    assert not (repo / ".git" / "index.lock").exists()


def test_outside_a_git_repository_the_run_is_recorded_with_a_notice(tmp_path, env):
    work = tmp_path / "plain"
    work.mkdir()
    (work / "t.py").write_text("import florc as flor\nflor.log('x', 1.0)\n")
    proc = subprocess.run([sys.executable, "t.py"], cwd=work, env=env, capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stderr.count("\n") == 1 and "not inside a git repository" in proc.stderr
    runs = florc_json(work, env, "runs")["rows"]
    assert runs[0]["status"] == "complete" and runs[0]["commit"] is None
