"""The training process's own Parquet writer: what it writes reads back exactly like a part
written by pyarrow, in pyarrow and in DuckDB."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow.parquet as pq
import pytest

from florc.store import plain
from florc.store.parts import summarize, write_part
from florc.store.schema import Indexed
from florc.store.summary import KEY, Summary


def columns(n: int) -> dict[str, object]:
    rows = np.arange(n)
    return {
        "run_id": Indexed(["r1"], np.zeros(n, dtype=np.int64)),
        "seq": rows.astype(np.int64),
        "tstamp": np.linspace(1.7e9, 1.7e9 + 2, n),
        "name": Indexed(["loss", "acc", None], rows % 3),
        "value": [None if i % 2 else f'"t{i}"' for i in range(n)],
        "value_num": [float(i) if i % 2 else None for i in range(n)],
        "value_type": Indexed(["float", "str"], rows % 2),
        "payload": [None if i % 5 else bytes([i % 256]) * 3 for i in range(n)],
        "depth": Indexed([2, 1], rows % 2),
        "ctx_path": Indexed(["epoch/step", "epoch"], rows % 2),
        "i1": Indexed([0, None, 5], rows % 3),
        "i2": np.ma.MaskedArray(rows.astype(np.int64), mask=rows % 4 == 0),
        "v1": Indexed([None, '"a"'], rows % 2),
        "cell_dup": rows % 2 == 0,
        "line": rows.astype(np.int32),
        "source": ["record"] * n,
    }


@pytest.mark.parametrize("n", [1, 7, 1000])
def test_plain_parts_read_back_like_pyarrow_parts(tmp_path, n):
    cols = columns(n)
    mine = plain.write(tmp_path, "logs", "a-000001", cols)
    theirs = write_part(tmp_path, "logs", "b-000001", cols)
    a, b = pq.read_table(mine), pq.read_table(theirs)
    assert a.schema.remove_metadata() == b.schema.remove_metadata()
    assert a.to_pylist() == b.to_pylist()
    con = duckdb.connect()
    assert con.execute(f"SELECT * FROM read_parquet('{mine}')").fetchall() == con.execute(f"SELECT * FROM read_parquet('{theirs}')").fetchall()
    assert con.execute(f"DESCRIBE SELECT * FROM read_parquet('{mine}')").fetchall() == con.execute(f"DESCRIBE SELECT * FROM read_parquet('{theirs}')").fetchall()


def test_wide_dictionaries_and_all_null_columns(tmp_path):
    n = 70_000 * 2
    path = plain.write(tmp_path, "logs", "w-000001", {
        "name": Indexed([f"n{i}" for i in range(300)], np.arange(n) % 300),  # 16-bit indices
        "i1": Indexed(list(range(70_000)), np.arange(n) % 70_000),  # 32-bit indices
        "value": None,
    })
    t = pq.read_table(path)
    assert t["name"].to_pylist()[:301] == [f"n{i % 300}" for i in range(301)]
    assert t["i1"].to_pylist()[-3:] == [69_997, 69_998, 69_999]
    assert t["value"].null_count == n
    got = duckdb.connect().execute(f"SELECT count(DISTINCT name), sum(i1), count(value) FROM read_parquet('{path}')").fetchone()
    assert got == (300, 2 * sum(range(70_000)), 0)


def test_key_columns_are_derived_from_their_text(tmp_path):
    from florc.store.schema import text_key

    path = plain.write(tmp_path, "logs", "k-000001", {"run_id": ["r1", "r1"], "name": Indexed(["x", "y"], np.array([0, 1])), "ctx_path": ["", ""]})
    t = pq.read_table(path).to_pydict()
    assert t["run_key"] == [text_key("r1")] * 2 and t["name_key"] == [text_key("x"), text_key("y")] and t["path_key"] == [text_key("")] * 2


def test_the_footer_keeps_the_metadata_given(tmp_path):
    cols = columns(10)
    summary = summarize(pq.read_table(write_part(tmp_path, "logs", "b-000001", cols)))
    path = plain.write(tmp_path, "logs", "a-000001", cols, {KEY: summary.to_json()})
    meta = pq.read_metadata(path).metadata
    assert Summary.from_json(meta[KEY.encode()]) == summary
    assert meta[b"florc.schema_version"] == b"1"
