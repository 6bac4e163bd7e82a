"""`florc propagate` end to end, in a subprocess, on real git repositories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

OLD = """import torch

model = Net()
for epoch in range(3):
    loss = train(model)
    print(epoch, loss)
"""
NEW = """import flor
import torch

model = Net()
for epoch in range(3):
    loss = train(model)
    flor.log("loss", loss)
    flor.log("grad_norm", grad_norm)
    print(epoch, loss)
"""
NEW_ONE = NEW.replace('    flor.log("grad_norm", grad_norm)\n', "")


@pytest.fixture
def git_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLORC_", "GIT_"))}
    env.update(HOME=str(home), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    return env


def git(root: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def florc(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "florc", "propagate", *args], cwd=root, env=env,
                          capture_output=True, text=True)


@pytest.fixture
def project(tmp_path: Path, git_env: dict[str, str]) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    git(root, git_env, "init", "-q", "-b", "main")
    for version, text in enumerate([OLD, OLD.replace("range(3)", "range(5)"), "print 'python 2'\n"]):
        (root / "train.py").write_text(text)
        git(root, git_env, "add", "train.py")
        git(root, git_env, "commit", "-q", "-m", f"v{version}")
    (root / "train.py").write_text(NEW_ONE.replace("range(3)", "range(5)"))
    return root


def test_history_mode_reports_each_commit_and_exits_3_on_a_bad_version(project: Path, git_env: dict[str, str]) -> None:
    head = git(project, git_env, "rev-parse", "HEAD")
    status = git(project, git_env, "status", "--porcelain")
    proc = florc(project, git_env, "HEAD", "--script", "train.py", "--json")
    assert proc.returncode == 3, proc.stderr
    report = json.loads(proc.stdout)
    assert [v["status"] for v in report["versions"]] == ["propagated", "propagated", "declined"]
    assert "Python 2" in report["versions"][2]["statements"][0]["reason"]
    cached = Path(report["versions"][0]["output"])
    assert cached.is_file() and ".flor" in cached.parts
    assert 'flor.log("loss", loss)' in cached.read_text()
    # nothing of the user's changed
    assert git(project, git_env, "rev-parse", "HEAD") == head
    assert git(project, git_env, "status", "--porcelain") == status


def test_history_mode_writes_out_dir_and_prints_a_table(project: Path, git_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = florc(project, git_env, "HEAD~2..HEAD~1", "--out", str(out))  # the script is found alone
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("newest: train.py")
    assert len(lines) == 3 and "propagated" in lines[2] and "loss" in lines[2]
    (written,) = list(out.rglob("train.py"))
    assert written.read_text() == NEW_ONE.replace("range(3)", "range(5)")


def test_explain_prints_the_plan(project: Path, git_env: dict[str, str]) -> None:
    proc = florc(project, git_env, "HEAD~1", "--script", "train.py", "--explain")
    assert "insert 'loss'" in proc.stdout
    assert "after the counterpart of line" in proc.stdout


def test_file_mode_writes_output_and_exits_3_when_a_statement_is_declined(tmp_path: Path, git_env: dict[str, str]) -> None:
    new, old, out = tmp_path / "new.py", tmp_path / "old.py", tmp_path / "out.py"
    new.write_text(NEW)
    old.write_bytes(OLD.replace("\n", "\r\n").encode())
    proc = florc(tmp_path, git_env, "--source", str(new), "--target", str(old), "-o", str(out))
    assert proc.returncode == 3
    assert "declined 'grad_norm'" in proc.stderr and "grad_norm" in proc.stderr
    text = out.read_bytes().decode()
    assert '    flor.log("loss", loss)\r\n' in text and "grad_norm" not in text
    assert "\n" not in text.replace("\r\n", "")


def test_file_mode_prints_to_stdout_and_exits_0_when_everything_is_placed(tmp_path: Path, git_env: dict[str, str]) -> None:
    new, old = tmp_path / "new.py", tmp_path / "old.py"
    new.write_text(NEW_ONE)
    old.write_text(OLD)
    proc = florc(tmp_path, git_env, "--source", str(new), "--target", str(old))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == NEW_ONE


def test_file_mode_json(tmp_path: Path, git_env: dict[str, str]) -> None:
    new, old = tmp_path / "new.py", tmp_path / "old.py"
    new.write_text(NEW)
    old.write_text(OLD)
    proc = florc(tmp_path, git_env, "--source", str(new), "--target", str(old), "--json")
    report = json.loads(proc.stdout)
    assert report["status"] == "propagated"
    assert {s["key"]: s["status"] for s in report["statements"]} == {"loss": "placed", "grad_norm": "declined"}


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ((), 2, "a commit range is required"),
        (("--source", "new.py"), 2, "needs both --source and --target"),
        (("--source", "missing.py", "--target", "also_missing.py"), 1, "cannot read missing.py"),
        (("nope..HEAD", "--script", "train.py"), 1, "unknown revision: nope"),
    ],
)
def test_user_errors_are_one_line(project: Path, git_env: dict[str, str], args: tuple[str, ...], code: int,
                                  message: str) -> None:
    proc = florc(project, git_env, *args)
    assert proc.returncode == code
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_a_newest_version_that_does_not_parse_is_a_positioned_user_error(tmp_path: Path, git_env: dict[str, str]) -> None:
    new, old = tmp_path / "new.py", tmp_path / "old.py"
    new.write_text("import flor\nx = (\n")
    old.write_text(OLD)
    proc = florc(tmp_path, git_env, "--source", str(new), "--target", str(old))
    assert proc.returncode == 1
    assert f"{new}:" in proc.stderr and "does not parse" in proc.stderr
