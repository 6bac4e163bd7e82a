"""Buffered rows to store columns, at flush, in the training process (the flush thread).

The flush thread holds the GIL that the training thread wants, so per-row work is done by C
loops (``zip``, ``map``, numpy) and Python-level work is per *distinct* thing: per loop context,
per name, per call site. A context is recognised by object identity: every row logged in one
iteration references the same context tuple (``runtime/context.py``), rows of one iteration are
adjacent, and a buffered row keeps its context alive, so ``id()`` cannot be reused within a
batch. Columns leave here as numpy arrays or ``Indexed`` (distinct values + per-row indices),
which ``store.plain`` writes as Parquet dictionary pages without expanding them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from florc.runtime.context import Ctx
from florc.runtime.values import encode
from florc.store.schema import CTX_LEVELS, Indexed
from florc.store.summary import Cells, Summary


def contexts(ctxs: tuple[Ctx, ...]) -> tuple[list[Ctx], Any]:
    """The distinct contexts of a batch and each row's index into them.

    Consecutive rows share their context object, so identities are compared per stretch of
    rows first, and only the stretches' first rows are deduplicated (by a sort of their ids).

    >>> a, b = (1, "e", 0), (1, "e", 1)
    >>> uniq, idx = contexts((a, a, b, a))
    >>> [uniq[i] for i in idx] == [a, a, b, a]
    True
    """
    import numpy as np

    n = len(ctxs)
    ids = np.fromiter(map(id, ctxs), dtype=np.int64, count=n)
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    _, first, inverse = np.unique(ids[starts], return_index=True, return_inverse=True)
    uniq = [ctxs[i] for i in starts[first].tolist()]
    return uniq, np.repeat(inverse.reshape(-1), np.diff(np.r_[starts, n]))


class Contexts:
    """The distinct contexts of a batch as columns (one entry per context), and each row's
    context: what the ctx columns, the ``cell_dup`` ranks and the summary are computed from."""

    def __init__(self, ctxs: tuple[Ctx, ...]) -> None:
        import numpy as np

        self.uniq, self.rows = contexts(ctxs)
        uniq = self.uniq
        u = len(uniq)
        self.paths = list(dict.fromkeys(map(itemgetter(1), uniq)))
        index = {p: i for i, p in enumerate(self.paths)}
        self.path_code = np.fromiter(map(index.__getitem__, map(itemgetter(1), uniq)), dtype=np.int64, count=u)
        self.depth_of = {c[1]: int(c[0]) for c in (uniq[i] for i in np.unique(self.path_code, return_index=True)[1])}
        deepest = max(self.depth_of.values(), default=0)
        self.levels = [
            np.fromiter(map(itemgetter(2 + k), uniq), dtype=np.int64, count=u) if k < deepest else np.full(u, -1, dtype=np.int64)
            for k in range(CTX_LEVELS)
        ]
        # iterated values: mostly NULL (loops over range); None when a level has none at all
        self.values: list[list[Any] | None] = []
        for k in range(CTX_LEVELS):
            col = list(map(itemgetter(2 + CTX_LEVELS + k), uniq)) if k < deepest else []
            self.values.append(col if any(v is not None for v in col) else None)
        rest = list(map(itemgetter(-1), uniq)) if deepest > CTX_LEVELS else []
        self.rest = rest if any(r is not None for r in rest) else None

    def columns(self) -> dict[str, Any]:
        import numpy as np

        rows = self.rows
        pcode = self.path_code[rows]
        cols: dict[str, Any] = {
            "depth": Indexed([self.depth_of[p] for p in self.paths], pcode),
            "ctx_path": Indexed(self.paths, pcode),
            "ctx_rest": None if self.rest is None else Indexed(self.rest, rows),
        }
        for k in range(CTX_LEVELS):
            level = self.levels[k][rows]
            cols[f"i{k + 1}"] = np.ma.MaskedArray(level, mask=level < 0) if (level < 0).any() else level
            vals = self.values[k]
            cols[f"v{k + 1}"] = None if vals is None else Indexed(vals, rows)
        return cols


def _dense_unique(key: Any) -> tuple[Any, Any]:
    """``np.unique(key, return_inverse=True)`` for small non-negative keys, without sorting."""
    import numpy as np

    top = int(key.max()) + 1 if len(key) else 0
    if top > 4 * len(key) + 1024:
        distinct, inverse = np.unique(key, return_inverse=True)
        return distinct, inverse.reshape(-1)
    present = np.zeros(top, dtype=bool)
    present[key] = True
    position = np.cumsum(present) - 1
    return np.flatnonzero(present), position[key]


def _small_codes(values: tuple[Any, ...]) -> tuple[list[Any], Any]:
    import numpy as np

    distinct = list(dict.fromkeys(values))
    code = {v: i for i, v in enumerate(distinct)}
    return distinct, np.fromiter(map(code.__getitem__, values), dtype=np.int64, count=len(values))


@dataclass
class Writer:
    """What one process's flushes share: identity columns, the row counter, and what the
    ``cell_dup`` flag needs to remember between batches."""

    run_id: str
    script: str
    source: str
    replay_id: str | None
    root: str
    seq: int = 0
    last_cell: dict[tuple[str, str], tuple[object, ...]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # code file name -> path shown in `site`

    def _site_file(self, filename: str) -> str:
        shown = self.files.get(filename)
        if shown is None:
            try:
                rel = os.path.relpath(filename, self.root)
                shown = filename if rel.startswith("..") else rel.replace(os.sep, "/")
            except ValueError:
                shown = filename
            self.files[filename] = shown
        return shown

    def _sites(self, lines: Any, files: tuple[Any, ...]) -> Indexed:
        # `site` is "<file>:<line>" of the flor call; distinct (file, line) pairs are few.
        import numpy as np

        fid = np.fromiter(map(id, files), dtype=np.int64, count=len(files))
        if len(fid) and fid.min() == fid.max():
            fcode = np.zeros(len(fid), dtype=np.int64)
            fobjs = [files[0]]
        else:
            _, first, fcode = np.unique(fid, return_index=True, return_inverse=True)
            fobjs = [files[i] for i in first]
        width = int(lines.max()) + 1 if len(lines) else 1
        key = fcode.reshape(-1) * width + np.maximum(lines, 0)
        distinct, inverse = _dense_unique(key)
        values = [
            f"{self._site_file(getattr(fobjs[k // width], 'co_filename', '?'))}:{k % width}"
            for k in distinct.tolist()
        ]
        return Indexed(values, inverse.reshape(-1))

    def logs(self, rows: list[tuple[Any, ...]]) -> tuple[dict[str, Any], Summary]:
        """Columns and summary of buffered ``(name, value, ctx, time, line, code)`` rows."""
        import numpy as np

        names, vals, ctxs, stamps, lines, codes = zip(*rows)
        n = len(rows)
        zeros = np.zeros(n, dtype=np.int64)
        if set(map(type, vals)) == {float}:  # the common case: a batch of plain floats
            num: Any = np.array(vals, dtype=np.float64)
            text: Any = None
            vtype: Any = Indexed(["float"], zeros)
            payload: Any = None
            text_rows = np.zeros(n, dtype=bool)
            nonint = np.ones(n, dtype=bool)
        else:
            num, text, vtypes, payload = [], [], [], []
            for v in vals:
                a, b, c, d = encode(v)
                num.append(a)
                text.append(b)
                vtypes.append(c)
                payload.append(d)
            text_rows = np.fromiter((b is not None or a is None for a, b in zip(num, text)), dtype=bool, count=n)
            nonint = np.fromiter((c not in ("int", "bool") for c in vtypes), dtype=bool, count=n)
            vtype = vtypes
        seq0 = self.seq
        self.seq += n
        if set(map(type, names)) != {str}:
            names = tuple(x if type(x) is str else str(x) for x in names)
        distinct, ncode = _small_codes(names)
        ctx = Contexts(ctxs)
        line_arr = np.array(lines, dtype=np.int32)
        dup, group = self._cell_dups(distinct, ncode, ctx)
        cols: dict[str, Any] = {
            "run_id": Indexed([self.run_id], zeros),
            "seq": np.arange(seq0, seq0 + n, dtype=np.int64),
            "tstamp": np.array(stamps, dtype=np.float64),
            "script": Indexed([self.script], zeros),
            "name": Indexed(distinct, ncode),
            "cell_dup": dup,
            "value": text,
            "value_num": num,
            "value_type": vtype,
            "payload": payload,
            "line": line_arr,
            "site": self._sites(line_arr, codes),
            "source": Indexed([self.source], zeros),
            "replay_id": Indexed([self.replay_id], zeros),
        }
        cols.update(ctx.columns())
        return cols, self._summary(distinct, ctx, group, dup, text_rows, nonint, float(cols["tstamp"].min()))

    def _summary(self, distinct: list[str], ctx: Contexts, group: Any, dup: Any, text_rows: Any, nonint: Any, t0: float) -> Summary:
        import numpy as np

        from florc.store.schema import run_key

        n_paths = len(ctx.paths)
        size = len(distinct) * n_paths
        rows = np.bincount(group, minlength=size)
        counts = {
            "text": np.bincount(group, weights=text_rows, minlength=size),
            "nonint": np.bincount(group, weights=nonint, minlength=size),
            "dup": np.bincount(group, weights=dup, minlength=size),
        }
        valued = np.zeros(size, dtype=np.int64)
        for k, vals in enumerate(ctx.values):
            if vals is not None:
                has = np.fromiter((v is not None for v in vals), dtype=bool, count=len(vals))
                valued |= (np.bincount(group, weights=has[ctx.rows], minlength=size) > 0).astype(np.int64) << k
        replay = self.source != "record"
        cells = []
        for g in np.flatnonzero(rows).tolist():
            path = ctx.paths[g % n_paths]
            r = int(rows[g])
            cells.append(Cells(distinct[g // n_paths], path, ctx.depth_of[path], r, r if replay else 0,
                               int(counts["text"][g]), int(counts["nonint"][g]), int(counts["dup"][g]), int(valued[g])))
        return Summary((run_key(self.run_id),), tuple(cells), t0)

    def _cell_dups(self, distinct: list[str], ncode: Any, ctx: Contexts) -> tuple[Any, Any]:
        # The pivot skips its GROUP BY for a name whose cells are all distinct. Rows of a name
        # at one loop path normally come in strictly increasing context order; a row that does
        # not (logged twice in one iteration, or a second loop of the same name) is flagged.
        # Contexts are ranked once (vectorised over the distinct ones), rows are grouped by
        # (name, path) with a stable sort, and a row is a duplicate when its rank does not rise
        # within its group; the first row of a group is compared with the last one kept from
        # earlier batches.
        import numpy as np

        uniq, levels = ctx.uniq, ctx.levels
        if ctx.rest is not None:  # deeper than CTX_LEVELS: rank by the full tuple
            keys = [(u[1], *u[2 : 2 + CTX_LEVELS], u[-1] or "") for u in uniq]
            order_u = np.asarray(sorted(range(len(uniq)), key=keys.__getitem__), dtype=np.int64)
        else:
            order_u = np.lexsort((*reversed(levels), ctx.path_code))
        rank_u = np.empty(len(uniq), dtype=np.int64)
        rank_u[order_u] = np.arange(len(uniq))
        cidx = ctx.rows
        rank = rank_u[cidx]
        group = ncode * len(ctx.paths) + ctx.path_code[cidx]
        # a stable sort of 16-bit keys is a radix sort: linear in the rows
        order = np.argsort(group.astype(np.int16) if len(distinct) * len(ctx.paths) < 2**15 else group, kind="stable")
        g, r = group[order], rank[order]
        same = np.r_[False, g[1:] == g[:-1]]
        dup_sorted = same & np.r_[False, r[1:] <= r[:-1]]
        starts = np.flatnonzero(~same)
        ends = np.r_[starts[1:], len(order)] - 1

        def full_key(u: int) -> tuple[object, ...]:
            c = uniq[u]
            return (c[1], *c[2 : 2 + CTX_LEVELS], c[-1] or "")

        last = self.last_cell
        for s_i, e_i in zip(starts.tolist(), ends.tolist()):
            row_first, row_last = order[s_i], order[e_i]
            slot = (distinct[ncode[row_first]], uniq[cidx[row_first]][1])
            prev = last.get(slot)
            if prev is not None and full_key(cidx[row_first]) <= prev:
                dup_sorted[s_i] = True
            last[slot] = full_key(cidx[row_last])
        dup = np.empty(len(order), dtype=bool)
        dup[order] = dup_sorted
        return dup, group

    def timings(self, rows: list[tuple[Any, ...]]) -> dict[str, Any]:
        import numpy as np

        loops, ctxs, seconds, stamps = zip(*rows)
        n = len(rows)
        zeros = np.zeros(n, dtype=np.int64)
        distinct, lcode = _small_codes(loops)
        cols: dict[str, Any] = {
            "run_id": Indexed([self.run_id], zeros),
            "loop": Indexed(distinct, lcode),
            "seconds": np.array(seconds, dtype=np.float64),
            "tstamp": np.array(stamps, dtype=np.float64),
            "source": Indexed([self.source], zeros),
            "replay_id": Indexed([self.replay_id], zeros),
        }
        cols.update(Contexts(ctxs).columns())
        return cols


__all__ = ["Contexts", "Writer", "contexts"]
