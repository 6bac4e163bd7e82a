"""Private copies of plain values in a form both safe loaders accept, and back.

A checkpoint file is read with ``torch.load(weights_only=True)`` (when it holds tensors) or with
an unpickler that refuses every global but a handful of builtins. Values are therefore encoded
into builtins, tensors and small tagged dicts (``{"__florc__": "set", ...}`` for sets, byte
arrays, numpy arrays and scalars, dicts with unusual keys, torch sizes/dtypes/devices); anything
else is refused at capture with the reason (``Uncapturable``), never guessed at load.

Encoding also copies: tensors are detached and copied to CPU, containers are rebuilt, so later
in-place changes by the training loop do not reach a checkpoint waiting to be written.

torch and numpy are never imported here unless the process already has them.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from typing import Any

TAG = "__florc__"
_MAX_DEPTH = 64


class Uncapturable(Exception):
    """A value this module cannot save safely; the message says why (one line)."""


class NotRestorable(Exception):
    """A saved part that cannot be put back into the live object it was meant for."""


def _loaded(name: str) -> Any:
    module = sys.modules.get(name)
    # A module another thread is still importing (the flush thread's pyarrow imports numpy)
    # is in sys.modules half-built: not loaded yet, for a checkpoint.
    if module is None or getattr(getattr(module, "__spec__", None), "_initializing", False):
        return None
    return module


def loaded_torch() -> Any:
    """torch if the process already imported it, else None: a checkpoint never imports it."""
    return _loaded("torch")


def loaded_numpy() -> Any:
    return _loaded("numpy")


def type_name(value: object) -> str:
    cls = type(value)
    return f"{cls.__module__}.{cls.__qualname__}"


# ------------------------------------------------------------------------------- encoding

SCALARS = (type(None), bool, int, float, complex, str, bytes)


def is_tensor(value: object) -> bool:
    torch = loaded_torch()
    return torch is not None and isinstance(value, torch.Tensor)


def copy_tensor(value: Any) -> Any:
    # detach: no autograd graph in a checkpoint; to("cpu", copy=True): a private copy even for
    # CPU tensors, so the training thread may keep mutating the original.
    return value.detach().to("cpu", copy=True)


def encode(value: Any, depth: int = 0) -> Any:
    """A private copy of ``value`` made of types both safe loaders accept (see the module doc)."""
    if depth > _MAX_DEPTH:
        raise Uncapturable("nested too deeply")
    cls = type(value)
    if cls in SCALARS:
        return value
    if cls is list:
        return [encode(v, depth + 1) for v in value]
    if cls is tuple:
        return tuple(encode(v, depth + 1) for v in value)
    if cls is dict or cls is OrderedDict:
        plain = cls is dict and TAG not in value and all(type(k) in SCALARS for k in value)
        if plain:
            return {k: encode(v, depth + 1) for k, v in value.items()}
        items = [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]
        return {TAG: "dict" if cls is dict else "odict", "items": items}
    if cls is set or cls is frozenset:
        return {TAG: cls.__name__, "items": [encode(v, depth + 1) for v in value]}
    if cls is bytearray:
        return {TAG: "bytearray", "data": bytes(value)}
    if is_tensor(value):
        if value.layout != loaded_torch().strided:
            raise Uncapturable(f"a {value.layout} tensor")
        return copy_tensor(value)
    np = loaded_numpy()
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
    torch = loaded_torch()
    if torch is not None:
        if cls is torch.Size:
            return {TAG: "size", "items": list(value)}
        if cls is torch.dtype:
            return {TAG: "dtype", "name": str(value).removeprefix("torch.")}
        if cls is torch.device:
            return {TAG: "device", "name": str(value)}
    raise Uncapturable(f"holds a {type_name(value)}")


def decode(tree: Any) -> Any:
    cls = type(tree)
    if cls is list:
        return [decode(v) for v in tree]
    if cls is tuple:
        return tuple(decode(v) for v in tree)
    if cls is not dict:
        return tree  # scalars and tensors
    tag = tree.get(TAG)
    if tag is None:
        return {k: decode(v) for k, v in tree.items()}
    if tag == "dict":
        return {decode(k): decode(v) for k, v in tree["items"]}
    if tag == "odict":
        return OrderedDict((decode(k), decode(v)) for k, v in tree["items"])
    if tag == "set":
        return {decode(v) for v in tree["items"]}
    if tag == "frozenset":
        return frozenset(decode(v) for v in tree["items"])
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


def contains_tensor(tree: Any) -> bool:
    if loaded_torch() is None:
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
        elif is_tensor(item):
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
        elif is_tensor(item):
            total += item.numel() * item.element_size()
        elif hasattr(item, "nbytes") and isinstance(getattr(item, "nbytes"), int):
            total += item.nbytes
        else:
            total += 16
    return min(total, limit)


__all__ = ["NotRestorable", "SCALARS", "TAG", "Uncapturable", "contains_tensor", "copy_tensor", "decode", "encode", "is_tensor", "loaded_numpy", "loaded_torch", "nbytes", "type_name"]
