"""Merging a writer's parts: one file per table, the same rows, atomically."""

from __future__ import annotations

import pyarrow.parquet as pq

import florc as flor
from florc.query import query
from florc.runtime import session
from florc.store import open_store
from florc.store.compact import compact_writer
from florc.store.layout import visible_parts
from florc.store.summary import KEY, Summary


def record_in_parts(steps=5):
    for e in flor.loop("epoch", range(2)):
        for s in flor.loop("step", range(steps)):
            flor.log("loss", 10.0 * e + s)
            flor.commit()  # a part per row
        flor.log("acc", e / 10)
    return session.current().run_id


def rows(store):
    return query("SELECT name, ctx_path, i1, i2, value_num, seq FROM logs ORDER BY seq", store=store).values.tolist()


def test_a_run_ends_with_one_file_per_table_holding_the_same_rows(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_MERGE", "off")
    rid = record_in_parts()
    session.stop()
    store = run_dir / ".flor"
    before = rows(store)
    assert len(open_store(store).parts("logs")) > 10
    merged = compact_writer(store, rid)
    assert {"logs", "timings", "runs"} <= {t for t, _ in merged.tables}
    for table in ("logs", "timings", "runs"):
        assert [p.name.startswith(f"{rid}-m") for p in (store / table).glob("*.parquet")] == [True]
    assert rows(store) == before
    logs = pq.read_table(next((store / "logs").glob("*.parquet")))
    assert logs.column("name").to_pylist()[:2] in (["acc", "acc"], ["loss", "loss"])  # grouped by name
    summary = Summary.from_json(pq.read_metadata(next((store / "logs").glob("*.parquet"))).metadata[KEY.encode()])
    assert {(c.name, c.path, c.rows) for c in summary.cells} == {("loss", "epoch/step", 10), ("acc", "epoch", 2)}
    assert compact_writer(store, rid).parts == 0  # nothing left to do


def test_the_default_merges_at_the_end_of_the_run(run_dir):
    rid = record_in_parts(steps=2)
    session.stop()  # the fixture's FLORC_MERGE=now merges before stop returns
    for table in ("logs", "timings", "runs"):
        [only] = (run_dir / ".flor" / table).glob("*.parquet")
        assert only.name.startswith(f"{rid}-m")


def test_a_merge_interrupted_after_its_rename_neither_loses_nor_doubles_rows(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_MERGE", "off")
    rid = record_in_parts()
    session.stop()
    store = run_dir / ".flor"
    before = rows(store)
    parts = sorted((store / "logs").glob("*.parquet"))
    saved = {p: p.read_bytes() for p in parts}
    compact_writer(store, rid, tables=("logs",))
    for p, data in saved.items():  # as if the process died before deleting the parts
        p.write_bytes(data)
    assert len(list((store / "logs").glob("*.parquet"))) == len(parts) + 1
    assert visible_parts(store / "logs") == sorted((store / "logs").glob(f"{rid}-m*.parquet"))
    assert rows(store) == before
    assert compact_writer(store, rid, tables=("logs",)).removed == len(parts)  # the next merge tidies up
    assert len(list((store / "logs").glob("*.parquet"))) == 1 and rows(store) == before


def test_a_merge_killed_before_its_rename_leaves_only_an_unread_temp_file(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_MERGE", "off")
    rid = record_in_parts(steps=2)
    session.stop()
    store = run_dir / ".flor"
    before = rows(store)
    (store / "logs" / f".{rid}-m000001-000009.parquet.99999.tmp").write_bytes(b"PAR1 half a file")
    assert rows(store) == before


def test_a_script_ending_with_merge_now_leaves_merged_files_and_no_error(tmp_path, env):
    # The merge of a run that ends at interpreter exit cannot load pyarrow's lazy imports
    # there (they start threads); it must still happen, and without a traceback.
    import subprocess
    import sys

    (tmp_path / "t.py").write_text(
        "import florc as flor\n"
        "for e in flor.loop('epoch', range(3)):\n"
        "    flor.log('loss', e / 2)\n"
        "    flor.commit()\n"
    )
    proc = subprocess.run([sys.executable, "t.py"], cwd=tmp_path, env={**env, "FLORC_MERGE": "now"},
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    store = tmp_path / ".flor"
    for table in ("logs", "timings", "runs"):
        names = [p.name for p in visible_parts(store / table)]
        assert len(names) == 1 and "-m" in names[0], (table, names)
    assert query("SELECT value_num FROM logs ORDER BY seq", store=store).value_num.tolist() == [0.0, 0.5, 1.0]
