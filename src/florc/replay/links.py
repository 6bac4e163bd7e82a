"""Files a replay needs that the run's code snapshot lacks.

A run's snapshot holds tracked and untracked-not-ignored files; a dataset under ``data/`` is
usually git-ignored, so the tree a replay runs in (written from the snapshot) does not have it.
``florc replay --link data`` makes such a path of the working tree visible at the same place in
every replay tree, as a symbolic link. Linking is never implicit: what the script writes through
a link lands in the user's files, so only the user can say which paths are safe to share.

>>> missing_path("FileNotFoundError: [Errno 2] No such file or directory: 'data/train.csv'")
'data/train.csv'
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from florc.errors import UsageError

_NOT_FOUND = re.compile(r"No such file or directory: '(?P<path>[^']+)'")
_RESERVED = (".git", ".flor")


@dataclass(frozen=True)
class Link:
    """``rel`` (relative to the repository root) in a replay tree points to ``target``."""

    rel: str
    target: Path


def resolve_links(root: Path, paths: Sequence[str]) -> tuple[Link, ...]:
    """The ``--link`` paths, checked: inside the repository, present in the working tree, not
    florc's or git's own directory."""
    links: list[Link] = []
    for given in paths:
        target = (root / given).resolve()
        try:
            rel = target.relative_to(root).as_posix()
        except ValueError:
            raise UsageError(f"--link {given}: not inside the repository {root}") from None
        if rel == "." or rel.split("/", 1)[0] in _RESERVED:
            raise UsageError(f"--link {given}: not a path the replay may share")
        if not target.exists():
            raise UsageError(f"--link {given}: no such file or directory in the working tree")
        links.append(Link(rel, target))
    return tuple(dict.fromkeys(links))


def place(tree: Path, links: Sequence[Link]) -> None:
    """Create the links in a freshly materialized ``tree``. A path the snapshot already holds
    stays as recorded: the run read that version, not today's."""
    for link in links:
        where = tree / link.rel
        if where.exists() or where.is_symlink():
            continue
        where.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(link.target, where, target_is_directory=link.target.is_dir())


def missing_path(error: str) -> str | None:
    """The path of the last "No such file or directory" in a failed unit's output."""
    found = _NOT_FOUND.findall(error)
    return found[-1] if found else None


def hint(error: str, root: Path) -> str | None:
    """Why a replay may have failed on a file the working tree has and the snapshot lacks, and
    what to pass; None when the error is something else."""
    path = missing_path(error)
    if path is None or os.path.isabs(path):
        return None
    if not (root / path).exists():
        return None
    top = Path(path).parts[0]
    return (f"{path} is in the working tree but not in the run's code snapshot (git-ignored files "
            f"are not snapshotted): `--link {top}` shares it with the replay")


__all__ = ["Link", "hint", "missing_path", "place", "resolve_links"]
