"""`florc replay` end to end: a seeded torch script recorded with `florc run` in a real git
repository, hindsight statements added to the working tree, replayed by the command, compared
bit for bit with a ground-truth run that had the statements from the start."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from procs import IDENTITY

SCRIPT = """\
import time

import torch
import florc as flor

torch.manual_seed(0)
lr = flor.arg("lr", 0.05)
data = [(torch.randn(8, 4), torch.randn(8, 1)) for _ in range(6)]
net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9)
history = []
for epoch in flor.loop("epoch", range(4)):
    for step in flor.loop("step", range(len(data))):
        x, y = data[(step + epoch) % len(data)]
        loss = torch.nn.functional.mse_loss(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        flor.log("loss", loss.item())
    history.append(loss.item())
    time.sleep(0.05)  # an epoch long next to restoring a checkpoint: worth a second worker
    flor.log("epoch_loss", loss.item())
flor.log("best", min(history))
"""
# Per epoch, with a helper line, reading gradients the skipped inner loop left behind.
OUTER = (
    '    flor.log("epoch_loss", loss.item())\n',
    '    flor.log("epoch_loss", loss.item())\n'
    "    gn = sum(p.grad.norm().item() ** 2 for p in net.parameters()) ** 0.5\n"
    '    flor.log("grad_norm", gn)\n',
)
# Per step, inside the inner loop.
INNER = (
    "        opt.step()\n",
    "        opt.step()\n"
    '        flor.log("w_mean", net[0].weight.mean().item())\n',
)


def hindsight(*edits: tuple[str, str]) -> str:
    text = SCRIPT
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    return text


def florc(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "florc", *args], cwd=root, env=env, capture_output=True, text=True)


def values(root: Path, env: dict[str, str], name: str, source: str) -> list[tuple[int | None, int | None, float]]:
    proc = florc(root, env, "query",
                 f"SELECT i1, i2, value_num FROM logs WHERE name = '{name}' AND source = '{source}' ORDER BY i1, i2, seq",
                 "--json")
    assert proc.returncode == 0, proc.stderr
    return [(r["i1"], r["i2"], r["value_num"]) for r in json.loads(proc.stdout)["rows"]]


def git(root: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True).stdout


def repo_state(root: Path, env: dict[str, str]) -> tuple[str, ...]:
    return (
        git(root, env, "status", "--porcelain"),
        git(root, env, "rev-parse", "HEAD"),
        git(root, env, "for-each-ref", "refs/heads", "refs/tags"),
        git(root, env, "stash", "list"),
        (root / "train.py").read_text(),
    )


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """A repository with one recorded run of SCRIPT (a checkpoint at every opportunity), and
    the ground truth: a run of the script with both hindsight statements from the start."""
    base = tmp_path_factory.mktemp("replay")
    home = base / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLORC_", "GIT_"))}
    env.update(HOME=str(home), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", FLORC_QUIET="1", **IDENTITY)
    truth = base / "truth"
    truth.mkdir()
    (truth / "train.py").write_text(hindsight(OUTER, INNER))
    proc = subprocess.run([sys.executable, "train.py"], cwd=truth, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    root = base / "proj"
    root.mkdir()
    git(root, env, "init", "-q", "-b", "main")
    (root / "train.py").write_text(SCRIPT)
    git(root, env, "add", "train.py")
    git(root, env, "commit", "-q", "-m", "v1")
    proc = florc(root, {**env, "FLORC_CKPT_BUDGET": "inf"}, "run", "train.py")
    assert proc.returncode == 0, proc.stderr
    return root, truth, env


@pytest.fixture
def project(recorded, tmp_path):
    """A private copy of the recorded repository (its .flor store included)."""
    root, truth, env = recorded
    copy = tmp_path / "proj"
    shutil.copytree(root, copy, symlinks=True)
    return copy, truth, env


def test_outer_loop_statement_replays_the_ground_truth_without_touching_the_repository(project):
    root, truth, env = project
    (root / "train.py").write_text(hindsight(OUTER))
    before = repo_state(root, env)
    proc = florc(root, env, "replay", "grad_norm", "--yes", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    (outcome,) = report["outcomes"]
    assert outcome["status"] == "replayed" and outcome["level"] == "outer"
    inner = next(s for s in outcome["loops"] if s["address"].endswith("for:step"))
    assert inner["actions"] == {"skipped": 4}
    names = {n["name"]: n for n in outcome["fidelity"]["names"]}
    assert names["epoch_loss"]["compared"] == 4 and names["epoch_loss"]["differing"] == 0
    assert names["grad_norm"]["replayed"] == 4 and names["grad_norm"]["compared"] == 0
    assert values(root, env, "grad_norm", "replay") == values(truth, env, "grad_norm", "record")
    assert values(root, env, "best", "replay") == []  # nothing after the loop was needed: not run
    assert repo_state(root, env) == before
    # The same replay again replaces its rows instead of adding a second copy.
    proc = florc(root, env, "replay", "grad_norm", "--yes", "--redo", "--json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["outcomes"][0]["superseded"]) == 1
    assert values(root, env, "grad_norm", "replay") == values(truth, env, "grad_norm", "record")
    # By default a run that has the values is left alone.
    proc = florc(root, env, "replay", "grad_norm", "--yes")
    assert proc.returncode == 0 and "nothing to replay" in proc.stderr
    assert repo_state(root, env) == before


def test_inner_loop_statement_replays_selected_epochs_on_two_workers(project):
    root, truth, env = project
    (root / "train.py").write_text(hindsight(INNER))
    proc = florc(root, env, "replay", "w_mean", "--iter", "epoch=1..3", "--jobs", "2", "--yes", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    plan = report["plans"][0]["plan"]
    assert plan["level"] == "inner" and len(plan["units"]) == 2
    (outcome,) = report["outcomes"]
    assert outcome["status"] == "replayed"
    main = next(s for s in outcome["loops"] if s["address"].endswith("::for:epoch"))
    assert main["actions"].get("resumed") == 2  # each worker restored its first epoch's start
    expected = [v for v in values(truth, env, "w_mean", "record") if v[0] >= 1]
    assert values(root, env, "w_mean", "replay") == expected  # epoch 0 was neither run nor logged
    loss = {n["name"]: n for n in outcome["fidelity"]["names"]}["loss"]
    assert loss["compared"] == 18 and loss["differing"] == 0


def test_missing_checkpoint_files_make_the_loops_run_and_the_plan_says_so(project):
    root, truth, env = project
    (root / "train.py").write_text(hindsight(OUTER))
    for folder in (root / ".flor" / "checkpoints").iterdir():  # the files; the index stays
        if folder.is_dir():
            shutil.rmtree(folder)
    proc = florc(root, env, "replay", "grad_norm", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "checkpoint file(s) are missing" in proc.stderr
    proc = florc(root, env, "replay", "grad_norm", "--yes", "--json")
    assert proc.returncode == 0, proc.stderr
    inner = next(s for s in json.loads(proc.stdout)["outcomes"][0]["loops"] if s["address"].endswith("for:step"))
    assert inner["actions"] == {"ran": 4}
    assert values(root, env, "grad_norm", "replay") == values(truth, env, "grad_norm", "record")


def test_sigkill_mid_replay_leaves_the_repository_and_the_store_intact(project):
    root, truth, env = project
    slow = hindsight(OUTER).replace('    flor.log("grad_norm", gn)\n', '    flor.log("grad_norm", gn)\n    __import__("time").sleep(60)\n')
    (root / "train.py").write_text(slow)
    before = repo_state(root, env)
    proc = subprocess.Popen([sys.executable, "-m", "florc", "replay", "grad_norm", "--yes"], cwd=root, env=env,
                            stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        if line.startswith("replaying"):
            break
    time.sleep(2)  # the worker is running (importing torch, or inside the script)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert repo_state(root, env) == before
    runs = json.loads(florc(root, env, "runs", "--json").stdout)["rows"]
    assert [r["kind"] for r in runs] == ["record"]
    assert values(root, env, "grad_norm", "replay") == []
    # The next replay cleans up after the killed one and works.
    (root / "train.py").write_text(hindsight(OUTER))
    proc = florc(root, env, "replay", "grad_norm", "--yes")
    assert proc.returncode == 0, proc.stderr
    assert not any((root / ".flor" / "staging").iterdir())
    assert values(root, env, "grad_norm", "replay") == values(truth, env, "grad_norm", "record")


def test_bad_input_is_one_line_with_exit_code_one(project):
    root, _, env = project
    for args, needle in (
        (["nope", "--yes"], "no script logs 'nope'"),
        (["loss", "--runs", "zzz", "--yes"], "--runs zzz: no recorded run"),
        (["loss", "--iter", "epoch=0..x", "--yes"], "invalid selector"),
        (["loss", "--where", "no_such_column > 1", "--yes"], "--where"),
    ):
        proc = florc(root, env, "replay", *args)
        assert proc.returncode == 1, (args, proc.stderr)
        assert proc.stderr.count("\n") == 1 and needle in proc.stderr, proc.stderr
    proc = florc(root, env, "replay", "loss", "--iter", "epoch=7", "--runs", "2", "--yes", "--redo")
    assert proc.returncode == 3 and "declined" in proc.stderr  # the run has no epoch 7


def test_a_run_recorded_with_plain_python_replays_from_its_observer_checkpoints(recorded, tmp_path):
    _, truth, env = recorded
    root = tmp_path / "plain"
    root.mkdir()
    git(root, env, "init", "-q", "-b", "main")
    (root / "train.py").write_text(SCRIPT)
    git(root, env, "add", "train.py")
    git(root, env, "commit", "-q", "-m", "v1")
    proc = subprocess.run([sys.executable, "train.py"], cwd=root, env={**env, "FLORC_CKPT_BUDGET": "inf"},
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (root / "train.py").write_text(hindsight(OUTER))
    proc = florc(root, env, "replay", "grad_norm", "--yes", "--json")
    assert proc.returncode == 0, proc.stderr
    (outcome,) = json.loads(proc.stdout)["outcomes"]
    inner = next(s for s in outcome["loops"] if s["address"].endswith("for:step"))
    assert inner["actions"] == {"skipped": 4}  # restored from what the observer saved
    assert values(root, env, "grad_norm", "replay") == values(truth, env, "grad_norm", "record")
    proc = florc(root, env, "replay", "w_mean", "--dry-run")  # no such statement yet: a user error
    assert proc.returncode == 1


def test_a_statement_that_fails_stores_nothing_and_says_where(project):
    root, _, env = project
    broken = SCRIPT.replace('    flor.log("epoch_loss", loss.item())\n',
                            '    flor.log("epoch_loss", loss.item())\n    flor.log("bad", no_such_name)\n')
    (root / "train.py").write_text(broken)
    line = broken.splitlines().index('    flor.log("bad", no_such_name)') + 1
    proc = florc(root, env, "replay", "bad", "--yes", "--json")
    assert proc.returncode == 3, proc.stderr
    (outcome,) = json.loads(proc.stdout)["outcomes"]
    assert outcome["status"] == "failed" and "NameError" in outcome["error"]
    assert f"train.py\", line {line}" in outcome["error"]  # today's line numbers in the traceback
    assert values(root, env, "bad", "replay") == [] and values(root, env, "epoch_loss", "replay") == []
