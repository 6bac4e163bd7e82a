"""The `florc` command line: a parser and a dispatcher, nothing else.

Each subcommand lives in ``florc.commands.<name>``; this module builds one sub-parser per entry
of ``COMMANDS`` and hands the parsed namespace to that module's ``run``. Every exception is turned
into an exit code here and only here (see ``florc.errors``).
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from florc.commands import COMMANDS
from florc.errors import EXIT_INTERNAL, EXIT_USER, FlorError, InternalError
from florc.store.layout import store_dir


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"florc.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="florc", description="Multiversion hindsight logging for ML training code."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name in COMMANDS:
        module = _command(name)
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args._module.run(args)
        return code
    except KeyboardInterrupt:
        print("florc: interrupted", file=sys.stderr)
        return 130
    except InternalError as exc:
        return _crash(exc)
    except FlorError as exc:
        print(f"florc: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # `florc query ... | head`: the reader left; that is not our failure.
        sys.stderr.close()
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into a crash log
        return _crash(exc)


def _crash(exc: BaseException) -> int:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = "".join(traceback.format_exception(exc))
    try:
        crash_dir = store_dir(Path.cwd()) / "crash"
        crash_dir.mkdir(exist_ok=True)
        path = crash_dir / f"florc-{stamp}-{os.getpid()}.txt"
        path.write_text(text)
        where = f"; details in {path}"
    except OSError:
        where = ""
        sys.stderr.write(text)
    print(f"florc: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    return EXIT_INTERNAL if not isinstance(exc, FlorError) else exc.exit_code


__all__ = ["main", "build_parser", "EXIT_USER"]

if __name__ == "__main__":
    raise SystemExit(main())
