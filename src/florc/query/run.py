"""``flor.query(sql)``: the user's own SQL over the views, as a pandas DataFrame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from florc.query.views import attempt
from florc.store import Store


def query(sql: str, store: str | Path | Store | None = None, params: list[Any] | None = None) -> Any:
    """Run ``sql`` over ``runs``, ``logs``, ``timings``, ``checkpoints``; a pandas DataFrame.

    >>> query("SELECT 1 AS one", store="/tmp").one.tolist()  # doctest: +SKIP
    [1]
    """
    return attempt(store, lambda con: con.execute(sql, params or []).df())


def rows(sql: str, store: str | Path | Store | None = None, params: list[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, rows) of ``sql``: for output formats that do not need pandas."""
    def read(con: Any) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = con.execute(sql, params or [])
        return [d[0] for d in cur.description or []], cur.fetchall()

    return attempt(store, read)


__all__ = ["query", "rows"]
