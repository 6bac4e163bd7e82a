"""The only package that imports pygit2. Everything that leaves it is a plain value."""

from __future__ import annotations

from florc.git.history import CommitInfo, FileVersion, blob_at, file_history, first_parent_commits, read_blob
from florc.git.repo import RepoInfo, discover, info, open_repo
from florc.git.snapshot import REF_PREFIX, Snapshot, run_ref, take

__all__ = ["REF_PREFIX", "RepoInfo", "Snapshot", "discover", "info", "open_repo", "run_ref", "take"]
__all__ += ["CommitInfo", "FileVersion", "blob_at", "file_history", "first_parent_commits", "read_blob"]
from florc.git.materialize import Materialized, materialize, materialized

__all__ += ["Materialized", "materialize", "materialized"]
