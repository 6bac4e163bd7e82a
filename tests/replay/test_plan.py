"""The replay planner: levels, loop decisions, units, estimates; pure values in and out."""

from __future__ import annotations

import json
import textwrap

import pytest

from florc.instrument import analyze
from florc.replay.plan import (
    CheckpointInfo,
    LoopTimings,
    PlanError,
    Timings,
    plan_replay,
)
from florc.replay.selectors import parse_selectors

SCRIPT = textwrap.dedent(
    """\
    import florc as flor
    setup()
    flor.log("pre", 1)
    for epoch in flor.loop("epoch", range(4)):
        for step in flor.loop("step", range(10)):
            train_step(step)
            flor.log("loss", step)
        for batch in val_loader:
            evaluate(batch)
        flor.log("acc", epoch)
        for r in retries:
            if r():
                return
    flor.log("final", 1)
    """
)
M = "t.py::for:epoch"
STEP = "t.py::for:epoch/for:step"
VAL = "t.py::for:epoch/for:batch"
RETRY = "t.py::for:epoch/for:r"
RETURNS = "        if r():\n            return\n"
PRE, LOSS, ACC, FINAL = "t.py::stmt:2", f"{STEP}/stmt:1", f"{M}/stmt:2", "t.py::stmt:4"


@pytest.fixture(scope="module")
def analysis():
    return analyze(SCRIPT, "t.py")


def rows():
    out = [CheckpointInfo(M, "final", 0, None, "final.json", 100, 0.2)]
    for e in range(4):
        out.append(CheckpointInfo(STEP, "block", 0, e, f"step{e}.json", 100, 0.1))
        if e != 2:  # the policy skipped epoch 2's validation-loop checkpoint
            out.append(CheckpointInfo(VAL, "block", 0, e, f"val{e}.json", 100, 0.1))
        if e:
            out.append(CheckpointInfo(M, "iteration", 0, e, f"start{e}.json", 100, 0.2))
    return out


TIMINGS = Timings(
    loops=(LoopTimings(M, (10.0, 10.0, 10.0, 10.0), ((STEP, (8.0,) * 4), (VAL, (1.5,) * 4))),),
    prefix=1.0,
    suffix=2.0,
)


def test_outer_loop_statement_skips_every_nested_loop_it_can(analysis):
    plan = plan_replay(analysis, [ACC], checkpoints=rows(), timings=TIMINGS)
    assert plan.level == "outer"
    actions = {d.address: d.action for d in plan.loops}
    assert actions == {M: "run", STEP: "skip", VAL: "skip", RETRY: "run"}
    assert plan.directives.skip == {STEP, VAL} and not plan.directives.select
    (unit,) = plan.units
    assert unit.iterations is None
    assert unit.runtime["loops"][M]["after"] == "finish"
    assert unit.runtime["blocks"][STEP]["checkpoints"]["0:3"] == "step3.json"
    # 4 iterations of 10s; 8s + 1.5s restored each (except val at epoch 2), 0.1s per restore.
    assert plan.seconds == pytest.approx(1.0 + 4 * 10 - 4 * 8 - 3 * 1.5 + 7 * 0.1)
    assert plan.original_seconds == pytest.approx(43.0)
    assert any("for:batch: no checkpoint at iterations 2" in n for n in plan.notes)
    assert any("for:r runs in every iteration: returns from inside" in n for n in plan.notes)


def test_inner_loop_statement_runs_its_loop_in_selected_iterations_across_workers(analysis):
    plan = plan_replay(
        analysis, [LOSS], checkpoints=rows(), timings=TIMINGS,
        selectors=parse_selectors("epoch=1..3"), jobs=2,
    )
    assert plan.level == "inner" and plan.main == M
    actions = {d.address: d.action for d in plan.loops}
    assert actions[STEP] == "catch-up" and actions[VAL] == "skip"
    assert plan.directives.select == {M}
    assert [u.iterations for u in plan.units] == [(1, 2), (3,)]
    first, second = plan.units
    assert first.runtime["loops"][M]["iterations"] == [1, 2]
    assert second.runtime["loops"][M]["resume"]["0:3"] == "start3.json"
    assert first.runtime["blocks"][STEP]["skip"] == "catch-up"
    assert plan.seconds == max(u.seconds for u in plan.units)


def test_the_suffix_gets_a_unit_of_its_own_that_restores_the_final_state(analysis):
    plan = plan_replay(analysis, [LOSS, FINAL], checkpoints=rows(), timings=TIMINGS, jobs=2)
    assert [u.iterations for u in plan.units] == [(0, 1), (2, 3), ()]
    suffix = plan.units[-1]
    assert suffix.runtime["blocks"][M] == {"skip": True, "checkpoints": {"0:end": "final.json"}}
    assert suffix.runtime["loops"][M]["after"] == "continue"
    assert all(u.runtime["loops"][M]["after"] == "finish" for u in plan.units[:-1])
    assert M in plan.directives.skip  # the loop is guarded so the suffix unit can skip it


def test_statement_after_the_loop_restores_its_final_state():
    assert RETURNS in SCRIPT
    analysis = analyze(SCRIPT.replace(RETURNS, "        r()\n"), "t.py")
    plan = plan_replay(analysis, [FINAL], checkpoints=rows(), timings=TIMINGS)
    assert plan.level == "suffix"
    assert [(d.address, d.action) for d in plan.loops] == [(M, "restore")]
    assert plan.directives.skip == {M}
    assert plan.units[0].runtime["blocks"][M]["checkpoints"] == {"0:end": "final.json"}
    assert plan.seconds == pytest.approx(1.0 + 2.0 + 0.2)


def test_statement_before_the_loop_stops_there(analysis):
    plan = plan_replay(analysis, [PRE], checkpoints=rows(), timings=TIMINGS)
    assert plan.level == "prefix"
    assert plan.directives.stop == {M}
    assert plan.seconds == pytest.approx(1.0)


def test_a_main_loop_that_cannot_be_skipped_whole_runs_for_the_suffix(analysis):
    plan = plan_replay(analysis, [FINAL], checkpoints=rows(), timings=TIMINGS)
    assert [(d.address, d.action) for d in plan.loops] == [(M, "run")]
    assert "returns from inside the loop" in plan.loops[0].why
    assert plan.directives.skip == frozenset()


def test_an_opaque_nested_loop_makes_iterations_unresumable():
    assert RETURNS in SCRIPT
    analysis = analyze(SCRIPT.replace(RETURNS, "        exec(r)\n"), "t.py")
    plan = plan_replay(analysis, [LOSS], checkpoints=rows(), timings=TIMINGS, jobs=2)
    assert plan.units[1].runtime["loops"][M]["resume"] == {}
    assert any("iterations cannot be resumed" in n for n in plan.notes)


def test_a_statement_the_analysis_cannot_place_runs_everything():
    source = "import florc as flor\ndef cb():\n    flor.log('x', 1)\nregister(cb)\n" \
             "for e in flor.loop('epoch', range(2)):\n    for s in range(3):\n        pass\n"
    plan = plan_replay(analyze(source, "t.py"), ["t.py::cb/stmt:0"])
    assert plan.level == "full"
    assert plan.directives.skip == frozenset() and plan.units[0].runtime == {"blocks": {}, "loops": {}}
    assert "passed around" in plan.notes[0]


def test_missing_timings_leave_the_estimate_unknown_and_say_so(analysis):
    plan = plan_replay(analysis, [ACC], checkpoints=rows())
    assert plan.seconds is None and plan.original_seconds is None
    assert "estimate: unknown" in str(plan)


@pytest.mark.parametrize(
    "sites, selectors, jobs, message",
    [
        (["t.py::stmt:99"], "", 1, "no statement at t.py::stmt:99"),
        ([], "", 1, "nothing to replay"),
        ([LOSS], "epoch=7", 1, "out of range"),
        ([LOSS], "step=1", 1, "no main loop named 'step'"),
    ],
)
def test_plans_that_cannot_be_made_are_user_errors(analysis, sites, selectors, jobs, message):
    with pytest.raises(PlanError, match=message):
        plan_replay(
            analysis, sites, checkpoints=rows(), timings=TIMINGS,
            selectors=parse_selectors(selectors) if selectors else (), jobs=jobs,
        )


def test_selecting_iterations_needs_recorded_timings(analysis):
    with pytest.raises(PlanError, match="no timings"):
        plan_replay(analysis, [LOSS], selectors=parse_selectors("epoch=1"))


def test_a_plan_is_printable_and_json_serialisable(analysis):
    plan = plan_replay(analysis, [LOSS], checkpoints=rows(), timings=TIMINGS, jobs=2)
    text = str(plan)
    assert "level: inner" in text and "unit 1: iterations 2..3" in text and "estimate:" in text
    data = json.loads(json.dumps(plan.to_json()))
    assert data["level"] == "inner"
    assert data["directives"]["select"] == [M]
    assert data["units"][1]["runtime"]["loops"][M]["iterations"] == [2, 3]


def test_partitions_balance_recorded_iteration_times(analysis):
    slow_last = Timings(loops=(LoopTimings(M, (1.0, 1.0, 1.0, 9.0)),))
    plan = plan_replay(analysis, [LOSS], checkpoints=rows(), timings=slow_last, jobs=2)
    assert [u.iterations for u in plan.units] == [(0, 1, 2), (3,)]
