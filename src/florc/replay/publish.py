"""Where a replay writes, and how its rows join the store: staged, then moved in whole units.

Each replay of a run (a *group*: the run, today's script, the names replayed, the iterations
selected) has an identity and a staging store of its own under ``<store>/staging/``. Its worker
processes write their Parquet parts there, one writer id per work unit (``<group>-u<k>``), so
workers never contend on a file and nothing half-done is visible to queries (the views read
``<store>/<table>/*.parquet`` only). When every unit of the group has finished, the parts are
moved into the store (``os.replace``, same file system) and the parts of earlier replays that
this one covers are deleted:

- an earlier replay is covered when it replayed the same run and script, names that are all
  among today's, and iterations that are all among today's: running the same replay twice
  leaves one copy of its rows, not two;
- each group leaves an index file ``<store>/replays/<group>.json`` naming what it replayed, so
  a later replay knows what it covers.

Order of the steps: index file, parts moved in, covered parts deleted. A process killed between
them leaves extra rows of a covered replay (the pivot shows the newest), never a unit's rows
without its index file; the next replay that covers it removes them. Staging directories of
replays whose process is gone are removed by the next replay (``clean_staging``).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from florc.store import live
from florc.store.schema import TABLES

STAGING = live.STAGING
INDEX = "replays"


@dataclass(frozen=True)
class Identity:
    """What one replay of one run is: covered replays are found by these fields."""

    run_id: str
    script: str
    names: tuple[str, ...]  # sorted
    iterations: tuple[int, ...] | None  # of the loop the replay selects; None: every one
    nonce: str

    @classmethod
    def new(
        cls, run_id: str, script: str, names: Sequence[str], iterations: Sequence[int] | None
    ) -> Identity:
        return cls(
            run_id, script, tuple(sorted(set(names))),
            None if iterations is None else tuple(sorted(set(iterations))),
            secrets.token_hex(3),
        )

    @property
    def key(self) -> str:
        text = "\0".join((self.run_id, self.script, *self.names))
        return hashlib.sha1(text.encode()).hexdigest()[:10]

    @property
    def group(self) -> str:
        """``<run_id>.replay-<key>-<nonce>``: the prefix of every file of this replay."""
        return f"{self.run_id}.replay-{self.key}-{self.nonce}"

    def writer(self, unit: int) -> str:
        return f"{self.group}-u{unit}"

    def covers(self, other: Identity) -> bool:
        if other.group == self.group or (other.run_id, other.script) != (self.run_id, self.script):
            return False
        if not set(other.names) <= set(self.names):
            return False
        if self.iterations is None:
            return True
        return other.iterations is not None and set(other.iterations) <= set(self.iterations)


def staging_dir(store: Path, identity: Identity) -> Path:
    """A fresh staging store for one replay group, owned by this process."""
    return live.staging_dir(store, identity.nonce)


def clean_staging(store: Path) -> int:
    """Remove staging directories left by replays whose process is gone; how many."""
    gone = [entry for entry, alive in live.staging_dirs(store) if not alive]
    for entry in gone:
        shutil.rmtree(entry, ignore_errors=True)
    return len(gone)


def _index_path(store: Path, group: str) -> Path:
    return store / INDEX / f"{group}.json"


def _write_index(store: Path, identity: Identity, extra: dict[str, Any]) -> None:
    folder = store / INDEX
    folder.mkdir(parents=True, exist_ok=True)
    final = _index_path(store, identity.group)
    tmp = folder / f".{identity.group}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({**asdict(identity), **extra}, indent=1, default=str))
    os.replace(tmp, final)


def earlier(store: Path) -> list[Identity]:
    """The replays whose rows are in the store, from their index files."""
    found: list[Identity] = []
    folder = store / INDEX
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text())
            its = data.get("iterations")
            found.append(
                Identity(
                    str(data["run_id"]), str(data["script"]), tuple(data["names"]),
                    None if its is None else tuple(int(i) for i in its), str(data["nonce"]),
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not ours, or damaged: leave it be
    return found


def _parts_of(store: Path, group: str) -> list[Path]:
    prefix = f"{group}-"
    return [
        part
        for table in TABLES
        if (store / table).is_dir()
        for part in (store / table).glob(f"{glob_escape(prefix)}*.parquet")
    ]


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


@dataclass(frozen=True)
class Published:
    parts: int  # parts moved into the store
    superseded: tuple[str, ...]  # groups whose rows this replay replaced


def publish(store: Path, staging: Path, identity: Identity, extra: dict[str, Any] | None = None) -> Published:
    """Move the staged parts of ``identity`` into ``store`` and delete those of the earlier
    replays it covers (see the module doc for the order and why)."""
    covered = [old for old in earlier(store) if identity.covers(old)]
    _write_index(store, identity, extra or {})
    moved = 0
    for table in TABLES:
        folder = staging / table
        if not folder.is_dir():
            continue
        target = store / table
        target.mkdir(parents=True, exist_ok=True)
        for part in sorted(folder.glob("*.parquet")):
            os.replace(part, target / part.name)
            moved += 1
    for old in covered:
        for part in _parts_of(store, old.group):
            part.unlink(missing_ok=True)
        _index_path(store, old.group).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
    return Published(moved, tuple(old.group for old in covered))


def mark(staging: Path, writers: Sequence[str], notice: str) -> None:
    """Add ``notice`` to the runs rows of the staged replay units (a new revision of each), so
    that ``florc runs`` shows a divergent replay as such."""
    from florc.query import rows
    from florc.store.parts import write_part
    from florc.store.schema import RUNS

    times = {name for name, kind in RUNS if kind == "timestamp"}
    select = ", ".join(f'epoch("{n}") AS "{n}"' if n in times else f'"{n}"' for n, _ in RUNS)
    for writer in writers:
        columns, found = rows(
            f"SELECT {select} FROM _runs WHERE run_id = ? ORDER BY rev DESC LIMIT 1",
            store=staging, params=[writer],
        )
        if not found:
            continue
        row = dict(zip(columns, found[0]))
        row["notice"] = "; ".join(x for x in (row.get("notice"), notice) if x)
        row["rev"] = int(row["rev"]) + 1
        write_part(staging, "runs", f"{writer}-r{row['rev']:04d}", {k: [v] for k, v in row.items()})


def discard(staging: Path) -> None:
    """Forget a replay that will not be published (a unit failed, or the user stopped it)."""
    shutil.rmtree(staging, ignore_errors=True)


__all__ = [
    "INDEX",
    "Identity",
    "Published",
    "STAGING",
    "clean_staging",
    "discard",
    "earlier",
    "mark",
    "publish",
    "staging_dir",
]
