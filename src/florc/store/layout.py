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
import re
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


# A writer's parts are numbered (``<writer>-000007``, runs rows ``<writer>-r0002``); a merged
# file names the range of parts it replaces (``<writer>-m000001-000042``).
_MERGED = re.compile(r"^(?P<writer>.+)-m(?P<first>r?\d+)-(?P<last>r?\d+)$")
_PART = re.compile(r"^(?P<writer>.+)-(?P<first>r?\d+)$")


def part_range(stem: str) -> tuple[str, int, int] | None:
    """(writer, first, last) part numbers a file holds, from its stem; None if not florc's.

    >>> part_range("20261127T051519.123Z-7dc29c1a-000007")
    ('20261127T051519.123Z-7dc29c1a', 7, 7)
    >>> part_range("w-m000001-000042"), part_range("w-r0002")
    (('w', 1, 42), ('w', 2, 2))
    """
    m = _MERGED.match(stem)
    if m is not None:
        first, last = int(m["first"].lstrip("r")), int(m["last"].lstrip("r"))
    else:
        m = _PART.match(stem)
        if m is None:
            return None
        first = last = int(m["first"].lstrip("r"))
    return (m["writer"], first, last) if first <= last else None


def merged_stem(writer: str, first: str, last: str) -> str:
    """The stem of the file that replaces a writer's parts ``first``..``last`` (suffixes as in
    their stems: ``000001`` or ``r0000``)."""
    return f"{writer}-m{first}-{last}"


def visible_parts(folder: Path) -> list[Path]:
    """The parts of one table a reader should read, in storage order (by writer, then by part).

    A merged file replaces the parts in its range: while both exist (between the rename of the
    merged file and the deletion of the parts, or after a crash there) the parts are hidden, so
    rows are never counted twice and never missing. Files whose names florc did not make are
    always read.
    """
    if not folder.is_dir():
        return []
    named: dict[str, list[tuple[int, int, str, Path]]] = {}
    other: list[Path] = []
    for path in folder.glob("*.parquet"):
        r = part_range(path.stem)
        if r is None:
            other.append(path)
        else:
            named.setdefault(r[0], []).append((r[1], r[2], path.name, path))
    out: list[Path] = sorted(other)
    for writer in sorted(named):
        files = sorted(named[writer], key=lambda f: (f[0], -f[1], f[2]))
        reach = -1  # last part covered by the files kept so far, which start no later
        for first, last, _, path in files:
            if last <= reach:
                continue  # inside a wider (or equal, earlier-named) file kept before it
            out.append(path)
            reach = max(reach, last)
    return out


__all__ = [
    "ENV_STORE",
    "STORE_DIRNAME",
    "locate_store",
    "merged_stem",
    "part_glob",
    "part_range",
    "project_root",
    "store_dir",
    "table_dir",
    "visible_parts",
]
