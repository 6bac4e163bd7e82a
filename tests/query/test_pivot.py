from __future__ import annotations

import pandas as pd

import florc as flor
from florc.query import connect, dataframe, query
from florc.runtime import kwargs, session
from florc.store.parts import write_part
from florc.store.schema import run_key


def record(lr, epochs=2, steps=2, acc=True, extra=None):
    kwargs.set_pairs({"lr": str(lr)})
    flor.arg("lr", 0.1)
    for e in flor.loop("epoch", range(epochs)):
        for s in flor.loop("step", range(steps)):
            flor.log("loss", 10 * e + s + lr)
        if acc:
            flor.log("acc", e / 10)
        flor.log("count", e)
    if extra:
        extra()
    kwargs.set_pairs({})
    return session.stop().run_id


def test_one_row_per_run_and_epoch_with_args_broadcast(run_dir):
    r1 = record(0.5)
    r2 = record(0.25, acc=False)
    df = flor.dataframe("lr", "acc", "count")
    assert list(df.columns) == ["projid", "run_id", "tstamp", "filename", "commit", "epoch", "lr", "acc", "count"]
    assert list(df.run_id) == [r1, r1, r2, r2]
    assert list(df.epoch) == [0, 1, 0, 1]
    assert list(df.lr) == [0.5, 0.5, 0.25, 0.25]
    assert df.acc.tolist()[:2] == [0.0, 0.1] and df.acc.isna().tolist()[2:] == [True, True]
    assert df.lr.dtype == "float64" and df["count"].dtype.kind == "i"  # int64, or Int64 with gaps


def test_epoch_values_broadcast_into_step_rows(run_dir):
    r1 = record(0.5, epochs=2, steps=3)
    df = flor.dataframe("loss", "acc")
    assert list(zip(df.epoch, df.step)) == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
    assert df.acc.tolist() == [0.0] * 3 + [0.1] * 3
    assert df.loss.tolist() == [0.5, 1.5, 2.5, 10.5, 11.5, 12.5]
    assert set(df.run_id) == {r1}


def test_an_epoch_without_rows_below_it_is_a_row_of_its_own(run_dir):
    for e in flor.loop("epoch", range(2)):
        if e == 0:
            for s in flor.loop("step", range(2)):
                flor.log("loss", float(s))
        flor.log("acc", float(e))
    session.stop()
    df = flor.dataframe("loss", "acc")
    rows = [(int(e), None if pd.isna(s) else int(s), a) for e, s, a in zip(df.epoch, df.step, df.acc)]
    assert rows == [(0, 0, 0.0), (0, 1, 0.0), (1, None, 1.0)]


def test_text_values_make_a_text_column_and_runs_without_the_name_stay(run_dir):
    record(0.5, extra=lambda: flor.log("note", "hello"))
    record(0.25)
    df = flor.dataframe("lr", "note")
    assert df.note.tolist()[0] == "hello" and pd.isna(df.note.tolist()[1])
    assert len(df) == 2


def test_no_names_gives_run_level_values(run_dir):
    record(0.5)
    df = flor.dataframe()
    assert list(df.columns)[-1:] == ["lr"] and len(df) == 1


def test_a_hostile_name_is_just_a_name(run_dir):
    name = "x'; DROP TABLE logs;--"
    flor.log(name, 1.0)
    flor.log('y"); DROP VIEW runs; --', 2.0)
    session.stop()
    df = flor.dataframe(name, 'y"); DROP VIEW runs; --')
    assert df[name].tolist() == [1.0] and df['y"); DROP VIEW runs; --'].tolist() == [2.0]
    assert query("SELECT count(*) AS n FROM logs").n.tolist() == [2]


def test_a_name_logged_twice_in_one_iteration_keeps_the_last_value(run_dir):
    for e in flor.loop("epoch", range(2)):
        flor.log("loss", 1.0)
        flor.log("loss", 2.0 + e)
    for e in flor.loop("epoch", range(1)):  # a second loop with the same name and indices
        flor.log("loss", 9.0)
    session.stop()
    assert dataframe("loss").loss.tolist() == [9.0, 3.0]


def test_where_can_name_run_metadata(run_dir):
    r1 = record(0.5)
    record(0.25)
    df = dataframe("lr", "count", where=f"run_id = '{r1}' AND epoch = 1")
    assert df.run_id.tolist() == [r1] and df.lr.tolist() == [0.5]


def test_where_filters_the_pivot(run_dir):
    record(0.5, epochs=3)
    df = dataframe("count", where="epoch >= 1")
    assert df["count"].tolist() == [1, 2]


def test_recorded_values_win_over_replayed_ones(run_dir):
    rid = record(0.5, epochs=1, steps=1)
    store = run_dir / ".flor"
    common = {"run_id": [rid, rid], "run_key": [run_key(rid)] * 2, "depth": [1, 1], "ctx_path": ["epoch", "epoch"], "i1": [0, 0],
              "source": ["replay", "replay"], "replay_id": ["rp", "rp"], "seq": [0, 1], "value_type": ["float", "float"]}
    write_part(store, "logs", "rp-000001", {**common, "name": ["acc", "gn"], "value_num": [99.0, 3.0]})
    df = dataframe("acc", "gn")
    assert df.acc.tolist() == [0.0] and df.gn.tolist() == [3.0]


def test_runs_without_an_end_row_read_as_incomplete(run_dir):
    write_part(run_dir / ".flor", "runs", "k-r0000", {"run_id": ["k"], "rev": [0], "status": ["running"]})
    rid = record(0.5)
    con = connect(run_dir / ".flor")
    got = dict(con.execute("SELECT run_id, status FROM runs").fetchall())
    assert got == {"k": "incomplete", rid: "complete"}


def test_empty_store_gives_empty_results(run_dir):
    assert len(dataframe("loss", store=run_dir)) == 0
    assert query("SELECT count(*) AS n FROM runs", store=run_dir).n.tolist() == [0]
