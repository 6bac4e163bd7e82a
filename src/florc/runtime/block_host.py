"""Where the checkpoint calls of instrumented code put what they save, and what they read: the
``Host`` of ``florc.runtime.blocks``. ``SessionHost`` serves a run of the runtime core (files
under the store, index rows into its ``checkpoints`` table); ``StandaloneHost`` keeps the rows
in a list, for tests and tools."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class CheckpointRow:
    """One checkpoint, for the store's ``checkpoints`` table (written once its files are on
    disk): which loop, which activation and outer iteration, where, how big, how costly."""

    block: str  # loop address
    kind: str  # iteration (start of a main-loop iteration) | block (end of a nested loop) | final
    activation: int  # how many times the main loop had started before this one (0-based)
    iteration: int | None  # the main loop's iteration; None for a final checkpoint
    manifest: str  # content-addressed manifest file name under the checkpoint directory
    bytes: int  # new bytes written
    seconds: float  # capture on the training thread + write on the background thread
    parts: tuple[str, ...]
    missing: Mapping[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return checkpoint_key(self.activation, self.iteration)


def checkpoint_key(activation: int, iteration: int | None) -> str:
    """How the replay plan names a checkpoint: ``"<activation>:<iteration>"`` or
    ``"<activation>:end"``."""
    return f"{activation}:{'end' if iteration is None else iteration}"


class Host(Protocol):
    """What blocks needs from the runtime core."""

    def mode(self) -> str:
        """``record``, ``replay`` or ``off``."""

    def plan(self) -> Mapping[str, Any]:
        """The ``blocks`` section of the replay plan (empty when recording)."""

    def checkpoint_dir(self) -> Path:
        """Where checkpoint files go (content-addressed, shared by runs)."""

    def index(self, row: CheckpointRow) -> None:
        """Record a checkpoint that is on disk (called on the writer thread)."""

    def mute(self, quiet: bool) -> None:
        """Replay: drop (``True``) or keep again (``False``) what the script logs from now on;
        rows of iterations run only to catch up, and a unit's repeat of the prefix, are not
        the replay's to store."""


@dataclass
class StandaloneHost:
    """A host without the runtime core: rows kept in a list. For tests and tools."""

    kind: str
    directory: Path
    plan_section: Mapping[str, Any] = field(default_factory=dict)
    rows: list[CheckpointRow] = field(default_factory=list)
    muted: bool = False

    def mode(self) -> str:
        return self.kind

    def plan(self) -> Mapping[str, Any]:
        return self.plan_section

    def checkpoint_dir(self) -> Path:
        return self.directory

    def index(self, row: CheckpointRow) -> None:
        self.rows.append(row)

    def mute(self, quiet: bool) -> None:
        self.muted = quiet


class _Discard(list):  # type: ignore[type-arg]
    """A log buffer that keeps nothing: what a muted replay logs."""

    def append(self, item: Any) -> None:
        return None


class SessionHost:
    """The host for a run of the runtime core (``florc.runtime.session.Session``): mode and
    plan from the session's mode (the ``blocks`` key of the replay plan file), checkpoint files
    under ``<store>/checkpoints`` (or the plan's ``checkpoint_dir``: a replay reads the recorded
    run's), index rows into the session's ``checkpoints`` table."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self._kept: list[Any] | None = None

    def mute(self, quiet: bool) -> None:
        # The session's buffer is swapped for one that drops what is appended (so the periodic
        # flush finds nothing), under the flush lock, so the flusher never sees half of a swap;
        # flor.log appends on this (the training) thread.
        s = self.session
        lock = getattr(s, "_flush_lock", None)
        if lock is None:
            return
        with lock:
            if quiet and self._kept is None:
                self._kept, s.logs = s.logs, _Discard()
            elif not quiet and self._kept is not None:
                s.logs, self._kept = self._kept, None

    def mode(self) -> str:
        return "replay" if self.session.mode.replaying else "record"

    def plan(self) -> Mapping[str, Any]:
        section = self.session.mode.plan.get("blocks", {})
        return section if isinstance(section, Mapping) else {}

    def checkpoint_dir(self) -> Path:
        override = self.plan().get("checkpoint_dir")
        return Path(override) if override else Path(self.session.store) / "checkpoints"

    def index(self, row: CheckpointRow) -> None:
        import json

        self.session.add_row(
            "checkpoints",
            {
                "loop": row.block,
                "depth": 0 if row.iteration is None else 1,
                "ctx_path": row.block.rsplit("::", 1)[-1],
                "i1": row.iteration,
                "path": f"checkpoints/{row.manifest[:2]}/{row.manifest}",
                "digest": row.manifest,
                "bytes": row.bytes,
                "seconds": row.seconds,
                "kind": row.kind,
                "objects": json.dumps(
                    {
                        "activation": row.activation,
                        "iteration": row.iteration,
                        "parts": list(row.parts),
                        "missing": dict(row.missing),
                    }
                ),
            },
        )


__all__ = ["CheckpointRow", "Host", "SessionHost", "StandaloneHost", "checkpoint_key"]
