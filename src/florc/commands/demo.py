"""`florc demo [--dir DIR]`: the whole story on the embedded example project."""

from __future__ import annotations

import argparse

HELP = (
    "build the example project, record its 3 versions, show the dataframe, backfill two new statements "
    "by replay, and propagate them into the older versions"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", default=None, help="where to build the example (default: a temporary directory)")


def run(args: argparse.Namespace) -> int:
    from florc.demo import main

    return main(directory=args.dir)


__all__ = ["HELP", "add_arguments", "run"]
