"""Every golden case, and the safety invariants on every case.

Invariants (checked on every case, whatever its expected output):
- round trip: applying an empty plan to the old version gives back its bytes;
- the rest is untouched: deleting the inserted lines gives back the old version exactly;
- idempotence: propagating into the result again changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from florc.propagate import Plan, analyse, propagate_source
from florc.propagate.apply import apply_plan
from florc.propagate.plan import AddImport, Insert
from propagate_golden import DECLINED, UNCHANGED, all_cases, describe, expected_text, load, render_case

CASES = all_cases()
IDS = [p.stem for p in CASES]


@pytest.mark.parametrize("path", CASES, ids=IDS)
def test_case(path: Path, regen: bool) -> None:
    case = load(path)
    result = propagate_source(case.source(case.new), case.source(case.old))
    got_expected = expected_text(case, result)
    got_diagnostics = describe(result)
    if regen:
        case.expected, case.diagnostics = got_expected, got_diagnostics
        path.write_text(render_case(case))
        return
    assert got_expected == case.expected, f"{path.name}: output differs"
    assert got_diagnostics == case.diagnostics, f"{path.name}: diagnostics differ"


@pytest.mark.parametrize("path", CASES, ids=IDS)
def test_invariants(path: Path) -> None:
    case = load(path)
    old = case.source(case.old)
    analysed = analyse(old)
    if not isinstance(analysed, type(analyse("x = 1\n"))):
        return  # unparseable old versions have no tree to round-trip
    assert apply_plan(analysed.tree.lines, analysed.tree.newline, Plan()) == old

    result = propagate_source(case.source(case.new), old)
    if result.code is None:
        assert result.status in ("declined", "failed")
        return
    if result.status == "unchanged":
        assert result.code == old
        return
    assert result.plan is not None
    lines = result.code.splitlines(keepends=True)
    inserted = _inserted_line_numbers(result.plan, old)
    kept = "".join(line for i, line in enumerate(lines) if i not in inserted)
    # a file without a final newline gets one before lines appended after its last line
    assert kept == old or (kept.rstrip("\r\n") == old and not old.endswith(("\n", "\r")))

    again = propagate_source(case.source(case.new), result.code)
    assert again.status == "unchanged", describe(again)
    assert again.code == result.code


def _inserted_line_numbers(plan: Plan, old: str) -> set[int]:
    """Indices (in the output) of the lines the plan inserted."""
    edits = sorted(plan.edits, key=lambda e: (e.before_line, 0 if isinstance(e, AddImport) else 1,
                                              e.order if isinstance(e, Insert) else 0))
    out: set[int] = set()
    shift = 0
    for edit in edits:
        count = 1 if isinstance(edit, AddImport) else edit.text.count("\n") + edit.text.count("\r") \
            - edit.text.count("\r\n") + 1
        start = edit.before_line + shift
        out.update(range(start, start + count))
        shift += count
    return out


def test_every_rewrite_has_a_no_op_twin() -> None:
    names = {p.stem for p in CASES}
    for path in CASES:
        case = load(path)
        if case.expected.strip() in (UNCHANGED, DECLINED) or path.stem.endswith("__noop"):
            continue
        assert f"{path.stem}__noop" in names, f"{path.name} rewrites but has no {path.stem}__noop.py twin"


def test_no_op_twins_do_not_change_anything() -> None:
    for path in CASES:
        if path.stem.endswith("__noop"):
            case = load(path)
            assert case.expected.strip() in (UNCHANGED, DECLINED), f"{path.name} is a twin but rewrites"
