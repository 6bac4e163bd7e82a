"""Turning a logged value into something the store keeps, without ever raising.

``flor.log`` is on the hot path of training loops, so the split is: plain ``float``/``int``/
``bool`` go into the buffer as they are (the common case, no work at all); everything else is
*captured* at log time by ``capture`` — a number if it is a one-element tensor or numpy scalar,
a private copy if it is an array or tensor (the caller may mutate it in place after logging),
JSON text for strings and JSON-able structures, ``repr`` for the rest. ``encode`` runs at flush,
off the hot path, and produces the stored columns. Tensors and arrays are stored losslessly as
``.npy`` bytes, never as a print-truncated ``str()``.

torch and numpy are never imported here: values are recognised by duck typing, and numpy is
imported only when an array is being encoded (it is then already loaded by whoever made it).
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

_EXACT_INT = 2**53  # beyond this a double does not hold an int exactly


class Captured:
    """A logged value that is not a plain number, snapshotted at log time."""

    __slots__ = ("array", "num", "text", "vtype")

    def __init__(self, vtype: str, num: float | None = None, text: str | None = None, array: Any = None):
        self.vtype = vtype
        self.num = num
        self.text = text
        self.array = array


def _number(value: Any, vtype: str) -> Captured:
    if vtype == "int" and abs(value) >= _EXACT_INT:
        return Captured("int", float(value), str(value))
    return Captured(vtype, float(value))


def _kind(value: Any) -> str:
    t = type(value)
    if t is bool:
        return "bool"
    if t is int:
        return "int"
    return "float"


def capture(value: Any) -> Captured:
    """Snapshot a value that is not a plain float/int/bool.

    >>> capture("hi").text
    '"hi"'
    >>> capture([1, 2]).vtype
    'json'
    """
    try:
        return _capture(value)
    except Exception as exc:  # a value's type must never break the training loop
        try:
            return Captured("repr", text=json.dumps(repr(value)))
        except Exception:
            return Captured("repr", text=json.dumps(f"<unrepresentable {type(value).__name__}: {exc}>"))


def _capture(value: Any) -> Captured:
    if value is None:
        return Captured("none", text="null")
    if isinstance(value, str):
        return Captured("str", text=json.dumps(value, ensure_ascii=False))
    if isinstance(value, (bool, int, float)):  # subclasses (IntEnum, numpy float64 is a float)
        return _number(value, "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "float")
    module = type(value).__module__
    if module.startswith("torch") and hasattr(value, "numel"):
        if value.numel() == 1:
            item = value.item()
            return _number(item, _kind(item))
        # detach + copy to CPU now: the training loop may update the tensor in place later.
        return Captured("tensor", array=value.detach().to("cpu", copy=True))
    if module == "numpy":
        if hasattr(value, "item") and getattr(value, "size", 2) == 1:
            item = value.item()
            if isinstance(item, (bool, int, float)):
                return _number(item, _kind(item))
        if hasattr(value, "copy") and hasattr(value, "dtype") and hasattr(value, "shape"):
            return Captured("ndarray", array=value.copy())
    if isinstance(value, (list, tuple, dict)):
        return Captured("json", text=json.dumps(value, ensure_ascii=False, default=_jsonable, allow_nan=True))
    return Captured("repr", text=json.dumps(repr(value), ensure_ascii=False))


def _jsonable(obj: Any) -> Any:
    # Nested numpy scalars and one-element tensors inside a logged dict/list become numbers.
    if hasattr(obj, "item") and getattr(obj, "size", None) in (1, None) and callable(obj.item):
        try:
            item = obj.item()
            if isinstance(item, (bool, int, float, str)):
                return item
        except Exception:
            pass
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(type(obj).__name__)


def encode(value: Any) -> tuple[float | None, str | None, str, bytes | None]:
    """(value_num, value JSON text, value_type, payload) for one buffered value.

    >>> encode(0.5)
    (0.5, None, 'float', None)
    >>> encode(True)
    (1.0, None, 'bool', None)
    """
    t = type(value)
    if t is float:
        return value, None, "float", None
    if t is int:
        if -_EXACT_INT < value < _EXACT_INT:
            return float(value), None, "int", None
        return float(value), str(value), "int", None
    if t is bool:
        return (1.0 if value else 0.0), None, "bool", None
    if t is not Captured:
        value = capture(value)
    if value.array is not None:
        try:
            return _encode_array(value)
        except Exception as exc:
            return None, json.dumps(f"<array not encodable: {exc}>"), "repr", None
    return value.num, value.text, value.vtype, None


def _encode_array(value: Captured) -> tuple[None, str, str, bytes]:
    import numpy as np  # loaded already by whoever produced the array

    arr = value.array
    dtype_name = str(arr.dtype)
    if value.vtype == "tensor":
        try:
            arr = arr.numpy()
        except TypeError:  # bfloat16 and friends have no numpy dtype; float32 holds them exactly
            arr = arr.float().numpy()
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(arr), allow_pickle=False)
    meta = {"dtype": dtype_name, "shape": list(arr.shape)}
    return None, json.dumps(meta), value.vtype, buf.getvalue()


def iteration_value(item: Any, index: int) -> str | None:
    """JSON of a loop's iterated value when it says more than the index (FlorDB's ``<loop>_value``)."""
    t = type(item)
    if t is int:
        return None if item == index else str(item)
    if t is float:
        return None if (item == index or math.isnan(item)) else repr(item)
    if t is str:
        return json.dumps(item, ensure_ascii=False)
    if t is bool:
        return "true" if item else "false"
    return None


__all__ = ["Captured", "capture", "encode", "iteration_value"]
