"""Writing one Parquet part file atomically: the only place florc calls pyarrow's writer.

A part is written under a temporary name that no reader globs (``.<stem>.parquet.<pid>.tmp``)
and renamed into place, so a reader sees either the whole part or nothing; a process killed
mid-write leaves at most a stray temp file, never a truncated part.

Columns arrive as plain Python lists (the runtime buffers tuples and transposes them at flush);
types come from ``store.schema``. Numeric and time columns skip dictionary encoding (it does not
pay for unique values); names, paths and ids get it, which is what keeps a logged float at a few
bytes on disk.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

import pyarrow as pa
import pyarrow.parquet as pq

from florc.store.schema import COLUMNS, DERIVED_KEYS, SCHEMA_VERSION, Indexed, text_key
from florc.store.summary import KEY as SUMMARY_KEY, Summary, from_columns

_ARROW: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int64": pa.int64(),
    "int32": pa.int32(),
    "int8": pa.int8(),
    "float64": pa.float64(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "binary": pa.binary(),
    "bool": pa.bool_(),
}

_NO_DICTIONARY = {"int64", "int32", "float64", "timestamp", "binary"}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table`` (one of ``store.schema.TABLES``)."""
    fields = [pa.field(name, _ARROW[kind]) for name, kind in COLUMNS[table]]
    return pa.schema(fields, metadata={b"florc.schema_version": str(SCHEMA_VERSION).encode()})


Column: TypeAlias = "Sequence[Any] | pa.Array | Indexed"


_NUMPY = {"int64": "int64", "int32": "int32", "int8": "int8", "float64": "float64", "timestamp": "float64"}


def _columnar(values: Sequence[Any], kind: str) -> tuple[Any, Any]:
    """(data, valid) numpy arrays for a list of Python values (None = NULL)."""
    import numpy as np

    n = len(values)
    valid = np.fromiter((v is not None for v in values), dtype=bool, count=n)
    if kind == "bool":
        data = np.fromiter((bool(v) for v in values), dtype=bool, count=n)
    elif kind in _NUMPY:
        zero = 0.0 if _NUMPY[kind] == "float64" else 0
        data = np.fromiter((zero if v is None else v for v in values), dtype=_NUMPY[kind], count=n)
    else:
        data = np.array([b"" if v is None else (v.encode() if isinstance(v, str) else bytes(v)) for v in values], dtype=object)
    return data, valid


def _from_numpy(data: Any, valid: Any, kind: str, dtype: pa.DataType, lengths: Any = None) -> pa.Array:
    # Arrow arrays straight from buffers. pa.array() on Python or numpy input makes pyarrow
    # import pandas (~0.25 s of CPU in a training process that has no other use for it).
    import numpy as np

    n = len(valid)
    nulls = int(n - np.count_nonzero(valid))
    bitmap = None if nulls == 0 else pa.py_buffer(np.packbits(valid, bitorder="little").tobytes())
    if kind == "timestamp":
        micros = np.round(data * 1e6).astype(np.int64)
        return pa.Array.from_buffers(pa.int64(), n, [bitmap, pa.py_buffer(micros)], null_count=nulls).view(dtype)
    if kind == "bool":
        packed = pa.py_buffer(np.packbits(data, bitorder="little").tobytes())
        return pa.Array.from_buffers(dtype, n, [bitmap, packed], null_count=nulls)
    if kind in _NUMPY:
        return pa.Array.from_buffers(dtype, n, [bitmap, pa.py_buffer(np.ascontiguousarray(data))], null_count=nulls)
    if lengths is None:
        lengths = np.fromiter((len(b) for b in data), dtype=np.int64, count=n)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    if offsets[-1] >= 2**31 - 1:  # beyond 32-bit offsets: let pyarrow chunk it
        return pa.array([None if not ok else (b.decode() if kind == "string" else b) for b, ok in zip(data, valid)], type=dtype)
    body = pa.py_buffer(b"".join(data))
    return pa.Array.from_buffers(dtype, n, [bitmap, pa.py_buffer(offsets.astype(np.int32)), body], null_count=nulls)


def _array(col: Column, kind: str, dtype: pa.DataType) -> pa.Array:
    if isinstance(col, pa.Array):
        return col.cast(dtype) if kind != "timestamp" else col
    if hasattr(col, "dtype") and getattr(col, "dtype", None) != object:  # a numpy array
        import numpy as np

        arr: Any = col
        valid = ~np.ma.getmaskarray(arr)  # a numpy.ma masked array: masked rows are NULL
        data = np.ma.getdata(arr).astype(bool if kind == "bool" else _NUMPY[kind], copy=False)
        return _from_numpy(data, valid, kind, dtype)
    if isinstance(col, Indexed):
        import numpy as np

        data, valid = _columnar(col.values, kind)
        idx = np.asarray(col.indices, dtype=np.int64)
        if data.dtype == object:  # strings: lengths of the few distinct values, then expand
            lengths = np.fromiter((len(b) for b in data), dtype=np.int64, count=len(data))
            return _from_numpy(data[idx], valid[idx], kind, dtype, lengths[idx])
        return _from_numpy(data[idx], valid[idx], kind, dtype)
    data, valid = _columnar(col, kind)
    return _from_numpy(data, valid, kind, dtype)


def _keys(text: Column) -> pa.Array:
    # One hash per distinct value (a part holds a handful of names, paths, runs).
    if isinstance(text, Indexed):
        keyed = {v: None if v is None else text_key(str(v)) for v in set(text.values)}
        return _array(Indexed([keyed[v] for v in text.values], text.indices), "int64", pa.int64())
    if isinstance(text, pa.Array):
        text = text.to_pylist()
    uniq = {v: None if v is None else text_key(str(v)) for v in set(text)}
    return _array(list(map(uniq.__getitem__, text)), "int64", pa.int64())


def to_arrow(table: str, columns: Mapping[str, Column]) -> pa.Table:
    """Build an Arrow table from column lists; missing columns are all-NULL."""
    schema = arrow_schema(table)
    lengths = {len(col) for col in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"{table}: columns of different lengths {sorted(lengths)}")
    n = lengths.pop() if lengths else 0
    arrays = []
    kinds = dict(COLUMNS[table])
    for field in schema:
        col = columns.get(field.name)
        source = DERIVED_KEYS.get(field.name)
        if col is None and source is not None and columns.get(source) is not None:
            arrays.append(_keys(columns[source]))
        elif col is None and kinds[field.name] == "timestamp":
            arrays.append(pa.nulls(n, type=pa.int64()).view(field.type))
        elif col is None:
            arrays.append(pa.nulls(n, type=field.type))
        else:
            arrays.append(_array(col, kinds[field.name], field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def write_part(store: Path, table: str, stem: str, columns: Mapping[str, Column]) -> Path:
    """Write ``columns`` as ``<store>/<table>/<stem>.parquet``, atomically.

    >>> import tempfile
    >>> p = write_part(Path(tempfile.mkdtemp()), "timings", "r1-000000",
    ...                {"run_id": ["r1"], "loop": ["epoch"], "seconds": [0.5]})
    >>> p.name
    'r1-000000.parquet'
    """
    return write_table(store, table, stem, to_arrow(table, columns))


def summarize(data: pa.Table) -> Summary:
    """The ``store.summary`` of a ``logs`` table (see there for what each count means)."""
    import pyarrow.compute as pc

    n = data.num_rows
    names = set(data.column_names)

    def col(name: str, default: pa.DataType = pa.string()) -> pa.ChunkedArray:
        return data.column(name) if name in names else pa.chunked_array([pa.nulls(n, type=default)])

    def count(mask: Any) -> Any:
        return pc.cast(mask, pa.int64())

    flags = {
        "name": col("name"),
        "path": pc.fill_null(col("ctx_path"), ""),
        "depth": pc.fill_null(col("depth", pa.int8()), 0),
        "rows": count(pc.is_valid(pc.fill_null(col("name"), ""))),
        "replayed": count(pc.not_equal(pc.fill_null(col("source"), "record"), "record")),
        "text": count(pc.or_(pc.is_valid(col("value")), pc.is_null(col("value_num", pa.float64())))),
        "nonint": count(pc.invert(pc.fill_null(pc.is_in(col("value_type"), pa.array(["int", "bool"])), False))),
        "dup": count(pc.fill_null(col("cell_dup", pa.bool_()), True)),
        **{f"v{k}": count(pc.is_valid(col(f"v{k}"))) for k in range(1, 5)},
    }
    aggs = [("depth", "max"), *((c, "sum") for c in ("rows", "replayed", "text", "nonint", "dup")), *((f"v{k}", "max") for k in range(1, 5))]
    g = pa.table(flags).group_by(["name", "path"]).aggregate(aggs).to_pydict()
    valued = [sum((g[f"v{k}_max"][i] or 0) << (k - 1) for k in range(1, 5)) for i in range(len(g["name"]))]
    runs = pc.unique(col("run_key", pa.int64())).to_pylist()
    first = pc.min(col("tstamp", pa.timestamp("us", tz="UTC"))).as_py() if n else None
    return from_columns(
        g["name"], g["path"], g["depth_max"], runs,
        {"rows": g["rows_sum"], "replayed": g["replayed_sum"], "text": g["text_sum"], "nonint": g["nonint_sum"],
         "dup": g["dup_sum"], "valued": valued},
        None if first is None else first.timestamp(),
    )


def write_table(store: Path, table: str, stem: str, data: pa.Table, row_group_size: int | None = None) -> Path:
    folder = store / table
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{stem}.parquet"
    tmp = folder / f".{stem}.parquet.{os.getpid()}.tmp"
    dictionary = [
        name for name, kind in COLUMNS[table] if kind not in _NO_DICTIONARY and name in data.column_names
    ]
    if table == "logs":
        meta = dict(data.schema.metadata or {})
        meta[SUMMARY_KEY.encode()] = summarize(data).to_json().encode()
        data = data.replace_schema_metadata(meta)
    try:
        pq.write_table(
            data,
            tmp,
            compression="zstd",
            use_dictionary=dictionary,
            write_statistics=True,
            row_group_size=row_group_size,
        )
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            tmp.unlink()
    return final


__all__ = ["arrow_schema", "summarize", "to_arrow", "write_part", "write_table"]
