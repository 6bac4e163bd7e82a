"""What instrumented training code calls: checkpoints at loop ends (record) and
restore-instead-of-run (replay). The contract is documented in docs/design/replay.md.

The instrumentation pass (``florc.instrument``) inserts these calls; each names its loop by
block address and passes ``locals()`` and the loop's write-set by category:

record   ``iteration(main, ns, ...)``  top of each main-loop iteration: count it, and maybe save
                                      the state a replay needs to resume here
         ``end(loop, ns, ...)``        after a nested loop (maybe save) or a main loop (always)
replay   ``iteration(main)``           top of each main-loop iteration: count it
         ``skip_iteration(main, ns, ...)`` -> True: skip this iteration (``continue``)
         ``resumed(main)``             -> True once the state at this iteration was restored
         ``skip(loop, ns, ...)``       -> True: the loop's effects were restored, do not run it
         ``restored(loop)``            the values to rebind after ``skip``/``resumed``
         ``after(main)``               ends the replay here if nothing after the loop is needed
         ``finish(main)``              ends the replay here (the plan needs nothing from here on)

What it needs from the rest of the runtime is a ``Host`` (``block_host``): the mode, the replay plan, a
directory for checkpoint files and a sink for index rows. ``configure`` installs one; without one
every call is a no-op, so instrumented code runs exactly like the original.

Restores are all-or-nothing: every part is loaded and checked against the live objects before
any is put back; when a check fails the loop runs instead, and the decision is recorded with its
reason (``decisions()``). Nothing here raises into the training loop on a failed save: a save
that fails is reported once on stderr and the checkpoint is simply absent.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import FrameType
from typing import Any

from florc.runtime import checkpoint as ck
from florc.runtime.block_host import CheckpointRow, Host, SessionHost, StandaloneHost, checkpoint_key
from florc.runtime.checkpoint import observer as ck_observer

SCRATCH_LIMIT = 1 << 20  # bytes: a value nothing reads after its loop is saved only below this
_IMMUTABLE = (type(None), bool, int, float, complex, str, bytes, tuple, frozenset, range)


class ReplayFinished(SystemExit):
    """Raised to end a replay once the plan needs nothing more from the script; exits 0."""

    def __init__(self, where: str) -> None:
        super().__init__(0)
        self.where = where


class ReplayError(RuntimeError):
    """A replay that can no longer be exact (a checkpoint failed after iterations were
    skipped in reliance on it). Raised rather than letting the script read stale state."""


@dataclass(frozen=True)
class Decision:
    """What a replay did at one loop and iteration, and why (for reports and tests)."""

    address: str
    key: str
    action: str  # skipped | ran | resumed | skipped-iteration | finished
    reason: str = ""


def install(plan: Mapping[str, Any], session: Any) -> None:
    """Entry point for the runtime core: ``"install": "florc.runtime.blocks:install"`` in a
    replay plan file makes a replayed run restore and skip as the plan's ``blocks`` key says.
    Record runs call ``configure(SessionHost(session))`` (``florc run`` does)."""
    del plan  # the session's mode holds it
    configure(SessionHost(session))


# ------------------------------------------------------------------------------ state


@dataclass
class _Activation:
    """One execution of a main loop statement."""

    address: str
    number: int
    frame: FrameType | None
    started: float
    iteration: int = -1
    # replay
    schedule: _Schedule | None = None
    resumed: bool = False


@dataclass
class _Schedule:
    selected: frozenset[int] | None  # None: every iteration
    finish_after: bool
    resume: dict[int, str]  # iteration -> manifest of the state at its start
    pending: int | None = None  # iteration at which to restore
    loaded: ck.Loaded | None = None


class _State:
    def __init__(self, host: Host, policy: ck.AdaptivePolicy | None) -> None:
        self.host = host
        self.kind = host.mode()
        self.plan = host.plan() if self.kind == "replay" else {}
        self.store = ck.CheckpointStore(host.checkpoint_dir())
        self.writer = ck.BackgroundWriter(self.store)
        if policy is None:
            policy, warning = ck.AdaptivePolicy.from_env()
            if warning and self.kind == "record":
                _warn(warning)
        self.policy = policy
        self.activations: dict[str, _Activation] = {}
        self.counts: dict[str, int] = {}
        self.pending: dict[str, tuple[Any, ...]] = {}
        self.decisions: list[Decision] = []
        self.cache: dict[str, ck.Loaded] = {}
        self.muted = False
        if self.kind == "replay" and self.plan.get("quiet_prefix"):
            self.mute(True)

    def mute(self, quiet: bool) -> None:
        if quiet != self.muted:
            self.muted = quiet
            mute = getattr(self.host, "mute", None)
            if mute is not None:
                mute(quiet)

    # -------------------------------------------------------------- activations

    def activation(self, address: str, frame: FrameType | None) -> _Activation:
        """The open activation of main loop ``address``, opening one if there is none or if
        the loop now runs in another frame (its function was called again)."""
        act = self.activations.get(address)
        if act is not None and (frame is None or act.frame is frame):
            return act
        number = self.counts.get(address, 0)
        self.counts[address] = number + 1
        act = _Activation(address, number, frame, time.perf_counter())
        self.activations[address] = act
        return act

    def close(self, address: str) -> None:
        self.activations.pop(address, None)

    def enclosing(self, address: str) -> _Activation | None:
        """The open main-loop activation a nested loop belongs to."""
        best: _Activation | None = None
        for main, act in self.activations.items():
            if address.startswith(main + "/") and (best is None or len(main) > len(best.address)):
                best = act
        return best

    def decide(self, address: str, key: str, action: str, reason: str = "") -> None:
        self.decisions.append(Decision(address, key, action, reason))


_state: _State | None = None


def configure(host: Host | None, policy: ck.AdaptivePolicy | None = None) -> None:
    """Install the host (None: back to no-ops) and the checkpoint policy (default: from
    ``FLORC_CKPT_BUDGET``). Pending checkpoint writes are finished first."""
    global _state
    if _state is not None:
        _state.writer.close()
        _state.mute(False)
    _state = None if host is None or host.mode() == "off" else _State(host, policy)


def flush() -> None:
    """Wait until every checkpoint submitted so far is on disk and indexed; a replay that had
    muted the log buffer (see ``Host.mute``) gets it back, so that its last rows are written."""
    if _state is not None:
        _state.writer.flush()
        _state.mute(False)


def decisions() -> tuple[Decision, ...]:
    return () if _state is None else tuple(_state.decisions)


_warned: set[str] = set()


def _warn(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"florc: {message}", file=sys.stderr)


# ------------------------------------------------------------------------------ lookup

_UNBOUND = object()


def _lookup(namespace: Mapping[str, Any], globals_: Mapping[str, Any], path: str) -> Any:
    root, *attrs = path.split(".")
    if root in namespace:
        value = namespace[root]
    elif root in globals_:
        value = globals_[root]
    else:
        return _UNBOUND
    for attr in attrs:
        try:
            value = getattr(value, attr)
        except AttributeError:
            return _UNBOUND
    return value


def _is_iterator(value: Any) -> bool:
    try:
        return hasattr(value, "__next__") and iter(value) is value
    except Exception:  # noqa: BLE001 - a broken __iter__ is not ours to report
        return False


# ------------------------------------------------------------------------------ record


@dataclass(frozen=True)
class _Writes:
    assigned: tuple[str, ...] = ()
    scratch: tuple[str, ...] = ()
    mutated: tuple[str, ...] = ()
    maybe: tuple[str, ...] = ()
    iterated: tuple[str, ...] = ()
    global_names: tuple[str, ...] = ()
    grads: bool = False


def _capture(
    namespace: Mapping[str, Any], globals_: Mapping[str, Any], writes: _Writes
) -> tuple[dict[str, ck.Part], dict[str, str], dict[str, list[str]]]:
    """Parts, missing names (with why) and how every other name was classified."""
    parts: dict[str, ck.Part] = {}
    missing: dict[str, str] = {}
    notes: dict[str, list[str]] = {
        "unbound": [], "ignored": [], "unchecked": [], "unsaved": [], "inplace": []
    }

    def by_value(path: str, value: Any, required: bool) -> None:
        try:
            parts[path] = ck.capture(value, in_place=False)
        except ck.Uncapturable as exc:
            if required:
                missing[path] = str(exc)
            else:
                notes["unsaved"].append(path)

    for path in (*writes.assigned, *writes.global_names):
        source = globals_ if path in writes.global_names else namespace
        value = _lookup(source, globals_, path)
        if value is _UNBOUND:
            notes["unbound"].append(path)
        else:
            by_value(path, value, required=True)
    for path in writes.scratch:
        value = _lookup(namespace, globals_, path)
        if value is _UNBOUND:
            notes["unbound"].append(path)
        elif ck.nbytes(value, SCRATCH_LIMIT + 1) > SCRATCH_LIMIT:
            notes["unsaved"].append(path)
        else:
            by_value(path, value, required=False)
    # Objects changed in place: saved by state (restored into the live object). A scheduler
    # brings its optimizer along; an optimizer its parameters, unless their modules are saved.
    candidates: list[tuple[str, Any, bool]] = []
    for path, certain in (*((p, True) for p in writes.mutated), *((p, False) for p in writes.maybe)):
        value = _lookup(namespace, globals_, path)
        if value is _UNBOUND or isinstance(value, _IMMUTABLE) or ck.is_code(value):
            notes["ignored"].append(path)
        elif _is_iterator(value):
            missing[path] = f"a {ck.type_name(value)}: an iterator cannot be saved"
        elif not certain and ck.is_inert(value):
            notes["ignored"].append(path)
        else:
            candidates.append((path, value, certain))
    for path, value, certain in list(candidates):
        optimizer = ck.linked_optimizer(value)
        if optimizer is not None and not any(v is optimizer for _, v, _ in candidates):
            candidates.append((f"{path}.optimizer", optimizer, certain))
    covered = frozenset(
        id(p) for _, value, _ in candidates for m in ck.modules_in(value) for p in m.parameters()
    )
    for path, value, certain in candidates:
        try:
            parts[path] = ck.capture(value, in_place=True, grads=writes.grads, exclude_params=covered)
            notes["inplace"].append(path)
        except ck.Uncapturable as exc:
            if certain:
                missing[path] = str(exc)
            else:
                notes["unchecked"].append(path)
    for path in writes.iterated:
        value = _lookup(namespace, globals_, path)
        if value is not _UNBOUND and _is_iterator(value):
            missing[path] = f"a {ck.type_name(value)}: the loop consumes this iterator"
        else:
            notes["ignored"].append(path)
    return parts, missing, notes


def _save(
    state: _State,
    address: str,
    kind: str,
    act: _Activation,
    iteration: int | None,
    namespace: Mapping[str, Any],
    globals_: Mapping[str, Any],
    writes: _Writes,
) -> None:
    start = time.perf_counter()
    try:
        parts, missing, notes = _capture(namespace, globals_, writes)
        rng = ck.capture_rng()
    except Exception as exc:  # noqa: BLE001 - a checkpoint must never break training
        _warn(f"checkpoint of {address} failed: {exc}")
        return
    meta = {
        "block": address,
        "kind": kind,
        "activation": act.number,
        "iteration": iteration,
        "grads": writes.grads,
        **notes,
    }
    snapshot = ck.Snapshot(parts=parts, rng=rng, missing=missing, meta=meta)
    blocking = time.perf_counter() - start

    def done(written: ck.Written | None, seconds: float, error: BaseException | None) -> None:
        state.policy.charge(blocking + seconds)
        if written is None:
            _warn(f"checkpoint of {address} was not written: {error}")
            return
        state.host.index(
            CheckpointRow(
                block=address,
                kind=kind,
                activation=act.number,
                iteration=iteration,
                manifest=written.manifest,
                bytes=written.bytes,
                seconds=blocking + seconds,
                parts=tuple(parts),
                missing=dict(missing),
            )
        )

    state.writer.submit(snapshot, done)


def _writes(
    assigned: Iterable[str],
    scratch: Iterable[str],
    mutated: Iterable[str],
    maybe: Iterable[str],
    iterated: Iterable[str],
    global_names: Iterable[str],
    grads: bool,
) -> _Writes:
    return _Writes(
        tuple(assigned), tuple(scratch), tuple(mutated), tuple(maybe), tuple(iterated),
        tuple(global_names), grads,
    )


def iteration(
    address: str,
    namespace: Mapping[str, Any] | None = None,
    *,
    assigned: Iterable[str] = (),
    scratch: Iterable[str] = (),
    mutated: Iterable[str] = (),
    maybe: Iterable[str] = (),
    iterated: Iterable[str] = (),
    global_names: Iterable[str] = (),
    grads: bool = False,
) -> None:
    """Top of a main-loop iteration. Recording with a namespace: maybe save the state at the
    start of this iteration (from the second on), as the adaptive policy allows."""
    state = _state
    if state is None:
        return
    frame = sys._getframe(1)
    act = state.activation(address, frame)
    act.iteration += 1
    if state.kind != "record" or namespace is None or act.iteration == 0:
        return
    if state.policy.decide(elapsed=time.perf_counter() - act.started):
        writes = _writes(assigned, scratch, mutated, maybe, iterated, global_names, grads)
        _save(state, address, "iteration", act, act.iteration, namespace, frame.f_globals, writes)


def end(
    address: str,
    namespace: Mapping[str, Any] | None = None,
    *,
    assigned: Iterable[str] = (),
    scratch: Iterable[str] = (),
    mutated: Iterable[str] = (),
    maybe: Iterable[str] = (),
    iterated: Iterable[str] = (),
    global_names: Iterable[str] = (),
    grads: bool = False,
) -> None:
    """After a loop (record). A main loop's final state is always saved; a nested loop's
    state at its end is saved as the adaptive policy allows."""
    state = _state
    if state is None or state.kind != "record":
        return
    frame = sys._getframe(1)
    writes = _writes(assigned, scratch, mutated, maybe, iterated, global_names, grads)
    outer = state.enclosing(address)
    if outer is None:  # a main loop (opened by its first iteration, or ran none)
        act = state.activation(address, frame)
        if namespace is not None:
            _save(state, address, "final", act, None, namespace, frame.f_globals, writes)
        state.close(address)
        return
    if namespace is not None and state.policy.decide(elapsed=time.perf_counter() - outer.started):
        _save(state, address, "block", outer, outer.iteration, namespace, frame.f_globals, writes)


# ------------------------------------------------------------------------------ replay


def _load(state: _State, manifest: str) -> ck.Loaded:
    loaded = state.cache.get(manifest)
    if loaded is None:
        loaded = state.store.read(manifest)
        state.cache = {manifest: loaded}  # keep one: checkpoints are big, reuse is rare
    return loaded


def _check(
    loaded: ck.Loaded,
    namespace: Mapping[str, Any],
    globals_: Mapping[str, Any],
    writes: _Writes,
    grads_needed: bool,
) -> str | None:
    """Why the checkpoint cannot restore these writes exactly, or None."""
    meta = loaded.meta
    if meta.get("observer"):  # taken under plain python: see checkpoint.observer
        return ck_observer.check(
            loaded, lambda p: _lookup(namespace, globals_, p), _UNBOUND,
            assigned=writes.assigned,
            changed=(*((p, True) for p in writes.mutated), *((p, False) for p in writes.maybe)),
            iterated=writes.iterated, global_names=writes.global_names, grads_needed=grads_needed,
        )
    unbound = set(meta.get("unbound", ()))
    accounted = set(loaded.parts) | unbound | set(meta.get("ignored", ()))
    for path in (*writes.mutated, *writes.maybe, *writes.iterated, *writes.assigned,
                 *writes.global_names):
        if path in loaded.missing:
            return f"{path} was not saved: {loaded.missing[path]}"
    for path in (*writes.assigned, *writes.global_names):
        if path not in loaded.parts and path not in unbound:
            return f"{path} is not in the checkpoint"
    for path in writes.mutated:
        if path not in accounted:
            return f"{path} is not in the checkpoint"
    if grads_needed and not meta.get("grads"):
        return "parameters' .grad are needed after the loop and were not saved"
    for path in meta.get("inplace", ()):
        live = _lookup(namespace, globals_, path)
        if live is _UNBOUND:
            return f"{path} is not bound where the loop would have changed it"
        problem = ck.restore_problem(live, loaded.parts[path])
        if problem is not None:
            return f"{path}: {problem}"
    for path in writes.assigned:
        if "." in path:
            parent = _lookup(namespace, globals_, path.rsplit(".", 1)[0])
            if parent is _UNBOUND:
                return f"{path}: its object is not bound"
    return None


def _apply(
    state: _State,
    address: str,
    loaded: ck.Loaded,
    namespace: Mapping[str, Any],
    globals_: dict[str, Any],
    writes: _Writes,
) -> None:
    """Put the checkpoint back (checked first by ``_check``); stash values to rebind."""
    if loaded.meta.get("observer"):
        rebound = ck_observer.apply(
            loaded, lambda p: _lookup(namespace, globals_, p), _UNBOUND,
            assigned=writes.assigned, changed=(*writes.mutated, *writes.maybe),
        )
        for name in writes.global_names:
            globals_[name] = ck.value_of(loaded.parts[name])
        state.pending[address] = tuple(rebound)
        return
    if loaded.rng is not None:
        ck.restore_rng(loaded.rng)
    for path in loaded.meta.get("inplace", ()):
        ck.restore_into(_lookup(namespace, globals_, path), loaded.parts[path])
    values: list[Any] = []
    for path in writes.assigned:
        part = loaded.parts.get(path)
        value = None if part is None else ck.value_of(part)
        if "." in path:
            parent_path, attr = path.rsplit(".", 1)
            parent = _lookup(namespace, globals_, parent_path)
            if part is None:
                if hasattr(parent, attr):
                    delattr(parent, attr)
            else:
                setattr(parent, attr, value)
        else:
            values.append(value)  # a name unbound at the checkpoint is rebound to None
    for name in writes.global_names:
        part = loaded.parts.get(name)
        if part is None:
            globals_.pop(name, None)
        else:
            globals_[name] = ck.value_of(part)
    state.pending[address] = tuple(values)


def _entry(state: _State, section: str, address: str) -> Mapping[str, Any]:
    entry = state.plan.get(section, {}).get(address, {})
    return entry if isinstance(entry, Mapping) else {}


def skip(
    address: str,
    namespace: Mapping[str, Any],
    *,
    assigned: Iterable[str] = (),
    mutated: Iterable[str] = (),
    maybe: Iterable[str] = (),
    iterated: Iterable[str] = (),
    global_names: Iterable[str] = (),
    grads_needed: bool = False,
) -> bool:
    """Replay: restore the loop's effects from the checkpoint at its end and return True, or
    return False (the loop runs) when the plan needs it or no exact restore is possible."""
    state = _state
    if state is None or state.kind != "replay":
        return False
    frame = sys._getframe(1)
    outer = state.enclosing(address)
    if outer is None:  # a main loop skipped whole: its final state
        act = state.activation(address, frame)
        key = checkpoint_key(act.number, None)
    else:
        key = checkpoint_key(outer.number, outer.iteration)
    entry = _entry(state, "blocks", address)
    policy = entry.get("skip")
    if policy == "catch-up" and outer is not None:
        # The loop holds a statement being replayed: it runs in the selected iterations and is
        # skipped only in those run to catch up to them.
        selected = outer.schedule.selected if outer.schedule is not None else None
        if selected is None or outer.iteration in selected:
            state.decide(address, key, "ran", "needed by the plan")
            return False
    elif policy is not True:
        state.decide(address, key, "ran", "needed by the plan")
        return False
    manifest = entry.get("checkpoints", {}).get(key)
    if manifest is None:
        state.decide(address, key, "ran", "no checkpoint")
        return False
    writes = _writes(assigned, (), mutated, maybe, iterated, global_names, False)
    try:
        loaded = _load(state, manifest)
    except ck.NotRestorable as exc:
        state.decide(address, key, "ran", str(exc))
        return False
    problem = _check(loaded, namespace, frame.f_globals, writes, grads_needed)
    if problem is not None:
        state.decide(address, key, "ran", problem)
        return False
    _apply(state, address, loaded, namespace, frame.f_globals, writes)
    state.decide(address, key, "skipped")
    return True


def restored(address: str) -> tuple[Any, ...]:
    """The values to rebind after ``skip`` or ``resumed`` returned True, in ``assigned`` order."""
    state = _state
    if state is None or address not in state.pending:
        raise ReplayError(f"nothing was restored for {address}")
    return state.pending.pop(address)


def _schedule(state: _State, act: _Activation) -> _Schedule:
    entry = _entry(state, "loops", act.address)
    iterations = entry.get("iterations")
    selected = None if iterations is None else frozenset(int(i) for i in iterations)
    resume: dict[int, str] = {}
    prefix = f"{act.number}:"
    for key, manifest in dict(entry.get("resume", {})).items():
        if key.startswith(prefix) and key[len(prefix):].isdigit():
            resume[int(key[len(prefix):])] = manifest
    return _Schedule(selected, entry.get("after") == "finish", resume)


def skip_iteration(
    address: str,
    namespace: Mapping[str, Any] | None = None,
    *,
    assigned: Iterable[str] = (),
    mutated: Iterable[str] = (),
    maybe: Iterable[str] = (),
    iterated: Iterable[str] = (),
    global_names: Iterable[str] = (),
) -> bool:
    """Replay, top of a main-loop iteration: True to skip it.

    Iterations the plan selects run. An iteration before a selected one is skipped when a
    checkpoint of the state at the start of a later iteration (up to the selected one) can be
    restored, and run otherwise (catching up, with nested loops restored where they can be).
    The restore happens here, at the iteration it belongs to; ``resumed`` tells the caller to
    rebind names. After the last selected iteration the replay finishes if the plan needs
    nothing after the loop, else the remaining iterations run.
    """
    state = _state
    if state is None or state.kind != "replay":
        return False
    frame = sys._getframe(1)
    act = state.activation(address, frame)
    act.iteration += 1
    act.resumed = False
    if act.schedule is None:
        act.schedule = _schedule(state, act)
    plan, e = act.schedule, act.iteration
    key = checkpoint_key(act.number, e)
    if plan.selected is None:
        state.mute(False)
        return False
    # Rows of an iteration that runs without being selected (to catch up, or to reach the
    # code after the loop) are not the replay's: they are dropped.
    state.mute(e not in plan.selected)
    writes = _writes(assigned, (), mutated, maybe, iterated, global_names, False)
    if plan.pending == e:
        assert plan.loaded is not None and namespace is not None
        problem = _check(plan.loaded, namespace, frame.f_globals, writes, False)
        if problem is not None:  # iterations were skipped relying on this checkpoint
            raise ReplayError(f"cannot resume {address} at iteration {e}: {problem}")
        _apply(state, address, plan.loaded, namespace, frame.f_globals, writes)
        plan.pending, plan.loaded = None, None
        act.resumed = True
        state.decide(address, key, "resumed")
        return False
    if e in plan.selected:
        return False
    later = [s for s in plan.selected if s > e]
    if not later:
        if plan.finish_after:
            state.decide(address, key, "finished", "no selected iteration left")
            state.mute(False)
            raise ReplayFinished(address)
        return False  # the code after the loop needs the loop's final state: keep running
    if plan.pending is not None:
        state.decide(address, key, "skipped-iteration")
        return True
    target = min(later)
    if namespace is not None:
        for k in sorted((k for k in plan.resume if e < k <= target), reverse=True):
            try:
                loaded = state.store.read(plan.resume[k])
            except ck.NotRestorable as exc:
                state.decide(address, checkpoint_key(act.number, k), "ran", str(exc))
                continue
            problem = _check(loaded, namespace, frame.f_globals, writes, False)
            if problem is not None:
                state.decide(address, checkpoint_key(act.number, k), "ran", problem)
                continue
            plan.pending, plan.loaded = k, loaded
            state.decide(address, key, "skipped-iteration")
            return True
    state.decide(address, key, "ran", "catching up: no checkpoint to resume from")
    return False


def resumed(address: str) -> bool:
    """True right after ``skip_iteration`` restored the state at this iteration's start."""
    state = _state
    if state is None:
        return False
    act = state.activations.get(address)
    return act is not None and act.resumed


def after(address: str) -> None:
    """Replay, after a main loop: finish the replay if the plan needs nothing after it."""
    state = _state
    if state is None:
        return
    act = state.activations.get(address)
    state.close(address)
    if state.kind == "replay":
        state.mute(False)
    if state.kind == "replay" and _entry(state, "loops", address).get("after") == "finish":
        key = checkpoint_key(act.number if act else 0, None)
        state.decide(address, key, "finished", "nothing after the loop is needed")
        raise ReplayFinished(address)


def finish(address: str) -> None:
    """Replay: the plan needs nothing from here on."""
    state = _state
    if state is not None and state.kind == "replay":
        state.decide(address, "", "finished", "nothing from this loop on is needed")
        state.mute(False)
        raise ReplayFinished(address)


__all__ = [
    "CheckpointRow",
    "Decision",
    "Host",
    "ReplayError",
    "ReplayFinished",
    "SessionHost",
    "StandaloneHost",
    "after",
    "checkpoint_key",
    "configure",
    "decisions",
    "end",
    "finish",
    "flush",
    "install",
    "iteration",
    "restored",
    "resumed",
    "skip",
    "skip_iteration",
]
