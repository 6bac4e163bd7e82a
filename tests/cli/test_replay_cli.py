"""`florc replay` on a small pure-Python training loop (no torch: each process starts fast):
plans, confirmation, selection, declines and usage errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from procs import florc, florc_json

SCRIPT = """\
import random
import florc as flor

random.seed(0)
lr = flor.arg("lr", 0.1)
w = [0.0, 0.0]
for epoch in flor.loop("epoch", range(3)):
    for step in flor.loop("step", range(50)):
        x = random.random()
        g = 2 * (w[0] * x + w[1] - 3 * x)
        w[0] -= lr * g * x
        w[1] -= lr * g
    flor.log("w0", w[0])
"""
NEW = SCRIPT.replace('    flor.log("w0", w[0])\n', '    flor.log("w0", w[0])\n    flor.log("w1", w[1])\n')


def git(root, env, *args):
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def recorded(repo, env):
    (repo / "train.py").write_text(SCRIPT)
    git(repo, env, "add", "train.py")
    git(repo, env, "commit", "-q", "-m", "train")
    florc(repo, {**env, "FLORC_CKPT_BUDGET": "inf"}, "run", "train.py")
    (repo / "train.py").write_text(NEW)
    return repo


def replayed(repo, env, name):
    rows = florc_json(repo, env, "query", f"SELECT i1, value_num FROM logs WHERE name = '{name}' AND source = 'replay' ORDER BY i1")
    return [(r["i1"], r["value_num"]) for r in rows["rows"]]


def test_dry_run_prints_the_plan_and_changes_nothing(recorded, env):
    proc = florc(recorded, env, "replay", "w1", "--dry-run", "--json")
    report = json.loads(proc.stdout)
    (plan,) = report["plans"]
    assert plan["plan"]["level"] == "outer" and plan["plan"]["checkpoints_used"] == 3 and report["outcomes"] == []
    assert "level: outer" in proc.stderr and "checkpoints to restore: 3" in proc.stderr
    assert replayed(recorded, env, "w1") == []


def test_replay_matches_a_run_that_had_the_statement(recorded, env, tmp_path):
    truth = tmp_path / "truth"
    truth.mkdir()
    (truth / "train.py").write_text(NEW)
    subprocess.run([sys.executable, "train.py"], cwd=truth, env=env, check=True)
    rows = florc_json(truth, env, "query", "SELECT i1, value_num FROM logs WHERE name = 'w1' ORDER BY i1")["rows"]
    expected = [(r["i1"], r["value_num"]) for r in rows]
    assert len(expected) == 3
    report = florc_json(recorded, env, "replay", "w1", "--yes")
    (outcome,) = report["outcomes"]
    assert outcome["status"] == "replayed"
    assert {s["address"]: s["actions"] for s in outcome["loops"]}["train.py::for:epoch/for:step"] == {"skipped": 3}
    assert replayed(recorded, env, "w1") == expected


def test_without_yes_on_a_non_interactive_input_nothing_runs(recorded, env):
    proc = florc(recorded, env, "replay", "w1", check=False)
    assert proc.returncode == 1 and "add --yes" in proc.stderr.splitlines()[-1]
    assert replayed(recorded, env, "w1") == []


def test_where_and_runs_choose_and_other_versions_are_declined(recorded, env):
    proc = florc(recorded, env, "replay", "w1", "--where", "lr > 0.5", "--yes")
    assert proc.returncode == 0 and "nothing to replay" in proc.stderr
    run_id = florc_json(recorded, env, "runs")["rows"][0]["run_id"]
    (recorded / "train.py").write_text(NEW.replace("range(50)", "range(40)"))
    proc = florc(recorded, env, "replay", "w1", "--runs", run_id[:12], "--yes", "--json", check=False)
    assert proc.returncode == 3
    (outcome,) = json.loads(proc.stdout)["outcomes"]
    assert outcome["status"] == "declined" and "another version of train.py" in outcome["reason"]


@pytest.mark.parametrize(
    "args, code, needle",
    [
        (["replay"], 2, "NAME"),
        (["replay", "w1", "--jobs", "0"], 2, "--jobs"),
        (["replay", "w1", "--atol", "-1"], 2, "--atol"),
    ],
)
def test_usage_errors(repo, env, args, code, needle):
    proc = florc(repo, env, *args, check=False)
    assert proc.returncode == code and needle in proc.stderr


def test_outside_a_repository_or_without_runs_is_one_line(repo, env, tmp_path):
    proc = florc(repo, env, "replay", "w1", "--yes", check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "no recorded runs" in proc.stderr
    plain = tmp_path / "plain"
    plain.mkdir()
    proc = florc(plain, env, "replay", "w1", "--yes", check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "not inside a git repository" in proc.stderr


def test_a_loop_whose_effects_cannot_be_determined_runs_and_the_plan_says_why(repo, env, tmp_path):
    opaque = SCRIPT.replace("        w[1] -= lr * g\n", "        w[1] -= lr * g\n        exec('pass')\n")
    (repo / "train.py").write_text(opaque)
    git(repo, env, "add", "train.py")
    git(repo, env, "commit", "-q", "-m", "train")
    florc(repo, {**env, "FLORC_CKPT_BUDGET": "inf"}, "run", "train.py")
    new = opaque.replace('    flor.log("w0", w[0])\n', '    flor.log("w0", w[0])\n    flor.log("w1", w[1])\n')
    (repo / "train.py").write_text(new)
    proc = florc(repo, env, "replay", "w1", "--dry-run")
    assert "train.py::for:epoch/for:step runs in every iteration: calls exec()" in proc.stderr
    truth = tmp_path / "truth"
    truth.mkdir()
    (truth / "train.py").write_text(new)
    subprocess.run([sys.executable, "train.py"], cwd=truth, env=env, check=True)
    rows = florc_json(truth, env, "query", "SELECT i1, value_num FROM logs WHERE name = 'w1' ORDER BY i1")["rows"]
    (outcome,) = florc_json(repo, env, "replay", "w1", "--yes")["outcomes"]
    assert outcome["status"] == "replayed"
    assert replayed(repo, env, "w1") == [(r["i1"], r["value_num"]) for r in rows]


DATA_SCRIPT = """\
import florc as flor

xs = [float(v) for v in open("data/xs.txt").read().split()]
total = 0.0
for epoch in flor.loop("epoch", range(2)):
    for x in flor.loop("step", xs):
        total += x * (epoch + 1)
    flor.log("total", total)
"""


@pytest.fixture
def recorded_with_data(repo, env):
    # The dataset is git-ignored: the run's code snapshot does not hold it.
    (repo / ".gitignore").write_text("data/\n")
    (repo / "data").mkdir()
    (repo / "data" / "xs.txt").write_text("1 2 3\n")
    (repo / "train.py").write_text(DATA_SCRIPT)
    git(repo, env, "add", ".gitignore", "train.py")
    git(repo, env, "commit", "-q", "-m", "train")
    florc(repo, env, "run", "train.py")
    (repo / "train.py").write_text(DATA_SCRIPT.replace('    flor.log("total", total)\n',
                                                      '    flor.log("total", total)\n    flor.log("half", total / 2)\n'))
    return repo


def test_a_replay_missing_git_ignored_data_fails_with_a_hint(recorded_with_data, env):
    proc = florc(recorded_with_data, env, "replay", "half", "--yes", check=False)
    assert proc.returncode == 3, proc.stderr
    assert "hint: data/xs.txt is in the working tree but not in the run's code snapshot" in proc.stderr
    assert "`--link data`" in proc.stderr
    assert replayed(recorded_with_data, env, "half") == []


def test_link_shares_git_ignored_data_with_the_replay(recorded_with_data, env):
    status = subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=recorded_with_data, env=env,
                            capture_output=True, text=True, check=True).stdout
    report = florc_json(recorded_with_data, env, "replay", "half", "--yes", "--link", "data")
    (outcome,) = report["outcomes"]
    assert outcome["status"] == "replayed", outcome
    assert replayed(recorded_with_data, env, "half") == [(0, 3.0), (1, 9.0)]
    assert (recorded_with_data / "data" / "xs.txt").read_text() == "1 2 3\n"
    assert subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=recorded_with_data, env=env,
                          capture_output=True, text=True, check=True).stdout == status


@pytest.mark.parametrize("path, message", [
    ("nope", "no such file or directory in the working tree"),
    ("../outside", "not inside the repository"),
    (".flor", "not a path the replay may share"),
])
def test_bad_link_paths_are_one_line_usage_errors(recorded_with_data, env, path, message):
    (recorded_with_data.parent / "outside").mkdir(exist_ok=True)
    proc = florc(recorded_with_data, env, "replay", "half", "--yes", "--link", path, check=False)
    (line,) = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and message in line, proc.stderr
