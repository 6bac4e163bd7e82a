"""`florc run [--] SCRIPT [ARGS...]`: run a script as ``__main__`` with a run being recorded.

Same as ``python SCRIPT ARGS...`` except that the run is recorded from the start (even if the
script never calls flor), ``import flordb as flor`` / ``import flor`` resolve to florc so
FlorDB scripts run unchanged, and ``--kwargs k=v ...`` is taken out of the script's argv (the
script's own argparse never sees it; flags it does not know stay for it).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from florc.errors import UserError

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
    argv, pairs = kwargs.split([script, *args])
    kwargs.set_pairs(pairs)
    sys.argv = argv
    sys.path.insert(0, str(path.resolve().parent))
    for alias in ("flordb", "flor"):
        sys.modules[alias] = florc
    from florc.store.layout import project_root

    root = project_root()
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        rel = str(path.resolve())
    run = session.start(script=rel, argv=argv)
    status, code = "complete", 0
    try:
        # Loops get checkpoint calls (florc.instrument, record mode) so a replay can skip them.
        from florc.instrument.execute import run_recorded

        run_recorded(path, rel, run)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
        status = "complete" if code == 0 else "failed"
    except KeyboardInterrupt:
        status, code = "interrupted", 130
        print("KeyboardInterrupt", file=sys.stderr)
    except BaseException:  # noqa: BLE001 - the script's own error, reported like python does
        status, code = "failed", 1
        traceback.print_exc()
    finally:
        run.finish(status, code)
        if not os.environ.get(session.ENV_QUIET):
            print(f"florc: run {run.writer_id} {status}: {run.rows_written} rows logged to {run.store}", file=sys.stderr)
    return code


__all__ = ["HELP", "add_arguments", "run", "run_script"]
