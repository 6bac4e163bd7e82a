"""``flor.dataframe(*names)``: FlorDB's pivot, computed by DuckDB over the Parquet parts.

Semantics (FlorDB's, made precise):

- one row per run and loop context, e.g. one per (run, epoch) for names logged per epoch, one
  per (run, epoch, step) for names logged per step; loops become columns named by the loop
  (``epoch``, ``step``: the 0-based iteration index), plus ``<loop>_value`` when the iterated
  value is not simply the index;
- a value logged in an enclosing context is broadcast to every row below it: ``flor.arg``
  values (run level) to all rows of their run, a per-epoch ``acc`` to all step rows of that
  epoch; a context that has no rows below it for the selected names is a row of its own;
- one column per name, numeric (``float64``, or nullable ``Int64`` when every value is an int
  or bool) unless a value of the name is text; the last value logged in a cell wins, and a
  recorded value wins over a replayed one;
- ``projid, run_id, tstamp`` (run start), ``filename`` (the script) and ``commit`` (the code
  snapshot) lead, as FlorDB's ``projid, tstamp, filename`` do.

How: one query finds which (name, context path) pairs exist; one ``GROUP BY`` over the selected
log rows builds ``cells`` (one row per run and context, one column per name, via ``arg_max ...
FILTER``); each context path then becomes a ``SELECT`` that left-joins its enclosing paths for
the broadcast, and the parts are ``UNION ALL BY NAME``. Names, paths and ids are bound
parameters; aliases are quoted identifiers (see ``query.sqltext``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from florc.query.sqltext import ident
from florc.query.views import VALUE_TEXT, connect
from florc.store import Store
from florc.store.schema import CTX_LEVELS

META = ("projid", "run_id", "tstamp", "filename", "commit")


@dataclass(frozen=True)
class PathInfo:
    path: str
    depth: int
    valued: tuple[bool, ...]  # per level: does any row carry an iterated value?

    @property
    def loops(self) -> tuple[str, ...]:
        return tuple(self.path.split("/")) if self.path else ()


@dataclass(frozen=True)
class Pivot:
    """A pivot query ready to run: SQL text with ``$n`` parameters, and their values."""

    sql: str
    params: tuple[Any, ...]
    columns: tuple[str, ...]


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


def plan(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> Pivot:
    """Build the pivot of ``names`` against the data visible through ``con``."""
    p = _Params()
    if not names:
        names = [r[0] for r in con.execute("SELECT DISTINCT name FROM _logs WHERE depth = 0 ORDER BY name").fetchall()]
    names = list(dict.fromkeys(str(n) for n in names))
    if not names:
        cols = ", ".join(f"NULL AS {ident(c)}" for c in META)
        return Pivot(f"SELECT {cols} WHERE false", (), META)
    in_names = ", ".join(p(n) for n in names)
    valued = ", ".join(f"bool_or(v{k} IS NOT NULL)" for k in range(1, CTX_LEVELS + 1))
    meta = con.execute(
        f"""SELECT name, ctx_path, any_value(depth),
                   bool_and(value_type IN ('float', 'int', 'bool')),
                   bool_and(value_type IN ('int', 'bool')), {valued}
            FROM _logs WHERE name IN ({in_names}) GROUP BY name, ctx_path""",
        p.values,
    ).fetchall()

    if not meta:
        cols = ", ".join(f"NULL AS {ident(c)}" for c in (*META, *names))
        return Pivot(f"SELECT {cols} WHERE false", (), (*META, *names))
    numeric = {n: True for n in names}
    integral = {n: True for n in names}
    name_paths: dict[str, set[str]] = {n: set() for n in names}
    paths: dict[str, PathInfo] = {}
    for name, path, depth, is_num, is_int, *vals in meta:
        numeric[name] &= bool(is_num)
        integral[name] &= bool(is_int)
        name_paths[name].add(path)
        old = paths.get(path)
        v = tuple(bool(x) for x in vals)
        paths[path] = PathInfo(path, int(depth), v if old is None else tuple(a or b for a, b in zip(v, old.valued)))
    order = sorted(paths.values(), key=lambda pi: (pi.depth, pi.path))
    levels = min(max((pi.depth for pi in order), default=0), CTX_LEVELS)

    # cells: one row per (run, context), one column per name
    idx = [f"i{k}" for k in range(1, levels + 1)]
    key = "CASE WHEN source = 'record' THEN seq + 4611686018427387904 ELSE seq END"
    text = f"CASE WHEN value_type = 'str' THEN json_extract_string(value, '$') ELSE {VALUE_TEXT} END"
    aggs = []
    for j, n in enumerate(names):
        expr = "value_num" if numeric[n] else text
        aggs.append(f"arg_max({expr}, {key}) FILTER (WHERE name = {p(n)}) AS c{j}")
    vals = [f"any_value(v{k}) AS v{k}" for k in range(1, levels + 1)]
    group = ", ".join(["run_id", "ctx_path", *idx])
    cells = f"""cells AS MATERIALIZED (
        SELECT {group}, {", ".join([*vals, *aggs])}
        FROM _logs WHERE name IN ({in_names}) GROUP BY {group})"""

    reserved = set(META) | set(names)
    loop_cols: list[str] = []
    branches = []
    for q in order:
        qloops = q.loops
        select = ["c.run_id"]
        for k, loop in enumerate(qloops[:levels], start=1):
            col = loop if loop not in reserved else f"{loop}_iter"
            select.append(f"c.i{k} AS {ident(col)}")
            if col not in loop_cols:
                loop_cols.append(col)
            if q.valued[k - 1]:
                vcol = f"{col}_value"
                select.append(f"c.v{k} AS {ident(vcol)}")
                if vcol not in loop_cols:
                    loop_cols.append(vcol)
        joins = []
        alias: dict[str, str] = {q.path: "c"}
        for pj, pre in enumerate(pi for pi in order if _is_prefix(pi.loops, qloops)):
            a = f"p{pj}"
            alias[pre.path] = a
            on = [f"{a}.ctx_path = {p(pre.path)}", f"{a}.run_id = c.run_id"]
            on += [f"{a}.i{k} = c.i{k}" for k in range(1, min(pre.depth, levels) + 1)]
            joins.append(f"LEFT JOIN cells {a} ON {' AND '.join(on)}")
        for j, n in enumerate(names):
            sources = sorted(
                (pi for pi in order if pi.path in name_paths[n] and pi.path in alias),
                key=lambda pi: -pi.depth,
            )
            typ = "BIGINT" if numeric[n] and integral[n] else "DOUBLE" if numeric[n] else "VARCHAR"
            if sources:
                expr = ", ".join(f"{alias[s.path]}.c{j}" for s in sources)
                expr = f"coalesce({expr})" if len(sources) > 1 else expr
            else:
                expr = "NULL"
            select.append(f"CAST({expr} AS {typ}) AS {ident(n)}")
        where = [f"c.ctx_path = {p(q.path)}"]
        deeper = [pi for pi in order if _is_prefix(qloops, pi.loops)]
        if deeper:
            # A context with rows below it is represented by them (values broadcast down).
            cond = [f"x.ctx_path IN ({', '.join(p(d.path) for d in deeper)})", "x.run_id = c.run_id"]
            cond += [f"x.i{k} = c.i{k}" for k in range(1, min(q.depth, levels) + 1)]
            where.append(f"NOT EXISTS (SELECT 1 FROM cells x WHERE {' AND '.join(cond)})")
        branches.append(
            f"SELECT {', '.join(select)} FROM cells c {' '.join(joins)} WHERE {' AND '.join(where)}"
        )
    union = "\nUNION ALL BY NAME\n".join(branches)
    head = [
        "r.projid AS projid",
        "u.run_id AS run_id",
        "r.started_at AS tstamp",
        "r.script AS filename",
        'r."commit" AS "commit"',
    ]
    columns = [*META, *loop_cols, *names]
    select_cols = head + [f"u.{ident(c)}" for c in loop_cols] + [f"u.{ident(n)}" for n in names]
    order_by = ["r.started_at", "u.run_id"] + [f"u.{ident(c)} NULLS FIRST" for c in loop_cols if not c.endswith("_value")]
    sql = f"""WITH {cells},
    u AS ({union})
    SELECT {', '.join(select_cols)}
    FROM u LEFT JOIN runs r ON r.run_id = u.run_id
    ORDER BY {', '.join(order_by)}"""
    return Pivot(sql, tuple(p.values), tuple(columns))


def dataframe(*names: str, store: str | Path | Store | None = None, where: str | None = None) -> Any:
    """The pivoted dataframe of ``names`` (all run-level names when none are given).

    ``where`` is SQL over the pivot's columns, e.g. ``"epoch >= 2"``.

    >>> dataframe("loss", store="/nonexistent").shape  # doctest: +SKIP
    (0, 6)
    """
    con = connect(store)
    try:
        pv = plan(con, names)
        sql = pv.sql if not where else f"SELECT * FROM ({pv.sql}) AS pivoted WHERE {where}"
        return con.execute(sql, list(pv.params)).df()
    finally:
        con.close()


__all__ = ["META", "Pivot", "dataframe", "plan"]
