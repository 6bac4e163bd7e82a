"""``flor.query(sql)``: the user's own SQL over the views, as a pandas DataFrame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from florc.query.views import connect
from florc.store import Store


def query(sql: str, store: str | Path | Store | None = None, params: list[Any] | None = None) -> Any:
    """Run ``sql`` over ``runs``, ``logs``, ``timings``, ``checkpoints``; a pandas DataFrame.

    >>> query("SELECT 1 AS one", store="/tmp").one.tolist()  # doctest: +SKIP
    [1]
    """
    con = connect(store)
    try:
        return con.execute(sql, params or []).df()
    finally:
        con.close()


def rows(sql: str, store: str | Path | Store | None = None, params: list[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, rows) of ``sql``: for output formats that do not need pandas."""
    con = connect(store)
    try:
        cur = con.execute(sql, params or [])
        cols = [d[0] for d in cur.description or []]
        return cols, cur.fetchall()
    finally:
        con.close()


__all__ = ["query", "rows"]
