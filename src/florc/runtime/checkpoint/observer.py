"""Checkpoints of scripts run with plain ``python``: a loop observer instead of instrumentation.

``florc run`` instruments the script (``florc.instrument``), so every loop's write-set is known
and saved. A script started as ``python train.py`` gets no instrumentation; what it gets is this
observer, registered through ``florc.runtime.hooks`` when its run starts. It saves, as the
adaptive policy allows:

- at the end of a ``flor.loop`` directly inside the outermost one, and in the same function
  (``for step in flor.loop(...)`` inside ``for epoch in flor.loop(...)``): the state after the
  nested loop, kind ``block`` (what an outer-level replay restores instead of running it);
- at the end of each outermost iteration: the state at the start of the next one, kind
  ``iteration`` (where an inner-level replay resumes);
- when the outermost loop completes: its final state, kind ``final``, always.

What is saved: the objects given to ``flor.checkpointing(...)``, or when none were given, the
torch modules, optimizers, LR schedulers and grad scalers bound in the loop's frame; plus the
frame's small plain values (numbers, strings, containers, tensors and arrays under 1 MiB) and
instances of the script's own classes (by their attributes), and the RNG states. Index rows name
the loop by its ``flor.loop`` path (``epoch/step``); the replay maps the path to today's loop.

Replay is conservative with these checkpoints (``check``): the write-set of the loop being
skipped, computed from today's script, must be covered by what was saved (a name that was not
saved, an object it may change that is not a training object or a saved value, an iterator it
consumes: the loop runs instead). Restoring puts every saved training object back in place
(they are the run's state at that moment), the containers the loop changes in place, the RNG
states, and the names it rebinds.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import FrameType
from typing import Any

from florc.runtime import hooks
from florc.runtime.checkpoint.capture import capture, capture_rng
from florc.runtime.checkpoint.classify import Part, has_state_dict, is_code, is_inert
from florc.runtime.checkpoint.discover import discover
from florc.runtime.checkpoint.encode import SCALARS, Uncapturable, nbytes, type_name
from florc.runtime.checkpoint.files import CheckpointStore, Loaded, Snapshot, Written
from florc.runtime.checkpoint.policy import AdaptivePolicy
from florc.runtime.checkpoint.restore import restore_into, restore_problem, restore_rng, value_of
from florc.runtime.checkpoint.writer import BackgroundWriter

SMALL = 1 << 20  # bytes: plain values above this are not saved by the observer
_IN_PLACE = ("state", "attrs", "generator")
_CONTAINERS = (list, dict, set, bytearray)
_IMMUTABLE = (type(None), bool, int, float, complex, str, bytes, tuple, frozenset, range)


def _plain(value: Any) -> bool:
    cls = type(value)
    if cls in SCALARS or cls in (list, tuple, dict, set, frozenset, bytearray):
        return True
    module = cls.__module__ or ""
    return module.startswith(("torch", "numpy")) and hasattr(value, "shape") and not has_state_dict(value)


def _own_object(value: Any) -> bool:
    """An instance of a class the script defines (a ``Trainer``): saved by its attributes."""
    cls = type(value)
    return cls.__module__ == "__main__" and hasattr(value, "__dict__") and not is_code(value)


def namespace_parts(
    namespace: Mapping[str, Any], declared: Mapping[str, Any]
) -> tuple[dict[str, Part], dict[str, str], list[str]]:
    """(parts, names that could not be saved with why, names left out) of a loop's frame."""
    objects = dict(declared) if declared else discover(namespace)
    parts: dict[str, Part] = {}
    missing: dict[str, str] = {}
    left: list[str] = []
    for name, value in objects.items():
        try:
            parts[name] = capture(value, in_place=True, grads=True)
        except Uncapturable as exc:
            missing[name] = str(exc)
    for name, value in namespace.items():
        if name in parts or name in missing or name.startswith("__"):
            continue
        if is_code(value) or is_inert(value):
            continue
        try:
            if _plain(value) and nbytes(value, SMALL + 1) <= SMALL:
                parts[name] = capture(value, in_place=False)
            elif _own_object(value):
                parts[name] = capture(value, in_place=True, grads=True)
            else:
                left.append(name)
        except Uncapturable:
            left.append(name)
    return parts, missing, left


class CheckpointObserver(hooks.BaseObserver):
    """Saves checkpoints of the session's outermost ``flor.loop`` (see the module doc)."""

    def __init__(self, session: Any, policy: AdaptivePolicy | None = None) -> None:
        self.session = session
        if policy is None:
            policy, warning = AdaptivePolicy.from_env()
            if warning:
                print(f"florc: {warning}", file=sys.stderr)
        self.policy = policy
        self.store = CheckpointStore(Path(session.store) / "checkpoints")
        self.writer = BackgroundWriter(self.store)
        self.counts: dict[str, int] = {}
        self.main: tuple[str, int, int, Any, float] | None = None  # name, activation, frame id, code, start
        self.iteration = 0
        self._warned = False

    def _mine(self) -> bool:
        from florc.runtime import session as sessions

        return sessions._current is self.session

    def on_loop_enter(self, loop: hooks.LoopInfo, frame: FrameType | None) -> None:
        if loop.depth == 0 and frame is not None and self._mine():
            number = self.counts.get(loop.name, 0)
            self.counts[loop.name] = number + 1
            self.main = (loop.name, number, id(frame), frame.f_code, time.perf_counter())
            self.iteration = 0

    def on_iteration_start(self, loop: hooks.LoopInfo, index: int, item: Any, frame: FrameType | None) -> None:
        if loop.depth == 0:
            self.iteration = index

    def _elapsed(self) -> float:
        return 0.0 if self.main is None else time.perf_counter() - self.main[4]

    def on_iteration_end(self, loop: hooks.LoopInfo, index: int, seconds: float, frame: FrameType | None) -> None:
        if loop.depth != 0 or self.main is None or frame is None or not self._mine():
            return
        if self.policy.decide(elapsed=self._elapsed()):
            self._save(loop.name, "iteration", index + 1, frame)

    def on_loop_exit(self, loop: hooks.LoopInfo, frame: FrameType | None, completed: bool) -> None:
        main = self.main
        if main is None or frame is None or not self._mine():
            return
        if loop.depth == 0:
            if completed:
                self._save(loop.name, "final", None, frame)
            self.main = None
            self.writer.flush()  # the index rows must reach the run before its last flush
        elif loop.depth == 1 and completed and id(frame) == main[2] and frame.f_code is main[3]:
            if self.policy.decide(elapsed=self._elapsed()):
                self._save(f"{main[0]}/{loop.name}", "block", self.iteration, frame)

    def _save(self, path: str, kind: str, iteration: int | None, frame: FrameType) -> None:
        assert self.main is not None
        activation = self.main[1]
        start = time.perf_counter()
        try:
            namespace = dict(frame.f_locals)
            parts, missing, left = namespace_parts(namespace, self.session.checkpoint_objects)
            rng = capture_rng()
        except Exception as exc:  # noqa: BLE001 - a checkpoint must never break training
            self._warn(f"checkpoint of {path} failed: {exc}")
            return
        meta = {
            "observer": True,
            "block": path,
            "kind": kind,
            "activation": activation,
            "iteration": iteration,
            "grads": True,
            "names": sorted(n for n in namespace if not n.startswith("__")),
            "unsaved": left,
        }
        blocking = time.perf_counter() - start

        def done(written: Written | None, seconds: float, error: BaseException | None) -> None:
            self.policy.charge(blocking + seconds)
            if written is None:
                self._warn(f"checkpoint of {path} was not written: {error}")
                return
            self.session.add_row(
                "checkpoints",
                {
                    "loop": path,
                    "depth": 0 if iteration is None else 1,
                    "ctx_path": path,
                    "i1": iteration,
                    "path": f"checkpoints/{written.manifest[:2]}/{written.manifest}",
                    "digest": written.manifest,
                    "bytes": written.bytes,
                    "seconds": blocking + seconds,
                    "kind": kind,
                    "objects": json.dumps(
                        {"by": "observer", "path": path, "activation": activation,
                         "iteration": iteration, "parts": sorted(parts), "missing": missing}
                    ),
                },
            )

        self.writer.submit(Snapshot(parts=parts, rng=rng, missing=missing, meta=meta), done)

    def _warn(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            print(f"florc: {message}", file=sys.stderr)


_installed: CheckpointObserver | None = None
_lock = threading.Lock()


def install(session: Any) -> CheckpointObserver:
    """Register the observer for ``session`` (replacing one of an earlier run)."""
    global _installed
    with _lock:
        if _installed is not None:
            hooks.remove_observer(_installed)
        _installed = CheckpointObserver(session)
        hooks.add_observer(_installed)
        return _installed


def uninstall() -> None:
    """Remove the observer: ``florc run`` instruments the script and checkpoints it itself."""
    global _installed
    with _lock:
        if _installed is not None:
            hooks.remove_observer(_installed)
            _installed = None


# ------------------------------------------------------------------------------ replay

Lookup = Callable[[str], Any]  # path -> live value, or UNBOUND


def _covered(loaded: Loaded, path: str) -> bool:
    """Whether ``path`` or an object holding it (``self`` for ``self.model``) was saved."""
    root = path
    while True:
        if root in loaded.parts:
            return True
        if "." not in root:
            return False
        root = root.rsplit(".", 1)[0]


def _iterator(value: Any) -> bool:
    try:
        return hasattr(value, "__next__") and iter(value) is value
    except Exception:  # noqa: BLE001
        return False


def check(
    loaded: Loaded,
    lookup: Lookup,
    unbound: object,
    *,
    assigned: tuple[str, ...],
    changed: tuple[tuple[str, bool], ...],
    iterated: tuple[str, ...],
    global_names: tuple[str, ...],
    grads_needed: bool,
) -> str | None:
    """Why an observer checkpoint cannot stand in for the loop with this write-set, or None.

    ``changed``: (path, certain) for what the loop mutates for certain or may mutate."""
    meta = loaded.meta
    if grads_needed and not meta.get("grads"):
        return "parameters' .grad are needed after the loop and were not saved"
    names = set(meta.get("names", ()))
    for path in (*assigned, *global_names):
        if path in loaded.missing:
            return f"{path} was not saved: {loaded.missing[path]}"
        if "." in path:
            if not _covered(loaded, path):
                return f"{path} is not in the checkpoint"
        elif path not in loaded.parts and (path in names or path in global_names):
            return f"{path} was not saved (checkpoint taken without instrumentation)"
    for path, certain in changed:
        live = lookup(path)
        if live is unbound or isinstance(live, _IMMUTABLE) or is_code(live):
            continue
        if not certain and is_inert(live):
            continue
        if _iterator(live):
            return f"{path}: the loop consumes this iterator"
        if not _covered(loaded, path):
            return f"{path} ({type_name(live)}) was not saved (checkpoint taken without instrumentation)"
        saved = loaded.parts.get(path)
        if saved is not None:
            problem = restore_problem(live, saved)
            if problem is not None:
                return f"{path}: {problem}"
    for path in iterated:
        live = lookup(path)
        if live is not unbound and _iterator(live):
            return f"{path}: the loop consumes this iterator"
    for name, part in loaded.parts.items():
        if part.kind in _IN_PLACE:
            live = lookup(name)
            if live is not unbound and restore_problem(live, part) is not None:
                return f"{name}: {restore_problem(live, part)}"
    return None


def apply(
    loaded: Loaded,
    lookup: Lookup,
    unbound: object,
    *,
    assigned: tuple[str, ...],
    changed: tuple[str, ...],
) -> list[Any]:
    """Restore an observer checkpoint (checked first); the values to rebind, in the order of
    the plain names of ``assigned`` (None for a name unbound when it was taken)."""
    if loaded.rng is not None:
        restore_rng(loaded.rng)
    for name, part in loaded.parts.items():
        if part.kind in _IN_PLACE:
            live = lookup(name)
            if live is not unbound:
                restore_into(live, part)
    for path in changed:
        saved = loaded.parts.get(path)
        live = lookup(path)
        if saved is not None and saved.kind == "value" and isinstance(live, _CONTAINERS):
            restore_into(live, saved)
    values: list[Any] = []
    for path in assigned:
        if "." in path:
            continue  # restored with the object holding it
        found = loaded.parts.get(path)
        values.append(None if found is None else value_of(found) if found.kind == "value" else lookup(path))
    return values


__all__ = ["CheckpointObserver", "apply", "check", "install", "namespace_parts", "uninstall"]
