"""The history of one file: first-parent commit ranges, blobs at commits, renames followed.

Everything here reads git objects; nothing touches the working tree, the index, HEAD or any ref.
What leaves this module are plain values (``CommitInfo``, ``FileVersion``), so callers never see
pygit2.

Ranges follow ``git rev-list --first-parent`` semantics: ``A..B`` is every commit on B's
first-parent chain that is not an ancestor of A, ``B`` alone is B's whole first-parent chain, and
the result is oldest first. Renames are followed the way ``git log --follow`` does, one step at a
time from the newest commit backwards: when the path is missing in a commit's first parent, the
diff between the two (with rename detection) says what it was called before.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygit2
from pygit2.enums import DeltaStatus, SortMode

from florc.errors import UserError


@dataclass(frozen=True)
class CommitInfo:
    """A commit, as a value."""

    oid: str
    summary: str
    time: int  # committer time, seconds since the epoch

    @property
    def short(self) -> str:
        return self.oid[:10]


@dataclass(frozen=True)
class FileVersion:
    """The state of a file at one commit: its path then, and its blob (None if absent)."""

    commit: CommitInfo
    path: str
    blob: str | None


def _commit(repo: pygit2.Repository, rev: str) -> pygit2.Commit:
    try:
        obj = repo.revparse_single(rev)
        commit = obj.peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError) as exc:
        raise UserError(f"unknown revision: {rev}") from exc
    assert isinstance(commit, pygit2.Commit)
    return commit


def _info(commit: pygit2.Commit) -> CommitInfo:
    message = commit.message or ""
    return CommitInfo(str(commit.id), message.strip().splitlines()[0] if message.strip() else "",
                      int(commit.commit_time))


def first_parent_commits(repo: pygit2.Repository, revrange: str) -> list[CommitInfo]:
    """Commits of ``revrange`` (``A..B``, ``A..``, ``..B`` or ``B``), oldest first."""
    spec = revrange.strip()
    if not spec:
        raise UserError("empty revision range")
    if ".." in spec:
        if "..." in spec:
            raise UserError(f"symmetric ranges are not supported: {spec}")
        left, right = spec.split("..", 1)
        start = _commit(repo, right or "HEAD")
        hidden: pygit2.Commit | None = _commit(repo, left or "HEAD")
    else:
        start = _commit(repo, spec)
        hidden = None
    walker = repo.walk(start.id, SortMode.TOPOLOGICAL)
    walker.simplify_first_parent()
    if hidden is not None:
        walker.hide(hidden.id)
    commits = [_info(c) for c in walker]
    commits.reverse()
    return commits


def _entry_blob(tree: pygit2.Tree, path: str) -> str | None:
    try:
        obj = tree[path]
    except KeyError:
        return None
    if obj.type_str != "blob":
        return None
    return str(obj.id)


def file_history(repo: pygit2.Repository, commits: list[CommitInfo], path: str) -> list[FileVersion]:
    """The versions of ``path`` at each of ``commits`` (oldest first, as returned by
    ``first_parent_commits``), following renames backwards from the newest commit."""
    out: list[FileVersion] = []
    current = path
    newer: pygit2.Commit | None = None
    for info in reversed(commits):
        commit = repo[info.oid]
        assert isinstance(commit, pygit2.Commit)
        if newer is not None and _entry_blob(commit.tree, current) is None:
            renamed = _renamed_from(repo, commit, newer, current)
            if renamed is not None:
                current = renamed
        out.append(FileVersion(info, current, _entry_blob(commit.tree, current)))
        newer = commit
    out.reverse()
    return out


def _renamed_from(repo: pygit2.Repository, older: pygit2.Commit, newer: pygit2.Commit, path: str) -> str | None:
    """The path ``path`` (in ``newer``) had in ``older``, when the change between them is a rename."""
    diff = older.tree.diff_to_tree(newer.tree)
    diff.find_similar()
    for delta in diff.deltas:
        if delta.status == DeltaStatus.RENAMED and delta.new_file.path == path:
            return str(delta.old_file.path)
    return None


def read_blob(repo: pygit2.Repository, blob: str) -> bytes:
    obj = repo[blob]
    assert isinstance(obj, pygit2.Blob)
    return bytes(obj.data)


def blob_at(repo: pygit2.Repository, rev: str, path: str) -> bytes | None:
    """The content of ``path`` at revision ``rev``, or None when it does not exist there."""
    blob = _entry_blob(_commit(repo, rev).tree, path)
    return None if blob is None else read_blob(repo, blob)


__all__ = ["CommitInfo", "FileVersion", "blob_at", "file_history", "first_parent_commits", "read_blob"]
