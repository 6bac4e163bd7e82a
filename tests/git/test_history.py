from __future__ import annotations

import os
from pathlib import Path

import pygit2
import pytest

from florc.errors import UserError
from florc.git import blob_at, file_history, first_parent_commits, read_blob


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pygit2.Repository:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return pygit2.init_repository(str(tmp_path / "r"), initial_head="main")


_clock = [1_700_000_000]


def commit(repo: pygit2.Repository, files: dict[str, bytes], message: str,
           parents: list[pygit2.Oid] | None = None, ref: str | None = "HEAD") -> pygit2.Oid:
    index = pygit2.Index()
    for path, data in files.items():
        index.add(pygit2.IndexEntry(path, repo.create_blob(data), pygit2.enums.FileMode.BLOB))
    _clock[0] += 60
    sig = pygit2.Signature("t", "t@example.invalid", _clock[0], 0)
    if parents is None:
        parents = [] if repo.head_is_unborn else [repo.head.target]
    return repo.create_commit(ref, sig, sig, message, index.write_tree(repo), parents)


SCRIPT = b"import torch\nmodel = Net()\nfor epoch in range(10):\n    loss = train(model)\n    print(loss)\n"


def test_ranges_are_first_parent_and_oldest_first(repo: pygit2.Repository) -> None:
    a = commit(repo, {"train.py": SCRIPT}, "a")
    b = commit(repo, {"train.py": SCRIPT + b"# b\n"}, "b")
    side = commit(repo, {"train.py": SCRIPT + b"# side\n"}, "side", parents=[a], ref=None)
    merge = commit(repo, {"train.py": SCRIPT + b"# merged\n"}, "merge", parents=[b, side])
    assert [c.summary for c in first_parent_commits(repo, "HEAD")] == ["a", "b", "merge"]
    assert [c.summary for c in first_parent_commits(repo, f"{a}..{merge}")] == ["b", "merge"]
    assert [c.summary for c in first_parent_commits(repo, "HEAD~1..")] == ["merge"]
    assert first_parent_commits(repo, "HEAD")[-1].oid == str(merge)


def test_unknown_revisions_are_user_errors(repo: pygit2.Repository) -> None:
    commit(repo, {"train.py": SCRIPT}, "a")
    with pytest.raises(UserError, match="unknown revision: nope"):
        first_parent_commits(repo, "nope..HEAD")
    with pytest.raises(UserError, match="symmetric"):
        first_parent_commits(repo, "HEAD...HEAD")


def test_file_history_follows_renames_backwards(repo: pygit2.Repository) -> None:
    commit(repo, {"train.py": SCRIPT}, "one")
    commit(repo, {"src/train.py": SCRIPT + b"# moved\n"}, "two")
    commit(repo, {"src/fit.py": SCRIPT + b"# moved\n# renamed\n", "README": b"hi\n"}, "three")
    versions = file_history(repo, first_parent_commits(repo, "HEAD"), "src/fit.py")
    assert [v.path for v in versions] == ["train.py", "src/train.py", "src/fit.py"]
    assert all(v.blob is not None for v in versions)
    assert read_blob(repo, versions[0].blob or "") == SCRIPT


def test_a_file_absent_in_old_commits_has_no_blob_there(repo: pygit2.Repository) -> None:
    commit(repo, {"README": b"hi\n"}, "before")
    commit(repo, {"README": b"hi\n", "train.py": SCRIPT}, "added")
    versions = file_history(repo, first_parent_commits(repo, "HEAD"), "train.py")
    assert [v.blob is None for v in versions] == [True, False]


def test_blob_at_reads_git_objects_only(repo: pygit2.Repository) -> None:
    commit(repo, {"train.py": SCRIPT}, "a")
    assert blob_at(repo, "HEAD", "train.py") == SCRIPT
    assert blob_at(repo, "HEAD", "missing.py") is None
    workdir = Path(repo.workdir)
    assert not (workdir / "train.py").exists()  # nothing was checked out
