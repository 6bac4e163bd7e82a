"""The pivot's fast path: planned from the parts' footers, cells fetched per (name, loop path)
in storage order, joined and broadcast with numpy.

Why not SQL: the pivot's work is joins of a few small tables (run-level args, per-epoch values)
onto one big one (per-step values), and a sort back into (run, epoch, step) order. DuckDB reads
a filtered scan in storage order, which for a run's rows of one name *is* that order; lookups
into small sorted arrays keep it, where a hash join scrambles it and costs a sort of millions of
rows to restore. What each file holds is known from its footer summary (``store.summary``), so
nothing is scanned to plan, and because the summary counts each (name, path)'s rows per file, the
run of each fetched row is known from the file it came from: ``run_key`` is not even read.

Cells. A *source* is one selected name at one loop path. Its cells are its rows with at most one
per loop context: the last recorded value, else the latest replayed one. Rows from parts that
hold only recorded rows of one run and were never flagged ``cell_dup`` are cells already, in
order; rows of other parts (replays, anything unusual) are fetched with their run, source and
time and deduplicated with a sort, and fill only the contexts that no recorded row has.

Keys. A context is the integer ``((run * M1 + i1) * M2 + i2) ...`` with ``M_k`` one past the
largest index at level ``k``, so that comparing keys compares (run, i1, i2, ...) and a prefix is
an integer division away. Keys that would not fit in 62 bits, loops nested deeper than the
store's typed levels, or parts without a summary send the caller to the SQL path.

Rows. Each loop path among the sources gives rows: the union of its names' cells, minus the
contexts that have rows at a deeper path below them (those are represented by the deeper rows,
onto which their values are broadcast). A value logged at an enclosing path is broadcast by
looking up each row's key prefix; when the rows are sorted, once per stretch of equal prefixes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from florc.store.schema import CTX_LEVELS
from florc.store.summary import Summary

LIMIT = 2**62


@dataclass(frozen=True)
class Piece:
    """The rows of one source in one file."""

    file: int  # index into the file list
    rows: int
    run: int | None  # the run's position among the known runs, when the file holds one run only
    replayed: int
    dup: int
    t0: float = 0.0  # the file's first tstamp: orders replays of one run (the later wins)


@dataclass
class Source:
    name: str
    path: str
    depth: int
    pieces: list[Piece] = field(default_factory=list)

    @property
    def loops(self) -> tuple[str, ...]:
        return tuple(self.path.split("/")) if self.path else ()

    @property
    def clean(self) -> list[Piece]:
        """Pieces whose rows are recorded rows of one known run: the source's cells, in order."""
        return [p for p in self.pieces if p.replayed == 0 and p.run is not None]

    @property
    def replays(self) -> list[Piece]:
        """Pieces of replayed rows only, of one known run, oldest replay first."""
        return sorted((p for p in self.pieces if p.rows == p.replayed and p.run is not None), key=lambda p: (p.t0, p.file))

    @property
    def other(self) -> list[Piece]:
        """Pieces mixing recorded and replayed rows, or several runs: read row by row."""
        return [p for p in self.pieces if p.run is None or 0 < p.replayed < p.rows]


@dataclass(frozen=True)
class Layout:
    """What the footers say: the sources of each selected name, and each name's kind."""

    sources: tuple[Source, ...]
    numeric: frozenset[str]
    integral: frozenset[str]
    valued: frozenset[str]  # paths where some row carries an iterated value


def layout(names: Sequence[str], summaries: Sequence[Summary | None], run_codes: dict[int, int]) -> Layout | None:
    """Sources and kinds of ``names``, or None when some part has no summary or loops are nested
    deeper than the typed levels (the SQL path handles those)."""
    wanted = set(names)
    by: dict[tuple[str, str], Source] = {}
    text: dict[str, int] = {}
    nonint: dict[str, int] = {}
    valued: set[str] = set()
    for i, s in enumerate(summaries):
        if s is None:
            return None
        run = run_codes.get(s.runs[0]) if len(s.runs) == 1 else None
        for c in s.cells:
            if c.name not in wanted:
                continue
            if c.depth > CTX_LEVELS:
                return None
            src = by.setdefault((c.name, c.path), Source(c.name, c.path, c.depth))
            src.pieces.append(Piece(i, c.rows, run, c.replayed, c.dup, s.t0 or 0.0))
            text[c.name] = text.get(c.name, 0) + c.text
            nonint[c.name] = nonint.get(c.name, 0) + c.nonint
            if c.valued:
                valued.add(c.path)
    loops = {loop for s in by.values() for loop in (s.path.split("/") if s.path else ())}
    if loops & (wanted | {"projid", "run_id", "tstamp", "filename", "commit", "run_key"}):
        return None  # a loop named like a column: the SQL path renames it
    numeric = frozenset(n for n in names if text.get(n, 0) == 0)
    integral = frozenset(n for n in numeric if nonint.get(n, 0) == 0)
    order = {n: i for i, n in enumerate(names)}
    sources = sorted(by.values(), key=lambda s: (s.depth, s.path, order[s.name]))
    return Layout(tuple(sources), numeric, integral, frozenset(valued))


class Cells:
    """Contexts with a value each: run codes, indices per level, values. ``ordered`` when sorted
    by (run, i1, i2, ...) with no context twice; the composite ``key`` is computed on demand."""

    def __init__(self, run: Any, idx: list[Any], value: Any, key: Any = None, ordered: bool = False) -> None:
        self.run = run
        self.idx = idx
        self.value = value
        self._key = key
        self.ordered = ordered
        self._starts: dict[int, Any] = {}
        self.rank: Any = None  # (recorded?, time) of rows that are not cells yet

    def __len__(self) -> int:
        return len(self.run)

    def key(self, radix: list[int]) -> Any:
        if self._key is None:
            self._key = compose(self.run, self.idx, radix)
        return self._key

    def starts(self, depth: int) -> Any:
        """For ordered cells: where each stretch of equal (run, i1..i_depth) begins."""
        got = self._starts.get(depth)
        if got is None:
            n = len(self.run)
            change = np.ones(n, dtype=bool)
            if n:
                tail = change[1:]
                np.not_equal(self.run[1:], self.run[:-1], out=tail)
                for level in self.idx[:depth]:
                    tail |= level[1:] != level[:-1]
            got = self._starts[depth] = np.flatnonzero(change)
        return got

    def prefix_keys(self, depth: int, radix: list[int]) -> tuple[Any, Any]:
        """For ordered cells: (distinct keys of the depth-``depth`` prefixes, stretch starts)."""
        st = self.starts(depth)
        return compose(self.run[st], [x[st] for x in self.idx[:depth]], radix), st


def _increasing(run: Any, idx: list[Any]) -> bool:
    """Whether (run, i1, i2, ...) rises strictly from each row to the next."""
    if len(run) < 2:
        return True
    levels = [run, *idx]
    rises = levels[-1][1:] > levels[-1][:-1]
    for level in reversed(levels[:-1]):
        rises = (level[1:] > level[:-1]) | ((level[1:] == level[:-1]) & rises)
    return bool(rises.all())


Fetch = Callable[[str, list[int], tuple[Any, ...]], dict[str, Any]]


@dataclass
class Fetched:
    """A source's rows as read: recorded cells of clean pieces (``main``, which may repeat a
    context when ``dup``), and rows that must be ranked first (``rest``, with ``rest.rank``)."""

    main: Cells
    rest: Cells | None
    dup: bool


def levels_sql(levels: list[str]) -> list[str]:
    """Iteration index columns as the fast path reads them: an iteration without an index
    (``flor.iteration(name, None)``, stored NULL) reads -1, so that indices stay integers."""
    return [f"coalesce({c}, -1) AS {c}" for c in levels]


def _read(fetch: Fetch, levels: list[str], value_sql: str, pieces: list[Piece], params: tuple[Any, ...]) -> Cells | None:
    """Rows of pieces whose run is known from the footer: the run comes from the row counts."""
    got = fetch(", ".join([*levels_sql(levels), f"{value_sql} AS v"]), [p.file for p in pieces], params)
    counts = np.asarray([p.rows for p in pieces], dtype=np.int64)
    if len(got["v"]) != int(counts.sum()):
        return None  # the footers do not match the data: read these row by row
    runs = np.repeat(np.asarray([p.run for p in pieces], dtype=np.int64), counts)
    return Cells(runs, [got[c] for c in levels], got["v"])


def fetch_source(fetch: Fetch, src: Source, value_sql: str, key_params: tuple[Any, ...],
                 run_code: Callable[[Any], Any]) -> Fetched:
    """Read one source. ``fetch(columns_sql, files, params)`` runs the filtered scan over
    ``files``; ``run_code`` maps run keys to run positions."""
    levels = [f"i{k}" for k in range(1, src.depth + 1)]
    empty = Cells(np.empty(0, np.int64), [np.empty(0, np.int64) for _ in levels], np.empty(0))
    clean, replays, other = src.clean, src.replays, list(src.other)
    main = _read(fetch, levels, value_sql, clean, key_params) if clean else empty
    if main is None:
        main, other = empty, other + clean
    ranked: list[Cells] = []
    if replays:
        got = _read(fetch, levels, value_sql, replays, key_params)
        if got is None:
            other += replays
        else:  # ranked by replay (its first tstamp), then by position within it
            got.rank = (np.zeros(len(got), np.int64), np.repeat([p.t0 for p in replays], [p.rows for p in replays]))
            ranked.append(got)
    if other:
        got2 = fetch(
            ", ".join([*levels_sql(levels), f"{value_sql} AS v", "run_key", "(source IS NULL OR source = 'record') AS rec",
                       "epoch_us(tstamp) / 1e6 AS ts"]),
            [p.file for p in other], key_params,
        )
        row = Cells(run_code(got2["run_key"]), [got2[c] for c in levels], got2["v"])
        row.rank = (got2["rec"].astype(np.int64), np.nan_to_num(got2["ts"].astype(np.float64), nan=-1.0))
        ranked.append(row)
    rest = None
    if ranked:
        rest = ranked[0] if len(ranked) == 1 else Cells(
            np.concatenate([c.run for c in ranked]), [np.concatenate(x) for x in zip(*(c.idx for c in ranked))],
            _concat_values(*[c.value for c in ranked]),
        )
        if len(ranked) > 1:
            rest.rank = tuple(np.concatenate(x) for x in zip(*(c.rank for c in ranked)))
    return Fetched(main, rest, any(p.dup for p in clean))


def radices(cells: Sequence[Cells], n_runs: int) -> list[int] | None:
    """``[R, M1, ..., M4]`` for the composite keys of all ``cells``, or None if they overflow."""
    radix = [max(n_runs, 1)]
    total = radix[0]
    for k in range(CTX_LEVELS):
        m = 1
        for c in cells:
            if k < len(c.idx) and len(c.idx[k]):
                m = max(m, int(np.max(c.idx[k])) + 2)  # indices from -1 (NULL) up, shifted by one
        radix.append(m)
        total *= m
        if total >= LIMIT:
            return None
    return radix


def compose(run: Any, idx: Sequence[Any], radix: list[int]) -> Any:
    key = np.asarray(run, dtype=np.int64)
    for k, level in enumerate(idx):
        key = key * radix[k + 1] + (np.asarray(level, dtype=np.int64) + 1)
    return key


def truncate(key: Any, radix: list[int], depth: int, to: int) -> Any:
    div = 1
    for k in range(to, depth):
        div *= radix[k + 1]
    return key // div if div > 1 else key


def decode(key: Any, radix: list[int], depth: int) -> tuple[Any, list[Any]]:
    out = []
    for k in range(depth, 0, -1):
        out.append(key % radix[k] - 1)
        key = key // radix[k]
    return key, out[::-1]


def _last_per_key(key: Any, *tiebreak: Any) -> Any:
    """Positions of the winning row of each distinct key: the last one by (tiebreak..., position)."""
    if tiebreak and len(key) > 1 and all(bool(np.all(t[1:] >= t[:-1])) for t in tiebreak) and bool(np.all(tiebreak[0] == tiebreak[0][0])):
        tiebreak = ()  # rows already come in rank order: the last by position wins
        order = np.lexsort((np.arange(len(key)), *reversed(tiebreak), key))
    else:
        order = np.argsort(key, kind="stable")  # timsort: near-linear on nearly sorted keys
    k = key[order]
    last = np.r_[k[1:] != k[:-1], True] if len(k) else np.zeros(0, dtype=bool)
    return order[last]


def _take(c: Cells, pos: Any, radix: list[int]) -> Cells:
    return Cells(c.run[pos], [x[pos] for x in c.idx], c.value[pos], c.key(radix)[pos], True)


def cells(f: Fetched, radix: list[int]) -> Cells:
    """The source's cells, sorted: recorded ones first, then replayed ones where no recorded
    value exists (the latest replayed value per context)."""
    main, rest, dup = f.main, f.rest, f.dup
    if _increasing(main.run, main.idx):
        main.ordered = True
    else:
        key = main.key(radix)
        main = _take(main, _last_per_key(key) if dup else np.argsort(key, kind="stable"), radix)
    if rest is None or not len(rest):
        return main
    rec, ts = rest.rank
    rkey = rest.key(radix)
    win = _last_per_key(rkey, rec, ts)
    if len(main):
        mkey = main.key(radix)
        pos = np.minimum(np.searchsorted(mkey, rkey[win]), len(mkey) - 1)
        win = win[mkey[pos] != rkey[win]]
    if not len(win):
        return main
    extra = _take(rest, win, radix)
    both = Cells(np.concatenate([main.run, extra.run]), [np.concatenate([a, b]) for a, b in zip(main.idx, extra.idx)],
                 _concat_values(main.value, extra.value), np.concatenate([main.key(radix), extra.key(radix)]))
    return _take(both, np.argsort(both.key(radix), kind="stable"), radix)


def _concat_values(*arrays: Any) -> Any:
    if all(a.dtype.kind == "f" for a in arrays):
        return np.concatenate(arrays)
    return np.concatenate([a.astype(object) for a in arrays])


def lookup(keys: Any, table_keys: Any, values: Any) -> Any:
    """``values`` at ``keys`` in sorted ``table_keys``; NaN/None where absent."""
    n = len(keys)
    if len(table_keys) == 0:
        return np.full(n, np.nan) if values.dtype.kind == "f" else np.full(n, None, dtype=object)
    pos = np.minimum(np.searchsorted(table_keys, keys), len(table_keys) - 1)
    hit = table_keys[pos] == keys
    got = values[pos]
    if hit.all():
        return got
    if got.dtype.kind == "f":
        return np.where(hit, got, np.nan)
    got = got.astype(object)
    got[~hit] = None
    return got


def broadcast(rows: Cells, depth: int, to: int, radix: list[int], table_keys: Any, values: Any) -> Any:
    """``values`` (keyed by depth-``to`` contexts) onto each of ``rows`` (depth ``depth``) by its
    prefix: once per stretch of equal prefixes, then repeated, when the rows are ordered."""
    if rows.ordered:
        keys, starts = rows.prefix_keys(to, radix)
        return np.repeat(lookup(keys, table_keys, values), np.diff(np.r_[starts, len(rows)]))
    return lookup(truncate(rows.key(radix), radix, depth, to), table_keys, values)


def _coalesce(a: Any, b: Any) -> Any:
    if a.dtype.kind == "f" and b.dtype.kind == "f":
        return np.where(np.isnan(a), b, a)
    out = a.astype(object)
    missing = np.array([x is None or (isinstance(x, float) and np.isnan(x)) for x in out], dtype=bool)
    out[missing] = b.astype(object)[missing]
    return out


def _is_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) < len(b) and b[: len(a)] == a


def frame(
    lay: Layout,
    names: Sequence[str],
    got: dict[tuple[str, str], Cells],
    radix: list[int],
    iterated: dict[tuple[str, ...], tuple[Any, Any]],
) -> tuple[dict[str, Any], list[str]]:
    """The pivot's columns (``_run`` codes, loop columns, ``<loop>_value``, names) and the loop
    column names, from each source's cells (``got``) and the iterated-value tables per loop
    prefix."""
    paths: dict[str, list[Source]] = {}
    for s in lay.sources:
        paths.setdefault(s.path, []).append(s)
    ordered_paths = sorted(paths, key=lambda p: (paths[p][0].depth, p))
    depth_of = {p: paths[p][0].depth for p in ordered_paths}
    loops_of = {p: paths[p][0].loops for p in ordered_paths}
    rows_of: dict[str, Cells] = {}
    aligned: dict[str, set[str]] = {}  # names whose cells are exactly the path's rows
    for p in ordered_paths:
        own = {s.name: got[(s.name, p)] for s in paths[p]}
        first = next(iter(own.values()))
        same = {n for n, c in own.items() if c is first or _same_contexts(c, first)}
        if len(same) == len(own):
            rows_of[p], aligned[p] = first, same
        else:
            key = np.unique(np.concatenate([c.key(radix) for c in own.values()]))
            run, idx = decode(key, radix, depth_of[p])
            rows_of[p], aligned[p] = Cells(run, idx, None, key, True), set()
    parts: list[dict[str, Any]] = []
    for p in ordered_paths:
        depth, loops = depth_of[p], loops_of[p]
        rows = rows_of[p]
        keep = None
        deeper = [q for q in ordered_paths if _is_prefix(loops, loops_of[q])]
        if deeper and len(rows):
            # contexts with rows below them are represented by those rows
            below = [_below(rows_of[q], depth_of[q], depth, radix) for q in deeper]
            keep = ~np.isin(rows.key(radix), below[0] if len(below) == 1 else np.unique(np.concatenate(below)))
            if keep.all():
                keep = None
            else:
                rows = Cells(rows.run[keep], [x[keep] for x in rows.idx], None, rows.key(radix)[keep], True)
        if not len(rows):
            continue
        part: dict[str, Any] = {"_run": rows.run}
        for k, loop in enumerate(loops):
            part[loop] = rows.idx[k]
            if loops[: k + 1] in iterated:
                part[f"{loop}_value"] = broadcast(rows, depth, k + 1, radix, *iterated[loops[: k + 1]])
        for name in names:
            found = None
            for q in sorted((q for q in ordered_paths if q == p or _is_prefix(loops_of[q], loops)), key=lambda q: -depth_of[q]):
                c = got.get((name, q))
                if c is None:
                    continue
                if q == p and name in aligned[p]:
                    value = c.value if keep is None else c.value[keep]
                elif q == p:
                    value = lookup(rows.key(radix), c.key(radix), c.value)
                else:
                    value = broadcast(rows, depth, depth_of[q], radix, c.key(radix), c.value)
                found = value if found is None else _coalesce(found, value)
            part[name] = found if found is not None else np.full(len(rows), np.nan)
        parts.append(part)
    return _concat(parts, [loops_of[p] for p in ordered_paths], list(names))


def _same_contexts(a: Cells, b: Cells) -> bool:
    return len(a) == len(b) and bool(np.array_equal(a.run, b.run)) and all(np.array_equal(x, y) for x, y in zip(a.idx, b.idx))


def _below(rows: Cells, depth: int, to: int, radix: list[int]) -> Any:
    """The distinct depth-``to`` prefixes of ``rows`` (sorted)."""
    if rows.ordered:
        return rows.prefix_keys(to, radix)[0]
    return np.unique(truncate(rows.key(radix), radix, depth, to))


def _concat(parts: list[dict[str, Any]], loops: list[tuple[str, ...]], names: list[str]) -> tuple[dict[str, Any], list[str]]:
    loop_cols: list[str] = []
    for ls in sorted(loops, key=len):
        for loop in ls:
            for c in (loop, f"{loop}_value"):
                if c not in loop_cols and any(c in p for p in parts):
                    loop_cols.append(c)
    if not parts:
        return {"_run": np.empty(0, np.int64), **{n: np.empty(0) for n in names}}, loop_cols
    if len(parts) == 1:  # rows of one path, sorted by their keys already
        only = parts[0]
        n = len(only["_run"])
        return {c: only[c] if c in only else np.full(n, np.nan) for c in ["_run", *loop_cols, *names]}, loop_cols
    cols: dict[str, Any] = {}
    for c in ["_run", *loop_cols, *names]:
        pieces = []
        for p in parts:
            n = len(p["_run"])
            piece = p.get(c)
            if piece is None:
                piece = np.full(n, np.nan) if not c.endswith("_value") else np.full(n, None, dtype=object)
            pieces.append(piece.astype("float64") if (piece.dtype.kind in "iu" and c != "_run") else piece)
        kinds = {x.dtype.kind for x in pieces}
        cols[c] = np.concatenate([x.astype(object) for x in pieces]) if "O" in kinds else np.concatenate(pieces)
    sort_keys = [np.nan_to_num(np.asarray(cols[c], dtype="float64"), nan=-1.0) for c in loop_cols if not c.endswith("_value")]
    order = np.lexsort([*reversed(sort_keys), cols["_run"]])
    return {c: v[order] for c, v in cols.items()}, loop_cols


__all__ = ["Cells", "Fetched", "Layout", "Piece", "Source", "cells", "compose", "fetch_source", "frame", "layout", "levels_sql", "radices"]
