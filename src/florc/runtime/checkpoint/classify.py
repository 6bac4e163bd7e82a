"""What kind of object a value is, for saving it: training objects with a state dict, random
generators, plain objects, code, and inert objects nobody reads back (loaders, loggers, files).

Found by type and duck typing only, so nothing here imports torch or numpy.
"""

from __future__ import annotations

import functools
import random
import types
from dataclasses import dataclass
from typing import Any

from florc.runtime.checkpoint.encode import loaded_numpy, loaded_torch



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


def is_module(value: object) -> bool:
    torch = loaded_torch()
    return torch is not None and isinstance(value, torch.nn.Module)


def generator_state(value: Any) -> tuple[str, Any] | None:
    if isinstance(value, random.Random):
        return "random", value.getstate()
    np = loaded_numpy()
    if np is not None:
        if isinstance(value, np.random.Generator):
            return "numpy-generator", value.bit_generator.state
        if isinstance(value, np.random.RandomState):
            return "numpy-randomstate", value.get_state(legacy=False)
    torch = loaded_torch()
    if torch is not None and isinstance(value, torch.Generator):
        return "torch-generator", value.get_state()
    return None


def is_optimizer(value: object) -> bool:
    return isinstance(getattr(value, "param_groups", None), list) and has_state_dict(value)


def flat_params(optimizer: Any) -> list[Any]:
    return [p for group in optimizer.param_groups for p in group["params"]]


_INERT_MODULES = (
    "torch.utils.data", "logging", "io", "_io", "tqdm", "torch.utils.tensorboard",
    "tensorboardX", "wandb", "threading", "_thread", "multiprocessing", "concurrent",
)


def is_inert(value: object) -> bool:
    """Objects whose changes no replayed statement reads back: data loaders and datasets,
    loggers, files, progress bars, summary writers, locks and pools (by module of the type)."""
    module = type(value).__module__ or ""
    return any(module == m or module.startswith(m + ".") for m in _INERT_MODULES)


def modules_in(value: Any, depth: int = 0) -> list[Any]:
    """The torch modules ``value`` is or holds as attributes (a trainer's ``self.model``)."""
    if is_module(value):
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
    if optimizer is not None and is_optimizer(optimizer) and has_state_dict(value):
        return optimizer
    return None


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


def encodable_leaf(value: Any) -> bool:
    np = loaded_numpy()
    torch = loaded_torch()
    return (np is not None and isinstance(value, (np.ndarray, np.generic))) or (
        torch is not None and isinstance(value, (torch.Size, torch.dtype, torch.device))
    )


__all__ = ["Part", "encodable_leaf", "flat_params", "generator_state", "has_state_dict", "is_code", "is_inert", "is_module", "is_optimizer", "linked_optimizer", "modules_in"]
