"""The loop context a log row is written in, as a flat tuple built once per iteration.

Rows reference the current context object rather than copying it, so ``flor.log`` costs one
attribute read for it; the flush turns the distinct contexts of a batch into the store's flat
columns (``ctx_path``, ``i1..i4``, ``v1..v4``, ``ctx_rest``). A missing level's index is -1
(the store's NULL), so that the flush reads a level of many contexts as integers in one C loop.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from florc.runtime.hooks import CtxEntry
from florc.store.schema import CTX_LEVELS

# (depth, ctx_path, i1..i4, v1..v4, ctx_rest)
Ctx = tuple[object, ...]

ROOT: Ctx = (0, "", *([-1] * CTX_LEVELS), *([None] * CTX_LEVELS), None)

CTX_FIELDS = ("depth", "ctx_path", *(f"i{k}" for k in range(1, CTX_LEVELS + 1)),
              *(f"v{k}" for k in range(1, CTX_LEVELS + 1)), "ctx_rest")


def make(entries: Sequence[CtxEntry]) -> Ctx:
    """The flat context of a stack of (loop, index, value) entries, outermost first.

    >>> make([("epoch", 2, None), ("step", 7, None)])[:4]
    (2, 'epoch/step', 2, 7)
    """
    depth = len(entries)
    if depth == 0:
        return ROOT
    head = entries[:CTX_LEVELS]
    pad = [None] * (CTX_LEVELS - len(head))
    missing = [-1] * (CTX_LEVELS - len(head))
    rest = None
    if depth > CTX_LEVELS:
        rest = json.dumps([list(e) for e in entries[CTX_LEVELS:]])
    return (
        depth,
        "/".join(e[0] for e in entries),
        *(e[1] for e in head),
        *missing,
        *(e[2] for e in head),
        *pad,
        rest,
    )


__all__ = ["CTX_FIELDS", "Ctx", "ROOT", "make"]
