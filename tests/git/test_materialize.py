"""Materializing a commit's tree from git objects, with the user's repository left untouched."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pygit2
import pytest

from florc.errors import UserError
from florc.git.materialize import materialize, materialized


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """Git commands that see no global or system configuration of the machine."""
    home = tmp_path / "home"
    home.mkdir()
    for key in list(os.environ):
        if key.startswith("GIT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "T")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "t@example.com")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "T")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "t@example.com")
    return home


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def repo(tmp_path, git_env):
    root = tmp_path / "project"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "train.py").write_text("print('v1')\n")
    (root / "pkg").mkdir()
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "model.py").write_text("SIZE = 1\n")
    (root / "run.sh").write_text("#!/bin/sh\necho run\n")
    (root / "run.sh").chmod(0o755)
    (root / "data.bin").write_bytes(bytes(range(256)))
    os.symlink("train.py", root / "latest.py")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "v1")
    (root / "train.py").write_text("print('v2')\n")
    (root / "pkg" / "model.py").write_text("SIZE = 2\n")
    git(root, "commit", "-q", "-am", "v2")
    return root


def _fingerprint(root: Path) -> dict[str, str]:
    """Everything a materialization must not change: worktree files, index, HEAD, refs."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    out["HEAD->"] = git(root, "rev-parse", "HEAD")
    out["status"] = git(root, "status", "--porcelain=v1", "--untracked-files=all")
    out["refs"] = git(root, "for-each-ref")
    return out


def test_writes_the_tree_of_an_old_commit(repo, tmp_path):
    dest = tmp_path / "out"
    result = materialize(repo, "HEAD~1", dest)
    assert result.root == dest
    assert result.commit == git(repo, "rev-parse", "HEAD~1")
    assert result.files == 6
    assert (dest / "train.py").read_text() == "print('v1')\n"
    assert (dest / "pkg" / "model.py").read_text() == "SIZE = 1\n"
    assert (dest / "data.bin").read_bytes() == bytes(range(256))
    assert os.access(dest / "run.sh", os.X_OK)
    assert not os.access(dest / "train.py", os.X_OK)
    assert (dest / "latest.py").is_symlink()
    assert os.readlink(dest / "latest.py") == "train.py"
    assert not (dest / ".git").exists()


def test_the_users_repository_is_left_exactly_as_it_was(repo, tmp_path):
    # Uncommitted, staged and untracked work of the user's, and a branch checked out.
    (repo / "train.py").write_text("print('work in progress')\n")
    (repo / "pkg" / "model.py").write_text("SIZE = 99\n")
    git(repo, "add", "pkg/model.py")
    (repo / ".env.local").write_text("SECRET=1\n")
    before = _fingerprint(repo)
    index_before = (repo / ".git" / "index").read_bytes()

    materialize(repo, "HEAD~1", tmp_path / "a")
    with materialized(repo, "main") as tree:
        assert (tree.root / "train.py").read_text() == "print('v2')\n"
        assert not (tree.root / ".env.local").exists()

    assert _fingerprint(repo) == before
    assert (repo / ".git" / "index").read_bytes() == index_before
    assert git(repo, "symbolic-ref", "HEAD") == "refs/heads/main"


def test_the_temporary_directory_is_removed_even_on_error(repo):
    with pytest.raises(RuntimeError):
        with materialized(repo, "HEAD") as tree:
            root = tree.root
            assert (root / "train.py").exists()
            raise RuntimeError("replay failed")
    assert not root.exists()
    assert not root.parent.exists()


def test_paths_limit_what_is_written(repo, tmp_path):
    result = materialize(repo, "HEAD", tmp_path / "out", paths=["pkg/model.py", "run.sh"])
    written = sorted(str(p.relative_to(result.root)) for p in result.root.rglob("*"))
    assert written == ["pkg", "pkg/model.py", "run.sh"]
    assert result.files == 2


def test_accepts_an_open_repository_and_any_revision_syntax(repo, tmp_path):
    repository = pygit2.Repository(str(repo))
    tag_target = git(repo, "rev-parse", "HEAD~1")
    git(repo, "tag", "-a", "v1", "-m", "first", tag_target)
    result = materialize(repository, "v1", tmp_path / "out")  # an annotated tag peels to its commit
    assert result.commit == tag_target


def test_a_submodule_becomes_an_empty_directory(repo, tmp_path):
    git(repo, "update-index", "--add", "--cacheinfo",
        "160000,1234567890123456789012345678901234567890,vendor/lib")
    git(repo, "commit", "-q", "-m", "submodule")
    result = materialize(repo, "HEAD", tmp_path / "out")
    assert (result.root / "vendor" / "lib").is_dir()
    assert list((result.root / "vendor" / "lib").iterdir()) == []


def test_unknown_revision_is_a_user_error(repo, tmp_path):
    with pytest.raises(UserError, match="unknown revision 'nope'"):
        materialize(repo, "nope", tmp_path / "out")


def test_refuses_a_destination_that_is_not_empty(repo, tmp_path):
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine")
    with pytest.raises(UserError, match="not an empty directory"):
        materialize(repo, "HEAD", dest)
    assert (dest / "keep.txt").read_text() == "mine"


def test_refuses_a_tree_entry_that_could_escape(repo, tmp_path):
    repository = pygit2.Repository(str(repo))
    blob = repository.create_blob(b"owned\n")
    # libgit2 refuses to build such a tree; a crafted repository can still hold one.
    raw = b"100644 ..\0" + blob.raw
    tree = repository.write(pygit2.enums.ObjectType.TREE, raw)
    sig = pygit2.Signature("T", "t@example.com")
    commit = repository.create_commit(None, sig, sig, "evil", tree, [])
    with pytest.raises(UserError, match="unsafe name"):
        materialize(repository, str(commit), tmp_path / "sub" / "out")
    assert not (tmp_path / "sub" / "owned").exists()
    assert not (tmp_path / "sub" / "..").is_file()
