"""Record and replay of instrumented torch scripts through ``florc.runtime.blocks``.

Each scenario runs real (small, seeded, CPU) training in-process: a ground-truth run of the
script with the hindsight statements present from the start, a recorded run of the script
without them (instrumented in record mode), and replays of the hindsight script (instrumented
in replay mode) that must reproduce the ground truth bit for bit while skipping work.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from florc.instrument import ReplayDirectives, instrument_record, instrument_replay
from florc.runtime import blocks
from florc.runtime.checkpoint import AdaptivePolicy

ORIGINAL = '''\
import random

import numpy as np
import torch

import florc as flor

torch.manual_seed(0)
random.seed(0)
np.random.seed(0)
data = [(torch.randn(16, 4), torch.randn(16, 1)) for _ in range(5)]
net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.9)
history = []
seen = 0

for epoch in flor.loop("epoch", range(4)):
    order = torch.randperm(len(data))
    for step in flor.loop("step", range(len(data))):
        x, y = data[order[step]]
        noise = torch.randn_like(x) * 0.01 + random.random() * 1e-3 + np.random.rand() * 1e-3
        loss = torch.nn.functional.mse_loss(net(x + noise), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        seen += 1
        record("loss", loss.item())
    sched.step()
    history.append(loss.item())
    record("epoch_loss", loss.item())
record("seen", seen)
'''

# The same script with three hindsight statements: per epoch (reads .grad after the inner
# loop), per step (inside the inner loop), and after training (reads the final weights).
HINDSIGHT = (
    ORIGINAL.replace(
        "    sched.step()\n",
        "    gn = sum(p.grad.norm().item() ** 2 for p in net.parameters()) ** 0.5\n"
        '    record("grad_norm", gn)\n'
        "    sched.step()\n",
    )
    .replace(
        "        seen += 1\n",
        "        seen += 1\n"
        '        record("x_mean", x.mean().item())\n',
    )
    .replace(
        'record("seen", seen)\n',
        'record("seen", seen)\n'
        'record("w_sum", sum(p.sum().item() for p in net.parameters()))\n',
    )
)

# A replay that skips the inner loop never calls opt.step() before sched.step(); torch warns.
pytestmark = pytest.mark.filterwarnings("ignore:Detected call of `lr_scheduler.step\\(\\)`")

MAIN = "train.py::for:epoch"
INNER = "train.py::for:epoch/for:step"


def run(code: str, tmp: Path, name: str) -> dict[str, list[float]]:
    """Run ``code`` as ``__main__``; what it ``record``s, by name, in order."""
    out: dict[str, list[float]] = {}
    path = tmp / f"{name}.py"
    path.write_text(code)

    def record(key: str, value: float) -> None:
        out.setdefault(key, []).append(value)

    try:
        runpy.run_path(str(path), init_globals={"record": record}, run_name="__main__")
    except blocks.ReplayFinished:
        pass
    finally:
        blocks.flush()
    return out


@pytest.fixture
def project(tmp_path, monkeypatch):
    """cwd in a temporary project (not a git repo): the flor.loop calls of the scripts record
    their own runs there; blocks is back to no-ops before and after."""
    from florc.runtime import session

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FLORC_QUIET", "1")
    monkeypatch.delenv("FLORC_STORE", raising=False)
    monkeypatch.delenv("FLORC_REPLAY", raising=False)
    session.stop()
    blocks.configure(None)
    yield tmp_path
    blocks.configure(None)
    session.stop()


@pytest.fixture
def harness(project, tmp_path):
    """A recorded run of ORIGINAL (checkpoints in tmp) and the ground truth of HINDSIGHT."""
    truth = run(HINDSIGHT, tmp_path, "truth")
    host = blocks.StandaloneHost("record", tmp_path / "ckpt")
    blocks.configure(host, AdaptivePolicy(budget=float("inf")))
    recorded = run(instrument_record(ORIGINAL, "train.py").code, tmp_path, "record")
    blocks.configure(None)
    yield truth, recorded, host.rows, tmp_path
    blocks.configure(None)


def plan_section(rows, *, skip=(), catch_up=(), loops=None):
    checkpoints: dict[str, dict[str, str]] = {}
    resume: dict[str, str] = {}
    for row in rows:
        if row.kind == "iteration":
            resume[row.key] = row.manifest
        else:
            checkpoints.setdefault(row.block, {})[row.key] = row.manifest
    section = {
        "blocks": {
            **{a: {"skip": True, "checkpoints": checkpoints.get(a, {})} for a in skip},
            **{a: {"skip": "catch-up", "checkpoints": checkpoints.get(a, {})} for a in catch_up},
        },
        "loops": {},
    }
    for address, entry in (loops or {}).items():
        section["loops"][address] = {**entry, "resume": resume}
    return section


def replay(tmp: Path, rows, directives: ReplayDirectives, **plan):
    host = blocks.StandaloneHost("replay", tmp / "ckpt", plan_section(rows, **plan))
    blocks.configure(host)
    code = instrument_replay(HINDSIGHT, "train.py", directives).code
    values = run(code, tmp, "replay")
    return values, blocks.decisions()


def test_recording_changes_nothing_the_script_computes(harness):
    truth, recorded, rows, _ = harness
    for name in ("loss", "epoch_loss", "seen"):
        assert recorded[name] == truth[name]
    kinds = sorted({(r.block, r.kind) for r in rows})
    assert kinds == [(MAIN, "final"), (MAIN, "iteration"), (INNER, "block")]
    assert sorted(r.iteration for r in rows if r.kind == "block") == [0, 1, 2, 3]
    assert sorted(r.iteration for r in rows if r.kind == "iteration") == [1, 2, 3]
    assert all(not r.missing for r in rows)


def test_outer_loop_statement_replays_exactly_with_the_inner_loop_skipped(harness):
    truth, _, rows, tmp = harness
    values, decided = replay(tmp, rows, ReplayDirectives(skip=frozenset({INNER})), skip=[INNER])
    assert values["grad_norm"] == truth["grad_norm"]
    assert values["epoch_loss"] == truth["epoch_loss"]
    assert values["w_sum"] == truth["w_sum"] and values["seen"] == truth["seen"]
    assert "loss" not in values and "x_mean" not in values  # the inner loop never ran
    assert [d.action for d in decided if d.address == INNER] == ["skipped"] * 4


def test_inner_loop_statement_replays_selected_epochs_from_their_checkpoint(harness):
    truth, _, rows, tmp = harness
    loops = {MAIN: {"iterations": [2], "after": "finish"}}
    directives = ReplayDirectives(skip=frozenset({INNER}), select=frozenset({MAIN}))
    values, decided = replay(tmp, rows, directives, catch_up=[INNER], loops=loops)
    steps = len(truth["x_mean"]) // 4
    assert values["x_mean"] == truth["x_mean"][2 * steps : 3 * steps]
    assert values["loss"] == truth["loss"][2 * steps : 3 * steps]
    assert values["grad_norm"] == [truth["grad_norm"][2]]
    assert "w_sum" not in values  # finished after the last selected epoch
    actions = [(d.address, d.key, d.action) for d in decided]
    assert (MAIN, "0:2", "resumed") in actions
    assert actions[-1] == (MAIN, "0:3", "finished")


def test_suffix_statement_replays_from_the_final_state_without_running_the_loop(harness):
    truth, _, rows, tmp = harness
    directives = ReplayDirectives(skip=frozenset({MAIN}))
    values, decided = replay(tmp, rows, directives, skip=[MAIN])
    assert values["w_sum"] == truth["w_sum"]
    assert values["seen"] == truth["seen"]
    assert "epoch_loss" not in values and "loss" not in values
    assert [(d.address, d.action) for d in decided] == [(MAIN, "skipped")]


def test_missing_checkpoints_make_the_loops_run_and_the_replay_stays_exact(harness):
    truth, _, rows, tmp = harness
    # No resume point at all, and the files of epoch 1's inner-loop checkpoint are gone.
    victim = next(r for r in rows if r.block == INNER and r.iteration == 1)
    (tmp / "ckpt" / victim.manifest[:2] / victim.manifest).unlink()
    kept = [r for r in rows if r.kind != "iteration"]
    loops = {MAIN: {"iterations": [2], "after": "finish"}}
    directives = ReplayDirectives(skip=frozenset({INNER}), select=frozenset({MAIN}))
    values, decided = replay(tmp, kept, directives, catch_up=[INNER], loops=loops)
    steps = len(truth["x_mean"]) // 4
    # Caught up from epoch 0: its inner loop restored, epoch 1's run (no checkpoint left),
    # then epoch 2 ran as selected. Every value matches the ground truth.
    assert values["x_mean"] == truth["x_mean"][steps : 3 * steps]
    assert values["grad_norm"] == truth["grad_norm"][:3]
    inner = [(d.key, d.action, d.reason) for d in decided if d.address == INNER]
    assert inner[0] == ("0:0", "skipped", "")
    assert inner[1][:2] == ("0:1", "ran") and "missing" in inner[1][2]
    assert inner[2] == ("0:2", "ran", "needed by the plan")
    assert any(d.reason == "catching up: no checkpoint to resume from" for d in decided)


def test_a_checkpoint_without_gradients_is_not_used_when_gradients_are_read(harness):
    truth, _, rows, tmp = harness
    blocks.configure(None)
    host = blocks.StandaloneHost("record", tmp / "ckpt2")
    blocks.configure(host, AdaptivePolicy(budget=float("inf")))
    no_grads = instrument_record(ORIGINAL, "train.py").code.replace("grads=True", "grads=False")
    run(no_grads, tmp, "record2")
    blocks.configure(None)
    (tmp / "ckpt").rename(tmp / "ckpt-old")
    (tmp / "ckpt2").rename(tmp / "ckpt")
    values, decided = replay(tmp, host.rows, ReplayDirectives(skip=frozenset({INNER})), skip=[INNER])
    assert values["grad_norm"] == truth["grad_norm"]
    ran = [d for d in decided if d.address == INNER]
    assert [d.action for d in ran] == ["ran"] * 4
    assert all(".grad" in d.reason for d in ran)


def test_without_a_host_instrumented_code_runs_like_the_original(project, tmp_path):
    blocks.configure(None)
    truth = run(HINDSIGHT, tmp_path, "truth")
    directives = ReplayDirectives(skip=frozenset({INNER}), select=frozenset({MAIN}))
    plain = run(instrument_replay(HINDSIGHT, "train.py", directives).code, tmp_path, "plain")
    assert plain == truth
    recorded = run(instrument_record(HINDSIGHT, "train.py").code, tmp_path, "rec")
    assert recorded == truth
    assert blocks.decisions() == ()


TRAINER = '''\
import torch

import florc as flor


class Trainer:
    def __init__(self):
        torch.manual_seed(1)
        self.model = torch.nn.Linear(3, 1)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=0.1)
        self.sched = torch.optim.lr_scheduler.ExponentialLR(self.opt, gamma=0.5)
        self.data = [(torch.randn(8, 3), torch.randn(8, 1)) for _ in range(4)]
        self.steps = 0

    def train_step(self, x, y):
        loss = torch.nn.functional.mse_loss(self.model(x), y)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.steps += 1
        return loss

    def fit(self, epochs):
        for epoch in flor.loop("epoch", range(epochs)):
            for x, y in self.data:
                loss = self.train_step(x, y)
            self.sched.step()
            record("epoch_loss", loss.item())
        record("steps", self.steps)


Trainer().fit(3)
'''

TRAINER_HINDSIGHT = TRAINER.replace(
    "            self.sched.step()\n",
    '            record("w", self.model.weight.sum().item())\n'
    '            record("lr", self.opt.param_groups[0]["lr"])\n'
    "            self.sched.step()\n",
)


def test_state_reached_through_self_and_a_method_replays_exactly(project, tmp_path):
    truth = run(TRAINER_HINDSIGHT, tmp_path, "truth")
    host = blocks.StandaloneHost("record", tmp_path / "ckpt")
    blocks.configure(host, AdaptivePolicy(budget=float("inf")))
    run(instrument_record(TRAINER, "train.py").code, tmp_path, "record")
    blocks.configure(None)
    inner = "train.py::Trainer/fit/for:epoch/for:(x,y)"
    blocks.configure(blocks.StandaloneHost("replay", tmp_path / "ckpt", plan_section(host.rows, skip=[inner])))
    code = instrument_replay(TRAINER_HINDSIGHT, "train.py", ReplayDirectives(skip=frozenset({inner}))).code
    values = run(code, tmp_path, "replay")
    assert [d.action for d in blocks.decisions()] == ["skipped"] * 3
    blocks.configure(None)
    assert values == truth


EPOCHS = '''\
import torch

import florc as flor


def train_epoch(net, opt, data):
    total = 0.0
    for step in flor.loop("step", range(len(data))):
        x, y = data[step]
        loss = torch.nn.functional.mse_loss(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item()
    return total / len(data)


torch.manual_seed(0)
data = [(torch.randn(8, 4), torch.randn(8, 1)) for _ in range(5)]
net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in flor.loop("epoch", range(4)):
    avg = train_epoch(net, opt, data)
    record("avg", avg)
'''
EPOCHS_HINDSIGHT = EPOCHS.replace(
    '    record("avg", avg)\n',
    '    record("avg", avg)\n    record("gn", net[0].weight.grad.norm().item())\n',
).replace("        total += loss.item()\n", '        total += loss.item()\n        record("b", net[2].bias.item())\n')
CALL = "train.py::for:epoch/call:train_epoch"


def test_a_training_function_called_from_the_main_loop_is_skipped_and_replays_exactly(project, tmp_path):
    truth = run(EPOCHS_HINDSIGHT, tmp_path, "truth")
    host = blocks.StandaloneHost("record", tmp_path / "ckpt")
    blocks.configure(host, AdaptivePolicy(budget=float("inf")))
    run(instrument_record(EPOCHS, "train.py").code, tmp_path, "record")
    blocks.configure(None)
    assert sorted(r.iteration for r in host.rows if r.block == CALL) == [0, 1, 2, 3]
    # Outer level: the call is restored in every epoch (its gradients too), never run.
    blocks.configure(blocks.StandaloneHost("replay", tmp_path / "ckpt", plan_section(host.rows, skip=[CALL])))
    directives = ReplayDirectives(skip=frozenset({CALL}))
    code = instrument_replay(EPOCHS_HINDSIGHT, "train.py", directives).code
    values = run(code, tmp_path, "outer")
    assert [d.action for d in blocks.decisions()] == ["skipped"] * 4
    assert values["gn"] == truth["gn"] and values["avg"] == truth["avg"] and "b" not in values
    # Inner level: the call runs in the selected epoch only, resumed from its start.
    main = "train.py::for:epoch"
    plan = plan_section(host.rows, catch_up=[CALL], loops={main: {"iterations": [2], "after": "finish"}})
    blocks.configure(blocks.StandaloneHost("replay", tmp_path / "ckpt", plan))
    directives = ReplayDirectives(skip=frozenset({CALL}), select=frozenset({main}))
    values = run(instrument_replay(EPOCHS_HINDSIGHT, "train.py", directives).code, tmp_path, "inner")
    steps = len(truth["b"]) // 4
    assert values["b"] == truth["b"][2 * steps : 3 * steps]
    assert values["gn"] == [truth["gn"][2]]
    blocks.configure(None)


def test_rows_of_iterations_not_selected_are_dropped_and_the_suffix_logs(project, tmp_path):
    """What a unit logs: its selected iterations and the code after the loop, not the iterations
    it runs only to catch up or to reach the end (``Host.mute``)."""
    def unit(iterations, after, quiet_prefix=False):
        section = {"blocks": {}, "loops": {MAIN: {"iterations": iterations, "after": after, "resume": {}}},
                   "quiet_prefix": quiet_prefix}
        host = blocks.StandaloneHost("replay", tmp_path / "ckpt", section)
        blocks.configure(host)
        return host

    host = unit([], "continue", quiet_prefix=True)  # a suffix unit whose final state is gone
    seen = [host.muted]
    for _ in range(3):
        assert blocks.skip_iteration(MAIN) is False  # runs...
        seen.append(host.muted)  # ...muted
    blocks.after(MAIN)
    assert seen == [True, True, True, True] and host.muted is False
    host = unit([2], "finish")  # catch up through 0 and 1 (no resume point), log 2, finish
    states = []
    for _ in range(3):
        blocks.skip_iteration(MAIN)
        states.append(host.muted)
    with pytest.raises(blocks.ReplayFinished):
        blocks.skip_iteration(MAIN)
    assert states == [True, True, False] and host.muted is False
    blocks.configure(None)
