"""Where florc keeps its files: ``.flor/`` at the repository root, invisible to git.

The directory ignores itself the way ``.pytest_cache`` does (a ``.gitignore`` holding ``*``
inside it), so no run, propagation or replay ever shows up in ``git status`` and no tracked file
of the user (their own ``.gitignore`` included) is edited.

Inside it, one folder per table holds that table's Parquet parts::

    .flor/runs/<run_id>-<rev>.parquet
    .flor/logs/<writer_id>-<n>.parquet      writer_id: the run id, or the replay id of a replay
    .flor/timings/...  .flor/checkpoints/...

This module is imported by the runtime, so it uses nothing beyond the standard library.
"""

from __future__ import annotations

import os
from pathlib import Path

STORE_DIRNAME = ".flor"
ENV_STORE = "FLORC_STORE"  # overrides the location, e.g. for tests or a shared disk


def store_dir(root: str | Path) -> Path:
    """The store directory for a project rooted at ``root``, created on first use."""
    override = os.environ.get(ENV_STORE)
    path = Path(override) if override else Path(root) / STORE_DIRNAME
    path.mkdir(parents=True, exist_ok=True)
    ignore = path / ".gitignore"
    if not ignore.exists():
        # Written via a temp name so a concurrent run never sees a half-written file.
        tmp = path / f".gitignore.{os.getpid()}.tmp"
        tmp.write_text("# created by florc: everything here is florc's and stays out of git\n*\n")
        os.replace(tmp, ignore)
    return path


def project_root(start: str | Path | None = None) -> Path:
    """The root of the git work tree containing ``start`` (default: cwd), else ``start`` itself.

    Found by walking up to a ``.git`` entry, without importing pygit2, so the runtime can
    locate the store cheaply.

    >>> project_root("/")
    PosixPath('/')
    """
    here = Path(start if start is not None else os.getcwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return here


def locate_store(start: str | Path | None = None, *, create: bool = True) -> Path:
    """The store used from ``start``: ``$FLORC_STORE`` or ``<project root>/.flor``."""
    if create:
        return store_dir(project_root(start))
    override = os.environ.get(ENV_STORE)
    return Path(override) if override else project_root(start) / STORE_DIRNAME


def table_dir(store: Path, table: str) -> Path:
    return store / table


def part_glob(store: Path, table: str) -> str:
    # Temp files start with "." and end in ".tmp", so a glob on "*.parquet" never sees them.
    return str(store / table / "*.parquet")


__all__ = ["ENV_STORE", "STORE_DIRNAME", "locate_store", "part_glob", "project_root", "store_dir", "table_dir"]
