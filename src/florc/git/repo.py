"""Finding and opening the user's repository. pygit2 is imported in ``florc.git`` only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygit2

from florc.errors import UserError


@dataclass(frozen=True)
class RepoInfo:
    """Where a repository lives; a neutral value that crosses the package boundary."""

    workdir: Path | None  # None for a bare repository
    gitdir: Path


def discover(start: str | Path = ".") -> pygit2.Repository | None:
    """The repository containing ``start``, or None outside any repository."""
    found = pygit2.discover_repository(str(Path(start).resolve()))
    if found is None:
        return None
    return pygit2.Repository(found)


def open_repo(start: str | Path = ".") -> pygit2.Repository:
    """Like ``discover`` but a user error when there is no repository."""
    repo = discover(start)
    if repo is None:
        raise UserError(f"not inside a git repository: {Path(start).resolve()}")
    return repo


def info(repo: pygit2.Repository) -> RepoInfo:
    workdir = Path(repo.workdir) if repo.workdir else None
    return RepoInfo(workdir=workdir, gitdir=Path(repo.path))
