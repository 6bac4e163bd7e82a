"""Record under the runtime core, plan from the store's tables, replay through the core's
plan-file install hook: the replayed values land in the store as the original run's, equal to
those of a run that had the statement from the start."""

from __future__ import annotations

import json
import textwrap

import pytest

from florc.instrument import analyze, instrument_replay
from florc.instrument.execute import run_recorded
from florc.query import rows
from florc.replay.plan import checkpoints_from_rows, plan_replay, timings_from_rows
from florc.runtime import blocks, session

pytestmark = pytest.mark.filterwarnings("ignore:Detected call of `lr_scheduler.step\\(\\)`")

ORIGINAL = textwrap.dedent(
    """\
    import torch
    import florc as flor

    torch.manual_seed(0)
    net = torch.nn.Linear(3, 1)
    opt = torch.optim.Adam(net.parameters(), lr=0.05)
    for epoch in flor.loop("epoch", range(3)):
        for step in flor.loop("step", range(4)):
            loss = net(torch.randn(5, 3)).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
        flor.log("loss", loss.item())
    """
)
NEW_LINE = '    flor.log("gnorm", net.weight.grad.norm().item())\n'
HINDSIGHT = ORIGINAL.replace(
    '    flor.log("loss", loss.item())\n', '    flor.log("loss", loss.item())\n' + NEW_LINE
)


def execute(code: str, path) -> None:
    namespace = {"__name__": "__main__", "__file__": str(path)}
    try:
        exec(compile(code, str(path), "exec"), namespace)
    except blocks.ReplayFinished:
        pass


def values(store, run_id: str, name: str, source: str) -> list[float]:
    _, found = rows(
        "SELECT value_num FROM logs WHERE run_id = ? AND name = ? AND source = ? ORDER BY seq",
        store=store,
        params=[run_id, name, source],
    )
    return [v for (v,) in found]


def test_replay_through_the_core_reproduces_the_ground_truth(run_dir, monkeypatch):
    tmp_path = run_dir
    monkeypatch.setenv("FLORC_CKPT_BUDGET", "inf")
    blocks.configure(None)
    try:
        truth_run = session.start(script="train.py")
        execute(HINDSIGHT, tmp_path / "truth.py")
        session.stop()

        path = tmp_path / "train.py"
        path.write_text(ORIGINAL)
        recorded = session.start(script="train.py")
        run_recorded(path, "train.py", recorded)
        session.stop()
        blocks.configure(None)
        store, run_id = recorded.store, recorded.run_id

        columns, found = rows("SELECT * FROM checkpoints WHERE run_id = ?", store=store, params=[run_id])
        checkpoints = checkpoints_from_rows(dict(zip(columns, r)) for r in found)
        columns, found = rows("SELECT * FROM timings WHERE run_id = ?", store=store, params=[run_id])
        analysis = analyze(HINDSIGHT, "train.py")
        timings = timings_from_rows(analysis, (dict(zip(columns, r)) for r in found))
        assert len(timings.loops[0].iterations) == 3

        line = HINDSIGHT.splitlines().index(NEW_LINE.rstrip("\n")) + 1
        sites = [s.address for s in analysis.statements_at(line)]
        plan = plan_replay(analysis, sites, checkpoints=checkpoints, timings=timings)
        assert plan.level == "outer" and plan.seconds is not None
        (unit,) = plan.units
        plan_file = tmp_path / "plan.json"
        plan_file.write_text(
            json.dumps({"run_id": run_id, "install": "florc.runtime.blocks:install", "blocks": unit.runtime})
        )
        monkeypatch.setenv("FLORC_REPLAY", str(plan_file))
        session.start(script="train.py")
        execute(instrument_replay(HINDSIGHT, "train.py", plan.directives).code, tmp_path / "replay.py")
        made = blocks.decisions()
        session.stop()
    finally:
        blocks.configure(None)
        session.stop()

    assert [d.action for d in made if d.address.endswith("for:step")] == ["skipped"] * 3
    expected = values(store, truth_run.run_id, "gnorm", "record")
    assert len(expected) == 3
    assert values(store, run_id, "gnorm", "replay") == expected
    assert values(store, run_id, "loss", "replay") == values(store, run_id, "loss", "record")
