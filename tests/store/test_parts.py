from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq

from florc.query import connect
from florc.store import open_store
from florc.store.parts import write_part
from florc.store.schema import LOGS, SCHEMA_VERSION, Indexed


def test_part_round_trips_with_the_schema_and_nulls_for_missing_columns(tmp_path):
    path = write_part(
        tmp_path,
        "logs",
        "r1-000001",
        {
            "run_id": Indexed(["r1"], [0, 0]),
            "seq": [0, 1],
            "tstamp": [0.0, 1.5],
            "name": ["loss", "acc"],
            "value_num": [0.5, None],
            "value": [None, '"x"'],
        },
    )
    table = pq.read_table(path)
    assert table.schema.names == [name for name, _ in LOGS]
    assert table.schema.metadata[b"florc.schema_version"] == str(SCHEMA_VERSION).encode()
    rows = table.to_pylist()
    assert [r["run_id"] for r in rows] == ["r1", "r1"]
    assert rows[1]["tstamp"] == dt.datetime(1970, 1, 1, 0, 0, 1, 500000, tzinfo=dt.timezone.utc)
    assert rows[0]["payload"] is None and rows[1]["value_num"] is None


def test_no_temp_file_is_left_and_temp_names_are_never_read(tmp_path):
    write_part(tmp_path, "logs", "r1-000001", {"run_id": ["r1"], "name": ["a"], "value_num": [1.0], "seq": [0]})
    assert [p.name for p in (tmp_path / "logs").iterdir()] == ["r1-000001.parquet"]
    # A writer killed mid-write leaves a truncated temp file behind: readers must not see it.
    (tmp_path / "logs" / ".r2-000001.parquet.123.tmp").write_bytes(b"PAR1 truncated")
    con = connect(open_store(tmp_path))
    assert con.execute("SELECT count(*) FROM logs").fetchone() == (1,)


def test_parts_of_an_older_schema_still_read(tmp_path):
    # union_by_name: a part lacking newer columns reads them as NULL.
    import pyarrow as pa

    (tmp_path / "logs").mkdir()
    pq.write_table(pa.table({"run_id": ["old"], "name": ["loss"], "value_num": [1.0]}), tmp_path / "logs" / "old.parquet")
    write_part(tmp_path, "logs", "new-000001", {"run_id": ["new"], "name": ["loss"], "value_num": [2.0], "line": [3]})
    con = connect(open_store(tmp_path))
    got = con.execute("SELECT run_id, value_num, line FROM logs ORDER BY run_id").fetchall()
    assert got == [("new", 2.0, 3), ("old", 1.0, None)]


def test_store_directory_ignores_itself(tmp_path):
    from florc.store import store_dir

    d = store_dir(tmp_path)
    assert d == tmp_path / ".flor"
    assert (d / ".gitignore").read_text().splitlines()[-1] == "*"
