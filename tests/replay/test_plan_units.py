"""Plans carried out: analysis -> plan -> replay instrumentation -> one in-process run per unit
of a seeded torch script; together the units reproduce the ground truth exactly."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from florc.instrument import analyze, instrument_record, instrument_replay
from florc.replay.plan import CheckpointInfo, LoopTimings, Timings, plan_replay
from florc.replay.selectors import parse_selectors
from florc.runtime import blocks
from florc.runtime.checkpoint import AdaptivePolicy

pytestmark = pytest.mark.filterwarnings("ignore:Detected call of `lr_scheduler.step\\(\\)`")

ORIGINAL = '''\
import torch

import florc as flor

torch.manual_seed(0)
net = torch.nn.Linear(3, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.5)
for epoch in flor.loop("epoch", range(4)):
    for step in flor.loop("step", range(3)):
        x = torch.randn(4, 3)
        loss = net(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    record("epoch_loss", loss.item())
'''
HINDSIGHT = ORIGINAL.replace(
    "        opt.step()\n", "        opt.step()\n        record('x0', x[0, 0].item())\n"
).replace(
    '    record("epoch_loss", loss.item())\n',
    '    record("epoch_loss", loss.item())\n'
    '    record("gnorm", net.weight.grad.norm().item())\n',
) + 'record("w", net.weight.sum().item())\n'

MAIN = "train.py::for:epoch"
STEP = "train.py::for:epoch/for:step"
TIMINGS = Timings(loops=(LoopTimings(MAIN, (1.0, 1.0, 1.0, 1.0), ((STEP, (0.9,) * 4),)),))


def run(code: str, path: Path) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    path.write_text(code)
    try:
        runpy.run_path(
            str(path),
            init_globals={"record": lambda k, v: out.setdefault(k, []).append(v)},
            run_name="__main__",
        )
    except blocks.ReplayFinished:
        pass
    finally:
        blocks.flush()
    return out


@pytest.fixture
def recorded(run_dir):
    truth = run(HINDSIGHT, run_dir / "truth.py")
    host = blocks.StandaloneHost("record", run_dir / "ckpt")
    blocks.configure(host, AdaptivePolicy(budget=float("inf")))
    run(instrument_record(ORIGINAL, "train.py").code, run_dir / "record.py")
    blocks.configure(None)
    rows = [
        CheckpointInfo(r.block, r.kind, r.activation, r.iteration, r.manifest, r.bytes, r.seconds)
        for r in host.rows
    ]
    return truth, rows, run_dir


def carry_out(plan, tmp: Path):
    code = instrument_replay(HINDSIGHT, "train.py", plan.directives).code
    merged: dict[str, list[float]] = {}
    decided = []
    for unit in plan.units:
        blocks.configure(blocks.StandaloneHost("replay", tmp / "ckpt", unit.runtime))
        values = run(code, tmp / f"unit{unit.index}.py")
        decided.append(blocks.decisions())
        blocks.configure(None)
        for key, items in values.items():
            merged.setdefault(key, []).extend(items)
    return merged, decided


def sites(line_text: str) -> list[str]:
    analysis = analyze(HINDSIGHT, "train.py")
    line = HINDSIGHT.splitlines().index(line_text) + 1
    return [s.address for s in analysis.statements_at(line)]


def test_inner_loop_statement_split_across_two_units(recorded):
    truth, rows, tmp = recorded
    analysis = analyze(HINDSIGHT, "train.py")
    plan = plan_replay(
        analysis, sites("        record('x0', x[0, 0].item())"), checkpoints=rows,
        timings=TIMINGS, selectors=parse_selectors("epoch=1..3"), jobs=2,
    )
    assert plan.level == "inner" and len(plan.units) == 2
    values, decided = carry_out(plan, tmp)
    assert values["x0"] == truth["x0"][3:]  # epochs 1..3, three steps each
    assert values["gnorm"] == truth["gnorm"][1:]
    assert "w" not in values
    for unit, made in zip(plan.units, decided):
        first = unit.iterations[0]
        assert (MAIN, f"0:{first}", "resumed") in [(d.address, d.key, d.action) for d in made]


def test_outer_loop_and_suffix_statements_in_three_units(recorded):
    truth, rows, tmp = recorded
    analysis = analyze(HINDSIGHT, "train.py")
    wanted = sites("    record(\"gnorm\", net.weight.grad.norm().item())") + sites(
        'record("w", net.weight.sum().item())'
    )
    plan = plan_replay(analysis, wanted, checkpoints=rows, timings=TIMINGS, jobs=2)
    assert plan.level == "outer" and [u.iterations for u in plan.units] == [(0, 1), (2, 3), ()]
    values, decided = carry_out(plan, tmp)
    assert values["gnorm"] == truth["gnorm"]
    assert values["epoch_loss"] == truth["epoch_loss"]
    assert values["w"] == truth["w"]
    assert "x0" not in values  # no inner loop ran anywhere
    assert [d.action for d in decided[2]] == ["skipped"]  # the suffix unit restored the loop


def test_partition_weighs_what_it_costs_a_worker_to_begin():
    from florc.replay.plan import _partition

    its = list(range(6))
    even = {i: 1.0 for i in its}
    assert _partition(its, even, 2) == [[0, 1, 2], [3, 4, 5]]
    assert _partition(its, even, 3, {i: 0.1 for i in its}) == [[0, 1], [2, 3], [4, 5]]
    # Beginning late costs as much as running from the start: one worker is as fast as two.
    assert _partition(its, even, 2, {i: float(i) for i in its}) == [its]
    assert _partition(its, {**even, 5: 9.0}, 2) == [[0, 1, 2, 3, 4], [5]]
    assert sum(_partition(its, even, 4), []) == its
