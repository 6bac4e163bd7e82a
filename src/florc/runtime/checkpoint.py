"""Capture and restore of training state, content-addressed files, a background writer, and the
adaptive policy that decides when a checkpoint is worth its cost.

Approach. A checkpoint is a set of named *parts* plus the RNG states. Capturing runs on the
training thread and does the least that makes the capture immune to later mutation: tensors are
detached and copied to CPU (``clone``), Python containers are rebuilt, everything else is kept
as plain values. Serialising, hashing and writing happen on a background thread, so the training
thread pays only for the copy. Each part is its own file named by the SHA-256 of its bytes, so a
model that did not change between two checkpoints (or a frozen sub-network) is stored once; a
small JSON manifest, itself content-addressed and written last, ties the parts of one checkpoint
together. A manifest exists only once every part it names is on disk: a killed process leaves at
worst unreferenced part files, never a checkpoint that poses as complete.

Parts, by what the object is:

- ``state``: anything with ``state_dict``/``load_state_dict`` (torch modules, optimizers, LR
  schedulers, grad scalers, ...): the state dict, and for modules optionally the parameters'
  ``.grad`` (a state dict does not hold them, and a hindsight gradient norm needs them).
- ``generator``: ``random.Random``, numpy ``Generator``/``RandomState``, ``torch.Generator``.
- ``attrs``: an instance of a plain Python class, captured by its ``__dict__`` and restored into
  the live object (so other references to it see the restored state).
- ``value``: plain values (numbers, strings, containers, tensors, arrays) by value.
- ``rng``: the global RNGs: python ``random``, numpy's legacy global, torch CPU and CUDA.

Safe loading. Part files are read back with ``torch.load(weights_only=True)`` when they hold
tensors, and with an unpickler that refuses every global but a handful of builtins otherwise, so
a checkpoint file from a shared store cannot run code. That needs a representation of plain
values that both accept: sets, byte arrays, numpy arrays and scalars, dicts with unusual keys
become small tagged dicts (``{"__florc__": "set", ...}``); values of other types (functions,
open files, arbitrary objects reached through a container) are refused with the reason, and the
caller records them as *missing* rather than guessing.

torch and numpy are never imported here unless the process already imported them (or a
checkpoint that holds tensors is read back), so ``import florc`` stays light.

Failure modes: an object whose state dict cannot be encoded (e.g. a scheduler holding a lambda)
is refused at capture, not at write; a part file whose bytes do not match its name (a truncated
or corrupted file) fails ``read`` loudly; a write error on the background thread is reported to
the submitter's callback and the checkpoint is not indexed.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import io
import json
import math
import os
import pickle
import queue
import random
import sys
import threading
import time
import types
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "florc-checkpoint/1"
TAG = "__florc__"
ENV_BUDGET = "FLORC_CKPT_BUDGET"
DEFAULT_BUDGET = 0.01
_MAX_DEPTH = 64


class Uncapturable(Exception):
    """A value this module cannot save safely; the message says why (one line)."""


class NotRestorable(Exception):
    """A saved part that cannot be put back into the live object it was meant for."""


def _torch() -> Any:
    """torch if the process already imported it, else None: a checkpoint never imports it."""
    return sys.modules.get("torch")


def _numpy() -> Any:
    return sys.modules.get("numpy")


def type_name(value: object) -> str:
    cls = type(value)
    return f"{cls.__module__}.{cls.__qualname__}"


# ------------------------------------------------------------------------------- encoding

_SCALARS = (type(None), bool, int, float, complex, str, bytes)


def _is_tensor(value: object) -> bool:
    torch = _torch()
    return torch is not None and isinstance(value, torch.Tensor)


def _copy_tensor(value: Any) -> Any:
    # detach: no autograd graph in a checkpoint; to("cpu", copy=True): a private copy even for
    # CPU tensors, so the training thread may keep mutating the original.
    return value.detach().to("cpu", copy=True)


def _encode(value: Any, depth: int = 0) -> Any:
    """A private copy of ``value`` made of types both safe loaders accept (see the module doc)."""
    if depth > _MAX_DEPTH:
        raise Uncapturable("nested too deeply")
    cls = type(value)
    if cls in _SCALARS:
        return value
    if cls is list:
        return [_encode(v, depth + 1) for v in value]
    if cls is tuple:
        return tuple(_encode(v, depth + 1) for v in value)
    if cls is dict or cls is OrderedDict:
        plain = cls is dict and TAG not in value and all(type(k) in _SCALARS for k in value)
        if plain:
            return {k: _encode(v, depth + 1) for k, v in value.items()}
        items = [[_encode(k, depth + 1), _encode(v, depth + 1)] for k, v in value.items()]
        return {TAG: "dict" if cls is dict else "odict", "items": items}
    if cls is set or cls is frozenset:
        return {TAG: cls.__name__, "items": [_encode(v, depth + 1) for v in value]}
    if cls is bytearray:
        return {TAG: "bytearray", "data": bytes(value)}
    if _is_tensor(value):
        if value.layout != _torch().strided:
            raise Uncapturable(f"a {value.layout} tensor")
        return _copy_tensor(value)
    np = _numpy()
    if np is not None:
        if cls is np.ndarray:
            if value.dtype.hasobject or value.dtype.kind not in "biufcmM":
                raise Uncapturable(f"a numpy array of dtype {value.dtype}")
            return {
                TAG: "ndarray",
                "dtype": value.dtype.str,
                "shape": list(value.shape),
                "data": np.ascontiguousarray(value).tobytes(),
            }
        if isinstance(value, np.generic) and value.dtype.kind in "biufcmM":
            return {TAG: "npscalar", "dtype": value.dtype.str, "data": value.tobytes()}
    torch = _torch()
    if torch is not None:
        if cls is torch.Size:
            return {TAG: "size", "items": list(value)}
        if cls is torch.dtype:
            return {TAG: "dtype", "name": str(value).removeprefix("torch.")}
        if cls is torch.device:
            return {TAG: "device", "name": str(value)}
    raise Uncapturable(f"holds a {type_name(value)}")


def _decode(tree: Any) -> Any:
    cls = type(tree)
    if cls is list:
        return [_decode(v) for v in tree]
    if cls is tuple:
        return tuple(_decode(v) for v in tree)
    if cls is not dict:
        return tree  # scalars and tensors
    tag = tree.get(TAG)
    if tag is None:
        return {k: _decode(v) for k, v in tree.items()}
    if tag == "dict":
        return {_decode(k): _decode(v) for k, v in tree["items"]}
    if tag == "odict":
        return OrderedDict((_decode(k), _decode(v)) for k, v in tree["items"])
    if tag == "set":
        return {_decode(v) for v in tree["items"]}
    if tag == "frozenset":
        return frozenset(_decode(v) for v in tree["items"])
    if tag == "bytearray":
        return bytearray(tree["data"])
    if tag in ("ndarray", "npscalar"):
        import numpy as np

        dtype = np.dtype(tree["dtype"])
        if dtype.hasobject:
            raise NotRestorable("an object array in a checkpoint")
        array = np.frombuffer(tree["data"], dtype=dtype)
        if tag == "npscalar":
            return array[0]
        return array.reshape(tree["shape"]).copy()
    if tag in ("size", "dtype", "device"):
        import torch

        if tag == "size":
            return torch.Size(tree["items"])
        if tag == "dtype":
            dtype = getattr(torch, tree["name"], None)
            if not isinstance(dtype, torch.dtype):
                raise NotRestorable(f"unknown torch dtype {tree['name']!r}")
            return dtype
        return torch.device(tree["name"])
    raise NotRestorable(f"unknown tag {tag!r} in a checkpoint")


def _contains_tensor(tree: Any) -> bool:
    if _torch() is None:
        return False
    stack = [tree]
    while stack:
        item = stack.pop()
        cls = type(item)
        if cls is list or cls is tuple:
            stack.extend(item)
        elif cls is dict:
            stack.extend(item.keys())
            stack.extend(item.values())
        elif _is_tensor(item):
            return True
    return False


def nbytes(value: Any, limit: int = 1 << 30) -> int:
    """A cheap estimate of how many bytes ``value`` takes in a checkpoint (capped at ``limit``)."""
    total = 0
    stack = [value]
    while stack and total < limit:
        item = stack.pop()
        cls = type(item)
        if cls is list or cls is tuple or cls is set or cls is frozenset:
            stack.extend(item)
            total += 8 * len(item)
        elif cls is dict:
            stack.extend(item.values())
            total += 16 * len(item)
        elif cls is str or cls is bytes or cls is bytearray:
            total += len(item)
        elif _is_tensor(item):
            total += item.numel() * item.element_size()
        elif hasattr(item, "nbytes") and isinstance(getattr(item, "nbytes"), int):
            total += item.nbytes
        else:
            total += 16
    return min(total, limit)


# ------------------------------------------------------------------------------- parts


@dataclass(frozen=True)
class Part:
    """One saved object: how to put it back (``kind``), the encoded data, the original type."""

    kind: str  # state | generator | attrs | value | rng
    tree: Any
    type: str = ""

    def __repr__(self) -> str:
        return f"Part({self.kind}, {self.type or '-'})"


def has_state_dict(value: object) -> bool:
    return callable(getattr(value, "state_dict", None)) and callable(
        getattr(value, "load_state_dict", None)
    )


def _is_module(value: object) -> bool:
    torch = _torch()
    return torch is not None and isinstance(value, torch.nn.Module)


def _generator_state(value: Any) -> tuple[str, Any] | None:
    if isinstance(value, random.Random):
        return "random", value.getstate()
    np = _numpy()
    if np is not None:
        if isinstance(value, np.random.Generator):
            return "numpy-generator", value.bit_generator.state
        if isinstance(value, np.random.RandomState):
            return "numpy-randomstate", value.get_state(legacy=False)
    torch = _torch()
    if torch is not None and isinstance(value, torch.Generator):
        return "torch-generator", value.get_state()
    return None


def capture(
    value: Any,
    *,
    in_place: bool,
    grads: bool = False,
    exclude_params: frozenset[int] = frozenset(),
) -> Part:
    """Save ``value`` so it can be put back later.

    ``in_place``: the object will be restored into the live object (its identity matters: an
    optimizer holds the model's parameters); otherwise the value is rebuilt and rebound.
    ``grads``: save parameters' ``.grad`` too. An optimizer's parameters are saved with it
    unless their ids are in ``exclude_params`` (the modules owning them are saved alongside):
    ``opt.step()`` changes them whether or not the model is named where the step happens.

    >>> capture([1, 2], in_place=False)
    Part(value, builtins.list)
    """
    name = type_name(value)
    try:
        if has_state_dict(value) and not isinstance(value, type):
            if not in_place:
                raise Uncapturable(f"a {name} rebound inside the loop (only its state is saved)")
            return Part("state", _state_tree(value, grads, exclude_params), name)
        generator = _generator_state(value)
        if generator is not None:
            kind, state = generator
            return Part("generator", {"kind": kind, "state": _encode(state)}, name)
        cls = type(value)
        plain = cls in _SCALARS or cls in (list, tuple, dict, set, frozenset, bytearray, OrderedDict)
        if plain or _is_tensor(value) or _encode_ok_leaf(value):
            return Part("value", _encode(value), name)
        if in_place and hasattr(value, "__dict__") and not is_code(value):
            return Part("attrs", _attrs_tree(value, grads, exclude_params, 0), name)
        raise Uncapturable(f"a {name} cannot be saved")
    except Uncapturable as exc:
        text = str(exc)
        raise Uncapturable(text if text.startswith("a ") else f"a {name}: {text}") from None


def _is_optimizer(value: object) -> bool:
    return isinstance(getattr(value, "param_groups", None), list) and has_state_dict(value)


def _flat_params(optimizer: Any) -> list[Any]:
    return [p for group in optimizer.param_groups for p in group["params"]]


def _state_tree(value: Any, grads: bool, exclude_params: frozenset[int]) -> dict[str, Any]:
    tree: dict[str, Any] = {"state_dict": _encode(value.state_dict())}
    if _is_module(value):
        if grads:
            tree["grads"] = {
                n: None if p.grad is None else _copy_tensor(p.grad)
                for n, p in value.named_parameters()
            }
    elif _is_optimizer(value):
        params = _flat_params(value)
        own = [i for i, p in enumerate(params) if id(p) not in exclude_params]
        if own:
            tree["params"] = {i: _copy_tensor(params[i]) for i in own}
            if grads:
                tree["param_grads"] = {
                    i: None if params[i].grad is None else _copy_tensor(params[i].grad)
                    for i in own
                }
    return tree


def _restore_state(live: Any, tree: Mapping[str, Any]) -> None:
    live.load_state_dict(tree["state_dict"])
    grads = tree.get("grads")
    if grads is not None:
        for name, param in live.named_parameters():
            saved = grads.get(name)
            param.grad = None if saved is None else saved.to(param.device)
    params = tree.get("params")
    if params:
        import torch

        flat = _flat_params(live)
        with torch.no_grad():
            for index, saved in params.items():
                flat[int(index)].copy_(saved)
        for index, saved in (tree.get("param_grads") or {}).items():
            param = flat[int(index)]
            param.grad = None if saved is None else saved.to(param.device)


_INERT_MODULES = (
    "torch.utils.data", "logging", "io", "_io", "tqdm", "torch.utils.tensorboard",
    "tensorboardX", "wandb", "threading", "_thread", "multiprocessing", "concurrent",
)


def is_inert(value: object) -> bool:
    """Objects whose changes no replayed statement reads back: data loaders and datasets,
    loggers, files, progress bars, summary writers, locks and pools (by module of the type)."""
    module = type(value).__module__ or ""
    return any(module == m or module.startswith(m + ".") for m in _INERT_MODULES)


def _attrs_tree(
    value: Any, grads: bool, exclude_params: frozenset[int], depth: int
) -> dict[str, Any]:
    """An object's attributes: training objects by state, plain objects recursively, data by
    value; code and inert objects are left alone (named under ``skipped``)."""
    if depth > 3:
        raise Uncapturable("objects nested too deeply")
    values: dict[str, Any] = {}
    objects: dict[str, Any] = {}
    skipped: list[str] = []
    for key, item in vars(value).items():
        if is_code(item) or is_inert(item):
            skipped.append(key)
        elif has_state_dict(item) and not isinstance(item, type):
            objects[key] = {"type": type_name(item), "state": _state_tree(item, grads, exclude_params)}
        elif (generator := _generator_state(item)) is not None:
            objects[key] = {"type": type_name(item), "generator": {"kind": generator[0], "state": _encode(generator[1])}}
        else:
            try:
                values[key] = _encode(item)
            except Uncapturable:
                if not hasattr(item, "__dict__"):
                    raise Uncapturable(f"attribute {key!r} holds a {type_name(item)}") from None
                objects[key] = {
                    "type": type_name(item),
                    "attrs": _attrs_tree(item, grads, exclude_params, depth + 1),
                }
    return {"values": values, "objects": objects, "skipped": skipped}


def _restore_attrs(live: Any, tree: Mapping[str, Any]) -> None:
    for key, value in tree["values"].items():
        current = getattr(live, key, _ABSENT)
        setattr(live, key, value if current is _ABSENT else _restore_value(current, value))
    for key, sub in tree["objects"].items():
        target = getattr(live, key)
        if "state" in sub:
            _restore_state(target, sub["state"])
        elif "generator" in sub:
            _restore_generator(target, Part("generator", sub["generator"], sub["type"]))
        else:
            _restore_attrs(target, sub["attrs"])


def _attrs_problem(live: Any, tree: Mapping[str, Any]) -> str | None:
    for key, sub in tree["objects"].items():
        target = getattr(live, key, _ABSENT)
        if target is _ABSENT or type_name(target) != sub["type"]:
            return f"attribute {key!r} is no longer a {sub['type']}"
        if "attrs" in sub and (problem := _attrs_problem(target, sub["attrs"])) is not None:
            return f"{key}.{problem}"
    return None


def modules_in(value: Any, depth: int = 0) -> list[Any]:
    """The torch modules ``value`` is or holds as attributes (a trainer's ``self.model``)."""
    if _is_module(value):
        return [value]
    if depth >= 3 or is_code(value) or not hasattr(value, "__dict__") or has_state_dict(value):
        return []
    found: list[Any] = []
    for item in vars(value).values():
        found.extend(modules_in(item, depth + 1))
    return found


def linked_optimizer(value: Any) -> Any | None:
    """The optimizer an LR scheduler drives: restoring the scheduler does not restore the
    learning rates it wrote into the optimizer, so the optimizer is saved with it."""
    optimizer = getattr(value, "optimizer", None)
    if optimizer is not None and _is_optimizer(optimizer) and has_state_dict(value):
        return optimizer
    return None


_ABSENT = object()


def is_code(value: object) -> bool:
    """Functions, methods, classes and modules: calling them is not mutating them, and they are
    never saved (a replay binds them by running the same code)."""
    return isinstance(value, _CODE)


_CODE = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.BuiltinMethodType,
    types.ModuleType,
    type,
    functools.partial,
)


def decoded(part: Part) -> Part:
    """A captured part as ``CheckpointStore.read`` would return it, without a round trip to disk.

    >>> decoded(capture({1, 2}, in_place=False)).tree
    {1, 2}
    """
    return Part(part.kind, _decode(part.tree), part.type)


def _encode_ok_leaf(value: Any) -> bool:
    np = _numpy()
    torch = _torch()
    return (np is not None and isinstance(value, (np.ndarray, np.generic))) or (
        torch is not None and isinstance(value, (torch.Size, torch.dtype, torch.device))
    )


def capture_rng() -> Part:
    """The global RNG states: python ``random``, numpy's legacy global, torch CPU and CUDA."""
    tree: dict[str, Any] = {"python": _encode(random.getstate())}
    np = _numpy()
    if np is not None:
        tree["numpy"] = _encode(np.random.get_state(legacy=False))
    torch = _torch()
    if torch is not None:
        tree["torch"] = _copy_tensor(torch.get_rng_state())
        cuda = getattr(torch, "cuda", None)
        # is_initialized: never initialise CUDA just to read its RNG.
        if cuda is not None and cuda.is_available() and cuda.is_initialized():
            tree["cuda"] = [_copy_tensor(s) for s in cuda.get_rng_state_all()]
    return Part("rng", tree, "rng")


def restore_rng(part: Part) -> None:
    tree = part.tree
    random.setstate(_as_tuple_tree(tree["python"]))
    if "numpy" in tree:
        import numpy as np

        np.random.set_state(tree["numpy"])
    if "torch" in tree:
        import torch

        torch.set_rng_state(tree["torch"])
        if "cuda" in tree and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(tree["cuda"])


def _as_tuple_tree(value: Any) -> Any:
    # random.setstate wants tuples all the way down.
    if isinstance(value, (list, tuple)):
        return tuple(_as_tuple_tree(v) for v in value)
    return value


def value_of(part: Part) -> Any:
    """The saved value, rebuilt (a fresh object: for rebinding a name)."""
    if part.kind != "value":
        raise NotRestorable(f"a {part.type} is restored in place, not by value")
    return part.tree


def restore_into(live: Any, part: Part) -> Any:
    """Put ``part`` back into the live object; returns the object to bind (``live`` itself
    whenever its identity could be kept).

    >>> xs = [1]; ys = restore_into(xs, decoded(capture([1, 2], in_place=True)))
    >>> ys is xs and xs == [1, 2]
    True
    """
    problem = restore_problem(live, part)
    if problem is not None and part.kind != "value":
        raise NotRestorable(problem)
    if part.kind == "state":
        _restore_state(live, part.tree)
        return live
    if part.kind == "generator":
        _restore_generator(live, part)
        return live
    if part.kind == "attrs":
        _restore_attrs(live, part.tree)
        return live
    if part.kind != "value":
        raise NotRestorable(f"cannot restore a {part.kind} part into an object")
    return _restore_value(live, part.tree)


def restore_problem(live: Any, part: Part) -> str | None:
    """Why ``restore_into(live, part)`` could not keep ``live``'s identity, or None if it can.

    Checked before anything is restored, so that a restore either happens whole or not at all.
    """
    if part.kind in ("state", "attrs", "generator"):
        if type_name(live) != part.type:
            return f"expected a {part.type}, found a {type_name(live)}"
        if part.kind == "state" and not has_state_dict(live):
            return f"a {part.type} without load_state_dict"
        if part.kind == "state" and part.tree.get("params"):
            flat = _flat_params(live)
            for index, saved in part.tree["params"].items():
                if int(index) >= len(flat) or flat[int(index)].shape != saved.shape:
                    return "its parameters changed shape"
        if part.kind == "attrs":
            return _attrs_problem(live, part.tree)
        return None
    if part.kind != "value":
        return f"a {part.kind} part is not restored into an object"
    value = part.tree
    if type(live) is not type(value):
        return f"expected a {type_name(value)}, found a {type_name(live)}"
    if _is_tensor(live) or ((np := _numpy()) is not None and type(live) is np.ndarray):
        if live.shape != value.shape or live.dtype != value.dtype:
            return f"shape or dtype changed ({tuple(live.shape)} {live.dtype})"
        if not _is_tensor(live) and not live.flags.writeable:
            return "a read-only array"
    return None


def _restore_value(live: Any, value: Any) -> Any:
    cls = type(live)
    if cls is not type(value):
        return value
    if cls is list or cls is bytearray:
        live[:] = value
    elif cls is dict or cls is OrderedDict or cls is set:
        live.clear()
        live.update(value)
    elif _is_tensor(live):
        if live.shape != value.shape or live.dtype != value.dtype:
            return value
        import torch

        with torch.no_grad():
            live.copy_(value)
    elif (np := _numpy()) is not None and cls is np.ndarray:
        if live.shape != value.shape or live.dtype != value.dtype or not live.flags.writeable:
            return value
        np.copyto(live, value)
    else:
        return value  # immutable: nothing to do in place
    return live


def _restore_generator(live: Any, part: Part) -> None:
    kind, state = part.tree["kind"], part.tree["state"]
    current = _generator_state(live)
    if current is None or current[0] != kind:
        raise NotRestorable(f"expected a {part.type}, found a {type_name(live)}")
    if kind == "random":
        live.setstate(_as_tuple_tree(state))
    elif kind == "numpy-generator":
        live.bit_generator.state = state
    elif kind == "numpy-randomstate":
        live.set_state(state)
    else:
        live.set_state(state)


def discover(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """The torch modules, optimizers, LR schedulers and grad scalers bound in ``namespace``.

    For checkpoints of scripts nobody instrumented: what ``flor.checkpointing`` would have been
    told. Objects are found by type, so nothing is imported here.
    """
    torch = _torch()
    if torch is None:
        return {}
    found: dict[str, Any] = {}
    kinds: list[type] = [torch.nn.Module, torch.optim.Optimizer]
    scheduler = getattr(torch.optim.lr_scheduler, "LRScheduler", None) or getattr(
        torch.optim.lr_scheduler, "_LRScheduler", None
    )
    if scheduler is not None:
        kinds.append(scheduler)
    for module_name in ("amp", "cuda.amp"):
        obj: Any = torch
        for part in module_name.split("."):
            obj = getattr(obj, part, None)
        scaler = getattr(obj, "GradScaler", None)
        if isinstance(scaler, type):
            kinds.append(scaler)
    for name, value in namespace.items():
        if not name.startswith("__") and isinstance(value, tuple(kinds)):
            found[name] = value
    return found


# ------------------------------------------------------------------------------- files


class _SafeUnpickler(pickle.Unpickler):
    _ALLOWED = {("builtins", "complex"), ("builtins", "set"), ("builtins", "frozenset"),
                ("builtins", "bytearray")}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"a checkpoint may not refer to {module}.{name}")


def _serialize(tree: Any) -> tuple[bytes, str]:
    if _contains_tensor(tree):
        import torch

        buffer = io.BytesIO()
        torch.save(tree, buffer)
        return buffer.getvalue(), ".pt"
    return pickle.dumps(tree, protocol=5), ".pkl"


def _deserialize(data: bytes, suffix: str) -> Any:
    if suffix == ".pt":
        import torch

        return torch.load(io.BytesIO(data), weights_only=True, map_location="cpu")
    if suffix == ".pkl":
        return _SafeUnpickler(io.BytesIO(data)).load()
    raise NotRestorable(f"unknown checkpoint file type {suffix!r}")


@dataclass(frozen=True)
class Written:
    """A checkpoint on disk: its manifest's name, the bytes written now (new parts only)."""

    manifest: str
    bytes: int
    parts: int


@dataclass(frozen=True)
class Snapshot:
    """What a checkpoint holds before it is written: named parts, the RNG states, the names
    that could not be saved (with why), and free-form metadata for the manifest."""

    parts: Mapping[str, Part]
    rng: Part | None = None
    missing: Mapping[str, str] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Loaded:
    """A checkpoint read back: decoded parts ready for ``restore_into`` / ``value_of``."""

    parts: Mapping[str, Part]
    rng: Part | None
    missing: Mapping[str, str]
    meta: Mapping[str, Any]


class CheckpointStore:
    """Content-addressed checkpoint files under ``root`` (``ab/abcdef....pt``)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _path(self, name: str) -> Path:
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise NotRestorable(f"bad checkpoint file name {name!r}")
        return self.root / name[:2] / name

    def put(self, data: bytes, suffix: str) -> tuple[str, bool]:
        """Store ``data``; returns its name and whether it was new."""
        name = hashlib.sha256(data).hexdigest() + suffix
        path = self._path(name)
        if path.exists():
            return name, False
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{name}.{os.getpid()}.{threading.get_ident()}.tmp")
        # Written then renamed: a killed process leaves a stray temp file, never a truncated
        # part under its final name. (No fsync: it would guard against power loss only, at a
        # cost paid by training on every checkpoint.)
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        return name, True

    def get(self, name: str) -> bytes:
        path = self._path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise NotRestorable(f"checkpoint file {name} is missing") from exc
        digest = hashlib.sha256(data).hexdigest()
        if not name.startswith(digest):
            raise NotRestorable(f"checkpoint file {name} is damaged (content does not match)")
        return data

    def exists(self, name: str) -> bool:
        return self._path(name).exists()

    def write(self, snapshot: Snapshot) -> Written:
        """Write every part, then the manifest (so a manifest never names a missing part)."""
        written = 0
        entries: dict[str, dict[str, str]] = {}
        named: list[tuple[str, Part]] = list(snapshot.parts.items())
        if snapshot.rng is not None:
            named.append(("", snapshot.rng))
        for key, part in named:
            data, suffix = _serialize(part.tree)
            name, new = self.put(data, suffix)
            written += len(data) if new else 0
            entries[key] = {"kind": part.kind, "type": part.type, "file": name}
        manifest = {
            "format": FORMAT,
            "parts": {k: v for k, v in entries.items() if k},
            "rng": entries.get(""),
            "missing": dict(snapshot.missing),
            "meta": dict(snapshot.meta),
        }
        text = json.dumps(manifest, sort_keys=True, default=str).encode()
        name, new = self.put(text, ".json")
        return Written(name, written + (len(text) if new else 0), len(entries))

    def read(self, manifest: str) -> Loaded:
        """Load a checkpoint by its manifest name; a missing or damaged file is NotRestorable."""
        try:
            doc = json.loads(self.get(manifest))
        except ValueError as exc:
            raise NotRestorable(f"checkpoint manifest {manifest} is not valid JSON") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise NotRestorable(f"checkpoint manifest {manifest} has an unknown format")

        def load(entry: Mapping[str, str]) -> Part:
            name = entry["file"]
            try:
                tree = _deserialize(self.get(name), Path(name).suffix)
            except NotRestorable:
                raise
            except Exception as exc:  # a refused pickle, a torch load error
                raise NotRestorable(f"checkpoint file {name} cannot be read: {exc}") from exc
            return Part(entry["kind"], _decode(tree), entry.get("type", ""))

        parts = {key: load(entry) for key, entry in doc["parts"].items()}
        rng = load(doc["rng"]) if doc.get("rng") else None
        return Loaded(parts, rng, dict(doc.get("missing", {})), dict(doc.get("meta", {})))


# ------------------------------------------------------------------------------- writer

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


# ------------------------------------------------------------------------------- policy


def budget_from_env(environ: Mapping[str, str] | None = None) -> tuple[float, str | None]:
    """The checkpoint budget (a fraction of loop time) and a warning if the setting was bad.

    ``FLORC_CKPT_BUDGET`` takes ``0.01`` or ``1%``; ``0`` turns periodic checkpoints off and
    ``inf`` takes one at every opportunity.

    >>> budget_from_env({"FLORC_CKPT_BUDGET": "2.5%"})
    (0.025, None)
    """
    env = os.environ if environ is None else environ
    text = env.get(ENV_BUDGET, "").strip()
    if not text:
        return DEFAULT_BUDGET, None
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        value = math.nan
    if math.isnan(value) or value < 0:
        return DEFAULT_BUDGET, f"{ENV_BUDGET}={text!r} is not a fraction like 0.01 or 1%; using 1%"
    return value, None


class AdaptivePolicy:
    """Checkpoint as often as a budget of the loop's wall time allows, from measured costs.

    Approach (after Flor's adaptive checkpointing): keep the total cost of checkpoints taken so
    far, ``spent``, under ``budget`` times the loop time elapsed so far. A checkpoint is taken
    when ``spent + expected <= budget * elapsed``, where ``expected`` is the moving average of the
    measured costs of earlier checkpoints (the copy on the training thread plus the write on the
    background thread: on a small machine the writer competes with training for the CPU).
    Before any measurement the first opportunity is taken, because only a measurement makes the
    rule meaningful; a first checkpoint that proves expensive then pushes the next ones out until
    the loop time catches up. Iterations that are cheap relative to a checkpoint are checkpointed
    rarely, and a budget of 0 never checkpoints. The rule is not a promise about each prefix of
    the run: a single checkpoint can exceed the budget of the iterations before it.

    >>> p = AdaptivePolicy(budget=0.01)
    >>> p.decide(elapsed=10.0), p.decide(elapsed=20.0)   # the first, then wait for its cost
    (True, False)
    >>> p.charge(0.5); p.decide(elapsed=50.0), p.decide(elapsed=100.0)
    (False, True)
    """

    def __init__(self, budget: float = DEFAULT_BUDGET, smoothing: float = 0.5) -> None:
        self.budget = budget
        self.smoothing = smoothing
        self.spent = 0.0
        self.expected: float | None = None
        self.taken = 0
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> tuple[AdaptivePolicy, str | None]:
        budget, warning = budget_from_env(environ)
        return cls(budget), warning

    def decide(self, *, elapsed: float) -> bool:
        """Whether to checkpoint now, ``elapsed`` seconds into the loop; a True answer counts
        as a checkpoint taken (its cost is ``charge``d once measured)."""
        if self.budget <= 0:
            return False
        with self._lock:
            if math.isinf(self.budget):
                take = True
            elif self.expected is None:
                take = self.taken == 0
            else:
                take = self.spent + self.expected <= self.budget * elapsed
            self.taken += take
            return take

    def charge(self, seconds: float) -> None:
        """Add the measured cost of one checkpoint (may be called from the writer thread)."""
        with self._lock:
            self.spent += seconds
            self.expected = (
                seconds
                if self.expected is None
                else self.smoothing * seconds + (1 - self.smoothing) * self.expected
            )


__all__ = [
    "AdaptivePolicy",
    "BackgroundWriter",
    "CheckpointStore",
    "DEFAULT_BUDGET",
    "ENV_BUDGET",
    "Loaded",
    "NotRestorable",
    "Part",
    "Snapshot",
    "Uncapturable",
    "Written",
    "budget_from_env",
    "capture",
    "capture_rng",
    "decoded",
    "discover",
    "has_state_dict",
    "is_code",
    "is_inert",
    "linked_optimizer",
    "modules_in",
    "nbytes",
    "restore_into",
    "restore_problem",
    "restore_rng",
    "type_name",
    "value_of",
]
