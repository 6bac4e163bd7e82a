"""The flor calls training code makes: ``log``, ``arg``, ``loop``, ``iteration``,
``checkpointing``, ``commit``, and the two read calls ``dataframe`` and ``query``.

``log`` is the hot path (called per step in training loops): it appends one tuple to a list and
returns. Everything else (type inspection of unusual values, JSON, Arrow) happens in
``values.capture`` for non-numbers, or at flush in the background.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any, TypeVar

from florc.runtime import context, hooks, kwargs, session as sessions
from florc.runtime.values import capture, iteration_value

T = TypeVar("T")

_now = time.time
_perf = time.perf_counter
_getframe = sys._getframe
_FAST = (float, int, bool)


def _session() -> sessions.Session:
    return sessions._current or sessions.start()


def log(name: str, value: T) -> T:
    """Record ``value`` under ``name`` in the current loop context; returns ``value``.

    >>> log("loss", 0.25)
    0.25
    """
    s = sessions._current or sessions.start()
    try:
        f = _getframe(1)
        t = type(value)
        if t is float or t is int or t is bool:
            s.logs.append((name, value, s.ctx, _now(), f.f_lineno, f.f_code))
        else:
            s.logs.append((name, capture(value), s.ctx, _now(), f.f_lineno, f.f_code))
    except Exception:  # nothing a value does may break the training loop
        pass
    return value


def arg(name: str, default: T | None = None) -> T:
    """A run parameter: ``--kwargs name=v`` if given (cast to the default's type), else the
    default; in a replay, the value the replayed run used. Logged as a run-level value.

    >>> arg("batch_size", 32)
    32
    """
    s = _session()
    recorded = s.mode.recorded_args
    value: Any
    if s.mode.replaying and name in recorded:
        value = recorded[name]
    else:
        given = kwargs.lookup(name)
        if given is not None:
            value = kwargs.cast(name, given, default) if default is not None else given
        elif default is not None:
            value = default
        else:
            from florc.errors import UserError

            raise UserError(
                f"flor.arg({name!r}) has no default and no value was given; "
                f"pass --kwargs {name}=<value> or give it a default"
            )
    s.args[name] = value
    try:
        v = value if type(value) in _FAST else capture(value)
        f = _getframe(1)
        s.logs.append((name, v, context.ROOT, _now(), f.f_lineno, f.f_code))
    except Exception:
        pass
    return value  # type: ignore[no-any-return]


def loop(name: str, vals: Iterable[T]) -> Iterator[T]:
    """Iterate ``vals`` as loop ``name``: rows logged inside carry (name, iteration index).

    >>> [x for x in loop("epoch", range(2))]
    [0, 1]
    """
    return _loop(_session(), name, vals)


def _loop(s: sessions.Session, name: str, vals: Iterable[T]) -> Iterator[T]:
    stack = s.stack
    depth = len(stack)
    parent_ctx = s.ctx
    info = hooks.LoopInfo(name=name, depth=depth, parent=tuple(stack), run_id=s.run_id)
    observers = hooks.observers()
    control = hooks.controller()
    pairs: Iterable[tuple[int, T]] = control.iterations(info, vals) if control is not None else enumerate(vals)
    timings = s.timings
    completed = False
    for o in observers:
        o.on_loop_enter(info, _getframe(1))
    stack.append((name, 0, None))
    try:
        for index, item in pairs:
            del stack[depth:]
            stack.append((name, index, iteration_value(item, index)))
            ctx = s.ctx = context.make(stack)
            for o in observers:
                o.on_iteration_start(info, index, item, _getframe(1))
            t0 = _perf()
            yield item
            seconds = _perf() - t0
            timings.append((name, ctx, seconds, _now()))
            for o in observers:
                o.on_iteration_end(info, index, seconds, _getframe(1))
        completed = True
    finally:
        # Truncate rather than pop: an inner loop left by `break` may still be on the stack.
        del stack[depth:]
        s.ctx = parent_ctx
        for o in observers:
            o.on_loop_exit(info, _getframe(1), completed)


class Iteration:
    """What ``flor.iteration(name, idx, value)`` returns: a ``with`` block that is one iteration
    of loop ``name`` (FlorDB's hand-written form of ``flor.loop``). Rows logged inside carry
    ``(name, idx, value)`` in their context, exactly as in a ``flor.loop`` iteration, and the
    block's wall time goes to ``timings``. A replay cannot skip a ``with`` body: it runs, and
    loop observers and controllers are not told about it."""

    def __init__(self, name: str, idx: int | None, value: Any) -> None:
        self.name = name
        self.idx = -1 if idx is None else int(idx)  # -1: the store's NULL
        self.value = value
        self._t0 = 0.0

    def __enter__(self) -> None:
        s = self._session = _session()
        self._depth = len(s.stack)
        self._parent = s.ctx
        s.stack.append((self.name, self.idx, iteration_value(self.value, self.idx)))
        s.ctx = context.make(s.stack)
        self._t0 = _perf()

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        s = self._session
        if et is None:
            s.timings.append((self.name, s.ctx, _perf() - self._t0, _now()))
        del s.stack[self._depth :]
        s.ctx = self._parent


def iteration(name: str, idx: int | None, value: Any = None) -> Iteration:
    """One iteration of loop ``name`` as a ``with`` block (FlorDB's form):

    >>> for i in range(2):
    ...     with iteration("epoch", i, None):
    ...         _ = log("x", 1.0)
    """
    return Iteration(name, idx, value)


class Checkpointing:
    """What ``flor.checkpointing(...)`` returns: usable as a plain call or as a ``with`` block
    (FlorDB scripts use both)."""

    def __init__(self, objs: dict[str, Any]) -> None:
        self.objects = objs

    def __enter__(self) -> Checkpointing:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        return None


def checkpointing(**objs: Any) -> Checkpointing:
    """Declare the objects (model, optimizer, ...) a checkpoint saves and a replay restores.

    >>> with checkpointing(step=0): pass
    """
    s = _session()
    s.checkpoint_objects.update(objs)
    return Checkpointing(objs)


def commit() -> None:
    """Write everything logged so far to the store now (also done periodically and at exit)."""
    s = sessions._current
    if s is not None:
        s.flush()


def dataframe(*names: str) -> Any:
    """The pivoted view of ``names`` across runs: one row per run and loop context.

    >>> df = dataframe("loss")  # doctest: +SKIP
    """
    from florc.query import dataframe as pivot

    s = sessions._current
    if s is not None:
        s.flush()
    return pivot(*names, store=s.store if s is not None else None)


def query(sql: str) -> Any:
    """Run SQL over the views ``runs``, ``logs``, ``timings``, ``checkpoints``.

    >>> query("SELECT count(*) AS n FROM runs")  # doctest: +SKIP
    """
    from florc.query import query as run_sql

    s = sessions._current
    if s is not None:
        s.flush()
    return run_sql(sql, store=s.store if s is not None else None)


__all__ = ["Checkpointing", "Iteration", "arg", "checkpointing", "commit", "dataframe", "iteration", "log", "loop", "query"]
