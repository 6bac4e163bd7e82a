"""Writing a commit's tree into a directory of its own, from git objects alone.

Replay runs an old version of the user's code. FlorDB did that by checking the commit out in the
user's working tree, which lost uncommitted work and left users on a detached HEAD when anything
went wrong. Here the tree is read object by object (pygit2 blob reads) and written under a fresh
directory; the repository's working tree, index, HEAD, refs and config are never opened for
writing, so a replay that is killed half-way leaves the user's repository exactly as it was.

What is written: regular files (with the executable bit), symlinks (as links, their target text
taken verbatim; on platforms without symlinks, as small files holding the target), and
directories. Submodules (gitlinks) become empty directories: their content lives in another
repository. Not applied: git attributes (eol conversion, smudge filters such as Git LFS): the
bytes are the stored blobs, which for LFS-tracked files are pointer files.

Failure modes: a tree entry whose name could escape the destination (``..``, ``.git``, a name
with a separator or NUL — git itself refuses these, but a crafted repository may hold them) is a
user error naming the entry; nothing outside ``dest`` is ever written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pygit2

from florc.errors import UserError
from florc.git.repo import open_repo

_TREE = 0o040000
_LINK = 0o120000
_GITLINK = 0o160000
_EXECUTABLE = 0o100755


@dataclass(frozen=True)
class Materialized:
    """A commit's tree written out: where, which commit, how many files."""

    root: Path
    commit: str  # full hex id
    files: int


def _resolve_commit(repo: pygit2.Repository, rev: str) -> pygit2.Commit:
    try:
        obj = repo.revparse_single(rev)
        commit = obj.peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError, pygit2.InvalidSpecError) as exc:
        raise UserError(f"unknown revision {rev!r}") from exc
    assert isinstance(commit, pygit2.Commit)
    return commit


def _safe_name(raw: bytes, where: PurePosixPath) -> str:
    name = os.fsdecode(raw)
    if (
        name in ("", ".", "..")
        or name.lower() == ".git"
        or "/" in name
        or "\\" in name
        or "\0" in name
    ):
        raise UserError(f"refusing to write tree entry {str(where / name)!r}: unsafe name")
    return name


def _write_blob(path: Path, data: bytes, mode: int) -> None:
    # O_EXCL | O_NOFOLLOW: never write through a link or over a file that is already there.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o755 if mode == _EXECUTABLE else 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _write_link(path: Path, target: bytes) -> None:
    try:
        os.symlink(os.fsdecode(target), path)
    except (OSError, NotImplementedError):
        _write_blob(path, target, 0o100644)


def _selected(path: PurePosixPath, wanted: tuple[PurePosixPath, ...] | None) -> bool:
    """Whether ``path`` is one of ``wanted``, inside one, or on the way to one."""
    if wanted is None:
        return True
    return any(path == w or w in path.parents or path in w.parents for w in wanted)


def _write_tree(
    repo: pygit2.Repository,
    tree: pygit2.Tree,
    dest: Path,
    where: PurePosixPath,
    wanted: tuple[PurePosixPath, ...] | None,
) -> int:
    count = 0
    for entry in tree:
        name = _safe_name(entry.raw_name or b"", where)
        rel = where / name
        if not _selected(rel, wanted):
            continue
        target = dest / name
        mode = entry.filemode
        if mode == _TREE:
            target.mkdir()
            subtree = repo[entry.id]
            assert isinstance(subtree, pygit2.Tree)
            count += _write_tree(repo, subtree, target, rel, wanted)
        elif mode == _GITLINK:
            target.mkdir()
        else:
            blob = repo[entry.id]
            assert isinstance(blob, pygit2.Blob)
            if mode == _LINK:
                _write_link(target, blob.data)
            else:
                _write_blob(target, blob.data, mode)
            count += 1
    return count


def materialize(
    repo: pygit2.Repository | str | Path,
    rev: str,
    dest: str | Path,
    *,
    paths: Sequence[str] | None = None,
) -> Materialized:
    """Write the tree of commit ``rev`` into ``dest`` (absent or empty), reading git objects only.

    ``paths`` limits the output to those files or directories (repository-relative, ``/``).

    >>> m = materialize(".", "HEAD~3", "/tmp/florc-v1")   # doctest: +SKIP
    >>> (m.root / "train.py").read_text()                   # doctest: +SKIP
    """
    repository = repo if isinstance(repo, pygit2.Repository) else open_repo(repo)
    commit = _resolve_commit(repository, rev)
    root = Path(dest)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise UserError(f"cannot materialize into {root}: not an empty directory")
    root.mkdir(parents=True, exist_ok=True)
    wanted = None if paths is None else tuple(PurePosixPath(p.strip("/")) for p in paths)
    files = _write_tree(repository, commit.tree, root, PurePosixPath(), wanted)
    return Materialized(root=root, commit=str(commit.id), files=files)


@contextmanager
def materialized(
    repo: pygit2.Repository | str | Path,
    rev: str,
    *,
    paths: Sequence[str] | None = None,
    parent: str | Path | None = None,
) -> Iterator[Materialized]:
    """``materialize`` into a fresh temporary directory that is removed afterwards.

    >>> with materialized(".", "HEAD") as tree:   # doctest: +SKIP
    ...     subprocess.run([sys.executable, "train.py"], cwd=tree.root)
    """
    base = Path(tempfile.mkdtemp(prefix="florc-tree-", dir=parent))
    try:
        yield materialize(repo, rev, base / "tree", paths=paths)
    finally:
        shutil.rmtree(base, ignore_errors=True)


__all__ = ["Materialized", "materialize", "materialized"]
