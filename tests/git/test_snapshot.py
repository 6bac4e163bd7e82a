from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pygit2
import pytest

from florc.git.snapshot import REF_PREFIX, take

IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
}


@pytest.fixture(autouse=True)
def isolated_git(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in IDENTITY:
        monkeypatch.delenv(key, raising=False)
    # pygit2 caches the global/system config search path; point it at the isolated HOME.
    for level in (pygit2.enums.ConfigLevel.GLOBAL, pygit2.enums.ConfigLevel.XDG, pygit2.enums.ConfigLevel.SYSTEM):
        pygit2.settings.search_path[level] = str(home)


def git(root: Path, *args: str) -> str:
    env = {**os.environ, **IDENTITY}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def state(root: Path) -> tuple[str, str, bytes, str]:
    index = (root / ".git" / "index").read_bytes() if (root / ".git" / "index").exists() else b""
    head = subprocess.run(["git", "rev-parse", "-q", "--verify", "HEAD"], cwd=root, capture_output=True, text=True).stdout
    branches = git(root, "for-each-ref", "refs/heads", "refs/stash")
    return git(root, "status", "--porcelain", "--untracked-files=all"), head, index, branches


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / ".gitignore").write_text("*.log\ndata/\n")
    (root / "train.py").write_text("print('v1')\n")
    (root / "gone.py").write_text("x = 1\n")
    (root / "run.sh").write_text("#!/bin/sh\n")
    (root / "run.sh").chmod(0o755)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "v1")
    return root


def tree_files(root: Path, ref: str) -> dict[str, str]:
    out = git(root, "ls-tree", "-r", ref)
    return {line.split("\t")[1]: line.split()[0] for line in out.splitlines()}


def test_snapshot_holds_the_working_tree_and_touches_nothing(repo):
    (repo / "train.py").write_text("print('v2, not committed')\n")
    (repo / "new_helper.py").write_text("y = 2\n")
    (repo / "sub").mkdir()
    (repo / "sub" / "cfg.yaml").write_text("a: 1\n")
    (repo / "out.log").write_text("ignored\n")
    (repo / "data").mkdir()
    (repo / "data" / "big.bin").write_bytes(b"\0" * 100)
    (repo / "gone.py").unlink()
    git(repo, "add", "new_helper.py")  # staged and unstaged changes alike
    (repo / "staged_then_deleted.py").write_text("z\n")
    git(repo, "add", "staged_then_deleted.py")
    (repo / "staged_then_deleted.py").unlink()
    git(repo, "stash", "list")
    before = state(repo)
    head = git(repo, "rev-parse", "HEAD").strip()

    snap = take(repo, "r1")

    assert state(repo) == before
    assert snap.ref == REF_PREFIX + "r1" and snap.branch == "main" and snap.head == head
    assert git(repo, "rev-parse", snap.ref).strip() == snap.commit
    assert git(repo, "rev-parse", f"{snap.commit}^").strip() == head
    files = tree_files(repo, snap.ref)
    assert sorted(files) == [".gitignore", "new_helper.py", "run.sh", "sub/cfg.yaml", "train.py"]
    assert files["run.sh"] == "100755"
    assert git(repo, "show", f"{snap.ref}:train.py") == "print('v2, not committed')\n"
    assert snap.notice is None or "identity" in snap.notice


def test_two_snapshots_get_two_refs(repo):
    a, b = take(repo, "a"), take(repo, "b")
    assert a.ref != b.ref
    assert git(repo, "for-each-ref", "--format=%(refname)", "refs/florc").split() == [REF_PREFIX + "a", REF_PREFIX + "b"]


def test_detached_head_is_a_notice_not_a_failure(repo):
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "--detach")
    before = state(repo)
    snap = take(repo, "d")
    assert state(repo) == before
    assert snap.head == head and snap.branch is None
    assert "detached HEAD" in (snap.notice or "")


def test_unborn_repository_gives_a_root_commit(tmp_path):
    root = tmp_path / "fresh"
    root.mkdir()
    git(root, "init", "-q")
    (root / "t.py").write_text("1\n")
    snap = take(root, "u")
    assert snap.head is None and "no commits yet" in (snap.notice or "")
    assert tree_files(root, snap.ref).keys() == {"t.py"}
    assert git(root, "status", "--porcelain") == "?? t.py\n"


def test_missing_identity_falls_back_with_a_notice(repo):
    snap = take(repo, "i")
    assert "no git identity" in (snap.notice or "")
    assert git(repo, "log", "-1", "--format=%an <%ae>", snap.ref).strip() == "florc <florc@localhost>"


def test_configured_identity_is_used(repo):
    git(repo, "config", "user.name", "Ada")
    git(repo, "config", "user.email", "ada@example.invalid")
    snap = take(repo, "c")
    assert snap.notice is None
    assert git(repo, "log", "-1", "--format=%an", snap.ref).strip() == "Ada"


def test_outside_a_repository_there_is_no_snapshot(tmp_path):
    snap = take(tmp_path, "n")
    assert snap.commit is None and "not inside a git repository" in (snap.notice or "")
