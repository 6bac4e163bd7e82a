"""`florc dataframe NAME... [--where SQL] [--json|--csv]`: FlorDB's pivoted view of logged names."""

from __future__ import annotations

import argparse

from florc.commands.runs import add_format_arguments
from florc.errors import UserError

HELP = "pivot logged names: one row per run and loop context, args broadcast"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="logged names (none: run-level values)")
    parser.add_argument("--where", default=None, help="SQL condition over the pivot's columns, e.g. 'epoch >= 2'")
    add_format_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return dataframe(*args.names, where=args.where, fmt=args.fmt, store=args.store)


def dataframe(*names: str, where: str | None = None, fmt: str = "text", store: str | None = None) -> int:
    import duckdb

    from florc.query import dataframe as pivot
    from florc.query.output import render

    try:
        df = pivot(*names, store=store, where=where)
    except duckdb.Error as exc:
        if where is None:
            raise
        raise UserError(f"--where {where!r}: {str(exc).splitlines()[0]}") from exc
    print(render(df, fmt))
    return 0


__all__ = ["HELP", "add_arguments", "dataframe", "run"]
