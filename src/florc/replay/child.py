"""A replay worker: one work unit of one run, in a process of its own.

Started by the executor as ``<sys.executable> -m florc.replay.child PLAN.json`` (the interpreter
running florc, so the worker has the same packages: never a bare ``python`` from PATH), with
``FLORC_REPLAY=PLAN.json`` in its environment and the materialized tree of the run's commit as
its working directory. It runs the replay-instrumented script as ``__main__`` with:

- the run's argv (``--kwargs`` already removed) and ``flor.arg`` values (from the plan),
- ``import flordb as flor`` / ``import flor`` resolved to florc,
- the line numbers of today's script in tracebacks (the plan carries the line map),
- rows written under the recorded run's id with ``source='replay'`` into the plan's staging
  store, checkpoints read from the run's store.

It writes what the blocks runtime decided at each loop (``decisions`` in the plan) and exits
with the script's status: 0 when the replay ended early because the plan needed nothing more.

Only the standard library and ``florc.runtime`` are imported here (no libcst, pygit2, duckdb):
the parent did the compiling, so the worker starts as fast as the script allows.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import traceback
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def compile_mapped(code: str, filename: str, lines: Sequence[int]) -> types.CodeType:
    """Compile ``code`` with its line numbers replaced by ``lines[n]`` (the line of the user's
    script that instrumented line ``n`` is, or follows)."""
    tree = ast.parse(code, filename)
    last = len(lines) - 1
    for node in ast.walk(tree):
        lineno = getattr(node, "lineno", None)
        if isinstance(lineno, int):
            node.lineno = lines[min(lineno, last)]  # type: ignore[attr-defined]
            end = getattr(node, "end_lineno", None)
            if isinstance(end, int):
                node.end_lineno = max(lines[min(end, last)], node.lineno)  # type: ignore[attr-defined]
                # Lines folded onto one: keep the column range valid.
                col, end_col = getattr(node, "col_offset", 0), getattr(node, "end_col_offset", 0)
                if node.end_lineno == node.lineno and isinstance(col, int) and isinstance(end_col, int) and end_col < col:  # type: ignore[attr-defined]
                    node.end_col_offset = col  # type: ignore[attr-defined]
    return compile(tree, filename, "exec", dont_inherit=True)


def _die_with_parent() -> None:
    # A replay killed with SIGKILL takes its workers along (Linux): no orphan keeps writing.
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent was gone before we asked
            os._exit(137)
    except (OSError, AttributeError):
        pass


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return 1


def run(plan: dict[str, Any]) -> int:
    """Run the unit ``plan`` describes in this process; its exit code."""
    spec = plan["child"]
    path = str(spec["path"])
    code = compile_mapped(Path(spec["code"]).read_text(encoding="utf-8"), path, spec["lines"])
    sys.argv = [path, *[str(a) for a in spec.get("argv", [])[1:]]]
    sys.path.insert(0, str(Path(path).parent))
    import florc

    for alias in ("flordb", "flor"):
        sys.modules[alias] = florc
    from florc.runtime import blocks, session

    module = types.ModuleType("__main__")
    module.__dict__.update(
        {"__file__": path, "__cached__": None, "__loader__": None, "__package__": None,
         "__spec__": None, "__builtins__": __builtins__}
    )
    sys.modules["__main__"] = module
    current = session.start(script=str(spec["script"]), argv=sys.argv)
    status, exit_code = "complete", 0
    try:
        exec(code, module.__dict__)
    except SystemExit as exc:  # blocks.ReplayFinished included: the plan needs nothing more
        exit_code = _exit_code(exc)
        status = "complete" if exit_code == 0 else "failed"
    except KeyboardInterrupt:
        status, exit_code = "interrupted", 130
    except BaseException:  # noqa: BLE001 - the script's own error, reported as python would
        status, exit_code = "failed", 1
        traceback.print_exc()
    finally:
        blocks.flush()
        decisions = [d.__dict__ for d in blocks.decisions()]
        try:
            Path(spec["decisions"]).write_text(json.dumps(decisions))
        except (OSError, KeyError):
            pass
        current.finish(status, exit_code)
    return exit_code


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _die_with_parent()
    if len(args) != 1:
        print("usage: python -m florc.replay.child PLAN.json", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as handle:
        plan = json.load(handle)
    return run(plan)


__all__ = ["compile_mapped", "main", "run"]

if __name__ == "__main__":
    raise SystemExit(main())
