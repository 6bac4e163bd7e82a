"""Bytes of an encoded part, and back, with loaders that cannot run code: tensor files through
``torch.load(weights_only=True)``, other files through an unpickler that refuses every global
except ``complex``, ``set``, ``frozenset`` and ``bytearray``."""

from __future__ import annotations

import io
import pickle
from typing import Any

from florc.runtime.checkpoint.encode import NotRestorable, contains_tensor


class _SafeUnpickler(pickle.Unpickler):
    _ALLOWED = {("builtins", "complex"), ("builtins", "set"), ("builtins", "frozenset"),
                ("builtins", "bytearray")}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"a checkpoint may not refer to {module}.{name}")


def serialize(tree: Any) -> tuple[bytes, str]:
    if contains_tensor(tree):
        import torch

        buffer = io.BytesIO()
        torch.save(tree, buffer)
        return buffer.getvalue(), ".pt"
    return pickle.dumps(tree, protocol=5), ".pkl"


def deserialize(data: bytes, suffix: str) -> Any:
    if suffix == ".pt":
        import torch

        return torch.load(io.BytesIO(data), weights_only=True, map_location="cpu")
    if suffix == ".pkl":
        return _SafeUnpickler(io.BytesIO(data)).load()
    raise NotRestorable(f"unknown checkpoint file type {suffix!r}")


__all__ = ["deserialize", "serialize"]
