"""`florc query SQL [--json|--csv]`: SQL over the views runs, logs, timings, checkpoints."""

from __future__ import annotations

import argparse

from florc.commands.runs import add_format_arguments
from florc.errors import UserError

HELP = "run SQL over the views runs, logs, timings, checkpoints"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sql", help="a SQL query, e.g. \"SELECT name, count(*) FROM logs GROUP BY name\"")
    add_format_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return query(args.sql, fmt=args.fmt, store=args.store)


def query(sql: str, *, fmt: str = "text", store: str | None = None) -> int:
    import duckdb

    from florc.query import query as run_sql
    from florc.query.output import render

    try:
        df = run_sql(sql, store=store)
    except duckdb.Error as exc:
        raise UserError(f"query: {str(exc).splitlines()[0]}") from exc
    print(render(df, fmt))
    return 0


__all__ = ["HELP", "add_arguments", "query", "run"]
