"""Writing checkpoints on a background thread, so the training thread pays only for the copy."""

from __future__ import annotations

import atexit
import queue
import threading
import time
from collections.abc import Callable

from florc.runtime.checkpoint.files import CheckpointStore, Snapshot, Written


Done = Callable[["Written | None", float, "BaseException | None"], None]


class BackgroundWriter:
    """Writes snapshots on a daemon thread, in submission order; ``flush`` waits for them.

    The callback gets the result (or the exception) and the CPU seconds the write took on the
    writer thread, there: the caller indexes the checkpoint after its files are in place. CPU
    time, not wall time: while training holds the interpreter the writer waits, and waiting
    costs training nothing; what the writer computes competes with training for the cores.
    """

    def __init__(self, store: CheckpointStore) -> None:
        self.store = store
        self._queue: queue.Queue[tuple[Snapshot, Done] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.errors: list[BaseException] = []

    def submit(self, snapshot: Snapshot, done: Done) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="florc-checkpoint-writer", daemon=True
                )
                self._thread.start()
                atexit.register(self.close)
        self._queue.put((snapshot, done))

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                snapshot, done = job
                start = time.thread_time()
                try:
                    result = self.store.write(snapshot)
                except BaseException as exc:  # noqa: BLE001 - reported, never raised in training
                    self.errors.append(exc)
                    done(None, time.thread_time() - start, exc)
                else:
                    done(result, time.thread_time() - start, None)
            except BaseException as exc:  # noqa: BLE001 - a failing callback must not kill us
                self.errors.append(exc)
            finally:
                self._queue.task_done()

    def flush(self) -> None:
        """Wait until everything submitted so far is written (or failed)."""
        if self._thread is not None:
            self._queue.join()

    def close(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()


__all__ = ["BackgroundWriter", "Done"]
