"""Where florc keeps its files: ``.flor/`` at the repository root, invisible to git.

The directory ignores itself the way ``.pytest_cache`` does (a ``.gitignore`` holding ``*``
inside it), so no run, propagation or replay ever shows up in ``git status`` and no tracked file
of the user (their own ``.gitignore`` included) is edited.
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
