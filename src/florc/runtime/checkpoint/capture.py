"""Capturing training state on the training thread: the least work that makes a checkpoint
immune to later mutation (tensors copied to CPU, containers rebuilt); serialising and writing
happen later, on the writer thread.
"""

from __future__ import annotations

import random
from collections import OrderedDict
from typing import Any

from florc.runtime.checkpoint.classify import (
    Part,
    encodable_leaf,
    flat_params,
    generator_state,
    has_state_dict,
    is_code,
    is_inert,
    is_module,
    is_optimizer,
)
from florc.runtime.checkpoint.encode import (
    SCALARS,
    Uncapturable,
    copy_tensor,
    decode,
    encode,
    is_tensor,
    loaded_numpy,
    loaded_torch,
    type_name,
)


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
            return Part("state", state_tree(value, grads, exclude_params), name)
        generator = generator_state(value)
        if generator is not None:
            kind, state = generator
            return Part("generator", {"kind": kind, "state": encode(state)}, name)
        cls = type(value)
        plain = cls in SCALARS or cls in (list, tuple, dict, set, frozenset, bytearray, OrderedDict)
        if plain or is_tensor(value) or encodable_leaf(value):
            return Part("value", encode(value), name)
        if in_place and hasattr(value, "__dict__") and not is_code(value):
            return Part("attrs", _attrs_tree(value, grads, exclude_params, 0), name)
        raise Uncapturable(f"a {name} cannot be saved")
    except Uncapturable as exc:
        text = str(exc)
        raise Uncapturable(text if text.startswith("a ") else f"a {name}: {text}") from None


def state_tree(value: Any, grads: bool, exclude_params: frozenset[int]) -> dict[str, Any]:
    tree: dict[str, Any] = {"state_dict": encode(value.state_dict())}
    if is_module(value):
        if grads:
            tree["grads"] = {
                n: None if p.grad is None else copy_tensor(p.grad)
                for n, p in value.named_parameters()
            }
    elif is_optimizer(value):
        params = flat_params(value)
        own = [i for i, p in enumerate(params) if id(p) not in exclude_params]
        if own:
            tree["params"] = {i: copy_tensor(params[i]) for i in own}
            if grads:
                tree["param_grads"] = {
                    i: None if params[i].grad is None else copy_tensor(params[i].grad)
                    for i in own
                }
    return tree


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
            objects[key] = {"type": type_name(item), "state": state_tree(item, grads, exclude_params)}
        elif (generator := generator_state(item)) is not None:
            objects[key] = {"type": type_name(item), "generator": {"kind": generator[0], "state": encode(generator[1])}}
        else:
            try:
                values[key] = encode(item)
            except Uncapturable:
                if not hasattr(item, "__dict__"):
                    raise Uncapturable(f"attribute {key!r} holds a {type_name(item)}") from None
                objects[key] = {
                    "type": type_name(item),
                    "attrs": _attrs_tree(item, grads, exclude_params, depth + 1),
                }
    return {"values": values, "objects": objects, "skipped": skipped}


def decoded(part: Part) -> Part:
    """A captured part as ``CheckpointStore.read`` would return it, without a round trip to disk.

    >>> decoded(capture({1, 2}, in_place=False)).tree
    {1, 2}
    """
    return Part(part.kind, decode(part.tree), part.type)


def capture_rng() -> Part:
    """The global RNG states: python ``random``, numpy's legacy global, torch CPU and CUDA."""
    tree: dict[str, Any] = {"python": encode(random.getstate())}
    np = loaded_numpy()
    if np is not None:
        tree["numpy"] = encode(np.random.get_state(legacy=False))
    torch = loaded_torch()
    if torch is not None:
        tree["torch"] = copy_tensor(torch.get_rng_state())
        cuda = getattr(torch, "cuda", None)
        # is_initialized: never initialise CUDA just to read its RNG.
        if cuda is not None and cuda.is_available() and cuda.is_initialized():
            tree["cuda"] = [copy_tensor(s) for s in cuda.get_rng_state_all()]
    return Part("rng", tree, "rng")


__all__ = ["capture", "capture_rng", "decoded", "state_tree"]
