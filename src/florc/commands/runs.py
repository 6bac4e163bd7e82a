"""`florc runs [--json|--csv]`: the recorded runs, newest last, with code version and status."""

from __future__ import annotations

import argparse

HELP = "list the recorded runs with their commit, status and args"

SQL = """SELECT run_id, kind, status, left("commit", 10) AS "commit", branch, script, args,
       started_at, round(epoch(ended_at) - epoch(started_at), 3) AS seconds, replays_run_id, notice
FROM runs ORDER BY started_at, run_id"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format_arguments(parser)


def add_format_arguments(parser: argparse.ArgumentParser) -> None:
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="fmt", action="store_const", const="json", help="one JSON object on stdout")
    fmt.add_argument("--csv", dest="fmt", action="store_const", const="csv", help="CSV with a header row")
    parser.set_defaults(fmt="text")
    parser.add_argument("--store", default=None, help="store directory (default: .flor/ of this project)")


def run(args: argparse.Namespace) -> int:
    return runs(fmt=args.fmt, store=args.store)


def runs(*, fmt: str = "text", store: str | None = None) -> int:
    from florc.query import query
    from florc.query.output import render

    df = query(SQL, store=store)
    if fmt == "text" and not df.empty:
        df = df.drop(columns=["replays_run_id"] if df["replays_run_id"].isna().all() else [])
        df = df.drop(columns=["notice"] if df["notice"].isna().all() else [])
    print(render(df, fmt))
    return 0


__all__ = ["HELP", "add_arguments", "add_format_arguments", "run", "runs"]
