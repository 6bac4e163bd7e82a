from __future__ import annotations

import pyarrow.parquet as pq

import florc as flor
from florc.runtime import hooks, session


def logs_of(run_dir):
    tables = [pq.read_table(p) for p in sorted((run_dir / ".flor" / "logs").glob("*.parquet"))]
    rows = [r for t in tables for r in t.to_pylist()]
    return sorted(rows, key=lambda r: r["seq"])


def test_rows_carry_their_loop_context(run_dir):
    for epoch in flor.loop("epoch", range(2)):
        for step in flor.loop("step", ["a", "b"]):
            flor.log("loss", epoch + 0.5)
        flor.log("acc", 0.9)
    flor.log("final", 1)
    session.stop()
    rows = logs_of(run_dir)
    got = [(r["name"], r["ctx_path"], r["i1"], r["i2"], r["v2"]) for r in rows]
    assert got == [
        ("loss", "epoch/step", 0, 0, '"a"'),
        ("loss", "epoch/step", 0, 1, '"b"'),
        ("acc", "epoch", 0, None, None),
        ("loss", "epoch/step", 1, 0, '"a"'),
        ("loss", "epoch/step", 1, 1, '"b"'),
        ("acc", "epoch", 1, None, None),
        ("final", "", None, None, None),
    ]
    assert [r["seq"] for r in rows] == list(range(7))


def test_break_out_of_an_inner_loop_restores_the_context(run_dir):
    for epoch in flor.loop("epoch", range(2)):
        for step in flor.loop("step", range(10)):
            if step == 1:
                break
        flor.log("after_break", epoch)
    session.stop()
    rows = [r for r in logs_of(run_dir) if r["name"] == "after_break"]
    assert [(r["ctx_path"], r["i1"]) for r in rows] == [("epoch", 0), ("epoch", 1)]


def test_log_returns_its_value_and_never_raises_on_odd_values(run_dir):
    class Odd:
        def __repr__(self):
            raise ValueError("boom")

    odd = Odd()
    assert flor.log("odd", odd) is odd
    assert flor.log(123, 4) == 4  # a non-string name is kept as its str
    session.stop()
    assert [r["name"] for r in logs_of(run_dir)] == ["odd", "123"]


class Recorder(hooks.BaseObserver):
    def __init__(self):
        self.events = []

    def on_loop_enter(self, loop, frame):
        self.events.append(("enter", loop.name, loop.depth, frame.f_locals.get("marker")))

    def on_iteration_end(self, loop, index, seconds, frame):
        self.events.append(("end", loop.name, index, frame.f_locals.get("marker")))

    def on_loop_exit(self, loop, frame, completed):
        self.events.append(("exit", loop.name, completed))


def test_observers_see_events_and_the_callers_frame(run_dir):
    rec = Recorder()
    hooks.add_observer(rec)
    marker = "in the training script"
    for _ in flor.loop("epoch", range(2)):
        pass
    assert rec.events == [
        ("enter", "epoch", 0, marker),
        ("end", "epoch", 0, marker),
        ("end", "epoch", 1, marker),
        ("exit", "epoch", True),
    ]


class EveryOther:
    def iterations(self, loop, items):
        return ((i, x) for i, x in enumerate(items) if i % 2 == 1)


def test_a_controller_picks_iterations_and_keeps_their_indices(run_dir):
    hooks.set_controller(EveryOther())
    seen = [x for x in flor.loop("epoch", ["a", "b", "c", "d"]) if flor.log("x", x)]
    session.stop()
    assert seen == ["b", "d"]
    assert [(r["i1"], r["value"]) for r in logs_of(run_dir)] == [(1, '"b"'), (3, '"d"')]


def test_timings_are_recorded_per_iteration(run_dir):
    for _ in flor.loop("epoch", range(3)):
        pass
    session.stop()
    t = pq.read_table(next((run_dir / ".flor" / "timings").glob("*.parquet"))).to_pylist()
    assert [(r["loop"], r["i1"]) for r in t] == [("epoch", 0), ("epoch", 1), ("epoch", 2)]
    assert all(r["seconds"] >= 0 for r in t)


def test_arg_uses_kwargs_then_default_and_is_logged(run_dir, monkeypatch):
    from florc.runtime import kwargs

    monkeypatch.setattr(kwargs, "_pairs", {"lr": "0.5"})
    assert flor.arg("lr", 0.1) == 0.5
    assert flor.arg("epochs", 3) == 3
    s = session.stop()
    assert s is not None and s.args == {"lr": 0.5, "epochs": 3}
    assert [(r["name"], r["value_num"], r["depth"]) for r in logs_of(run_dir)] == [("lr", 0.5, 0), ("epochs", 3.0, 0)]


def test_checkpointing_works_as_a_call_and_as_a_with_block(run_dir):
    model = object()
    flor.checkpointing(model=model)
    with flor.checkpointing(optimizer=1) as c:
        assert c.objects == {"optimizer": 1}
    s = session.current()
    assert s is not None and s.checkpoint_objects == {"model": model, "optimizer": 1}


def test_replay_mode_writes_replay_rows_under_the_original_run(run_dir, monkeypatch):
    import json

    plan = run_dir / "plan.json"
    plan.write_text(json.dumps({"run_id": "orig-1", "replay_id": "rp-1", "args": {"lr": 0.25}}))
    monkeypatch.setenv("FLORC_REPLAY", str(plan))
    assert flor.arg("lr", 0.1) == 0.25
    flor.log("gn", 1.0)
    session.stop()
    rows = logs_of(run_dir)
    assert {(r["run_id"], r["source"], r["replay_id"]) for r in rows} == {("orig-1", "replay", "rp-1")}
    runs = [pq.read_table(p).to_pylist()[0] for p in (run_dir / ".flor" / "runs").glob("*.parquet")]
    assert {(r["run_id"], r["kind"], r["replays_run_id"]) for r in runs} == {("rp-1", "replay", "orig-1")}


def test_an_unwritable_store_falls_back_to_a_temporary_one(run_dir, monkeypatch):
    (run_dir / "a_file").write_text("not a directory\n")
    monkeypatch.setenv("FLORC_STORE", str(run_dir / "a_file" / "store"))
    flor.log("x", 1.0)
    s = session.stop()
    assert s is not None and "cannot write the store" in s.notices[0]
    assert list((s.store / "logs").glob("*.parquet"))


def test_a_bad_flush_interval_does_not_break_the_run(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_FLUSH_SECONDS", "soon")
    assert flor.log("x", 2.0) == 2.0
    s = session.stop()
    assert s is not None and s.interval == 3.0 and s.rows_written == 1
