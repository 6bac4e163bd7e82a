"""A DuckDB connection with florc's views over a store's Parquet parts.

Raw views (``_runs``, ``_logs``, ``_timings``, ``_checkpoints``) read every part of a table
with ``read_parquet(..., union_by_name=true)``, so parts written by older schema versions (fewer
columns) still read; a table with no parts yet is an empty view of the right types. The public
views add meaning on top:

- ``runs``: one row per run, its latest revision; ``status`` is ``complete``, ``failed``,
  ``terminated``, ``interrupted``, ``running`` (no end row yet and its process is alive: see
  ``store/live.py``), or ``incomplete`` (no end row and no live process: it was killed).

Each raw view reads an explicit list of files, ``Store.parts(table)``: the parts a reader should
see, merged files hiding the parts they replace. A part can vanish between that listing and the
scan (a merge deletes the parts it replaced); ``attempt`` runs a read again on a fresh listing
when that happens.
- ``logs``: every log row, with ``value`` as JSON text for all types and ``ctx`` rebuilt as a
  list of ``{loop, iteration, value}`` (outermost first).
- ``timings``, ``checkpoints``: as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from florc.query.sqltext import ident, literal
from florc.store import Store, open_store
from florc.store.live import live_writers
from florc.store.schema import COLUMNS, CTX_LEVELS, TABLES

T = TypeVar("T")

_SQL_TYPES = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "int32": "INTEGER",
    "int8": "TINYINT",
    "float64": "DOUBLE",
    "timestamp": "TIMESTAMPTZ",
    "binary": "BLOB",
    "bool": "BOOLEAN",
}

# value as JSON text for every row, including those whose number lives only in value_num
VALUE_TEXT = """CASE
    WHEN value IS NOT NULL THEN value
    WHEN value_num IS NULL THEN 'null'
    WHEN value_type = 'int' THEN CAST(CAST(value_num AS BIGINT) AS VARCHAR)
    WHEN value_type = 'bool' THEN CASE WHEN value_num <> 0 THEN 'true' ELSE 'false' END
    ELSE CAST(value_num AS VARCHAR)
END"""

_CTX_LIST = "list_filter([{items}], lambda x: x.iteration IS NOT NULL)".format(
    items=", ".join(
        f"{{'loop': string_split(ctx_path, '/')[{k}], 'iteration': i{k}, 'value': v{k}}}"
        for k in range(1, CTX_LEVELS + 1)
    )
)


def _empty(table: str) -> str:
    cols = ", ".join(f"CAST(NULL AS {_SQL_TYPES[kind]}) AS {ident(name)}" for name, kind in COLUMNS[table])
    return f"SELECT {cols} WHERE false"


def files_sql(files: list[Path]) -> str:
    """A DuckDB list literal of file paths, for ``read_parquet``."""
    return "[" + ", ".join(literal(str(f)) for f in files) + "]"


def _raw(store: Store, table: str) -> str:
    files = store.parts(table)
    if not files:
        return _empty(table)
    # Columns a part lacks (older schema) read as NULL thanks to union_by_name; the explicit
    # list pins the types and the order whatever the parts hold.
    known = ", ".join(ident(name) for name, _ in COLUMNS[table])
    return f"SELECT {known} FROM read_parquet({files_sql(files)}, union_by_name = true)"


def connect(store: str | Path | Store | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the views of ``store`` (default: this project's).

    >>> import tempfile
    >>> connect(tempfile.mkdtemp()).execute("SELECT count(*) FROM logs").fetchone()
    (0,)
    """
    st = store if isinstance(store, Store) else open_store(store)
    con = duckdb.connect(":memory:")
    live = sorted(live_writers(st.path))
    # Every query re-binds the views, reading each part's footer: cache footers per connection.
    con.execute("SET parquet_metadata_cache = true")
    for table in TABLES:
        try:
            con.execute(f"CREATE VIEW _{table} AS {_raw(st, table)}")
        except duckdb.Error as exc:
            if _vanished(exc):
                con.close()
                raise
            # A schema mismatch in some part must not hide the others: fall back to empty.
            con.execute(f"CREATE VIEW _{table} AS {_empty(table)}")
    con.execute(
        f"""CREATE VIEW runs AS
        SELECT run_id, run_key, kind, replays_run_id, "commit", snapshot_ref, head, branch, projid, root,
               script, argv, args, started_at, ended_at,
               CASE WHEN status <> 'running' THEN status
                    WHEN run_id IN ({", ".join(literal(w) for w in live) or "NULL"}) THEN 'running'
                    ELSE 'incomplete' END AS status,
               exit_code, host, pid, florc_version, schema_version, notice
        FROM _runs
        QUALIFY row_number() OVER (PARTITION BY run_id ORDER BY rev DESC) = 1"""
    )
    con.execute(
        f"""CREATE VIEW logs AS
        SELECT run_id, seq, tstamp, script, name, {VALUE_TEXT} AS value, value_num, value_type,
               payload, {_CTX_LIST} AS ctx, depth, ctx_path,
               {", ".join(f"i{k}, v{k}" for k in range(1, CTX_LEVELS + 1))}, ctx_rest,
               line, site, source, replay_id
        FROM _logs"""
    )
    con.execute("CREATE VIEW timings AS SELECT * FROM _timings")
    con.execute("CREATE VIEW checkpoints AS SELECT * FROM _checkpoints")
    return con


def _vanished(exc: duckdb.Error) -> bool:
    text = str(exc)
    return isinstance(exc, duckdb.IOException) or "No such file" in text or "No files found" in text


def attempt(store: str | Path | Store | None, read: Callable[[duckdb.DuckDBPyConnection], T], tries: int = 3) -> T:
    """``read(con)`` on a fresh connection; again (up to ``tries`` times) if a listed part was
    removed under it by a merge, which leaves the merged file in its place."""
    for left in range(tries - 1, -1, -1):
        con = None
        try:
            con = connect(store)
            return read(con)
        except duckdb.Error as exc:
            if left == 0 or not _vanished(exc):
                raise
        finally:
            if con is not None:
                con.close()
    raise AssertionError("unreachable")


__all__ = ["VALUE_TEXT", "attempt", "connect", "files_sql"]
