"""One recorded (or replayed) run: identity, buffers, background flushing, and its end.

A run starts at the first ``flor.log/arg/loop/checkpointing`` call (or explicitly, by
``florc run``), never at import: a script that only reads ``flor.dataframe`` is not a run.

Rows are buffered as plain tuples and written as Parquet parts by a background thread every
``FLORC_FLUSH_SECONDS`` (default 3), on ``flor.commit()``, at exit and on SIGTERM. Each part
is renamed into place whole, so a SIGKILL loses at most the rows since the last flush. The run's
``runs`` row is written at start with ``status='running'`` and rewritten (a higher ``rev``) when
the code snapshot is known and when the run ends; a run whose last row still says ``running``
was killed (or is still going) and reads as incomplete.

The code snapshot is taken by a short child process (``python -m florc.git.snapshot``) so
that pygit2 never loads into the training process.
"""

from __future__ import annotations

import atexit
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from florc import collector
from florc.runtime import context, mode as modes
from florc.runtime.context import Ctx
from florc.runtime.columns import Writer
from florc.runtime.hooks import CtxEntry
from florc.store import live
from florc.store.layout import project_root, store_dir
from florc.store.schema import SCHEMA_VERSION

ENV_FLUSH = "FLORC_FLUSH_SECONDS"
ENV_QUIET = "FLORC_QUIET"
ENV_MERGE = "FLORC_MERGE"  # at the end of a run: "background" (default), "now", or "off"

# The snapshot child runs this file directly, so that it imports pygit2 and the standard
# library only (not the florc package: ~0.1 s of CPU saved per run). It must stay free of
# florc imports.
_SNAPSHOT = Path(__file__).resolve().parent.parent / "git" / "snapshot.py"


def new_run_id(now: float | None = None) -> str:
    """A sortable, collision-free id: UTC start time (milliseconds) plus 32 random bits.

    Ids sort in start order (part files and the pivot's rows follow it); the random part keeps
    two runs started in the same millisecond apart.

    >>> len(new_run_id(0.0)), new_run_id(0.0)[:20]
    (29, '19700101T000000.000Z')
    """
    t = time.time() if now is None else now
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(t))
    return f"{stamp}.{int(t * 1000) % 1000:03d}Z-{secrets.token_hex(4)}"


def _notice(message: str) -> None:
    if not os.environ.get(ENV_QUIET):
        try:
            sys.stderr.write(f"florc: {message}\n")
            sys.stderr.flush()
        except Exception:
            pass


def _script_path(root: Path) -> str:
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None) or (sys.argv[0] if sys.argv and sys.argv[0] else "")
    if not path or path == "-c":
        return "<string>"
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return str(Path(path).resolve())


class Session:
    """The state of the run in progress; one per process (see ``current``)."""

    def __init__(self, *, mode: modes.Mode, script: str | None = None, argv: list[str] | None = None) -> None:
        self.mode = mode
        self.pid = os.getpid()
        self.started_at = time.time()
        self.writer_id = str(mode.plan.get("replay_id") or new_run_id(self.started_at))
        self.run_id = mode.replays_run_id if mode.replaying and mode.replays_run_id else self.writer_id
        plan_store = mode.plan.get("store")
        self.root = project_root()
        self.notices: list[str] = []
        try:
            self.store = Path(plan_store) if plan_store else store_dir(self.root)
            self.store.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            # A read-only checkout must not stop the training: keep the logs somewhere, say where.
            import tempfile

            self.store = Path(tempfile.mkdtemp(prefix="florc-store-"))
            self._add_notice(f"cannot write the store ({exc}); logging to {self.store} instead")
        self.script = script if script is not None else _script_path(self.root)
        self.argv = list(sys.argv if argv is None else argv)
        self.source = "replay" if mode.replaying else "record"
        self.replay_id = self.writer_id if mode.replaying else None

        self.logs: list[tuple[Any, ...]] = []
        self.timings: list[tuple[Any, ...]] = []
        self.extra: dict[str, list[dict[str, Any]]] = {}
        self.args: dict[str, Any] = {}
        self.checkpoint_objects: dict[str, Any] = {}
        self.stack: list[CtxEntry] = []
        self.ctx: Ctx = context.ROOT

        self.status = "running"
        self.exit_code: int | None = None
        self.ended_at: float | None = None
        self.snapshot: dict[str, Any] = {}
        self.rows_written = 0

        self._columns = Writer(self.run_id, self.script, self.source, self.replay_id, str(self.root))
        self._part = 0
        self._rev = 0
        self._flush_lock = threading.RLock()
        self._stop = threading.Event()
        self._finished = False
        self._inert = False  # set in forked children: they must not write the parent's run
        self._snap_proc: subprocess.Popen[bytes] | None = None
        self._exiting = False  # finishing from the interpreter's exit handlers
        self._heartbeat: Path | None = None
        self._thread: threading.Thread | None = None
        self._prev_sigterm: Any = None
        self._prev_excepthook = sys.excepthook
        try:
            self.interval = max(0.05, float(os.environ.get(ENV_FLUSH) or 3))
        except ValueError:
            self.interval = 3.0

    # -- lifecycle -------------------------------------------------------------------------

    def begin(self) -> None:
        if self.mode.replaying:
            commit = self.mode.plan.get("commit")
            self.snapshot = {"commit": commit} if commit else {}
        else:
            self._start_snapshot()
        self._heartbeat = live.begin(self.store, self.writer_id, self.interval)
        self._thread = threading.Thread(target=self._background, name="florc-flush", daemon=True)
        self._thread.start()
        atexit.register(self._finish_at_exit)
        self._install_signal_handlers()

    def _start_snapshot(self) -> None:
        if not (self.root / ".git").exists():
            self._add_notice("not inside a git repository: the run is recorded without a code version")
            return
        # Niced: on a machine whose cores the training saturates, the snapshot takes idle time.
        entry = f"import os, runpy; os.nice(19); runpy.run_path({str(_SNAPSHOT)!r}, run_name='__main__')"
        cmd = [sys.executable, "-c", entry, "--root", str(self.root), "--run-id", self.run_id]
        try:
            self._snap_proc = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=str(self.root)
            )
        except OSError as exc:
            self._add_notice(f"code snapshot not taken: {exc}")

    def _collect_snapshot(self, wait: float | None) -> bool:
        proc = self._snap_proc
        if proc is None:
            return False
        if wait is None and proc.poll() is None:
            return False
        try:
            out, err = proc.communicate(timeout=wait)
        except subprocess.TimeoutExpired:
            return False
        self._snap_proc = None
        try:
            info = json.loads(out.decode() or "{}")
        except ValueError:
            info = {}
        if proc.returncode != 0 or not isinstance(info, dict):
            last = (err.decode(errors="replace").strip().splitlines() or ["no output"])[-1]
            self._add_notice(f"code snapshot failed: {last}")
            return True
        self.snapshot = info
        if info.get("notice"):
            self._add_notice(str(info["notice"]))
        return True

    def _add_notice(self, message: str) -> None:
        self.notices.append(message)
        _notice(f"run {self.writer_id}: {message}")

    def _background(self) -> None:
        # Not niced, on purpose: this thread takes the GIL, and a low-priority thread preempted
        # while holding it stalls the training thread behind it (priority inversion), which on
        # a busy machine cost seconds. The snapshot child, a separate process, is niced.
        # It wakes at least every BEAT_SECONDS to touch the run's heartbeat (``store/live.py``).
        try:
            self._ensure_run_row()
            due = time.monotonic() + self.interval
            while not self._stop.wait(0.25 if self._snap_proc is not None else max(0.0, min(live.BEAT_SECONDS, due - time.monotonic()))):
                live.beat(self._heartbeat)
                if self._collect_snapshot(None):
                    self._write_run_row()
                if self._snap_proc is None and time.monotonic() >= due:
                    self.flush()
                    due = time.monotonic() + self.interval
        except Exception as exc:  # the training run must go on even if the store is unwritable
            if not self._stop.is_set():  # at exit, finish() writes everything from the main thread
                _notice(f"run {self.writer_id}: background flush stopped: {type(exc).__name__}: {exc}")

    def _install_signal_handlers(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        try:
            self._prev_sigterm = signal.getsignal(signal.SIGTERM)
            signal.signal(signal.SIGTERM, self._on_sigterm)
        except (ValueError, OSError):
            self._prev_sigterm = None
        sys.excepthook = self._on_uncaught

    def _on_sigterm(self, signum: int, frame: FrameType | None) -> None:
        prev = self._prev_sigterm
        if callable(prev):
            # The script handles SIGTERM itself (maybe to shut down gracefully): save what we
            # have and let it decide; the run ends normally at exit if it keeps going.
            self.flush()
            prev(signum, frame)
            return
        if prev == signal.SIG_IGN:
            self.flush()
            return
        self.finish("terminated", 128 + signum)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)

    def _on_uncaught(self, etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not self._finished:
            self.status = "interrupted" if issubclass(etype, KeyboardInterrupt) else "failed"
        self._prev_excepthook(etype, value, tb)

    def _finish_at_exit(self) -> None:
        self._exiting = True
        self.finish()

    def finish(self, status: str | None = None, exit_code: int | None = None) -> None:
        """End the run: stop the flusher, write remaining rows and the final runs row."""
        if self._finished or self._inert or os.getpid() != self.pid:
            return
        self._finished = True
        if status is not None:
            self.status = status
        elif self.status == "running":
            self.status = "complete"
        self.exit_code = exit_code
        self.ended_at = time.time()
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=30)
        try:
            self._collect_snapshot(10.0)
            self.flush()
            self._write_run_row()
        except Exception as exc:
            _notice(f"run {self.writer_id}: could not write its last rows: {type(exc).__name__}: {exc}")
        live.end(self._heartbeat)
        self._merge()
        if sys.excepthook == self._on_uncaught:
            sys.excepthook = self._prev_excepthook

    def _merge(self) -> None:
        # The run's parts (one per flush) become one compressed file per table. In a process of
        # its own, detached and niced, so that neither pyarrow nor the merge's CPU time lands in
        # the training process; a reader meanwhile sees the parts, then the merged file, never
        # both (``store.layout.visible_parts``). A replay's parts are left alone: they sit in a
        # staging store that ``replay.publish`` moves into place, and ``florc gc`` merges them.
        how = os.environ.get(ENV_MERGE, "background")
        if self.mode.replaying or how == "off" or self._part == 0:
            return
        if how == "now" and not self._exiting:
            from florc.store.compact import compact_writer

            compact_writer(self.store, self.writer_id)
            return
        import florc

        src = str(Path(florc.__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        entry = "import os, sys; os.nice(19); from florc.store.compact import main; sys.exit(main(sys.argv[1:]))"
        cmd = [sys.executable, "-c", entry, "--store", str(self.store), "--writer", self.writer_id]
        try:
            if how == "now":
                # At interpreter exit pyarrow cannot load what it imports lazily (it starts
                # threads), so the merge runs in a process of its own, waited for.
                subprocess.run(cmd, stdin=subprocess.DEVNULL, cwd=str(self.store), env=env, check=False)
            else:
                subprocess.Popen(
                    cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    cwd=str(self.store), env=env, start_new_session=True,
                )
        except OSError:
            pass  # the parts stay as they are; `florc gc` merges them

    def forget_in_child(self) -> None:
        self._inert = True
        self._finished = True

    # -- rows ------------------------------------------------------------------------------

    def add_row(self, table: str, row: dict[str, Any]) -> None:
        """Buffer one row of another table (``checkpoints``); written at the next flush."""
        row.setdefault("run_id", self.run_id)
        row.setdefault("source", self.source)
        row.setdefault("replay_id", self.replay_id)
        row.setdefault("tstamp", time.time())
        self.extra.setdefault(table, []).append(row)

    def flush(self) -> int:
        """Write buffered rows as new part files; returns the number of log rows written."""
        if self._inert or os.getpid() != self.pid:
            return 0
        # The cyclic GC is paused while a batch is converted: the batch allocates many objects,
        # and each full collection it triggers walks every buffered row (measured: 15 full
        # collections, 11 s, for a 1e6-row batch; 0.3 s with the GC paused).
        with collector.paused():
            return self._flush()

    def _flush(self) -> int:
        with self._flush_lock:
            from florc.store import plain
            from florc.store.summary import KEY

            self._ensure_run_row()  # a run's rows never exist on disk without its runs row
            written = 0
            n = len(self.logs)
            if n:
                rows = self.logs[:n]
                del self.logs[:n]  # appends from other threads land after n and stay
                cols, summary = self._columns.logs(rows)
                plain.write(self.store, "logs", self._stem(), cols, {KEY: summary.to_json()})
                written = n
                self.rows_written += n
            n = len(self.timings)
            if n:
                trows = self.timings[:n]
                del self.timings[:n]
                plain.write(self.store, "timings", self._stem(), self._columns.timings(trows))
            for table in list(self.extra):
                xrows = self.extra.pop(table)
                if xrows:
                    keys = {k for r in xrows for k in r}
                    plain.write(self.store, table, self._stem(), {k: [r.get(k) for r in xrows] for k in keys})
            return written

    def _stem(self) -> str:
        self._part += 1
        return f"{self.writer_id}-{self._part:06d}"

    def _ensure_run_row(self) -> None:
        with self._flush_lock:
            if self._rev == 0:
                self._write_run_row()

    def _write_run_row(self) -> None:
        from florc import __version__
        from florc.store import plain

        with self._flush_lock:
            snap = self.snapshot
            row: dict[str, list[Any]] = {
                "run_id": [self.writer_id],
                "rev": [self._rev],
                "kind": [self.mode.kind],
                "replays_run_id": [self.mode.replays_run_id if self.mode.replaying else None],
                "commit": [snap.get("commit")],
                "snapshot_ref": [snap.get("ref")],
                "head": [snap.get("head")],
                "branch": [snap.get("branch")],
                "projid": [self.root.name],
                "root": [str(self.root)],
                "script": [self.script],
                "argv": [json.dumps(self.argv)],
                "args": [json.dumps(self.args, default=repr)],
                "started_at": [self.started_at],
                "ended_at": [self.ended_at],
                "status": [self.status if self._finished else "running"],
                "exit_code": [self.exit_code],
                "host": [socket.gethostname()],
                "pid": [self.pid],
                "florc_version": [__version__],
                "schema_version": [SCHEMA_VERSION],
                "notice": ["; ".join(self.notices) or None],
            }
            plain.write(self.store, "runs", f"{self.writer_id}-r{self._rev:04d}", row)
            self._rev += 1


_current: Session | None = None
_start_lock = threading.Lock()


def current() -> Session | None:
    """The run in progress in this process, if any."""
    return _current


def start(*, script: str | None = None, argv: list[str] | None = None) -> Session:
    """Start the run of this process (idempotent: returns the running one if there is one)."""
    global _current
    with _start_lock:
        if _current is not None:
            return _current
        session = Session(mode=modes.from_environment(), script=script, argv=argv)
        session.begin()
        _current = session
    _install_replay(session)
    _install_checkpoints(session)
    return session


def stop(status: str | None = None, exit_code: int | None = None) -> Session | None:
    """End the current run now and detach it, so that the next flor call starts a new one.

    For notebooks and test harnesses; scripts never need it (the run ends at exit).
    """
    global _current
    with _start_lock:
        s, _current = _current, None
    if s is None:
        return None
    s.finish(status, exit_code)
    atexit.unregister(s._finish_at_exit)
    if threading.current_thread() is threading.main_thread():
        try:
            if signal.getsignal(signal.SIGTERM) == s._on_sigterm:
                signal.signal(signal.SIGTERM, s._prev_sigterm if s._prev_sigterm is not None else signal.SIG_DFL)
        except (ValueError, OSError, TypeError):
            pass
    return s


def _install_replay(session: Session) -> None:
    spec = session.mode.plan.get("install") if session.mode.replaying else None
    if not spec:
        return
    import importlib

    module_name, _, func = str(spec).partition(":")
    try:
        getattr(importlib.import_module(module_name), func or "install")(session.mode.plan, session)
    except Exception as exc:
        _notice(f"replay controller {spec} failed to install: {type(exc).__name__}: {exc}")


def _install_checkpoints(session: Session) -> None:
    # A recorded run checkpoints its outermost loop through a loop observer (declared or
    # discovered training objects); `florc run` instruments the script and removes it.
    if session.mode.replaying:
        return
    try:
        from florc.runtime.checkpoint import observer

        observer.install(session)
    except Exception as exc:
        _notice(f"checkpoints are off: {type(exc).__name__}: {exc}")


def _forget_in_child() -> None:
    # A forked child (a DataLoader worker) keeps an inert copy: its flor calls still work,
    # but it never writes the parent's run nor starts one of its own.
    if _current is not None:
        _current.forget_in_child()


os.register_at_fork(after_in_child=_forget_in_child)

__all__ = ["ENV_FLUSH", "ENV_QUIET", "Session", "current", "new_run_id", "start", "stop"]
