"""The pivot's fast path (footers + numpy) gives exactly what its SQL path gives, on stores
shaped the ways real ones are: merged or not, with replays, with names logged twice, with text,
iterated values, uneven loops."""

from __future__ import annotations

import pandas as pd
import pytest

import florc as flor
from florc.query import dataframe
from florc.query.pivot import _fast, _runs_meta
from florc.query.views import connect
from florc.runtime import kwargs, session
from florc.store import open_store
from florc.store.parts import write_part
from florc.store.schema import run_key


def record(lr, epochs=3, steps=4, twice=False, text=False, skip_steps_in=None):
    kwargs.set_pairs({"lr": str(lr)})
    flor.arg("lr", 0.1)
    for e in flor.loop("epoch", range(epochs)):
        if e != skip_steps_in:
            for s in flor.loop("step", range(steps)):
                flor.log("loss", 10 * e + s + lr)
                if twice:
                    flor.log("loss", -1.0 - s)  # the last value logged in a cell wins
                flor.commit()
        flor.log("acc", e / 10 + lr)
        if text:
            flor.log("note", f"epoch {e}")
    for name in flor.loop("phase", ["warm", "cool"]):
        flor.log("temp", 1.0 if name == "warm" else 0.5)
    kwargs.set_pairs({})
    return session.stop().run_id


def replay(store, rid, names, epochs=3, steps=4, tag="a", t=0.0):
    """A published replay of ``rid``: per-step ``loss`` again (fidelity rows) and a new per-epoch
    ``gn``, the way a replay unit's writer lays them out."""
    rows = {k: [] for k in ("name", "depth", "ctx_path", "i1", "i2", "value_num", "seq", "tstamp")}
    seq = 0
    for e in range(epochs):
        if "loss" in names:
            for s in range(steps):
                for k, v in zip(rows, ("loss", 2, "epoch/step", e, s, 1000.0 + s, seq, 2e9 + t + seq)):
                    rows[k].append(v)
                seq += 1
        if "gn" in names:
            for k, v in zip(rows, ("gn", 1, "epoch", e, None, 5.0 + e + t, seq, 2e9 + t + seq)):
                rows[k].append(v)
            seq += 1
    n = len(rows["name"])
    write_part(store, "logs", f"{rid}.replay-k-{tag}-u0-000001", {
        **rows, "run_id": [rid] * n, "run_key": [run_key(rid)] * n, "source": ["replay"] * n,
        "replay_id": [f"rp{tag}"] * n, "value_type": ["float"] * n, "cell_dup": [False] * n,
    })


CASES = {
    "plain": dict(),
    "unmerged": dict(merge="off"),
    "twice": dict(twice=True),
    "text": dict(text=True),
    "epoch without steps": dict(skip_steps_in=1),
    "replayed": dict(replays=True),
    "replayed twice": dict(replays=True, again=True),
}
SELECTIONS = [("lr", "loss", "acc"), ("loss",), ("acc", "gn"), ("lr", "gn", "loss"), ("note", "acc"), ("temp", "lr"), ("acc", "temp")]


@pytest.mark.parametrize("case", list(CASES))
def test_fast_and_sql_paths_agree(run_dir, monkeypatch, case):
    opts = dict(CASES[case])
    monkeypatch.setenv("FLORC_MERGE", opts.pop("merge", "now"))
    replays, again = opts.pop("replays", False), opts.pop("again", False)
    r1 = record(0.5, **opts)
    r2 = record(0.25, **opts)
    store = run_dir / ".flor"
    if replays:
        replay(store, r1, {"loss", "gn"}, tag="a", t=0.0)
        replay(store, r2, {"gn"}, tag="b", t=0.0)
        if again:  # a later replay of r1's gn: its values win over the first one's
            replay(store, r1, {"gn"}, tag="c", t=100.0)
    con = connect(store)
    try:
        meta = _runs_meta(con)
        assert _fast(con, open_store(store).parts("logs"), ["lr", "loss"], meta) is not None  # the fast path applies
    finally:
        con.close()
    for names in SELECTIONS:
        fast = dataframe(*names, store=store)
        sql = dataframe(*names, store=store, engine="sql")
        pd.testing.assert_frame_equal(fast, sql, check_categorical=False)
    if replays:
        df = dataframe("loss", "gn", store=store)
        assert 1000.0 not in df.loss.tolist()  # recorded values win over replayed ones
        gn = df[df.run_id == r1].drop_duplicates("epoch").gn.tolist()
        assert gn == ([105.0, 106.0, 107.0] if again else [5.0, 6.0, 7.0])


def test_where_filters_rows_of_either_path(run_dir):
    record(0.5)
    record(0.25)
    for engine in ("auto", "sql"):
        df = dataframe("lr", "loss", where="epoch >= 1 AND step = 2 AND lr > 0.3", engine=engine)
        assert df.loss.tolist() == [12.5, 22.5]
