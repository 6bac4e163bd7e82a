"""``flor.dataframe(*names)``: FlorDB's pivot over the Parquet parts.

Semantics (FlorDB's, made precise):

- one row per run and loop context, e.g. one per (run, epoch) for names logged per epoch, one
  per (run, epoch, step) for names logged per step; loops become columns named by the loop
  (``epoch``, ``step``: the 0-based iteration index), plus ``<loop>_value`` when the iterated
  value is not simply the index;
- a value logged in an enclosing context is broadcast to every row below it: ``flor.arg``
  values (run level) to all rows of their run, a per-epoch ``acc`` to all step rows of that
  epoch; a context that has no rows below it for the selected names is a row of its own;
- one column per name, numeric (``float64``, or an integer dtype when every value is an int or
  bool) unless a value of the name is text; the last value logged in a cell wins, and a
  recorded value wins over a replayed one (among replayed values, the latest);
- ``projid, run_id, tstamp`` (run start), ``filename`` (the script) and ``commit`` (the code
  snapshot) lead, as FlorDB's ``projid, tstamp, filename`` do; they are categoricals;
- ``where`` is SQL over those columns, applied to the pivoted rows.

Two ways to compute it, same result. The fast path (``query/fast.py``) plans from the parts'
footer summaries and joins with numpy in storage order; it is taken whenever every part has a
summary and loops nest at most four deep. The SQL path below handles everything else: every loop
*path* gets a CTE of cells keyed by ``(run_key, i1, ...)`` (``arg_max(... ORDER BY
recorded-first, seq)``, or the rows themselves when no name repeats a context), each path a
``SELECT`` left-joining the CTEs of its enclosing paths, the parts ``UNION ALL BY NAME``. Both
end in ``_assemble``: run metadata attached by run code as categoricals, columns handed to pandas
without a copy (one block per column, no consolidation).

Names, paths and ids are bound parameters; aliases are quoted identifiers (``query.sqltext``);
``where`` is the user's own SQL, run over the pivoted rows only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from florc.query.sqltext import ident
from florc.query.views import VALUE_TEXT, attempt
from florc.store import Store, open_store
from florc.store.schema import CTX_LEVELS, text_key

META = ("projid", "run_id", "tstamp", "filename", "commit")
# which row of a cell wins: a recorded one (the last logged), else the latest replayed one
_KEY = "{'recorded': coalesce(source = 'record', true), 'at': CASE WHEN coalesce(source = 'record', true) THEN 0 ELSE epoch_us(tstamp) END, 'seq': seq}"
_TEXT = f"CASE WHEN value_type = 'str' THEN json_extract_string(value, '$') ELSE {VALUE_TEXT} END"


@dataclass(frozen=True)
class PathInfo:
    path: str
    depth: int
    names: tuple[str, ...]  # selected names with rows at this path
    tangled: bool  # some name was logged twice in a context here, or has replayed rows
    valued: bool = False  # some row here carries iterated values (loops not over range)

    @property
    def direct(self) -> bool:
        """One name and no repeated cells: its rows are its cells, no GROUP BY needed."""
        return len(self.names) == 1 and not self.tangled

    @property
    def loops(self) -> tuple[str, ...]:
        return tuple(self.path.split("/")) if self.path else ()

    @property
    def levels(self) -> int:
        return min(self.depth, CTX_LEVELS)


@dataclass(frozen=True)
class Pivot:
    """A pivot query ready to run: SQL text with ``$n`` parameters, their values, and the
    columns it yields besides ``run_key`` (loop columns, then names)."""

    sql: str
    params: tuple[Any, ...]
    loop_columns: tuple[str, ...]
    names: tuple[str, ...]
    integral: tuple[str, ...]
    paths: tuple[PathInfo, ...] = ()
    numeric: tuple[str, ...] = ()


class _Params:
    def __init__(self) -> None:
        self.values: list[Any] = []
        self._index: dict[tuple[type, Any], int] = {}

    def __call__(self, value: Any) -> str:
        key = (type(value), value)
        if key not in self._index:
            self.values.append(value)
            self._index[key] = len(self.values)
        return f"${self._index[key]}"


def _is_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) < len(b) and b[: len(a)] == a


def _describe(con: duckdb.DuckDBPyConnection, names: list[str]) -> tuple[list[PathInfo], dict[str, tuple[bool, bool]], dict[str, set[str]]]:
    p = _Params()
    keyed = {text_key(n): n for n in names}
    rows = con.execute(
        f"""SELECT name_key, any_value(ctx_path), any_value(depth),
                   bool_and(value IS NULL AND value_num IS NOT NULL),
                   bool_and(value_type IN ('int', 'bool')),
                   bool_or(coalesce(cell_dup, true)) OR bool_or(source <> 'record'),
                   {", ".join(f"bool_or(v{k} IS NOT NULL)" for k in range(1, CTX_LEVELS + 1))}
            FROM _logs WHERE name_key IN ({", ".join(p(k) for k in keyed)}) GROUP BY name_key, path_key""",
        p.values,
    ).fetchall()
    kinds = {n: (True, True) for n in names}
    name_paths: dict[str, set[str]] = {n: set() for n in names}
    by_path: dict[str, list[Any]] = {}
    for key, path, depth, is_num, is_int, tangled, *valued in rows:
        name = keyed[key]
        if any(valued):
            by_path.setdefault("\0valued", []).append(path)
        kinds[name] = (kinds[name][0] and bool(is_num), kinds[name][1] and bool(is_int))
        name_paths[name].add(path)
        entry = by_path.setdefault(path, [int(depth), [], False])
        entry[1].append(name)
        entry[2] = entry[2] or bool(tangled)
    valued_paths = set(by_path.pop("\0valued", []))
    paths = [
        PathInfo(path, depth, tuple(n for n in names if n in ns), tangled, path in valued_paths)
        for path, (depth, ns, tangled) in by_path.items()
    ]
    paths.sort(key=lambda pi: (pi.depth, pi.path))
    return paths, kinds, name_paths


def plan(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> Pivot:
    """Build the pivot of ``names`` against the data visible through ``con``."""
    if not names:
        names = [r[0] for r in con.execute("SELECT DISTINCT name FROM _logs WHERE depth = 0 ORDER BY name").fetchall()]
    names = list(dict.fromkeys(str(n) for n in names))
    if not names:
        return Pivot("SELECT NULL::BIGINT AS run_key WHERE false", (), (), (), ())
    paths, kinds, name_paths = _describe(con, names)
    integral = tuple(n for n in names if kinds[n][0] and kinds[n][1])
    if not paths:
        cols = ", ".join(["NULL::BIGINT AS run_key", *(f"NULL AS {ident(n)}" for n in names)])
        return Pivot(f"SELECT {cols} WHERE false", (), (), tuple(names), integral)

    p = _Params()
    column = {n: f"c{j}" for j, n in enumerate(names)}
    ctes = []
    for q, pi in enumerate(paths):
        idx = [f"i{k}" for k in range(1, pi.levels + 1)]
        vals = [f"v{k}" for k in range(1, pi.levels + 1)]
        where = f"path_key = {p(text_key(pi.path))}"
        if pi.direct:
            (n,) = pi.names
            expr = "value_num" if kinds[n][0] else _TEXT
            select_cols = ["run_key", *idx, *vals, f"{expr} AS {column[n]}"]
            body = f"SELECT {', '.join(select_cols)} FROM _logs WHERE {where} AND name_key = {p(text_key(n))}"
        else:
            group = ["run_key", *idx] + (["ctx_rest"] if pi.depth > CTX_LEVELS else [])
            aggs = [f"any_value({v}) AS {v}" for v in vals]
            for n in pi.names:
                expr = "value_num" if kinds[n][0] else _TEXT
                aggs.append(f"arg_max({expr}, {_KEY}) FILTER (WHERE name_key = {p(text_key(n))}) AS {column[n]}")
            body = (
                f"SELECT {', '.join(group + aggs)} FROM _logs WHERE {where} "
                f"AND name_key IN ({', '.join(p(text_key(n)) for n in pi.names)}) GROUP BY {', '.join(group)}"
            )
        # A direct CTE is a filtered scan: inlining it beats copying millions of rows into a
        # materialized buffer. An aggregate is worth computing once.
        ctes.append(f"q{q} AS {'NOT MATERIALIZED' if pi.direct else 'MATERIALIZED'} ({body})")

    reserved = set(META) | set(names) | {"run_key"}
    loop_cols: list[str] = []
    branches = []
    for q, pi in enumerate(paths):
        select = ["c.run_key"]
        for k, loop in enumerate(pi.loops[: pi.levels], start=1):
            col = loop if loop not in reserved else f"{loop}_iter"
            select += [f"c.i{k} AS {ident(col)}", f"c.v{k} AS {ident(col + '_value')}"]
            for c in (col, col + "_value"):
                if c not in loop_cols:
                    loop_cols.append(c)
        alias = {pi.path: "c"}
        joins = []
        for r, pre in enumerate(paths):
            if _is_prefix(pre.loops, pi.loops):
                alias[pre.path] = f"p{r}"
                on = [f"p{r}.run_key = c.run_key", *(f"p{r}.i{k} = c.i{k}" for k in range(1, pre.levels + 1))]
                joins.append(f"LEFT JOIN q{r} p{r} ON {' AND '.join(on)}")
        for n in names:
            sources = sorted((s for s in paths if s.path in name_paths[n] and s.path in alias), key=lambda s: -s.depth)
            typ = "BIGINT" if n in integral else "DOUBLE" if kinds[n][0] else "VARCHAR"
            refs = [f"{alias[s.path]}.{column[n]}" for s in sources]
            expr = "NULL" if not refs else refs[0] if len(refs) == 1 else f"coalesce({', '.join(refs)})"
            select.append(f"CAST({expr} AS {typ}) AS {ident(n)}")
        where = ""
        deeper = [d for d in paths if _is_prefix(pi.loops, d.loops)]
        if deeper:
            # A context with rows below it is represented by them (its values broadcast down).
            # The contexts that have some are few (one per epoch, say): collect them once with
            # a small aggregate rather than anti-joining against millions of deeper rows.
            idx = ["run_key", *(f"i{k}" for k in range(1, pi.levels + 1))]
            below = dict.fromkeys(text_key(n) for d in deeper for n in d.names)
            ctes.append(
                f"b{q} AS MATERIALIZED (SELECT DISTINCT {', '.join(idx)} FROM _logs "
                f"WHERE path_key IN ({', '.join(p(text_key(d.path)) for d in deeper)}) "
                f"AND name_key IN ({', '.join(p(k) for k in below)}))"
            )
            on = [f"x.{c} = c.{c}" for c in idx]
            where = f" WHERE NOT EXISTS (SELECT 1 FROM b{q} x WHERE {' AND '.join(on)})"
        branches.append(f"SELECT {', '.join(select)} FROM q{q} c {' '.join(joins)}{where}")
    sql = "WITH " + ",\n".join(ctes) + "\n" + "\nUNION ALL BY NAME\n".join(branches)
    numeric = tuple(n for n in names if kinds[n][0])
    return Pivot(sql, tuple(p.values), tuple(loop_cols), tuple(names), integral, tuple(paths), numeric)


def _runs_meta(con: duckdb.DuckDBPyConnection) -> Any:
    # Ordered by run id, which starts with the start time and is also the order of the part
    # files, so that rows of one run come back from the scan already in order.
    return con.execute(
        """SELECT run_key, run_id, projid, started_at AS tstamp, script AS filename, "commit"
           FROM runs WHERE run_key IS NOT NULL ORDER BY run_id"""
    ).df()


def _codes(meta: Any, run_keys: Any) -> Any:
    """Position of each run key in ``meta`` (ordered by run id); ``len(meta)`` if unknown."""
    import numpy as np

    known = meta["run_key"].to_numpy(dtype=np.int64)
    run_keys = np.asarray(run_keys, dtype=np.int64)
    if not len(known):
        return np.zeros(len(run_keys), dtype=np.int64)
    order = np.argsort(known, kind="stable")
    ordered = known[order]

    def positions(keys: Any) -> Any:
        pos = np.searchsorted(ordered, keys)
        np.minimum(pos, len(known) - 1, out=pos)
        return np.where(ordered[pos] == keys, order[pos], len(known))

    if len(run_keys) < 2:
        return positions(run_keys)
    # Rows of a run come in long stretches: look up one key per stretch, then repeat it.
    starts = np.flatnonzero(np.r_[True, run_keys[1:] != run_keys[:-1]])
    lengths = np.diff(np.r_[starts, len(run_keys)])
    return np.repeat(positions(run_keys[starts]), lengths)


def _numpy(table: Any) -> dict[str, Any]:
    # One copy per column at most (Arrow chunks concatenated); none for a single chunk without NULLs.
    return {name: table.column(name).to_numpy() for name in table.column_names}


def _fast(con: duckdb.DuckDBPyConnection, files: list[Path], names: list[str], meta: Any) -> tuple[dict[str, Any], list[str], Pivot] | None:
    import numpy as np

    from florc.query import fast
    from florc.query.footers import summaries
    from florc.query.views import files_sql

    known = meta["run_key"].to_numpy(dtype=np.int64)
    lay = fast.layout(names, summaries(con, files), {int(k): i for i, k in enumerate(known)})
    if lay is None:
        return None
    text_expr = {n: "value_num" if n in lay.numeric else _TEXT for n in names}

    def fetch(columns: str, which: list[int], params: tuple[Any, ...]) -> dict[str, Any]:
        sql = f"SELECT {columns} FROM read_parquet({files_sql([files[i] for i in which])}, union_by_name = true) WHERE name_key = $1 AND path_key = $2"
        return _numpy(con.sql(sql, params=list(params)).to_arrow_table())

    fetched = {
        (src.name, src.path): fast.fetch_source(fetch, src, text_expr[src.name], (text_key(src.name), text_key(src.path)),
                                                lambda keys: _codes(meta, keys))
        for src in lay.sources
    }
    radix = fast.radices([c for f in fetched.values() for c in (f.main, f.rest) if c is not None], len(meta) + 1)
    if radix is None:
        return None
    got = {k: fast.cells(f, radix) for k, f in fetched.items()}
    # Iterated values are rare (NULL when the value is the index): fetched apart, as one table
    # per loop prefix ("epoch", "epoch/step") of (context key -> value).
    iterated: dict[tuple[str, ...], tuple[Any, Any]] = {}
    in_names = ", ".join(f"${i}" for i in range(2, len(names) + 2))
    for path in sorted({s.path for s in lay.sources if s.path in lay.valued}):
        loops = tuple(path.split("/"))
        for k in range(1, len(loops) + 1):
            idx = ", ".join(fast.levels_sql([f"i{j}" for j in range(1, k + 1)]))
            t = _numpy(con.sql(
                f"SELECT DISTINCT run_key, {idx}, v{k} FROM _logs WHERE v{k} IS NOT NULL AND path_key = $1 AND name_key IN ({in_names})",
                params=[text_key(path), *(text_key(n) for n in names)],
            ).to_arrow_table())
            key = fast.compose(_codes(meta, t["run_key"]), [t[f"i{j}"] for j in range(1, k + 1)], radix)
            value = t[f"v{k}"].astype(object)
            if loops[:k] in iterated:
                old_key, old_value = iterated[loops[:k]]
                key, value = np.concatenate([old_key, key]), np.concatenate([old_value, value])
            key, first = np.unique(key, return_index=True)  # one value per context
            iterated[loops[:k]] = (key, value[first])
    cols, loop_cols = fast.frame(lay, names, got, radix, iterated)
    integral = tuple(n for n in names if n in lay.integral)
    numeric = tuple(n for n in names if n in lay.numeric)
    return cols, loop_cols, Pivot("", (), tuple(loop_cols), tuple(names), integral, (), numeric)


def _slow(con: duckdb.DuckDBPyConnection, pv: Pivot, meta: Any) -> tuple[dict[str, Any], list[str]]:
    import numpy as np

    table = con.sql(pv.sql, params=list(pv.params)).to_arrow_table()
    present = [c for c in pv.loop_columns if c in table.column_names]
    cols = {c: table.column(c).to_numpy(zero_copy_only=False) for c in [*present, *pv.names]}
    codes = _codes(meta, table.column("run_key").to_numpy(zero_copy_only=False).astype(np.int64))
    keys = [np.nan_to_num(np.asarray(cols[c], dtype="float64"), nan=-1.0) for c in present if not c.endswith("_value")]
    order = np.lexsort([*reversed(keys), codes])
    out = {"_run": codes[order], **{c: v[order] for c, v in cols.items()}}
    return out, present


def _assemble(meta: Any, cols: dict[str, Any], loop_cols: list[str], pv: Pivot) -> Any:
    import numpy as np
    import pandas as pd

    codes = np.asarray(cols.pop("_run"), dtype=np.int64)
    n_meta = len(meta)
    unknown = codes >= n_meta
    if unknown.any():
        codes = np.where(unknown, -1, codes)
    small = codes.astype(np.int8 if n_meta < 127 else np.int16 if n_meta < 32767 else np.int32)
    lead: dict[str, Any] = {}
    for c in META:
        values = meta[c]
        if c == "tstamp":
            # the run's start time: a take from one value per run (NaT for an unknown run)
            stamps = np.r_[values.to_numpy(dtype="datetime64[us]").view(np.int64), np.iinfo(np.int64).min]
            taken = stamps[np.where(codes >= 0, codes, n_meta)].view("datetime64[us]")
            lead[c] = pd.DatetimeIndex(taken, tz="UTC", copy=False).array
        elif c == "run_id":
            lead[c] = pd.Categorical.from_codes(small, categories=pd.Index(values.astype(object)), validate=False)
        else:
            cats = pd.Categorical(values.astype(object))
            per_run = np.r_[cats.codes, -1].astype(small.dtype)
            lead[c] = pd.Categorical.from_codes(per_run[np.where(codes >= 0, codes, n_meta)], categories=cats.categories,
                                                validate=False)
    reserved = set(META) | set(pv.names)
    body: dict[str, Any] = {}
    for c in [*loop_cols, *pv.names]:
        v = np.asarray(cols[c])
        out_name = c
        if c in loop_cols:
            base = c[: -len("_value")] if c.endswith("_value") and c[: -len("_value")] in loop_cols else c
            if base in reserved:
                out_name = f"{base}_iter" + c[len(base):]
        if c.endswith("_value") and c in loop_cols:
            v = v.astype(object)
            if pd.isna(v).all():  # the iterated values said nothing beyond the index
                continue
            body[out_name] = v
        elif c in loop_cols or c in pv.integral:
            if v.dtype.kind in "iu" and not (c in loop_cols and (v < 0).any()):
                body[out_name] = v.astype(np.int64, copy=False)
            elif v.dtype.kind in "iu":  # -1: an iteration without an index
                body[out_name] = pd.arrays.IntegerArray(v.astype(np.int64), v < 0)
            else:
                f = np.asarray(v, dtype="float64")
                body[out_name] = pd.Series(f).astype("Int64").array if np.isnan(f).any() else f.astype("int64")
        elif c in pv.numeric:
            body[out_name] = v.astype("float64", copy=False)
        else:
            body[out_name] = v.astype(object)
    # copy=False: one block per column, no consolidation into 2-D blocks (a copy of every column)
    return pd.DataFrame({**lead, **body}, copy=False)


ROW = "__florc_row"


def _filter(con: duckdb.DuckDBPyConnection, df: Any, where: str) -> Any:
    """The rows of ``df`` for which the user's SQL condition ``where`` holds (NaN reads as NULL)."""
    import numpy as np

    view = df.assign(**{ROW: np.arange(len(df), dtype=np.int64)})
    con.register("_pivoted", view)
    try:
        rows = con.execute(f"SELECT {ident(ROW)} FROM _pivoted AS pivoted WHERE {where} ORDER BY 1").fetchnumpy()[ROW]
    finally:
        con.unregister("_pivoted")
    if len(rows) == len(df):
        return df
    return df.iloc[np.asarray(rows, dtype=np.int64)].reset_index(drop=True)


def _names_default(con: duckdb.DuckDBPyConnection, files: list[Path]) -> list[str]:
    from florc.query.footers import summaries

    found = summaries(con, files)
    if all(s is not None for s in found):
        return sorted({c.name for s in found if s is not None for c in s.cells if c.path == ""})
    return [r[0] for r in con.execute("SELECT DISTINCT name FROM _logs WHERE depth = 0 ORDER BY name").fetchall()]


def _dataframe(con: duckdb.DuckDBPyConnection, store: Store, names: Sequence[str], where: str | None, engine: str) -> Any:
    files = store.parts("logs")
    picked = list(dict.fromkeys(str(n) for n in names)) or _names_default(con, files)
    meta = _runs_meta(con)
    built = _fast(con, files, picked, meta) if picked and files and engine == "auto" else None
    if built is not None:
        cols, loop_cols, pv = built
    else:
        pv = plan(con, picked)
        cols, loop_cols = _slow(con, pv, meta)
    df = _assemble(meta, cols, loop_cols, pv)
    return _filter(con, df, where) if where else df


def dataframe(*names: str, store: str | Path | Store | None = None, where: str | None = None, engine: str = "auto") -> Any:
    """The pivoted dataframe of ``names`` (all run-level names when none are given).

    ``where`` is SQL over the pivot's columns, e.g. ``"epoch >= 2"``. ``engine="sql"`` computes
    it in SQL only (the same result; for checking the fast path against it).

    >>> dataframe("loss", store="/nonexistent").columns.tolist()[:5]  # doctest: +SKIP
    ['projid', 'run_id', 'tstamp', 'filename', 'commit']
    """
    st = store if isinstance(store, Store) else open_store(store)
    return attempt(st, lambda con: _dataframe(con, st, names, where, engine))


__all__ = ["META", "Pivot", "dataframe", "plan"]
