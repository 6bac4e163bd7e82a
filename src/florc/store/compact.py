"""Merging a writer's parts into one file per table: at the end of a run, and by ``florc gc``.

A run writes one part per flush (every few seconds), uncompressed (``store.plain``); readers pay
per file (a footer, a scan setup), and the parts are larger than they need to be. Merging
replaces a writer's parts ``first..last`` of one table by ``<writer>-m<first>-<last>.parquet``:
zstd, dictionary-encoded text, statistics, row groups of ``ROW_GROUP`` rows, and for ``logs``
rows sorted by (name, loop path, seq) with a fresh ``store.summary``, so that a filtered scan of
one name reads contiguous row groups (and skips the others by their statistics) while each
name's rows stay in logging order.

Atomic, and safe to interrupt at any point:

1. the merged file is written under a temporary name (never read), then renamed into place;
2. from that rename on, readers hide the parts it covers (``layout.visible_parts``): no row is
   counted twice, none is missing;
3. the parts are deleted. A crash before 1 leaves a temp file (``florc gc`` removes it), a crash
   between 2 and 3 leaves hidden parts (the next merge or ``florc gc`` deletes them).

A replay's published parts can be deleted by a later replay that supersedes them
(``replay.publish``); if that happens while they are being merged, the merged file is deleted
too rather than bringing them back. That check is why merges take ``merge_lock``: the merge a
run starts when it ends and ``florc gc`` can pick the same writer at once, and the second one
to finish would find the parts deleted by the first and take them for superseded, deleting the
merged file with them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from florc.store.layout import merged_stem, part_range, visible_parts
from florc.store.schema import TABLES

if TYPE_CHECKING:
    import pyarrow as pa

ROW_GROUP = 1 << 17
LOCK = ".merge.lock"


@contextmanager
def merge_lock(store: Path) -> Iterator[None]:
    """Hold the store's merge lock (an advisory ``flock``, released if the process dies)."""
    import fcntl

    fd = os.open(store / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Merged:
    """What merging one writer did: per table, how many parts became one file."""

    writer: str
    tables: tuple[tuple[str, int], ...]  # (table, parts merged)
    removed: int  # part files deleted (merged ones, and leftovers a merge had already replaced)

    @property
    def parts(self) -> int:
        return sum(n for _, n in self.tables)


def writers(store: Path, table: str) -> dict[str, list[Path]]:
    """Each writer's files of ``table``: the visible ones, in order."""
    out: dict[str, list[Path]] = {}
    for path in visible_parts(store / table):
        r = part_range(path.stem)
        if r is not None:
            out.setdefault(r[0], []).append(path)
    return out


def covered(store: Path, table: str, writer: str) -> list[Path]:
    """Parts of ``writer`` hidden by a merged file (left by an interrupted merge)."""
    folder = store / table
    if not folder.is_dir():
        return []
    shown = set(visible_parts(folder))
    return [p for p in folder.glob("*.parquet") if p not in shown and (part_range(p.stem) or ("",))[0] == writer]


def _suffix(stem: str) -> tuple[str, str]:
    # "w-000007" -> ("000007", "000007"); "w-m000001-000042" -> ("000001", "000042")
    tail = stem.rsplit("-", 2)
    if len(tail) == 3 and tail[1].startswith("m"):
        return tail[1][1:], tail[2]
    return tail[-1], tail[-1]


def _is_merged(path: Path) -> bool:
    parts = path.stem.rsplit("-", 2)
    return len(parts) == 3 and parts[1].startswith("m") and part_range(path.stem) is not None


def merged_path(store: Path, table: str, writer: str, files: list[Path]) -> Path:
    """The file that merging ``files`` (a writer's visible parts, in order) writes."""
    first, last = _suffix(files[0].stem)[0], _suffix(files[-1].stem)[1]
    return store / table / f"{merged_stem(writer, first, last)}.parquet"


def needs_merge(files: list[Path]) -> bool:
    """Whether a writer's visible parts of a table are not one merged file already."""
    return bool(files) and not (len(files) == 1 and _is_merged(files[0]))


def read_parts(table: str, files: list[Path]) -> pa.Table:
    """The rows of ``files`` in the store's current schema of ``table`` (older parts' missing
    columns as NULL)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from florc.store.parts import arrow_schema

    schema = arrow_schema(table)
    pieces = []
    for f in files:
        t = pq.read_table(f)
        cols = [t.column(field.name).cast(field.type) if field.name in t.column_names else pa.nulls(t.num_rows, field.type)
                for field in schema]
        pieces.append(pa.Table.from_arrays(cols, schema=schema))
    return pa.concat_tables(pieces) if pieces else schema.empty_table()


def merge_table(store: Path, table: str, writer: str, files: list[Path]) -> int:
    """Merge ``files`` (a writer's visible parts of ``table``, in order) into one; how many."""
    from florc.store.parts import write_table

    if not needs_merge(files):
        return 0
    data = read_parts(table, files)
    if table == "logs" and data.num_rows:
        data = data.sort_by([("name_key", "ascending"), ("path_key", "ascending"), ("seq", "ascending")])
    final = write_table(store, table, merged_path(store, table, writer, files).stem, data, row_group_size=ROW_GROUP)
    if any(not f.exists() for f in files):
        # A replay that supersedes this writer deleted its parts meanwhile: do not bring them back.
        final.unlink(missing_ok=True)
        return 0
    for f in files:
        if f != final:
            f.unlink(missing_ok=True)
    return len(files)


def compact_writer(store: Path, writer: str, tables: tuple[str, ...] = TABLES, *, lock: bool = True) -> Merged:
    """Merge every table's parts of ``writer`` (a run id, or a replay unit's writer id).

    Only for a writer that will write no more parts: a finished run, a killed one, a published
    replay. ``lock=False`` when the caller holds ``merge_lock`` already (``flock`` is not
    reentrant across descriptors: taking it again would wait forever).
    """
    if lock:
        with merge_lock(store):
            return compact_writer(store, writer, tables, lock=False)
    done = []
    removed = 0
    for table in tables:
        files = writers(store, table).get(writer, [])
        leftovers = covered(store, table, writer)
        for p in leftovers:
            p.unlink(missing_ok=True)
        removed += len(leftovers)
        n = merge_table(store, table, writer, files)
        if n:
            done.append((table, n))
            removed += n
    return Merged(writer, tuple(done), removed)


def main(argv: list[str] | None = None) -> int:
    """``python -c 'from florc.store.compact import main; main()' --store DIR --writer ID``: what
    a run starts when it ends (detached, niced)."""
    parser = argparse.ArgumentParser(prog="florc-compact")
    parser.add_argument("--store", required=True)
    parser.add_argument("--writer", required=True)
    ns = parser.parse_args(argv)
    try:
        compact_writer(Path(ns.store), ns.writer)
    except Exception as exc:  # nothing is lost: the parts stay and `florc gc` merges them
        print(f"florc: merging the parts of {ns.writer} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


__all__ = [
    "LOCK", "Merged", "ROW_GROUP", "compact_writer", "covered", "main", "merge_lock", "merge_table",
    "merged_path", "needs_merge", "read_parts", "writers",
]
