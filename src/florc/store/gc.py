"""``florc gc``: merge the parts of writers that will write no more, remove what is left over.

What a store accumulates, and what becomes of it here (planned first, then applied; a dry run
stops after the plan):

- parts of ended, killed and published-replay writers: merged into one file per table
  (``store.compact``), as the end of a run would have done had its merge run; parts hidden by a
  merged file (an interrupted merge) are deleted;
- staging directories of replays whose process is gone (``replay.publish``), heartbeat files of
  runs that are not running (``store.live``), temp files of interrupted writes: removed;
- checkpoint files that no index row of a kept run reaches: removed. With ``keep_last=N`` a
  recorded run is kept when it is among the N most recent runs of its script (by start time:
  each script keeps its own N, so a script trained once long ago keeps its checkpoints); the
  checkpoint files of the others go, and their runs rows get a notice saying so. Logs, timings
  and the checkpoint index rows are never deleted: they are the history, and the replay planner
  sees a checkpoint whose file is gone and runs the loop it would have restored.

What is never touched: the parts and temp files of a live writer (``store.live``); anything
while a replay is in progress for the checkpoint files (it may be restoring from them); a temp
file a process may still be writing. Whether that process is gone is known for certain only on
this host (the pid in the temp name), so a temp file is also kept while it was modified within
``grace`` seconds (a write in progress keeps touching its file; a store shared by several hosts
sees the other hosts' pids as dead). Merges hold ``compact.merge_lock`` for the whole
collection, so the merge a run starts when it ends waits rather than racing.

Known gap: a content-addressed checkpoint file is shared by every checkpoint whose part has the
same bytes, and the writer reuses an existing file without touching it. A run that starts after
the liveness check and reuses a file this collection is removing would index a checkpoint with
a part missing; its replay then runs that loop instead of restoring it, nothing is lost. The
liveness check is repeated just before checkpoint files are removed to keep that window short.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from florc.errors import UserError
from florc.store import live
from florc.store.compact import merge_lock, merge_table, merged_path, needs_merge, read_parts, writers
from florc.store.layout import part_range, visible_parts
from florc.store.schema import TABLES

if TYPE_CHECKING:
    import pyarrow as pa

GRACE = 60.0  # seconds since its last change before a file of a process that may be alive is left over
STALE = 24 * 3600.0  # beyond this, a pid that looks alive is taken for a reused one
NOTICE = "checkpoint files removed by florc gc"
CHECKPOINTS = "checkpoints"

_TEMP = re.compile(r"^\.(?P<name>.+?)\.(?P<pid>\d+)(?:\.\d+)?\.tmp$")


@dataclass(frozen=True)
class Removal:
    """A file or directory to remove, relative to the store, with why and its size."""

    path: str
    kind: str  # staging | heartbeat | checkpoint | hidden part | temp
    bytes: int


@dataclass(frozen=True)
class Merge:
    """One writer's parts to merge: per table, how many files become one."""

    writer: str
    tables: tuple[tuple[str, int], ...]
    bytes: int  # size of those files


@dataclass(frozen=True)
class Pruned:
    """A recorded run whose checkpoint files go (``keep_last``)."""

    run_id: str
    script: str
    checkpoints: int  # of its checkpoints, how many have no file any more once applied


@dataclass(frozen=True)
class Failed:
    what: str  # a writer id or a path
    error: str


@dataclass(frozen=True)
class GcPlan:
    store: Path
    keep_last: int | None
    merges: tuple[Merge, ...]
    removals: tuple[Removal, ...]  # in the order they are applied
    pruned: tuple[Pruned, ...]
    notes: tuple[str, ...]  # what was left alone, and why


@dataclass(frozen=True)
class Merged:
    writer: str
    tables: tuple[tuple[str, int], ...]
    bytes_before: int
    bytes_after: int


@dataclass(frozen=True)
class GcReport:
    """What a collection did (or, for a dry run, would do)."""

    store: Path
    dry_run: bool
    merges: tuple[Merge, ...] = ()  # planned; for a dry run, what would be merged
    merged: tuple[Merged, ...] = ()  # done
    removed: tuple[Removal, ...] = ()  # for a dry run, what would be removed
    pruned: tuple[Pruned, ...] = ()
    failed: tuple[Failed, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def parts_merged(self) -> int:
        done: Iterable[Merge | Merged] = self.merges if self.dry_run else self.merged
        return sum(n for m in done for _, n in m.tables)

    @property
    def files_merged_into(self) -> int:
        done: Iterable[Merge | Merged] = self.merges if self.dry_run else self.merged
        return sum(len(m.tables) for m in done)

    @property
    def bytes_freed(self) -> int:
        """Bytes of removed files, plus what merging saved (unknown before a merge: a dry run
        counts removals only)."""
        return sum(r.bytes for r in self.removed) + sum(m.bytes_before - m.bytes_after for m in self.merged)

    def to_json(self) -> dict[str, Any]:
        return {
            "store": str(self.store),
            "dry_run": self.dry_run,
            "parts_merged": self.parts_merged,
            "files_removed": len(self.removed),
            "bytes_freed": self.bytes_freed,
            "merged": [
                {"writer": m.writer, "tables": dict(m.tables), "bytes_before": m.bytes,
                 "bytes_after": None} for m in self.merges
            ] if self.dry_run else [
                {"writer": m.writer, "tables": dict(m.tables), "bytes_before": m.bytes_before,
                 "bytes_after": m.bytes_after} for m in self.merged
            ],
            "removed": [{"path": r.path, "kind": r.kind, "bytes": r.bytes} for r in self.removed],
            "pruned": [{"run_id": p.run_id, "script": p.script, "checkpoints": p.checkpoints} for p in self.pruned],
            "failed": [{"what": f.what, "error": f.error} for f in self.failed],
            "notes": list(self.notes),
        }


def gc(store: Path, *, keep_last: int | None = None, dry_run: bool = False, grace: float = GRACE) -> GcReport:
    """Collect the store at ``store`` (a ``.flor`` directory); see the module doc.

    >>> import tempfile
    >>> from florc.store.layout import store_dir
    >>> gc(store_dir(tempfile.mkdtemp()), dry_run=True).parts_merged
    0
    """
    if keep_last is not None and keep_last < 0:
        raise UserError(f"--keep-last must be 0 or more, not {keep_last}")
    if not store.is_dir():
        raise UserError(f"no florc store at {store}")
    if not is_store(store):
        raise UserError(f"{store} is not a florc store (no .gitignore of florc's in it): nothing collected")
    if dry_run:  # without the lock, which would create its file: a dry run writes nothing
        plan = plan_gc(store, keep_last=keep_last, grace=grace)
        return GcReport(store, True, plan.merges, (), plan.removals, plan.pruned, (), plan.notes)
    with merge_lock(store):
        return _apply(plan_gc(store, keep_last=keep_last, grace=grace))


def is_store(path: Path) -> bool:
    """Whether ``path`` holds the ``.gitignore`` of ``*`` that ``layout.store_dir`` writes.

    gc deletes files by their names' shapes; a directory given by mistake (a project root, a
    home directory) must not be taken for a store.
    """
    try:
        lines = (path / ".gitignore").read_text().splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    return "*" in (line.strip() for line in lines)


# -- plan ----------------------------------------------------------------------------------


def plan_gc(store: Path, *, keep_last: int | None = None, grace: float = GRACE, now: float | None = None) -> GcPlan:
    """What ``gc`` would do now. To apply it, hold ``merge_lock`` from before this call: a
    merge elsewhere would change the store under the plan."""
    now = time.time() if now is None else now
    running = live.live_writers(store)
    replaying = _replays_in_progress(store)
    notes: list[str] = []
    removals: list[Removal] = [*_staging(store), *_heartbeats(store, now)]
    pruned: tuple[Pruned, ...] = ()
    if running or replaying:
        why = f"run {min(running)} is still running" if running else f"a replay is in progress ({replaying[0]})"
        notes.append(f"checkpoint files left alone: {why}")
    else:
        try:
            blobs, pruned, note = _checkpoints(store, keep_last, grace, now)
        except Exception as exc:  # noqa: BLE001 - a damaged part must not stop the merges: keep every file
            blobs, pruned, note = [], (), [f"checkpoint files left alone: the index cannot be read ({type(exc).__name__}: {exc})"]
        removals += blobs
        notes += note
    merges: dict[str, list[tuple[str, list[Path]]]] = {}
    for table in TABLES:
        folder = store / table
        shown = set(visible_parts(folder))
        for path in sorted(folder.glob("*.parquet")) if folder.is_dir() else ():
            r = part_range(path.stem)
            if path not in shown and r is not None and r[0] not in running:
                removals.append(Removal(_rel(store, path), "hidden part", _size(path)))
        for writer, files in writers(store, table).items():
            if writer not in running and needs_merge(files):
                merges.setdefault(writer, []).append((table, files))
    if running:
        notes.append(f"{len(running)} run(s) still running: their parts are left as they are")
    temps, kept = _temps(store, running, grace, now)
    removals += temps
    if kept:
        notes.append(f"{kept} temp file(s) may still be written to (a live process, or changed within {grace:g} s): kept")
    return GcPlan(
        store, keep_last,
        tuple(Merge(w, tuple((t, len(fs)) for t, fs in ts), sum(_size(f) for _, fs in ts for f in fs))
              for w, ts in sorted(merges.items())),
        tuple(removals), pruned, tuple(notes),
    )


def _rel(store: Path, path: Path) -> str:
    return path.relative_to(store).as_posix()


def _size(path: Path) -> int:
    try:
        if path.is_dir() and not path.is_symlink():
            return sum(os.lstat(os.path.join(d, f)).st_size for d, _, fs in os.walk(path) for f in fs)
        return path.lstat().st_size
    except OSError:
        return 0


def _mtime(path: Path) -> float | None:
    try:
        return path.lstat().st_mtime
    except OSError:
        return None


def _replays_in_progress(store: Path) -> list[str]:
    return [_rel(store, p) for p, alive in live.staging_dirs(store) if alive]


def _staging(store: Path) -> list[Removal]:
    return [Removal(_rel(store, p), "staging", _size(p)) for p, alive in live.staging_dirs(store) if not alive]


def _heartbeats(store: Path, now: float) -> list[Removal]:
    # A heartbeat written on another host cannot be checked by pid: only a long silence counts.
    out = []
    for path in sorted(live.stale(store)):
        try:
            host = json.loads(path.read_text()).get("host")
        except (OSError, ValueError, AttributeError):
            host = None
        mtime = _mtime(path)
        if host == socket.gethostname() or (mtime is not None and now - mtime >= STALE):
            out.append(Removal(_rel(store, path), "heartbeat", _size(path)))
    return out


def _temps(store: Path, running: set[str], grace: float, now: float) -> tuple[list[Removal], int]:
    out: list[Removal] = []
    kept = 0
    for folder, dirs, names in os.walk(store):
        if Path(folder) == store:
            dirs[:] = [d for d in dirs if d != live.STAGING]  # a staging directory goes whole or not at all
        for name in sorted(names):
            m = _TEMP.match(name)
            if m is None:
                continue
            path = Path(folder) / name
            mtime = _mtime(path)
            if mtime is None:
                continue
            age = now - mtime
            stem = m["name"].removesuffix(".parquet")
            r = part_range(stem) if m["name"].endswith(".parquet") else None
            if (r is not None and r[0] in running) or age < grace or (live.pid_alive(int(m["pid"])) and age < STALE):
                kept += 1
            else:
                out.append(Removal(_rel(store, path), "temp", _size(path)))
    return out, kept


def _read(store: Path, table: str) -> pa.Table:
    # Under the merge lock no merge deletes parts; a replay that supersedes another still may
    # (replay.publish), so a part can vanish between the listing and the read: list again.
    for attempt in range(3):
        try:
            return read_parts(table, visible_parts(store / table))
        except FileNotFoundError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _latest_runs(store: Path) -> dict[str, dict[str, Any]]:
    runs = _read(store, "runs").select(["run_id", "rev", "kind", "script", "started_at", "notice"]).to_pylist()
    latest: dict[str, dict[str, Any]] = {}
    for row in runs:
        rid = row["run_id"]
        if rid is not None and (rid not in latest or (row["rev"] or 0) >= (latest[rid]["rev"] or 0)):
            latest[rid] = row
    return latest


def _kept_runs(runs: dict[str, dict[str, Any]], keep_last: int) -> set[str]:
    by_script: dict[str, list[tuple[float, str]]] = {}
    for rid, row in runs.items():
        if row["kind"] == "record":
            started = row["started_at"]
            by_script.setdefault(row["script"] or "", []).append((started.timestamp() if started else 0.0, rid))
    kept: set[str] = set()
    for ranked in by_script.values():
        if keep_last > 0:
            kept.update(rid for _, rid in sorted(ranked)[-keep_last:])
    return kept | {rid for rid, row in runs.items() if row["kind"] != "record"}


def _manifest_files(path: Path) -> set[str]:
    """The part files a checkpoint manifest names (``runtime.checkpoint.files``); raises
    OSError when it cannot be read, names nothing when it is not a manifest."""
    try:
        doc = json.loads(path.read_bytes())
    except ValueError:
        return set()
    if not isinstance(doc, dict):
        return set()
    parts = doc.get("parts")
    entries = list(parts.values()) if isinstance(parts, dict) else []
    entries.append(doc.get("rng"))
    return {e["file"] for e in entries if isinstance(e, dict) and isinstance(e.get("file"), str)}


def _blobs(store: Path) -> dict[str, Path]:
    root = store / CHECKPOINTS
    found: dict[str, Path] = {}
    if not root.is_dir():
        return found
    for sub in root.iterdir():
        if len(sub.name) == 2 and sub.is_dir() and not sub.is_symlink():
            for path in sub.iterdir():
                if not path.name.startswith(".") and not path.is_dir():
                    found[path.name] = path
    return found


def _checkpoints(
    store: Path, keep_last: int | None, grace: float, now: float
) -> tuple[list[Removal], tuple[Pruned, ...], list[str]]:
    blobs = _blobs(store)
    index = _read(store, CHECKPOINTS).select(["run_id", "digest"]).to_pylist()
    runs = _latest_runs(store)
    # A run the runs table does not know (its row lost) keeps its checkpoints: nothing says it is old.
    dropped = set(runs) - _kept_runs(runs, keep_last) if keep_last is not None else set()
    by_run: dict[str, set[str]] = {}
    for row in index:
        if row["digest"]:
            by_run.setdefault(row["run_id"] or "", set()).add(row["digest"])
    keep = {m for rid, ms in by_run.items() if rid not in dropped for m in ms}
    drop = {m for rid, ms in by_run.items() if rid in dropped for m in ms} - keep

    def reach(manifests: set[str]) -> set[str]:
        found = set(manifests)
        for m in manifests:
            if m in blobs:
                found |= _manifest_files(blobs[m])
        return found

    try:
        reachable = reach(keep)
        doomed = reach(drop) - reachable
    except OSError as exc:
        return [], (), [f"checkpoint files left alone: a manifest cannot be read ({exc})"]
    removals = []
    indexed = {m for ms in by_run.values() for m in ms}
    # Manifests before the files they name: a checkpoint never looks whole with a part missing.
    for name, path in sorted(blobs.items(), key=lambda kv: (kv[0] not in indexed and not kv[0].endswith(".json"), kv[0])):
        if name in reachable:
            continue
        mtime = _mtime(path)
        if name in doomed or (mtime is not None and now - mtime >= grace):
            removals.append(Removal(_rel(store, path), "checkpoint", _size(path)))
    gone = {Path(r.path).name for r in removals}
    pruned = []
    for rid in sorted(dropped):
        missing = sum(1 for m in by_run.get(rid, ()) if m not in blobs or m in gone)
        if missing and NOTICE not in (runs[rid]["notice"] or ""):
            pruned.append(Pruned(rid, runs[rid]["script"] or "", missing))
    return removals, tuple(pruned), []


# -- apply ---------------------------------------------------------------------------------


def _remove(store: Path, removal: Removal) -> None:
    path = store / removal.path
    if removal.kind == "staging":
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _mark(store: Path, run_ids: set[str]) -> None:
    """A new revision of each run's row, its notice saying the checkpoint files are gone."""
    import pyarrow as pa

    from florc.store.parts import write_table

    runs = _read(store, "runs")
    ids, revs = runs.column("run_id").to_pylist(), runs.column("rev").to_pylist()
    latest: dict[str, int] = {}
    for i, rid in enumerate(ids):
        if rid in run_ids and (rid not in latest or (revs[i] or 0) >= (revs[latest[rid]] or 0)):
            latest[rid] = i
    for rid, i in sorted(latest.items()):
        row = runs.slice(i, 1)
        rev = (revs[i] or 0) + 1
        notice = "; ".join(x for x in (row.column("notice")[0].as_py(), NOTICE) if x)
        for name, value in (("rev", pa.array([rev], pa.int32())), ("notice", pa.array([notice], pa.string()))):
            row = row.set_column(row.schema.get_field_index(name), row.schema.field(name), value)
        write_table(store, "runs", f"{rid}-r{rev:04d}", row)


def _apply(plan: GcPlan) -> GcReport:
    store = plan.store
    failed: list[Failed] = []
    notes = list(plan.notes)
    removals, pruned = list(plan.removals), plan.pruned
    if any(r.kind == "checkpoint" for r in removals) and (live.live_writers(store) or _replays_in_progress(store)):
        removals, pruned = [r for r in removals if r.kind != "checkpoint"], ()
        notes.append("checkpoint files left alone: a run or a replay started meanwhile")
    removed = []
    for removal in removals:
        try:
            _remove(store, removal)
        except OSError as exc:
            failed.append(Failed(removal.path, f"{type(exc).__name__}: {exc}"))
        else:
            removed.append(removal)
    marked = {p.run_id for p in pruned}
    if marked:
        try:
            _mark(store, marked)
        except OSError as exc:
            failed.append(Failed("runs", f"{type(exc).__name__}: {exc}"))
    todo = {m.writer for m in plan.merges} | marked
    listing = {table: writers(store, table) for table in TABLES}
    merged = []
    for writer in sorted(todo):
        tables, before, after = [], 0, 0
        try:
            for table in TABLES:
                files = listing[table].get(writer, [])
                if not needs_merge(files):
                    continue
                size = sum(_size(f) for f in files)
                n = merge_table(store, table, writer, files)
                if n:
                    tables.append((table, n))
                    before += size
                    after += _size(merged_path(store, table, writer, files))
        except Exception as exc:  # noqa: BLE001 - one writer's damaged part must not stop the others
            failed.append(Failed(writer, f"{type(exc).__name__}: {exc}"))
        if tables:
            merged.append(Merged(writer, tuple(tables), before, after))
    return GcReport(store, False, plan.merges, tuple(merged), tuple(removed), pruned, tuple(failed), tuple(notes))


__all__ = [
    "Failed", "GRACE", "GcPlan", "GcReport", "Merge", "Merged", "NOTICE", "Pruned", "Removal", "STALE", "gc",
    "is_store", "plan_gc",
]
