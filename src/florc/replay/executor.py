"""Running replay work units: worker processes started with ``sys.executable``, at most ``jobs``
at a time.

One small interface (``Executor.run``) so that other executors (a cluster's) can stand in for the
local one. The local executor starts each unit as ``<sys.executable> -m florc.replay.child
PLAN.json`` in the unit's materialized tree, with the unit's output in a log file, and waits on
them from a thread pool. Each worker writes its own Parquet parts (its own writer id) into the
replay's staging store: workers never share a file. If the parent is interrupted, the workers it
started are killed (each also asks the kernel to kill it when its parent dies).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class UnitJob:
    """One work unit to run: its writer id, plan file, working directory and log file."""

    key: str
    plan: Path
    cwd: Path
    log: Path
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class UnitResult:
    key: str
    returncode: int
    seconds: float
    tail: str = ""  # the last lines of the worker's output (for a failed unit)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


class Executor(Protocol):
    def run(
        self, jobs: Sequence[UnitJob], done: Callable[[UnitResult], None] | None = None
    ) -> list[UnitResult]:
        """Run every job; results in the order of ``jobs``; ``done`` is called as each ends."""


def _tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def child_env(extra: Mapping[str, str]) -> dict[str, str]:
    """The worker's environment: ours, florc importable from where this florc is, and ``extra``."""
    import florc

    env = dict(os.environ)
    src = str(Path(florc.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


class LocalExecutor:
    """Worker processes on this machine, ``jobs`` at a time."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)
        self._procs: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._stopping = False

    def _one(self, job: UnitJob) -> UnitResult:
        start = time.perf_counter()
        with open(job.log, "wb") as log:
            with self._lock:
                if self._stopping:
                    return UnitResult(job.key, -2, 0.0, "not started: the replay was stopped")
                proc = subprocess.Popen(
                    [sys.executable, "-m", "florc.replay.child", str(job.plan)],
                    cwd=job.cwd, env=child_env(job.env), stdin=subprocess.DEVNULL,
                    stdout=log, stderr=subprocess.STDOUT,
                )
                self._procs.add(proc)
            try:
                code = proc.wait()
            finally:
                with self._lock:
                    self._procs.discard(proc)
        seconds = time.perf_counter() - start
        return UnitResult(job.key, code, seconds, "" if code == 0 else _tail(job.log))

    def stop(self) -> None:
        """Kill the workers still running (ours only, by process handle)."""
        with self._lock:
            self._stopping = True
            procs = list(self._procs)
        for proc in procs:
            try:
                proc.kill()
            except OSError:
                pass

    def run(
        self, jobs: Sequence[UnitJob], done: Callable[[UnitResult], None] | None = None
    ) -> list[UnitResult]:
        pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="florc-replay")
        try:
            futures = [pool.submit(self._one, job) for job in jobs]
            if done is not None:
                for future in futures:
                    future.add_done_callback(lambda f: done(f.result()))
            results = [f.result() for f in futures]
        except BaseException:
            self.stop()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return results


__all__ = ["Executor", "LocalExecutor", "UnitJob", "UnitResult", "child_env"]
