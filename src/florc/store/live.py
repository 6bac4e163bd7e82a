"""Which runs are still running: a heartbeat file per recording process.

A run's ``runs`` row says ``running`` from its start until its end row is written; a run killed
in between (SIGKILL, power loss) never writes that end row. To tell the two apart, the recording
process keeps ``<store>/live/<writer_id>`` (JSON: pid, host, process start time, flush interval)
while it runs: touched by the flush thread at least every ``BEAT_SECONDS``, removed when the run
ends. A run is live when its heartbeat file exists and either

- it was written on this host and its process (pid and start time) still exists: a killed run
  reads as not live at once, whatever the flush interval; or
- it was written elsewhere (a shared store) and was touched within ``3 * BEAT_SECONDS``.

Anything else (no file, a stale file, a dead pid) is not live: a killed run never reads as
running forever. Standard library only: the runtime writes these.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

LIVE = "live"
STAGING = "staging"  # replays' staging stores, one directory per replay group: <pid>-<nonce>
BEAT_SECONDS = 5.0


def _start_time(pid: int) -> str | None:
    # Field 22 of /proc/<pid>/stat: the process start time in clock ticks since boot. With the
    # pid it identifies a process; a pid reused by a later process has another start time.
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            data = fh.read()
        return data[data.rindex(b")") + 2 :].split()[19].decode()
    except (OSError, ValueError, IndexError):
        return None


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` of this host exists (someone else's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def path(store: Path, writer_id: str) -> Path:
    return store / LIVE / writer_id


def begin(store: Path, writer_id: str, interval: float) -> Path | None:
    """Write the heartbeat of this process's run; None if the store cannot take it."""
    pid = os.getpid()
    info = {"pid": pid, "host": socket.gethostname(), "start": _start_time(pid), "interval": interval}
    target = path(store, writer_id)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{writer_id}.{pid}.tmp")
        tmp.write_text(json.dumps(info))
        os.replace(tmp, target)
    except OSError:
        return None
    return target


def beat(heartbeat: Path | None) -> None:
    if heartbeat is not None:
        try:
            os.utime(heartbeat)
        except OSError:
            pass


def end(heartbeat: Path | None) -> None:
    if heartbeat is not None:
        try:
            heartbeat.unlink()
        except OSError:
            pass


def is_live(heartbeat: Path, now: float | None = None) -> bool:
    """Whether the process that wrote ``heartbeat`` is still running its run."""
    try:
        info = json.loads(heartbeat.read_text())
        mtime = heartbeat.stat().st_mtime
    except (OSError, ValueError):
        return False
    if not isinstance(info, dict):
        return False
    if info.get("host") == socket.gethostname() and isinstance(info.get("pid"), int):
        pid = info["pid"]
        if not pid_alive(pid):
            return False
        started = info.get("start")
        return started is None or _start_time(pid) in (None, started)
    return (time.time() if now is None else now) - mtime < 3 * BEAT_SECONDS



def staging_dir(store: Path, nonce: str) -> Path:
    """A fresh staging directory owned by this process (its pid leads the name)."""
    path = store / STAGING / f"{os.getpid()}-{nonce}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def staging_dirs(store: Path) -> list[tuple[Path, bool]]:
    """Every staging directory, with whether the process that owns it is still running."""
    root = store / STAGING
    if not root.is_dir():
        return []
    found = []
    for entry in sorted(root.iterdir()):
        owner = entry.name.split("-", 1)[0]
        if owner.isdigit() and entry.is_dir() and not entry.is_symlink():
            found.append((entry, int(owner) == os.getpid() or pid_alive(int(owner))))
    return found


def live_writers(store: Path) -> set[str]:
    """The writer ids (run ids) of the runs that are still running."""
    folder = store / LIVE
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.iterdir() if not p.name.startswith(".") and is_live(p)}


def stale(store: Path) -> list[Path]:
    """Heartbeat files of runs that are not running any more (left by killed runs)."""
    folder = store / LIVE
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if not p.name.startswith(".") and not is_live(p)]


__all__ = ["BEAT_SECONDS", "LIVE", "begin", "beat", "end", "is_live", "live_writers", "path", "stale"]
