"""The footer summaries of ``logs`` parts (``store.summary``), read through DuckDB.

``parquet_kv_metadata`` reads only the footers, which the connection caches: a few milliseconds
for hundreds of files, where learning the same from the rows is a scan of all of them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from florc.query.views import files_sql
from florc.store.summary import KEY, Summary


def summaries(con: duckdb.DuckDBPyConnection, files: list[Path]) -> list[Summary | None]:
    """The summary of each file (None where a file has none), in the order of ``files``."""
    if not files:
        return []
    rows = con.execute(
        f"SELECT file_name, value FROM parquet_kv_metadata({files_sql(files)}) WHERE decode(key) = ?", [KEY]
    ).fetchall()
    found = {str(name): Summary.from_json(value) for name, value in rows}
    return [found.get(str(f)) for f in files]


__all__ = ["summaries"]
