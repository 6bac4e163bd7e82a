"""Capture, files and restore of training state; the background writer; the adaptive policy."""

from __future__ import annotations

import pickle
import random
import subprocess
import sys
import threading
from collections import OrderedDict

import numpy as np
import pytest
import torch

from florc.runtime.checkpoint import (
    AdaptivePolicy,
    BackgroundWriter,
    CheckpointStore,
    NotRestorable,
    Snapshot,
    Uncapturable,
    budget_from_env,
    capture,
    capture_rng,
    decoded,
    discover,
    restore_into,
    restore_rng,
    value_of,
)


def roundtrip(store: CheckpointStore, parts, rng=None):
    written = store.write(Snapshot(parts=parts, rng=rng))
    return store.read(written.manifest)


@pytest.fixture
def store(tmp_path):
    return CheckpointStore(tmp_path / "ckpt")


def small_training(seed: int = 0):
    torch.manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.BatchNorm1d(8), torch.nn.Linear(8, 1))
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    scaler = torch.amp.GradScaler("cpu", enabled=True)
    return net, opt, sched, scaler


def train_steps(net, opt, sched, n: int, seed: int):
    gen = torch.Generator().manual_seed(seed)
    for _ in range(n):
        x = torch.randn(16, 4, generator=gen)
        loss = net(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    return loss


VALUES = [
    0,
    -3.5,
    float("inf"),
    1 + 2j,
    "text",
    b"\x00bytes",
    None,
    True,
    [1, [2, (3, "four")]],
    {"a": 1, "b": [1.5, None]},
    {(1, 2): "tuple key", 3: "int key"},
    {"__florc__": "a user key that looks like ours"},
    {1, 2, 3},
    frozenset({"x"}),
    bytearray(b"mutable"),
    OrderedDict([("z", 1), ("a", 2)]),
    (),
]


@pytest.mark.parametrize("value", VALUES, ids=[type(v).__name__ + str(i) for i, v in enumerate(VALUES)])
def test_plain_values_survive_a_round_trip_through_files(store, value):
    loaded = roundtrip(store, {"v": capture(value, in_place=False)})
    restored = value_of(loaded.parts["v"])
    assert restored == value
    assert type(restored) is type(value)


def test_arrays_tensors_and_numpy_scalars_round_trip_exactly(store):
    values = {
        "f32": np.arange(12, dtype=np.float32).reshape(3, 4),
        "bool": np.array([True, False]),
        "scalar": np.float64(2.5),
        "int": np.int16(-7),
        "tensor": torch.arange(6, dtype=torch.float64).reshape(2, 3),
        "bf16": torch.ones(3, dtype=torch.bfloat16),
        "size": torch.Size([2, 3]),
        "dtype": torch.float16,
        "mixed": {"t": torch.zeros(2), "a": np.ones(2)},
    }
    loaded = roundtrip(store, {k: capture(v, in_place=False) for k, v in values.items()})
    for key, original in values.items():
        restored = value_of(loaded.parts[key])
        if key == "mixed":
            assert torch.equal(restored["t"], original["t"])
            assert np.array_equal(restored["a"], original["a"])
        elif isinstance(original, torch.Tensor):
            assert torch.equal(restored, original) and restored.dtype == original.dtype
        elif isinstance(original, np.ndarray):
            assert np.array_equal(restored, original) and restored.dtype == original.dtype
        else:
            assert restored == original and type(restored) is type(original)


def test_torch_training_state_restores_in_place_and_training_continues_identically(store):
    net, opt, sched, scaler = small_training()
    train_steps(net, opt, sched, 3, seed=1)
    parts = {
        "net": capture(net, in_place=True, grads=True),
        "opt": capture(opt, in_place=True),
        "sched": capture(sched, in_place=True),
        "scaler": capture(scaler, in_place=True),
    }
    written = store.write(Snapshot(parts=parts))
    expected_loss = train_steps(net, opt, sched, 2, seed=2)
    expected = [p.detach().clone() for p in net.parameters()]
    params_before = list(net.parameters())

    # Reset to different state, then restore: the same objects must come back to the snapshot.
    train_steps(net, opt, sched, 5, seed=3)
    loaded = store.read(written.manifest)
    for name, obj in (("net", net), ("opt", opt), ("sched", sched), ("scaler", scaler)):
        assert restore_into(obj, loaded.parts[name]) is obj
    assert list(net.parameters()) == params_before  # identity kept: the optimizer still sees them
    again = train_steps(net, opt, sched, 2, seed=2)
    assert torch.equal(again, expected_loss)
    for got, want in zip(net.parameters(), expected):
        assert torch.equal(got, want)


def test_gradients_are_saved_only_when_asked_and_restored_with_them(store):
    net, opt, sched, _ = small_training()
    train_steps(net, opt, sched, 1, seed=1)
    grads = [p.grad.clone() for p in net.parameters()]
    with_grads = roundtrip(store, {"net": capture(net, in_place=True, grads=True)})
    without = roundtrip(store, {"net": capture(net, in_place=True)})
    assert "grads" not in without.parts["net"].tree
    opt.zero_grad(set_to_none=True)
    restore_into(net, with_grads.parts["net"])
    for p, g in zip(net.parameters(), grads):
        assert torch.equal(p.grad, g)


def test_capture_is_a_private_copy_that_later_training_does_not_change(store):
    net, opt, sched, _ = small_training()
    part = capture(net, in_place=True)
    before = {k: v.clone() for k, v in net.state_dict().items()}
    train_steps(net, opt, sched, 2, seed=1)
    writer = BackgroundWriter(store)
    results = []
    writer.submit(Snapshot(parts={"net": part}), lambda w, s, e: results.append((w, e)))
    writer.flush()
    (written, error), = results
    assert error is None
    saved = store.read(written.manifest).parts["net"].tree["state_dict"]
    for key, value in before.items():
        assert torch.equal(saved[key], value)
    writer.close()


def test_global_rng_states_restore_every_generator():
    random.seed(1)
    np.random.seed(1)
    torch.manual_seed(1)
    part = decoded(capture_rng())
    expected = (random.random(), np.random.rand(), torch.rand(1).item())
    random.random(), np.random.rand(), torch.rand(3)
    restore_rng(part)
    assert (random.random(), np.random.rand(), torch.rand(1).item()) == expected


def test_rng_states_round_trip_through_files(store):
    torch.manual_seed(5)
    loaded = roundtrip(store, {}, rng=capture_rng())
    expected = torch.rand(4)
    restore_rng(loaded.rng)
    assert torch.equal(torch.rand(4), expected)


@pytest.mark.parametrize(
    "make, draw",
    [
        (lambda: random.Random(3), lambda g: g.random()),
        (lambda: np.random.default_rng(3), lambda g: g.random()),
        (lambda: np.random.RandomState(3), lambda g: g.rand()),
        (lambda: torch.Generator().manual_seed(3), lambda g: torch.rand(1, generator=g).item()),
    ],
    ids=["random.Random", "numpy.Generator", "numpy.RandomState", "torch.Generator"],
)
def test_generator_objects_restore_in_place(store, make, draw):
    gen = make()
    loaded = roundtrip(store, {"g": capture(gen, in_place=True)})
    expected = draw(gen)
    draw(gen)
    assert restore_into(gen, loaded.parts["g"]) is gen
    assert draw(gen) == expected


class Meter:
    def __init__(self):
        self.total = 0.0
        self.history = []


def test_plain_objects_and_containers_restore_in_place_keeping_identity(store):
    meter, hist, table = Meter(), [1, 2], {"a": 1}
    meter.total, meter.history = 3.0, [1.0]
    alias = meter
    loaded = roundtrip(
        store,
        {
            "meter": capture(meter, in_place=True),
            "hist": capture(hist, in_place=True),
            "table": capture(table, in_place=True),
        },
    )
    meter.total = 99.0
    meter.history.append(5.0)
    hist.append(3)
    table["b"] = 2
    assert restore_into(meter, loaded.parts["meter"]) is meter
    assert alias.total == 3.0 and alias.history == [1.0]
    assert restore_into(hist, loaded.parts["hist"]) is hist and hist == [1, 2]
    assert restore_into(table, loaded.parts["table"]) is table and table == {"a": 1}


def test_restoring_into_an_object_of_another_type_is_refused(store):
    net, *_ = small_training()
    loaded = roundtrip(store, {"net": capture(net, in_place=True)})
    with pytest.raises(NotRestorable, match="Sequential"):
        restore_into(torch.nn.Linear(1, 1), loaded.parts["net"])


@pytest.mark.parametrize(
    "value, in_place, reason",
    [
        ([print], False, "builtin_function_or_method"),
        ({"f": lambda: 1}, False, "function"),
        (np.array([object()]), False, "dtype object"),
        (torch.nn.Linear(1, 1), False, "rebound inside the loop"),
        (threading.Lock(), True, "lock"),
        (Meter(), False, "Meter"),
    ],
    ids=["builtin-in-list", "lambda-in-dict", "object-array", "rebound-module", "lock", "object-by-value"],
)
def test_values_that_cannot_be_saved_safely_are_refused_with_a_reason(value, in_place, reason):
    with pytest.raises(Uncapturable, match=reason):
        capture(value, in_place=in_place)


def test_identical_state_is_stored_once(store):
    net, *_ = small_training()
    first = store.write(Snapshot(parts={"net": capture(net, in_place=True)}))
    second = store.write(Snapshot(parts={"net": capture(net, in_place=True)}))
    assert first.manifest == second.manifest
    assert first.bytes > 0 and second.bytes == 0


def test_damaged_or_missing_files_are_never_read_as_a_checkpoint(store):
    net, *_ = small_training()
    written = store.write(Snapshot(parts={"net": capture(net, in_place=True)}))
    part_files = [p for p in store.root.rglob("*.pt")]
    assert len(part_files) == 1
    data = part_files[0].read_bytes()
    part_files[0].write_bytes(data[: len(data) // 2])
    with pytest.raises(NotRestorable, match="damaged"):
        store.read(written.manifest)
    part_files[0].unlink()
    with pytest.raises(NotRestorable, match="missing"):
        store.read(written.manifest)


class Exploit:
    def __reduce__(self):
        return (print, ("pwned",))


def test_part_files_cannot_run_code_when_loaded(store, capsys):
    # A crafted plain-value file: a global reference in the pickle.
    name, _ = store.put(pickle.dumps(Exploit()), ".pkl")
    # A crafted torch file: an object torch's weights-only loader does not allow.
    import io

    buffer = io.BytesIO()
    torch.save({"x": torch.zeros(1), "evil": Exploit()}, buffer)
    name_pt, _ = store.put(buffer.getvalue(), ".pt")
    for part_name in (name, name_pt):
        manifest = {
            "format": "florc-checkpoint/1",
            "parts": {"x": {"kind": "value", "type": "t", "file": part_name}},
            "rng": None,
            "missing": {},
            "meta": {},
        }
        import json

        manifest_name, _ = store.put(json.dumps(manifest).encode(), ".json")
        with pytest.raises(NotRestorable, match="cannot be read"):
            store.read(manifest_name)
    assert "pwned" not in capsys.readouterr().out


def test_writer_reports_failures_to_the_callback(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    writer = BackgroundWriter(CheckpointStore(blocked / "ckpt"))
    results = []
    writer.submit(Snapshot(parts={"v": capture(1, in_place=False)}), lambda w, s, e: results.append((w, e)))
    writer.flush()
    writer.close()
    (written, error), = results
    assert written is None and isinstance(error, OSError)
    assert writer.errors == [error]


def test_writer_keeps_submission_order_and_flush_waits(store):
    writer = BackgroundWriter(store)
    seen = []
    for i in range(20):
        writer.submit(
            Snapshot(parts={"i": capture(i, in_place=False)}, meta={"i": i}),
            lambda w, s, e, i=i: seen.append(i),
        )
    writer.flush()
    assert seen == list(range(20))
    writer.close()


def test_discover_finds_torch_training_objects_by_type():
    net, opt, sched, scaler = small_training()
    found = discover(
        {"net": net, "opt": opt, "sched": sched, "scaler": scaler, "x": torch.zeros(1),
         "torch": torch, "n": 3, "Net": torch.nn.Linear}
    )
    assert set(found) == {"net", "opt", "sched", "scaler"}


@pytest.mark.parametrize(
    "text, budget, warned",
    [("", 0.01, False), ("0.05", 0.05, False), ("2%", 0.02, False), ("0", 0.0, False),
     ("inf", float("inf"), False), ("lots", 0.01, True), ("-1", 0.01, True),
     ("nan", 0.01, True)],
)
def test_budget_comes_from_the_environment(text, budget, warned):
    value, warning = budget_from_env({"FLORC_CKPT_BUDGET": text})
    assert value == pytest.approx(budget)
    assert (warning is not None) == warned


def simulate(policy: AdaptivePolicy, iteration: float, cost: float, n: int) -> list[int]:
    elapsed, taken = 0.0, []
    for i in range(n):
        elapsed += iteration
        if policy.decide(elapsed=elapsed):
            taken.append(i)
            policy.charge(cost)
    return taken


def test_policy_keeps_checkpoint_cost_within_the_budget_after_the_first():
    policy = AdaptivePolicy(budget=0.01)
    taken = simulate(policy, iteration=1.0, cost=0.05, n=1000)
    assert taken[0] == 0
    assert policy.spent <= 0.01 * 1000 + 0.05
    assert 150 <= len(taken) <= 201  # about one checkpoint every five iterations


def test_policy_keeps_room_for_the_final_checkpoint():
    # Three epochs of 1.6 s, checkpoints of 20 ms, 1% budget: after the first, a second would
    # leave no room for the final one, which the run takes anyway.
    policy = AdaptivePolicy(budget=0.01)
    assert simulate(policy, iteration=1.6, cost=0.02, n=3) == [0]
    policy.charge(0.02)  # the final checkpoint
    assert policy.spent <= 0.01 * 3 * 1.6


def test_policy_checkpoints_every_iteration_when_checkpoints_are_cheap():
    assert simulate(AdaptivePolicy(budget=0.01), iteration=1.0, cost=0.001, n=50) == list(range(50))


def test_policy_with_infinite_budget_always_checkpoints():
    assert simulate(AdaptivePolicy(budget=float("inf")), iteration=1.0, cost=5.0, n=5) == list(range(5))


def test_policy_with_zero_budget_never_checkpoints():
    assert simulate(AdaptivePolicy(budget=0.0), iteration=1.0, cost=0.001, n=50) == []


def test_policy_waits_for_the_first_measurement():
    policy = AdaptivePolicy(budget=1.0)
    assert policy.decide(elapsed=1.0) is True
    assert policy.decide(elapsed=100.0) is False  # the first cost is not known yet
    policy.charge(0.1)
    assert policy.decide(elapsed=100.0) is True


def test_checkpointing_plain_values_imports_neither_torch_nor_numpy(tmp_path):
    code = f"""
import sys
from florc.runtime.checkpoint import CheckpointStore, Snapshot, capture, capture_rng, value_of
store = CheckpointStore({str(tmp_path)!r})
w = store.write(Snapshot(parts={{"h": capture([1, {{2}}], in_place=False)}}, rng=capture_rng()))
assert value_of(store.read(w.manifest).parts["h"]) == [1, {{2}}]
print(sorted(m for m in ("torch", "numpy") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_optimizer_brings_the_parameters_it_steps_unless_their_module_is_saved(store):
    net, opt, sched, _ = small_training()
    train_steps(net, opt, sched, 1, seed=1)
    alone = roundtrip(store, {"opt": capture(opt, in_place=True, grads=True)})
    covered = frozenset(id(p) for p in net.parameters())
    with_model = capture(opt, in_place=True, exclude_params=covered)
    assert "params" in alone.parts["opt"].tree and "params" not in with_model.tree
    expected = [p.detach().clone() for p in net.parameters()]
    grads = [p.grad.clone() for p in net.parameters()]
    train_steps(net, opt, sched, 2, seed=2)
    restore_into(opt, alone.parts["opt"])
    for p, want, grad in zip(net.parameters(), expected, grads):
        assert torch.equal(p, want) and torch.equal(p.grad, grad)


class Trainer:
    def __init__(self):
        self.net, self.opt, self.sched, _ = small_training()
        self.steps = 0
        self.history = []
        self.loader = torch.utils.data.DataLoader(list(range(4)))
        self.rng = random.Random(1)
        self.log = print


def test_a_trainer_object_restores_in_place_through_its_attributes(store):
    trainer = Trainer()
    train_steps(trainer.net, trainer.opt, trainer.sched, 1, seed=1)
    trainer.steps, trainer.history = 1, [0.5]
    covered = frozenset(id(p) for p in trainer.net.parameters())
    part = capture(trainer, in_place=True, exclude_params=covered)
    assert sorted(part.tree["skipped"]) == ["loader", "log"]
    loaded = roundtrip(store, {"t": part})
    expected = [p.detach().clone() for p in trainer.net.parameters()]
    net, draw = trainer.net, trainer.rng.random()
    train_steps(trainer.net, trainer.opt, trainer.sched, 2, seed=2)
    trainer.steps, trainer.history = 3, [9.0]
    assert trainer.opt.param_groups[0]["lr"] == 0.005  # decayed before the restore
    restore_into(trainer, loaded.parts["t"])
    assert trainer.net is net and trainer.steps == 1 and trainer.history == [0.5]
    assert trainer.rng.random() == draw
    assert trainer.sched.last_epoch == 1 and trainer.opt.param_groups[0]["lr"] == 0.01
    for p, want in zip(trainer.net.parameters(), expected):
        assert torch.equal(p, want)


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_cuda_state_and_rng_round_trip(store):
    torch.manual_seed(0)
    net = torch.nn.Linear(8, 1).cuda()
    opt = torch.optim.Adam(net.parameters())
    net(torch.randn(4, 8, device="cuda")).sum().backward()
    opt.step()
    parts = {"net": capture(net, in_place=True, grads=True), "opt": capture(opt, in_place=True)}
    assert all(t.device.type == "cpu" for t in parts["net"].tree["state_dict"].values())
    loaded = roundtrip(store, parts, rng=capture_rng())
    expected_draw = torch.rand(3, device="cuda")
    weights = [p.detach().clone() for p in net.parameters()]
    net(torch.randn(4, 8, device="cuda")).sum().backward()
    opt.step()
    restore_into(net, loaded.parts["net"])
    restore_into(opt, loaded.parts["opt"])
    restore_rng(loaded.rng)
    assert torch.equal(torch.rand(3, device="cuda"), expected_draw)
    for p, w in zip(net.parameters(), weights):
        assert p.device.type == "cuda" and torch.equal(p, w)


# ------------------------------------------------------------------ plain-python observer


def test_the_observer_saves_declared_or_discovered_objects_and_small_values(tmp_path):
    from florc.runtime.checkpoint.observer import namespace_parts

    net, opt, sched, scaler = small_training()
    ns = {"net": net, "opt": opt, "sched": sched, "step": 3, "history": [0.5], "big": list(range(300_000)),
          "torch": torch, "f": lambda: 0, "it": iter([1, 2])}
    parts, missing, left = namespace_parts(ns, {})
    assert {k: p.kind for k, p in parts.items()} == {
        "net": "state", "opt": "state", "sched": "state", "step": "value", "history": "value"
    }
    assert not missing and sorted(left) == ["big", "it"]
    parts, _, _ = namespace_parts(ns, {"model": net})  # declared objects replace discovery
    assert parts["model"].kind == "state" and "net" not in parts and "opt" not in parts


def test_observer_checkpoints_are_used_only_when_they_cover_the_write_set(tmp_path, run_dir):
    from florc.runtime import session
    from florc.runtime.checkpoint import observer

    import florc as flor

    s = session.start(script="t.py")
    obs = observer.install(s)
    obs.policy = AdaptivePolicy(budget=float("inf"))
    net, opt, sched, _ = small_training()
    history: list[float] = []
    it = iter(range(100))
    for epoch in flor.loop("epoch", range(2)):
        for step in flor.loop("step", range(3)):
            train_steps(net, opt, sched, 1, seed=epoch * 10 + step)
            next(it)
        history.append(float(epoch))
    obs.writer.flush()
    rows = s.extra["checkpoints"]
    assert sorted((r["kind"], r["loop"], r["i1"]) for r in rows) == [
        ("block", "epoch/step", 0), ("block", "epoch/step", 1), ("final", "epoch", None),
        ("iteration", "epoch", 1), ("iteration", "epoch", 2),
    ]
    block = next(r for r in rows if r["kind"] == "block" and r["i1"] == 1)
    loaded = obs.store.read(block["digest"])
    ns = {"net": net, "opt": opt, "history": history, "it": it, "meter": object()}
    unbound = object()

    def check(**writes):
        base = dict(assigned=(), changed=(), iterated=(), global_names=(), grads_needed=False)
        return observer.check(loaded, lambda p: ns.get(p, unbound), unbound, **{**base, **writes})

    assert check(changed=(("opt", True), ("net", False), ("sched", True)), grads_needed=True) is None
    assert check(assigned=("never_bound",)) is None  # unbound when saved: rebound to None
    assert "was not saved" in check(assigned=("it",))  # bound, but an iterator is not saved
    assert "iterator" in check(changed=(("it", True),))
    assert "was not saved" in check(changed=(("meter", True),))  # an object it cannot restore
    session.stop()
