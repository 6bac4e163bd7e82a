"""What the replay reads from the store: runs, their values, --where, usable checkpoints."""

from __future__ import annotations

import json
import textwrap

from florc.instrument import analyze
from florc.replay.runs import matching, names_present, recorded_runs, run_checkpoints
from florc.store.parts import write_part

SCRIPT = textwrap.dedent(
    """\
    import florc as flor
    for epoch in flor.loop("epoch", range(3)):
        for step in flor.loop("step", range(4)):
            pass
        flor.log("acc", epoch)
    """
)
INNER = "t.py::for:epoch/for:step"


def run_row(store, run_id, lr, kind="record"):
    write_part(store, "runs", f"{run_id}-r0001", {
        "run_id": [run_id], "rev": [1], "kind": [kind], "status": ["complete"], "script": ["t.py"],
        "commit": ["c" * 40], "args": [json.dumps({"lr": lr})], "argv": ['["t.py"]'],
        "started_at": [1.0e9], "ended_at": [1.0e9 + 60],
    })
    write_part(store, "logs", f"{run_id}-000001", {
        "run_id": [run_id, run_id], "name": ["lr", "acc"], "value_num": [lr, 0.5], "depth": [0, 1],
        "ctx_path": ["", "epoch"], "i1": [None, 0], "source": ["record", "record"], "seq": [0, 1],
    })


def test_runs_values_and_where_select_the_runs(tmp_path):
    store = tmp_path / ".flor"
    run_row(store, "r1", 0.01)
    run_row(store, "r2", 0.1)
    assert [r.run_id for r in recorded_runs(store)] == ["r1", "r2"]
    assert recorded_runs(store)[1].args == {"lr": 0.1} and recorded_runs(store)[0].seconds == 60
    assert names_present(store, ["r1", "r2"], ["acc", "gn"]) == {"r1": {"acc"}, "r2": {"acc"}}
    assert matching(store, "lr > 0.05") == {"r2"}
    assert matching(store, "lr < 1") == {"r1", "r2"}


def test_checkpoints_that_cannot_restore_are_left_out_with_a_note(tmp_path):
    store = tmp_path / ".flor"
    analysis = analyze(SCRIPT, "t.py")
    rows = {"run_id": [], "loop": [], "kind": [], "digest": [], "objects": [], "source": []}

    def add(iteration, digest, missing=None):
        rows["run_id"].append("r1")
        rows["loop"].append(INNER)
        rows["kind"].append("block")
        rows["digest"].append(digest)
        rows["objects"].append(json.dumps({"activation": 0, "iteration": iteration, "parts": [], "missing": missing or {}}))
        rows["source"].append("record")

    for e, digest in enumerate(("a0.json", "b1.json", "c2.json")):
        add(e, digest, {"it": "a list_iterator: the loop consumes this iterator"} if e == 1 else None)
    (store / "checkpoints" / "a0").mkdir(parents=True)
    (store / "checkpoints" / "a0" / "a0.json").write_text("{}")  # c2's file is gone
    write_part(store, "checkpoints", "r1-000001", rows)
    kept, notes = run_checkpoints(store, "r1", analysis)
    assert [c.manifest for c in kept] == ["a0.json"]
    assert any("could not save it (a list_iterator" in n for n in notes), notes
    assert any("1 checkpoint file(s) are missing" in n for n in notes), notes
