"""Running a script with record-mode instrumentation, as ``python SCRIPT`` would run it.

``florc run`` calls ``run_recorded`` instead of ``runpy.run_path``: the script's source is
instrumented (checkpoint calls at loop ends), compiled under the script's own file name with
the line numbers of the original file (so tracebacks, ``flor.log`` line columns and debuggers
point at the lines the user wrote), and executed as ``__main__``. The blocks runtime writes
checkpoints into the run's store; its pending writes are finished before returning, so the
run's last flush indexes them.

When the script cannot be instrumented (libcst cannot parse it, say) it runs as it is, with a
notice: a run is never lost to the compiler.
"""

from __future__ import annotations

import ast
import difflib
import sys
import types
from pathlib import Path
from typing import Any

from florc.instrument import instrument_record
from florc.runtime import blocks
from florc.runtime.checkpoint import observer


def line_map(original: str, instrumented: str) -> list[int]:
    """For each line of ``instrumented`` (1-based index), the line of ``original`` it is, or
    for an inserted line the original line it was inserted after (its loop's last line).
    Lines are compared without their indentation: a loop guarded in replay mode moves one
    level deeper and is still the user's code."""
    a = [line.strip() for line in original.splitlines()]
    b = [line.strip() for line in instrumented.splitlines()]
    mapping = [0] * (len(b) + 2)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, _i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            mapping[j1 + k + 1] = i1 + k + 1 if op == "equal" else max(i1, 1)
    mapping[len(b) + 1] = max(len(a), 1)
    return mapping


def compile_recorded(source: str, filename: str, rel: str) -> types.CodeType:
    """The record-mode instrumented code of ``source``, with the original's line numbers."""
    code = instrument_record(source, rel).code
    tree = ast.parse(code, filename)
    mapping = line_map(source, code)
    for node in ast.walk(tree):
        if isinstance(getattr(node, "lineno", None), int):
            node.lineno = mapping[min(node.lineno, len(mapping) - 1)]  # type: ignore[attr-defined]
        end = getattr(node, "end_lineno", None)
        if isinstance(end, int):
            node.end_lineno = max(  # type: ignore[attr-defined]
                mapping[min(end, len(mapping) - 1)], node.lineno  # type: ignore[attr-defined]
            )
    return compile(tree, filename, "exec", dont_inherit=True)


def run_recorded(path: str | Path, rel: str, session: Any) -> dict[str, Any]:
    """Run the script at ``path`` (``rel``: its repository-relative path, used in addresses)
    as ``__main__`` with checkpoints recorded into ``session``; returns its globals."""
    file = Path(path)
    source = file.read_text(encoding="utf-8")
    try:
        code = compile_recorded(source, str(file), rel)
        # The instrumented script checkpoints itself: the plain-python observer stands down.
        observer.uninstall()
    except Exception as exc:  # noqa: BLE001 - fall back to the script as written
        print(f"florc: {rel}: running without instrumentation: {exc}", file=sys.stderr)
        code = compile(source, str(file), "exec", dont_inherit=True)
    module = types.ModuleType("__main__")
    module.__dict__.update(
        {
            "__file__": str(file),
            "__cached__": None,
            "__loader__": None,
            "__package__": None,
            "__spec__": None,
            "__builtins__": __builtins__,
        }
    )
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    blocks.configure(blocks.SessionHost(session))
    try:
        exec(code, module.__dict__)
    finally:
        blocks.flush()
        if saved is not None:
            sys.modules["__main__"] = saved
    return module.__dict__


__all__ = ["compile_recorded", "line_map", "run_recorded"]
