"""Golden cases of the instrumentation pass: one behaviour per ``cases/<name>.in.py``, with the
expected output per mode in ``cases/<name>.<mode>.out.py``; ``<name>.noop.in.py`` is the no-op
twin, which both modes must leave byte for byte as it is.

Replay mode uses the directives in the case's first line (``# replay: skip=ADDR,... select=...
stop=...``) or, by default, skips every nested loop and selects every main loop's iterations.

Regenerate expected outputs with ``pytest tests/instrument --update-goldens`` and review the diff.
Files are read and written as bytes: a case may keep CRLF line endings or lack a final newline.
Invariants checked on every case and mode: the output compiles, input and output round-trip
through libcst byte for byte, instrumenting the output again changes nothing, record mode only
inserts lines, the line map the pass returns is the one comparing the texts gives, the code
``florc run`` compiles is the instrumented text's, and the pass's addresses agree with
florc.syntax's.
"""

from __future__ import annotations

import ast
import difflib
from pathlib import Path

import libcst as cst
import pytest

from florc.instrument import ReplayDirectives, analyze, instrument_record, instrument_replay, record_parsed
from florc.instrument.addresses import addresses
from florc.instrument.cache import instrumented
from florc.instrument.execute import line_map, with_inserts
from florc.instrument.text import SourceText

CASES = Path(__file__).parent / "cases"
PATH = "case.py"
MODES = ("record", "replay")


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def case_names() -> list[str]:
    return sorted(p.name.removesuffix(".in.py") for p in CASES.glob("*.in.py"))


def directives_for(source: str) -> ReplayDirectives:
    first = source.splitlines()[0] if source else ""
    if first.startswith("# replay:"):
        fields: dict[str, frozenset[str]] = {}
        for item in first.removeprefix("# replay:").split():
            key, _, value = item.partition("=")
            fields[key] = frozenset(v for v in value.split(",") if v)
        return ReplayDirectives(**fields)
    analysis = analyze(source, PATH)
    return ReplayDirectives(
        skip=frozenset(f.address for f in analysis.loops if f.role == "nested"),
        select=frozenset(f.address for f in analysis.main_loops),
    )


def instrument(source: str, mode: str):
    if mode == "record":
        return instrument_record(source, PATH)
    return instrument_replay(source, PATH, directives_for(source))


@pytest.fixture(params=case_names())
def case(request):
    return request.param


@pytest.mark.parametrize("mode", MODES)
def test_golden(case, mode, request):
    source = read(CASES / f"{case}.in.py")
    result = instrument(source, mode)
    if case.endswith(".noop"):
        assert result.code == source, result.explain()
        assert not result.changed
        return
    expected_path = CASES / f"{case}.{mode}.out.py"
    if request.config.getoption("--update-goldens", default=False):
        expected_path.write_bytes(result.code.encode("utf-8"))
    assert expected_path.exists(), f"no golden {expected_path.name}: run with --update-goldens"
    assert result.code == read(expected_path), result.explain()


@pytest.mark.parametrize("mode", MODES)
def test_output_compiles_and_round_trips(case, mode):
    source = read(CASES / f"{case}.in.py")
    code = instrument(source, mode).code
    compile(code, f"{case}.{mode}.py", "exec")
    assert cst.parse_module(source).code == source
    assert cst.parse_module(code).code == code


@pytest.mark.parametrize("mode", MODES)
def test_instrumenting_twice_changes_nothing(case, mode):
    source = read(CASES / f"{case}.in.py")
    once = instrument(source, mode).code
    twice = instrument(once, mode)
    assert twice.code == once
    assert not twice.changed


def test_record_mode_only_inserts_lines(case):
    source = read(CASES / f"{case}.in.py")
    code = instrument(source, "record").code
    matcher = difflib.SequenceMatcher(a=source.splitlines(), b=code.splitlines(), autojunk=False)
    ops = {op for op, *_ in matcher.get_opcodes()}
    assert ops <= {"equal", "insert"}
    # Deleting the inserted lines gives back the original, byte for byte.
    kept = [line for op, i1, i2, _, _ in matcher.get_opcodes() if op == "equal"
            for line in source.splitlines(keepends=True)[i1:i2]]
    assert "".join(kept) == source


@pytest.mark.parametrize("mode", MODES)
def test_the_line_map_is_the_one_comparing_texts_gives(case, mode):
    source = read(CASES / f"{case}.in.py")
    result = instrument(source, mode)
    assert list(result.lines) == line_map(source, result.code)


def test_the_code_florc_run_compiles_is_the_instrumented_text(case):
    # `florc run` compiles the script's own tree with the inserted statements put in place,
    # each under the line it follows, instead of parsing the instrumented text again.
    source = read(CASES / f"{case}.in.py")
    parsed, result = record_parsed(source, PATH)
    tree = ast.parse(source)
    with_inserts(tree, SourceText(source), instrumented(parsed, result, record=True).inserts)
    text_tree = ast.parse(result.code)
    assert ast.dump(tree) == ast.dump(text_tree)
    # Statement by statement (the trees have the same shape), the line each runs under is the
    # script line its instrumented line maps to.
    ours = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.stmt)]
    mapped = [result.lines[n.lineno] for n in ast.walk(text_tree) if isinstance(n, ast.stmt)]
    assert ours == mapped


def test_addresses_agree_with_the_syntax_package(case):
    from florc.syntax.address import address
    from florc.syntax.parse import parse_python
    from florc.syntax.tree import build_tree

    source = read(CASES / f"{case}.in.py")
    ours = set(addresses(SourceText(source), ast.parse(source), PATH).statements.values())
    text, tree = parse_python(source)
    theirs = {address(s, PATH) for s in build_tree(text, tree).statements}
    assert ours == theirs


def test_every_behaviour_has_a_no_op_twin():
    names = case_names()
    behaviours = [n for n in names if not n.endswith(".noop")]
    assert behaviours
    for name in behaviours:
        assert f"{name}.noop" in names, f"{name} has no no-op twin"
