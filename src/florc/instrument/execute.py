"""Running a script with record-mode instrumentation, as ``python SCRIPT`` would run it.

``florc run`` compiles the script with ``compile_recorded`` instead of letting ``runpy`` do it:
the script's own tree, with the statements record mode inserts (checkpoint calls at loop
ends) placed where the instrumented text has them, each under the line number of the line it
follows. Every statement of the user keeps its own line and column, so tracebacks, ``flor.log``
line columns and debuggers point at what the user wrote, and nothing is parsed twice: the tree
the pass analysed is the one compiled (on a cache hit, the script is parsed once, as Python
would). The blocks runtime writes checkpoints into the run's store; its pending writes are
finished before returning, so the run's last flush indexes them.

A script that does not parse is an ``Unparseable`` error before anything runs. When the pass
fails on a script that parses (a bug of florc's), the script runs as it is, with a notice: a run
is never lost to the compiler.
"""

from __future__ import annotations

import ast
import difflib
import io
import sys
import tokenize
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from florc.errors import Position
from florc.instrument.analyze import Unparseable
from florc.instrument.cache import Insert, InstrumentCache, cache_key, instrumented
from florc.instrument.nodes import clause_blocks, is_compound
from florc.instrument.splice import preamble
from florc.instrument.text import SourceText
from florc.runtime import blocks
from florc.runtime.checkpoint import observer


def line_map(original: str, instrumented: str) -> list[int]:
    """For each line of ``instrumented`` (1-based index), the line of ``original`` it is, or
    for an inserted line the original line it was inserted after (its loop's last line).
    Lines are compared without their indentation: a loop guarded in replay mode moves one
    level deeper and is still the user's code. (``InstrumentResult.lines`` gives the same map
    without comparing texts.)"""
    a = [line.strip() for line in original.splitlines()]
    b = [line.strip() for line in instrumented.splitlines()]
    mapping = [0] * (len(b) + 2)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, _i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            mapping[j1 + k + 1] = i1 + k + 1 if op == "equal" else max(i1, 1)
    mapping[len(b) + 1] = max(len(a), 1)
    return mapping


def read_source(path: str | Path, shown: str) -> str:
    """A script's text, decoded as Python decodes it (a BOM or an encoding line, else
    UTF-8); a file that cannot be decoded is an ``Unparseable`` error naming ``shown``."""
    data = Path(path).read_bytes()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding).removeprefix("\ufeff")
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        raise Unparseable(f"cannot decode: {exc}", Position(shown)) from None


def compile_recorded(
    source: str, filename: str, rel: str, cache: InstrumentCache | None = None
) -> types.CodeType:
    """The record-mode instrumented code of ``source``, with the original's line numbers.
    Raises ``Unparseable`` when the script is not valid Python (its position is the script's)."""
    from florc.collector import paused
    from florc.instrument import record_parsed

    cache = cache if cache is not None else InstrumentCache(None)
    key = cache_key("record", source, rel)
    with paused():  # a tree is tens of thousands of objects, none of them cyclic garbage
        found = cache.lookup(key)
        if found is not None:
            tree = _parse(source, filename)
            inserts = found.inserts
        else:
            parsed, result = record_parsed(source, rel)
            entry = instrumented(parsed, result, record=True)
            cache.store(key, entry)
            tree, inserts = parsed.module, entry.inserts
        if inserts:
            with_inserts(tree, SourceText(source), inserts)
        try:
            return compile(tree, filename, "exec", dont_inherit=True)
        except SyntaxError as exc:  # `return` outside a function, and the like
            raise Unparseable(exc.msg, Position(rel, exc.lineno, exc.offset)) from None


def _parse(source: str, filename: str) -> ast.Module:
    try:
        return ast.parse(source, filename)
    except SyntaxError as exc:
        raise Unparseable(exc.msg, Position(filename, exc.lineno, exc.offset)) from None


def with_inserts(tree: ast.Module, text: SourceText, inserts: Sequence[Insert]) -> None:
    """Put the inserted statements into ``tree``: the import after the module's preamble,
    a loop's ``top`` first in its body, an ``after`` right after its statement (several at
    one place in their order), each statement under the line number it runs as."""
    placed: dict[tuple[str, int, int], int] = {}
    for insert in inserts:
        statements = ast.parse(insert.code).body
        for stmt in statements:
            for node in ast.walk(stmt):
                if hasattr(node, "lineno"):
                    node.lineno = node.end_lineno = insert.at  # type: ignore[attr-defined]
        done = placed.get((insert.kind, insert.line, insert.column), 0)
        placed[(insert.kind, insert.line, insert.column)] = done + len(statements)
        if insert.kind == "import":
            body, index = tree.body, preamble(text, tree) + done
        else:
            found = _statement_at(tree.body, insert.line, insert.column)
            if found is None:
                raise LookupError(f"no statement at {insert.line}:{insert.column}")
            body, index = found
            if insert.kind == "top":
                loop = body[index]
                assert isinstance(loop, (ast.For, ast.AsyncFor, ast.While))
                body, index = loop.body, done
            else:
                index += 1 + done
        body[index:index] = statements


def _statement_at(body: list[ast.stmt], line: int, column: int) -> tuple[list[ast.stmt], int] | None:
    for index, stmt in enumerate(body):
        if stmt.lineno == line and stmt.col_offset == column:
            return body, index
        if is_compound(stmt) and stmt.lineno <= line <= (stmt.end_lineno or stmt.lineno):
            for block in clause_blocks(stmt):
                found = _statement_at(block, line, column)
                if found is not None:
                    return found
    return None


def prepare_recorded(
    path: str | Path, rel: str, cache: InstrumentCache | None = None
) -> tuple[types.CodeType, bool]:
    """The code ``florc run`` executes for the script at ``path``, and whether it is
    instrumented. A script that does not parse raises ``Unparseable``; one the pass fails on
    compiles as written, with a notice."""
    file = Path(path)
    source = read_source(file, str(path))
    try:
        return compile_recorded(source, str(file), rel, cache), True
    except Unparseable:
        raise
    except Exception as exc:  # noqa: BLE001 - fall back to the script as written
        print(f"florc: {rel}: running without instrumentation: {exc}", file=sys.stderr)
        return compile(source, str(file), "exec", dont_inherit=True), False


def run_recorded(
    path: str | Path,
    rel: str,
    session: Any,
    code: types.CodeType | None = None,
    instrumented: bool = True,
) -> dict[str, Any]:
    """Run the script at ``path`` (``rel``: its repository-relative path, used in addresses)
    as ``__main__`` with checkpoints recorded into ``session``; returns its globals. ``code``
    is what ``prepare_recorded`` gave, when the caller compiled it already."""
    file = Path(path)
    if code is None:
        code, instrumented = prepare_recorded(file, rel)
    if instrumented:
        observer.uninstall()  # the instrumented script checkpoints itself
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


__all__ = ["compile_recorded", "line_map", "prepare_recorded", "read_source", "run_recorded", "with_inserts"]
