"""Putting saved parts back: into live objects in place (their identity matters: an optimizer
holds the model's parameters), or as fresh values to rebind; and the global RNG states.

``restore_problem`` checks a part against the live object before anything is restored, so a
caller can make a restore all-or-nothing.
"""

from __future__ import annotations

import random
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from florc.runtime.checkpoint.classify import Part, flat_params, generator_state, has_state_dict
from florc.runtime.checkpoint.encode import NotRestorable, is_tensor, loaded_numpy, type_name


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

        flat = flat_params(live)
        with torch.no_grad():
            for index, saved in params.items():
                flat[int(index)].copy_(saved)
        for index, saved in (tree.get("param_grads") or {}).items():
            param = flat[int(index)]
            param.grad = None if saved is None else saved.to(param.device)


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


_ABSENT = object()


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

    >>> from florc.runtime.checkpoint.capture import capture
    >>> xs = [1]; ys = restore_into(xs, capture([1, 2], in_place=True))
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
            flat = flat_params(live)
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
    if is_tensor(live) or ((np := loaded_numpy()) is not None and type(live) is np.ndarray):
        if live.shape != value.shape or live.dtype != value.dtype:
            return f"shape or dtype changed ({tuple(live.shape)} {live.dtype})"
        if not is_tensor(live) and not live.flags.writeable:
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
    elif is_tensor(live):
        if live.shape != value.shape or live.dtype != value.dtype:
            return value
        import torch

        with torch.no_grad():
            live.copy_(value)
    elif (np := loaded_numpy()) is not None and cls is np.ndarray:
        if live.shape != value.shape or live.dtype != value.dtype or not live.flags.writeable:
            return value
        np.copyto(live, value)
    else:
        return value  # immutable: nothing to do in place
    return live


def _restore_generator(live: Any, part: Part) -> None:
    kind, state = part.tree["kind"], part.tree["state"]
    current = generator_state(live)
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


__all__ = ["restore_into", "restore_problem", "restore_rng", "value_of"]
