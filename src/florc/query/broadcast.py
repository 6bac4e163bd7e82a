"""The pivot's fast path: cells joined and broadcast with numpy, in storage order.

Used when no selected name was ever logged twice in one context (the runtime's ``cell_dup``
flag) and none has replayed rows, which is the common case; ``pivot.py`` falls back to SQL
otherwise. Why numpy: DuckDB reads the rows of one filtered scan in storage order (by run, then
by ``seq``) and the rows of each name are then already its cells, sorted; the joins that
broadcast run- and epoch-level values onto step rows are lookups into small sorted arrays
(``searchsorted``), which keep that order, where a SQL hash join would scramble it and cost a
sort of millions of rows to restore.

A context is a composite integer ``((run * M1 + i1) * M2 + i2) ...`` with ``M_k`` one past the
largest index seen at level ``k``, so a context's prefix is an integer division away. When those
products would overflow 62 bits the caller takes the SQL path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from florc.store.schema import CTX_LEVELS

LIMIT = 2**62


@dataclass(frozen=True)
class Source:
    """One loop path: its depth, loop names, and the selected names logged at it."""

    path: str
    depth: int
    names: tuple[str, ...]

    @property
    def loops(self) -> tuple[str, ...]:
        return tuple(self.path.split("/")) if self.path else ()


def _is_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) < len(b) and b[: len(a)] == a


def radices(codes: Any, idx: list[Any], n_runs: int) -> list[int] | None:
    """``[R, M1, ..., MD]`` for the composite key, or None when it would not fit in 62 bits."""
    radix = [max(n_runs, 1)]
    total = radix[0]
    for col in idx:
        m = int(np.max(col)) + 1 if len(col) else 1  # indices are >= 0; -1 marks "no such level"
        radix.append(max(m, 1))
        total *= radix[-1]
        if total >= LIMIT:
            return None
    return radix


def compose(codes: Any, idx: list[Any], radix: list[int], depth: int) -> Any:
    key = np.asarray(codes, dtype=np.int64)
    for k in range(depth):
        key = key * radix[k + 1] + np.asarray(idx[k], dtype=np.int64)
    return key


def truncate(key: Any, radix: list[int], depth: int, to: int) -> Any:
    div = 1
    for k in range(to, depth):
        div *= radix[k + 1]
    return key // div if div > 1 else key


def decode(key: Any, radix: list[int], depth: int) -> tuple[Any, list[Any]]:
    """(run codes, [i1..i_depth]) of composite keys."""
    out = []
    for k in range(depth, 0, -1):
        out.append(key % radix[k])
        key = key // radix[k]
    return key, out[::-1]


def lookup(keys: Any, table_keys: Any, values: Any) -> Any:
    """``values`` at ``keys`` in sorted ``table_keys``; NaN/None where absent."""
    if len(table_keys) == 0:
        return np.full(len(keys), np.nan) if values.dtype.kind == "f" else np.full(len(keys), None, dtype=object)
    pos = np.searchsorted(table_keys, keys)
    np.minimum(pos, len(table_keys) - 1, out=pos)
    hit = table_keys[pos] == keys
    got = values[pos]
    if got.dtype.kind == "f":
        return np.where(hit, got, np.nan)
    got = got.astype(object)
    got[~hit] = None
    return got


def frame_columns(
    codes: Any,
    path_of: Any,
    name_of: Any,
    idx: list[Any],
    vals: list[Any],
    values: dict[str, Any],
    sources: list[Source],
    n_runs: int,
) -> tuple[dict[str, Any], list[str]] | None:
    """Columns of the pivot (``_run`` codes, loop columns, names) or None if keys overflow.

    ``path_of``/``name_of`` give, per fetched row, the index of its source and of its name
    (the position of the name in ``values``); ``values[name]`` is a value column aligned with
    all fetched rows.
    """
    name_index = {n: j for j, n in enumerate(values)}
    radix = radices(codes, idx, n_runs)
    if radix is None:
        return None
    cells: dict[tuple[int, str], tuple[Any, Any]] = {}
    rowsets: dict[int, Any] = {}
    for s_i, src in enumerate(sources):
        in_path = path_of == s_i
        keysets = []
        for name in src.names:
            mask = in_path & (name_of == name_index[name])
            key = compose(codes[mask], [c[mask] for c in idx], radix, src.depth)
            v = values[name][mask]
            if len(key) > 1 and not np.all(np.diff(key) > 0):
                order = np.argsort(key, kind="stable")
                key, v = key[order], v[order]
            cells[(s_i, name)] = (key, v)
            keysets.append(key)
        rows = keysets[0] if len(keysets) == 1 else np.unique(np.concatenate(keysets))
        rowsets[s_i] = rows

    # Iterated values per level: key at that level -> value.
    value_tables: dict[int, tuple[Any, Any]] = {}
    for k, (vcodes, vidx, v) in enumerate(vals[:CTX_LEVELS]):
        if len(v):
            key = compose(vcodes, vidx, radix, k + 1)
            key, first = np.unique(key, return_index=True)
            value_tables[k] = (key, v[first])

    parts: list[dict[str, Any]] = []
    for s_i, src in enumerate(sources):
        rows = rowsets[s_i]
        deeper = [d for d, dsrc in enumerate(sources) if _is_prefix(src.loops, dsrc.loops)]
        if deeper and len(rows):
            # rowsets are sorted, so are their truncations: dedupe each by neighbours (no hashing),
            # then merge the few survivors
            cut = [_distinct_sorted(truncate(rowsets[d], radix, sources[d].depth, src.depth)) for d in deeper]
            below = cut[0] if len(cut) == 1 else np.unique(np.concatenate(cut))
            rows = rows[~np.isin(rows, below, assume_unique=True)]
        if not len(rows):
            continue
        run, levels = decode(rows, radix, src.depth)
        part: dict[str, Any] = {"_run": run}
        for k, loop in enumerate(src.loops[:CTX_LEVELS]):
            part[loop] = levels[k]
            if k in value_tables:
                part[f"{loop}_value"] = lookup(truncate(rows, radix, src.depth, k + 1), *value_tables[k])
        for name in values:
            found = None
            for p_i, psrc in sorted(enumerate(sources), key=lambda t: -t[1].depth):
                if (p_i, name) not in cells or not (p_i == s_i or _is_prefix(psrc.loops, src.loops)):
                    continue
                key, v = cells[(p_i, name)]
                if key is rows:  # the path's own single name: its cells are the rows
                    got = v
                else:
                    got = lookup(truncate(rows, radix, src.depth, psrc.depth), key, v)
                found = got if found is None else _coalesce(found, got)
            part[name] = found if found is not None else np.full(len(rows), np.nan)
        parts.append(part)
    return _concat(parts, [s.loops for s in sources], list(values))


def _distinct_sorted(a: Any) -> Any:
    return a[np.r_[True, a[1:] != a[:-1]]] if len(a) else a


def _coalesce(a: Any, b: Any) -> Any:
    if a.dtype.kind == "f" and b.dtype.kind == "f":
        return np.where(np.isnan(a), b, a)
    out = a.astype(object)
    missing = np.array([x is None or (isinstance(x, float) and np.isnan(x)) for x in out], dtype=bool)
    out[missing] = b.astype(object)[missing]
    return out


def _concat(parts: list[dict[str, Any]], loops: list[tuple[str, ...]], names: list[str]) -> tuple[dict[str, Any], list[str]]:
    loop_cols: list[str] = []
    for ls in sorted(loops, key=len):
        for loop in ls[:CTX_LEVELS]:
            for c in (loop, f"{loop}_value"):
                if c not in loop_cols and any(c in p for p in parts):
                    loop_cols.append(c)
    if not parts:
        return {"_run": np.empty(0, np.int64), **{n: np.empty(0) for n in names}}, loop_cols
    if len(parts) == 1:
        only = parts[0]
        return {c: only.get(c, np.full(len(only["_run"]), np.nan)) for c in ["_run", *loop_cols, *names]}, loop_cols
    cols: dict[str, Any] = {}
    for c in ["_run", *loop_cols, *names]:
        pieces = []
        for p in parts:
            n = len(p["_run"])
            piece = p.get(c)
            if piece is None:
                piece = np.full(n, np.nan) if not c.endswith("_value") else np.full(n, None, dtype=object)
            pieces.append(piece.astype("float64") if piece.dtype.kind in "iu" else piece)
        kinds = {x.dtype.kind for x in pieces}
        cols[c] = np.concatenate([x.astype(object) for x in pieces]) if "O" in kinds else np.concatenate(pieces)
    sort_keys = [np.nan_to_num(np.asarray(cols[c], dtype="float64"), nan=-1.0) for c in loop_cols if not c.endswith("_value")]
    order = np.lexsort([*reversed(sort_keys), cols["_run"]])
    return {c: v[order] for c, v in cols.items()}, loop_cols


__all__ = ["Source", "frame_columns"]
