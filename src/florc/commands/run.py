"""`florc run [--] SCRIPT [ARGS...]`: run a script as ``__main__`` with a run being recorded.

Same as ``python SCRIPT ARGS...`` except that the run is recorded from the start (even if the
script never calls flor), ``import flordb as flor`` / ``import flor`` resolve to florc so
FlorDB scripts run unchanged, and ``--kwargs k=v ...`` is taken out of the script's argv (the
script's own argparse never sees it; flags it does not know stay for it).

The script is compiled (instrumented, through the cache under the store) before the run starts:
a script that is not valid Python is one error line, ``florc: error: train.py:2:5: '(' was never
closed``, and no run. An exception the script raises is printed as ``python`` prints it, from
the script's own frame down (florc's frames above it are left out), and the run is ``failed``.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from florc.errors import Position, UserError

HELP = "run a script and record it (like `python SCRIPT ARGS...`)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("script", help="the Python script to run")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script (and --kwargs k=v)")


def run(args: argparse.Namespace) -> int:
    script_args = list(args.args)
    if script_args[:1] == ["--"]:
        script_args = script_args[1:]
    return run_script(args.script, script_args)


def run_script(script: str, args: list[str]) -> int:
    """Run ``script`` with ``args`` in this process, recorded; returns its exit code."""
    import florc
    from florc.runtime import kwargs, session

    path = Path(script)
    if not path.is_file():
        raise UserError(f"{script}: no such file")
    from florc.instrument import Unparseable
    from florc.instrument.cache import InstrumentCache
    from florc.instrument.execute import prepare_recorded
    from florc.store.layout import project_root, store_dir

    root = project_root()
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        rel = str(path.resolve())
    try:
        # Loops get checkpoint calls (florc.instrument, record mode) so a replay can skip them.
        code, instrumented = prepare_recorded(path, rel, InstrumentCache.under(store_dir(root)))
    except Unparseable as exc:
        where = exc.position or Position(script)
        raise UserError(exc.message, Position(script, where.line, where.column)) from None
    argv, pairs = kwargs.split([script, *args])
    kwargs.set_pairs(pairs)
    sys.argv = argv
    sys.path.insert(0, str(path.resolve().parent))
    for alias in ("flordb", "flor"):
        sys.modules[alias] = florc
    from florc.instrument.execute import run_recorded

    run = session.start(script=rel, argv=argv)
    status, exit_code = "complete", 0
    try:
        run_recorded(path, rel, run, code, instrumented)
    except SystemExit as exc:
        exit_code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
        status = "complete" if exit_code == 0 else "failed"
    except KeyboardInterrupt:
        status, exit_code = "interrupted", 130
        print("KeyboardInterrupt", file=sys.stderr)
    except BaseException as exc:  # noqa: BLE001 - the script's own error, reported like python does
        status, exit_code = "failed", 1
        exc.__traceback__ = _from_script(exc.__traceback__, code.co_filename)
        traceback.print_exception(exc)
    finally:
        run.finish(status, exit_code)
        if not os.environ.get(session.ENV_QUIET):
            print(f"florc: run {run.writer_id} {status}: {run.rows_written} rows logged to {run.store}", file=sys.stderr)
    return exit_code


def _from_script(tb: TracebackType | None, filename: str) -> TracebackType | None:
    """The traceback from the script's module frame on (what ``python SCRIPT`` shows); the
    whole traceback when the error did not pass through the script."""
    start = tb
    while start is not None and start.tb_frame.f_code.co_filename != filename:
        start = start.tb_next
    return start if start is not None else tb


__all__ = ["HELP", "add_arguments", "run", "run_script"]
