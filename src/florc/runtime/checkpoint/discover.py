"""Finding the training objects of a script nobody told florc about: the torch modules,
optimizers, LR schedulers and grad scalers bound in a namespace (a loop's frame)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from florc.runtime.checkpoint.encode import loaded_torch


def discover(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """The torch modules, optimizers, LR schedulers and grad scalers bound in ``namespace``.

    For checkpoints of scripts nobody instrumented: what ``flor.checkpointing`` would have been
    told. Objects are found by type, so nothing is imported here.
    """
    torch = loaded_torch()
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


__all__ = ["discover"]
