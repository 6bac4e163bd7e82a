"""`florc version`: print the installed version."""

from __future__ import annotations

import argparse

HELP = "print florc's version"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace) -> int:
    del args
    return version()


def version() -> int:
    from florc import __version__

    print(__version__)
    return 0
