"""The loop instrumentation pass: write-set analysis, checkpoint insertion (record mode) and
restore-and-skip rewriting (replay mode). See docs/design/instrument.md.

>>> source = "import florc as flor\\nfor e in flor.loop('epoch', range(2)):\\n    pass\\n"
>>> print(instrument_record(source, "train.py").code, end="")
from florc.runtime import blocks as florc_blocks
import florc as flor
for e in flor.loop('epoch', range(2)):
    florc_blocks.iteration("train.py::for:e", locals(), scratch=("e",))
    pass
florc_blocks.end("train.py::for:e", locals(), scratch=("e",))
"""

from __future__ import annotations

import ast

from florc.collector import paused
from florc.instrument import snippets
from florc.instrument.analyze import Parsed, Unparseable, analyze, analyze_parsed, parse
from florc.instrument.loops import plan_record, plan_replay
from florc.instrument.model import (
    Edit,
    InstrumentResult,
    LoopFacts,
    Placement,
    ReplayDirectives,
    ScriptAnalysis,
    StatementFacts,
    WriteSet,
)
from florc.instrument.splice import splice


def _instrumented(parsed: Parsed) -> bool:
    """Whether the script already imports the blocks runtime (then the pass leaves it be)."""
    for stmt in parsed.module.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "florc.runtime":
            if any(alias.name == "blocks" for alias in stmt.names):
                return True
    return False


def _identity(parsed: Parsed) -> tuple[int, ...]:
    count = len(parsed.text)
    return (0, *range(1, count + 1), max(count, 1))


def _apply(parsed: Parsed, edits: tuple[Edit, ...], notes: tuple[str, ...]) -> InstrumentResult:
    assert parsed.analysis is not None
    if not edits:
        return InstrumentResult(parsed.source, (), parsed.analysis, notes, _identity(parsed))
    unit = parsed.text.default_indent(parsed.module)
    code, lines = splice(parsed.text, parsed.module, parsed.loops, edits, unit)
    return InstrumentResult(code, edits, parsed.analysis, notes, lines)


def _prepare(source: str, path: str) -> tuple[Parsed, InstrumentResult | None]:
    parsed = parse(source, path)
    analysis = analyze_parsed(parsed)
    if _instrumented(parsed):
        return parsed, InstrumentResult(source, (), analysis, ("already instrumented",), _identity(parsed))
    return parsed, None


def instrument_record(source: str, path: str) -> InstrumentResult:
    """Insert checkpoint calls at loop ends (record mode)."""
    return record_parsed(source, path)[1]


def record_parsed(source: str, path: str) -> tuple[Parsed, InstrumentResult]:
    """Record mode, with the parsed script (its tree is what ``execute`` compiles)."""
    with paused():
        parsed, done = _prepare(source, path)
        if done is not None:
            return parsed, done
        edits, notes = plan_record(parsed)
        return parsed, _apply(parsed, edits, notes)


def instrument_replay(source: str, path: str, directives: ReplayDirectives) -> InstrumentResult:
    """Guard the loops a replay may skip and select main-loop iterations (replay mode)."""
    with paused():
        parsed, done = _prepare(source, path)
        if done is not None:
            return done
        edits, notes = plan_replay(parsed, directives)
        return _apply(parsed, edits, notes)


__all__ = [
    "Edit",
    "InstrumentResult",
    "LoopFacts",
    "Placement",
    "ReplayDirectives",
    "ScriptAnalysis",
    "StatementFacts",
    "Unparseable",
    "WriteSet",
    "analyze",
    "instrument_record",
    "instrument_replay",
    "record_parsed",
    "snippets",
]
