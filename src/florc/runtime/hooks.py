"""How checkpointing and replay plug into ``flor.loop`` without touching the runtime.

Two extension points, both registered process-wide:

- ``LoopObserver``: told when a loop is entered, when each iteration starts and ends (with its
  wall seconds), and when the loop exits; each call gets the ``LoopInfo`` and the caller's
  frame (the frame running the ``for`` statement), so an observer can read or rebind the
  training script's locals, e.g. to checkpoint a model at an outer-loop iteration end.
- ``IterationController``: decides which ``(index, item)`` pairs a loop yields. The default
  is ``enumerate(items)``; a replay controller can skip iterations (restoring state first) or
  yield only those a plan selects. Indices it yields are the original iteration numbers, so
  log rows of a replay land in the same loop context as the recorded ones.

Observers cost nothing when none is registered: the loop checks an empty tuple once per
iteration. See docs/design/runtime.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any, Protocol, TypeVar, runtime_checkable

T = TypeVar("T")

CtxEntry = tuple[str, int, "str | None"]  # (loop name, iteration index, iterated value as JSON)


@dataclass(frozen=True)
class LoopInfo:
    """One activation of ``flor.loop``: its name, nesting depth and enclosing context."""

    name: str
    depth: int  # 0 for an outermost loop
    parent: tuple[CtxEntry, ...]  # enclosing loops' (name, index, value), outermost first
    run_id: str

    @property
    def outermost(self) -> bool:
        return self.depth == 0


@runtime_checkable
class LoopObserver(Protocol):
    def on_loop_enter(self, loop: LoopInfo, frame: FrameType | None) -> None: ...

    def on_iteration_start(self, loop: LoopInfo, index: int, item: Any, frame: FrameType | None) -> None: ...

    def on_iteration_end(self, loop: LoopInfo, index: int, seconds: float, frame: FrameType | None) -> None: ...

    def on_loop_exit(self, loop: LoopInfo, frame: FrameType | None, completed: bool) -> None: ...


class IterationController(Protocol):
    def iterations(self, loop: LoopInfo, items: Iterable[T]) -> Iterator[tuple[int, T]]: ...


class BaseObserver:
    """A no-op ``LoopObserver`` to subclass when only some events matter."""

    def on_loop_enter(self, loop: LoopInfo, frame: FrameType | None) -> None:
        return None

    def on_iteration_start(self, loop: LoopInfo, index: int, item: Any, frame: FrameType | None) -> None:
        return None

    def on_iteration_end(self, loop: LoopInfo, index: int, seconds: float, frame: FrameType | None) -> None:
        return None

    def on_loop_exit(self, loop: LoopInfo, frame: FrameType | None, completed: bool) -> None:
        return None


_observers: tuple[LoopObserver, ...] = ()
_controller: IterationController | None = None


def add_observer(observer: LoopObserver) -> None:
    """Register ``observer`` for every ``flor.loop`` from now on.

    >>> class Count(BaseObserver):
    ...     n = 0
    ...     def on_iteration_end(self, loop, index, seconds, frame): Count.n += 1
    >>> add_observer(Count()); remove_observer(observers()[-1])
    """
    global _observers
    _observers = (*_observers, observer)


def remove_observer(observer: LoopObserver) -> None:
    global _observers
    _observers = tuple(o for o in _observers if o is not observer)


def observers() -> tuple[LoopObserver, ...]:
    return _observers


def set_controller(controller: IterationController | None) -> None:
    """Install the controller that picks the iterations each loop yields (None: all of them)."""
    global _controller
    _controller = controller


def controller() -> IterationController | None:
    return _controller


__all__ = [
    "BaseObserver",
    "CtxEntry",
    "IterationController",
    "LoopInfo",
    "LoopObserver",
    "add_observer",
    "controller",
    "observers",
    "remove_observer",
    "set_controller",
]
