"""A commit of the working tree as it is, stored under ``refs/florc/runs/<run_id>``.

Built entirely from git objects: the tree of HEAD is read into an in-memory index (never the
repository's index file), every path ``git status`` reports (modified, deleted, untracked and
not ignored) is updated from the working tree as a blob, and the resulting tree is committed
with HEAD as its parent and pointed to by a hidden ref. HEAD, branches, the index file, the
stash and the working tree are never written. Nothing is done the way FlorDB does it (switching
to a branch and ``git add -A``).

A repository with no commits yet gives a root commit; a detached HEAD is used as the parent; a
missing git identity falls back to ``florc <florc@localhost>``. Each of these is reported as a
one-line notice next to the result, never as a failure. Untracked files larger than
``MAX_UNTRACKED_BYTES`` (datasets, checkpoints that are not ignored) are left out, with a notice.

Run as ``python -m florc.git.snapshot --root DIR --run-id ID``: the runtime starts it as a
child process so pygit2 never loads into the training process; it prints a JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import pygit2

REF_PREFIX = "refs/florc/runs/"
MAX_UNTRACKED_BYTES = 50 * 1024 * 1024
FALLBACK_NAME = "florc"
FALLBACK_EMAIL = "florc@localhost"


@dataclass(frozen=True)
class Snapshot:
    """Where a run's code lives: ``commit`` (hex) under ``ref``; ``notice`` says what was odd."""

    commit: str | None
    ref: str | None
    head: str | None
    branch: str | None
    notice: str | None = None


def _signature(repo: pygit2.Repository, notes: list[str]) -> pygit2.Signature:
    try:
        return repo.default_signature
    except (KeyError, pygit2.GitError):
        notes.append(f"no git identity configured: snapshot committed as {FALLBACK_NAME} <{FALLBACK_EMAIL}>")
        return pygit2.Signature(FALLBACK_NAME, FALLBACK_EMAIL)


def _blob_entry(repo: pygit2.Repository, workdir: Path, path: str, big: list[str]) -> pygit2.IndexEntry | None:
    full = workdir / path
    try:
        st = full.lstat()
    except OSError:
        return None
    if stat.S_ISLNK(st.st_mode):
        oid = repo.create_blob(os.readlink(full).encode())
        return pygit2.IndexEntry(path, oid, pygit2.enums.FileMode.LINK)
    if not stat.S_ISREG(st.st_mode):
        return None
    if st.st_size > MAX_UNTRACKED_BYTES:
        big.append(path)
        return None
    oid = repo.create_blob_fromdisk(str(full))
    mode = pygit2.enums.FileMode.BLOB_EXECUTABLE if st.st_mode & 0o111 else pygit2.enums.FileMode.BLOB
    return pygit2.IndexEntry(path, oid, mode)


def take(start: str | Path, run_id: str) -> Snapshot:
    """Commit the working tree of the repository at ``start`` under ``refs/florc/runs/<run_id>``.

    >>> take("/", "x").commit is None  # doctest: +SKIP
    True
    """
    found = pygit2.discover_repository(str(Path(start).resolve()))
    if found is None:
        return Snapshot(None, None, None, None, "not inside a git repository: the run is recorded without a code version")
    repo = pygit2.Repository(found)
    if repo.workdir is None:
        return Snapshot(None, None, None, None, "bare repository: no working tree to snapshot")
    workdir = Path(repo.workdir)
    notes: list[str] = []

    head: pygit2.Commit | None = None
    branch: str | None = None
    if repo.head_is_unborn:
        notes.append("the repository has no commits yet: the snapshot is a root commit")
    else:
        head = repo.head.peel(pygit2.Commit)
        if repo.head_is_detached:
            notes.append(f"detached HEAD at {str(head.id)[:10]}: the snapshot's parent is that commit")
        else:
            branch = repo.head.shorthand

    index = pygit2.Index()  # in memory: the repository's index file is never read or written
    if head is not None:
        index.read_tree(head.tree)
    big: list[str] = []
    for path, flags in repo.status(untracked_files="all", ignored=False).items():
        if flags & pygit2.enums.FileStatus.IGNORED:
            continue
        entry = _blob_entry(repo, workdir, path, big)
        if entry is not None:
            index.add(entry)
        elif path in index:
            index.remove(path)
    if big:
        shown = ", ".join(big[:3]) + (f" and {len(big) - 3} more" if len(big) > 3 else "")
        notes.append(f"left out of the snapshot, over {MAX_UNTRACKED_BYTES >> 20} MiB: {shown}")
    tree = index.write_tree(repo)

    sig = _signature(repo, notes)
    parents = [head.id] if head is not None else []
    message = f"florc run {run_id}\n\nSnapshot of the working tree the run executed.\n"
    oid = repo.create_commit(None, sig, sig, message, tree, parents)
    ref = REF_PREFIX + run_id
    repo.references.create(ref, oid, force=True)
    return Snapshot(
        commit=str(oid),
        ref=ref,
        head=str(head.id) if head is not None else None,
        branch=branch,
        notice="; ".join(notes) or None,
    )


def run_ref(run_id: str) -> str:
    return REF_PREFIX + run_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m florc.git.snapshot")
    parser.add_argument("--root", required=True)
    parser.add_argument("--run-id", required=True)
    ns = parser.parse_args(argv)
    try:
        snap = take(ns.root, ns.run_id)
    except pygit2.GitError as exc:
        print(f"git: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(asdict(snap)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
