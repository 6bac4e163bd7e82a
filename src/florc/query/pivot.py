"""``flor.dataframe(*names)``: FlorDB's pivot, computed by DuckDB over the Parquet parts.

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
  recorded value wins over a replayed one;
- ``projid, run_id, tstamp`` (run start), ``filename`` (the script) and ``commit`` (the code
  snapshot) lead, as FlorDB's ``projid, tstamp, filename`` do; they are categoricals.

How, and why it is fast. Every loop *path* (``""``, ``"epoch"``, ``"epoch/step"``) among the
selected rows gets its own CTE of cells keyed by ``(run_key, i1, ...)``, all integers (string
keys cost twice as much to hash). A path holding a single name whose rows the runtime did not
flag as repeated (``cell_dup``) and that has no replayed rows needs no ``GROUP BY`` at all: its
rows are the cells, which is what keeps a 10-million-row pivot near a second. Other paths
aggregate with ``arg_max(... ORDER BY recorded-first, seq) FILTER (WHERE name = ...)``. Each path
then becomes a ``SELECT`` that left-joins the CTEs of its enclosing paths (the broadcast), and
the parts are ``UNION ALL BY NAME``. Results travel as Arrow; run metadata is attached in pandas
by the run key, as categoricals, instead of repeating strings per row in SQL.

Names, paths and ids are bound parameters; aliases are quoted identifiers (``query.sqltext``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from florc.query.sqltext import ident
from florc.query.views import VALUE_TEXT, attempt
from florc.store import Store
from florc.store.schema import CTX_LEVELS, text_key

META = ("projid", "run_id", "tstamp", "filename", "commit")
_KEY = "CASE WHEN source = 'record' THEN seq + 4611686018427387904 ELSE seq END"
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


def _fast(con: duckdb.DuckDBPyConnection, pv: Pivot, meta: Any) -> tuple[dict[str, Any], list[str]] | None:
    import numpy as np

    from florc.query.broadcast import Source, frame_columns

    if not pv.paths or any(pi.tangled for pi in pv.paths) or any(pi.depth > CTX_LEVELS for pi in pv.paths):
        return None
    p = _Params()
    depth = max(pi.depth for pi in pv.paths)
    text = [n for n in pv.names if n not in pv.numeric]
    # Path and name come back as small integers (positions in pv.paths / pv.names) and indices
    # without NULLs (-1), so that every column converts to numpy without a copy or a mask.
    path_pos = " ".join(f"WHEN {p(text_key(pi.path))} THEN {i}" for i, pi in enumerate(pv.paths))
    name_pos = " ".join(f"WHEN {p(text_key(n))} THEN {j}" for j, n in enumerate(pv.names))
    cols = [
        "run_key",
        f"CAST(CASE path_key {path_pos} END AS TINYINT) AS p",
        f"CAST(CASE name_key {name_pos} END AS SMALLINT) AS n",
        *(f"coalesce(i{k}, -1) AS i{k}" for k in range(1, depth + 1)),
        "value_num",
    ]
    if text:
        cols.append(f"CASE WHEN name_key IN ({', '.join(p(text_key(n)) for n in text)}) THEN {_TEXT} END AS t")
    in_names = ", ".join(p(text_key(n)) for n in pv.names)
    in_paths = ", ".join(p(text_key(pi.path)) for pi in pv.paths)
    sql = f"SELECT {', '.join(cols)} FROM _logs WHERE name_key IN ({in_names}) AND path_key IN ({in_paths})"
    table = con.sql(sql, params=p.values).to_arrow_table()
    col = {name: table.column(name).to_numpy(zero_copy_only=False) for name in table.column_names}
    codes = _codes(meta, col["run_key"])
    path_of = col["p"]
    name_of = col["n"]
    values: dict[str, Any] = {}
    for n in pv.names:
        values[n] = col["value_num"] if n in pv.numeric else col["t"].astype(object)
    idx = [col[f"i{k}"] for k in range(1, depth + 1)]
    # Iterated values are rare (NULL when the value is the index): fetched separately, as
    # (run code, i1..ik, value) per level, so that the main scan stays numeric.
    iterated: list[tuple[Any, list[Any], Any]] = []
    for k in range(1, depth + 1 if any(pi.valued for pi in pv.paths) else 1):
        rows = con.sql(
            f"SELECT DISTINCT run_key, {', '.join(f'i{j}' for j in range(1, k + 1))}, v{k} FROM _logs "
            f"WHERE v{k} IS NOT NULL AND name_key IN ({in_names}) AND path_key IN ({in_paths})",
            params=p.values,
        ).to_arrow_table()
        iterated.append((
            _codes(meta, rows.column("run_key").to_numpy(zero_copy_only=False)),
            [rows.column(f"i{j}").to_numpy(zero_copy_only=False) for j in range(1, k + 1)],
            rows.column(f"v{k}").to_numpy(zero_copy_only=False).astype(object),
        ))
    sources = [Source(pi.path, pi.depth, pi.names) for pi in pv.paths]
    return frame_columns(codes, path_of, name_of, idx, iterated, values, sources, len(meta) + 1)


def _slow(con: duckdb.DuckDBPyConnection, pv: Pivot, meta: Any, where: str | None) -> tuple[dict[str, Any], list[str]]:
    import numpy as np

    if where:
        # --where may name any column, the run's metadata included: join it in SQL.
        con.register("_pivot_runs", meta)
        sql = f"""SELECT * FROM (SELECT m.projid, m.run_id, m.tstamp, m.filename, m."commit", u.*
                  FROM ({pv.sql}) u LEFT JOIN _pivot_runs m USING (run_key)) AS pivoted WHERE {where}"""
    else:
        sql = pv.sql
    table = con.sql(sql, params=list(pv.params)).to_arrow_table()
    present = [c for c in pv.loop_columns if c in table.column_names]
    cols = {c: table.column(c).to_numpy(zero_copy_only=False) for c in [*present, *pv.names]}
    codes = _codes(meta, table.column("run_key").to_numpy(zero_copy_only=False).astype(np.int64))
    keys = [np.nan_to_num(np.asarray(cols[c], dtype="float64"), nan=-1.0) for c in present if not c.endswith("_value")]
    order = np.lexsort([*reversed(keys), codes])
    out = {"_run": codes[order], **{c: v[order] for c, v in cols.items()}}
    return out, present


def _frame(con: duckdb.DuckDBPyConnection, pv: Pivot, where: str | None) -> Any:
    import numpy as np
    import pandas as pd

    meta = _runs_meta(con)
    built = None if where else _fast(con, pv, meta)
    cols, loop_cols = built if built is not None else _slow(con, pv, meta, where)
    codes = np.asarray(cols.pop("_run"), dtype=np.int64)
    codes = np.where(codes >= len(meta), -1, codes)

    lead: dict[str, Any] = {}
    for c in META:
        values = meta[c]
        if c == "tstamp":
            lead[c] = pd.api.extensions.take(values.array, codes, allow_fill=True)
        else:
            cats = pd.Categorical(values.astype(object))
            lead[c] = pd.Categorical.from_codes(np.where(codes >= 0, cats.codes[codes] if len(meta) else -1, -1), categories=cats.categories)
    body: dict[str, Any] = {}
    for c in [*loop_cols, *pv.names]:
        v = np.asarray(cols[c])
        if c.endswith("_value") and c in loop_cols:
            v = v.astype(object)
            if pd.isna(v).all():  # the iterated values said nothing beyond the index
                continue
            body[c] = v
        elif c in loop_cols or c in pv.integral:
            f = np.asarray(v, dtype="float64")
            body[c] = pd.Series(f).astype("Int64").array if np.isnan(f).any() else f.astype("int64")
        elif c in pv.numeric:
            body[c] = v.astype("float64")
        else:
            body[c] = v.astype(object)
    out = pd.DataFrame({**lead, **body})
    return out


def dataframe(*names: str, store: str | Path | Store | None = None, where: str | None = None) -> Any:
    """The pivoted dataframe of ``names`` (all run-level names when none are given).

    ``where`` is SQL over the pivot's columns, e.g. ``"epoch >= 2"``.

    >>> dataframe("loss", store="/nonexistent").columns.tolist()[:5]  # doctest: +SKIP
    ['projid', 'run_id', 'tstamp', 'filename', 'commit']
    """
    return attempt(store, lambda con: _frame(con, plan(con, names), where))


__all__ = ["META", "Pivot", "dataframe", "plan"]
