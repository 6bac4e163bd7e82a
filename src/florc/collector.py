"""Pausing Python's cyclic garbage collector around work that allocates in bulk.

Both compilers (``florc.propagate``, ``florc.instrument``) build tens of thousands of small,
short-lived objects per file, many with parent links (cycles), and a run's flush converts a
batch of buffered rows into columns. The collector, triggered every few hundred allocations,
walks the whole growing heap each time (every buffered row, at a flush): it would cost a pass a
fifth to a third of its time, a large flush most of it, and free nothing. The objects are
collected after, in one go. Standard library only: the runtime imports this.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block (as it was, after)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = ["paused"]
