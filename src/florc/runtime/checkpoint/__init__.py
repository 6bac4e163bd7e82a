"""Checkpoints of training state: capture and restore, content-addressed files, a background
writer, and the adaptive policy that decides when a checkpoint is worth its cost.

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

Modules, each named for its effect: ``encode`` (plain values to safely loadable trees and back),
``classify`` (what kind of object a value is), ``capture`` (on the training thread), ``restore``
(into live objects, or as values), ``discover`` (training objects of an uninstrumented script),
``serialize`` (bytes, with loaders that cannot run code), ``files`` (content-addressed store),
``writer`` (background thread), ``policy`` (when to checkpoint), ``observer`` (checkpoints of
scripts run with plain ``python``). This package re-exports their public names.
"""

from __future__ import annotations

from florc.runtime.checkpoint.capture import capture, capture_rng, decoded
from florc.runtime.checkpoint.classify import (
    Part,
    has_state_dict,
    is_code,
    is_inert,
    linked_optimizer,
    modules_in,
)
from florc.runtime.checkpoint.discover import discover
from florc.runtime.checkpoint.encode import NotRestorable, Uncapturable, nbytes, type_name
from florc.runtime.checkpoint.files import CheckpointStore, Loaded, Snapshot, Written
from florc.runtime.checkpoint.policy import DEFAULT_BUDGET, ENV_BUDGET, AdaptivePolicy, budget_from_env
from florc.runtime.checkpoint.restore import restore_into, restore_problem, restore_rng, value_of
from florc.runtime.checkpoint.writer import BackgroundWriter

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
