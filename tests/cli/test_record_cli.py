from __future__ import annotations

import json
import subprocess
import sys

from procs import florc, florc_json

ARGPARSE_SCRIPT = """\
import argparse
import flordb as flor

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=1)
ns = parser.parse_args()
lr = flor.arg("lr", 0.1)
for epoch in flor.loop("epoch", range(ns.epochs)):
    flor.log("loss", lr * (epoch + 1))
"""


def test_flordb_script_with_its_own_argparse_and_kwargs(repo, env):
    (repo / "train.py").write_text(ARGPARSE_SCRIPT)
    florc(repo, env, "run", "train.py", "--epochs", "3", "--kwargs", "lr=0.5")
    df = florc_json(repo, env, "dataframe", "lr", "loss")
    assert [(r["epoch"], r["lr"], r["loss"]) for r in df["rows"]] == [(0, 0.5, 0.5), (1, 0.5, 1.0), (2, 0.5, 1.5)]
    runs = florc_json(repo, env, "runs")["rows"]
    assert len(runs) == 1 and runs[0]["status"] == "complete" and json.loads(runs[0]["args"]) == {"lr": 0.5}


def test_double_dash_and_exit_code_of_the_script(repo, env):
    (repo / "fail.py").write_text("import florc as flor\nflor.log('x', 1)\nraise SystemExit(3)\n")
    proc = florc(repo, env, "run", "--", "fail.py", check=False)
    assert proc.returncode == 3
    runs = florc_json(repo, env, "runs")["rows"]
    assert runs[0]["status"] == "failed"


def test_a_script_error_is_reported_and_the_run_marked_failed(repo, env):
    (repo / "boom.py").write_text("import florc as flor\nflor.log('x', 1)\n1 / 0\n")
    proc = florc(repo, env, "run", "boom.py", check=False)
    assert proc.returncode == 1 and "ZeroDivisionError" in proc.stderr
    rows = florc_json(repo, env, "query", "SELECT r.status, count(l.name) AS n FROM runs r JOIN logs l USING (run_id) GROUP BY ALL")["rows"]
    assert rows == [{"status": "failed", "n": 1}]


def test_missing_script_is_one_clear_line(repo, env):
    proc = florc(repo, env, "run", "nope.py", check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "florc: error: nope.py: no such file"


def test_bad_sql_is_one_clear_line(repo, env):
    proc = florc(repo, env, "query", "SELEC nonsense", check=False)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1
    assert proc.stderr.startswith("florc: error: query:")


def test_csv_and_text_outputs(repo, env):
    (repo / "t.py").write_text("import florc as flor\nflor.log('acc', 0.5)\n")
    florc(repo, env, "run", "t.py")
    csv = florc(repo, env, "dataframe", "acc", "--csv").stdout.splitlines()
    assert csv[0] == "projid,run_id,tstamp,filename,commit,acc" and csv[1].endswith(",t.py," + csv[1].split(",")[4] + ",0.5")
    text = florc(repo, env, "runs").stdout
    assert "complete" in text and "t.py" in text


def test_an_analysis_script_that_only_reads_is_not_a_run(repo, env):
    (repo / "t.py").write_text("import florc as flor\nflor.log('acc', 0.5)\n")
    florc(repo, env, "run", "t.py")
    (repo / "read.py").write_text("import florc as flor\nprint(len(flor.dataframe('acc')))\n")
    out = subprocess.run([sys.executable, "read.py"], cwd=repo, env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "1"
    assert len(florc_json(repo, env, "runs")["rows"]) == 1


def test_run_records_code_version_and_leaves_the_repo_as_it_was(repo, env):
    (repo / "t.py").write_text("import florc as flor\nflor.log('acc', 0.5)\n")  # untracked
    (repo / "README").write_text("edited\n")  # modified
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout
    before = (git("status", "--porcelain", "--untracked-files=all"), git("rev-parse", "HEAD"), git("stash", "list"))
    florc(repo, env, "run", "t.py")
    assert (git("status", "--porcelain", "--untracked-files=all"), git("rev-parse", "HEAD"), git("stash", "list")) == before
    run = florc_json(repo, env, "runs")["rows"][0]
    full = git("rev-parse", f"refs/florc/runs/{run['run_id']}").strip()
    assert full.startswith(run["commit"])
    assert git("show", f"{full}:README") == "edited\n"


def test_a_script_that_does_not_parse_is_one_line_and_no_run(repo, env):
    text = "import florc as flor\nx = print(1\nfor e in flor.loop('e', range(2)):\n    pass\n"
    (repo / "bad.py").write_text(text)
    try:
        compile(text, "bad.py", "exec")
    except SyntaxError as exc:
        expected = f"florc: error: bad.py:{exc.lineno}:{exc.offset}: {exc.msg}"
    proc = florc(repo, env, "run", "bad.py", check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == expected  # florc: error: bad.py:2:10: '(' was never closed
    assert florc_json(repo, env, "runs")["rows"] == []


def test_a_script_error_shows_the_scripts_own_traceback(repo, env):
    (repo / "boom.py").write_text(
        "import florc as flor\n\ndef f(v):\n    return 1 / v\n\n"
        "for e in flor.loop('epoch', range(3)):\n    f(e - 1)\n"
    )
    proc = florc(repo, env, "run", "boom.py", check=False)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    start = lines.index("Traceback (most recent call last):")
    end = next(i for i, line in enumerate(lines) if line.startswith("ZeroDivisionError"))
    frames = [line.strip() for line in lines[start:end] if line.strip().startswith("File ")]
    assert frames == ['File "boom.py", line 7, in <module>', 'File "boom.py", line 4, in f']
    assert florc_json(repo, env, "runs")["rows"][0]["status"] == "failed"


def test_running_the_same_script_again_reads_its_instrumentation_from_the_cache(repo, env):
    (repo / "t.py").write_text("import florc as flor\nfor e in flor.loop('epoch', range(2)):\n    flor.log('e', e)\n")
    cache = repo / ".flor" / "cache" / "instrument"
    florc(repo, env, "run", "t.py")
    entries = sorted(cache.iterdir())
    assert len(entries) == 1
    inode = entries[0].stat().st_ino  # a rewrite would be a new file renamed into place
    florc(repo, env, "run", "t.py")
    assert sorted(cache.iterdir()) == entries and entries[0].stat().st_ino == inode
    (repo / "t.py").write_text("import florc as flor\nfor e in flor.loop('epoch', range(3)):\n    flor.log('e', e)\n")
    florc(repo, env, "run", "t.py")
    assert len(list(cache.iterdir())) == 2
    assert [r["status"] for r in florc_json(repo, env, "runs")["rows"]] == ["complete"] * 3
