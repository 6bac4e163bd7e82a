"""The only package that imports pygit2. Everything that leaves it is a plain value."""

from __future__ import annotations

from florc.git.repo import RepoInfo, discover, info, open_repo

__all__ = ["RepoInfo", "discover", "info", "open_repo"]
