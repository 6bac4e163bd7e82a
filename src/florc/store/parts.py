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
import pyarrow.compute as pc
import pyarrow.parquet as pq

from florc.store.schema import COLUMNS, DERIVED_KEYS, SCHEMA_VERSION, Indexed, text_key

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


def _timestamps(col: Sequence[Any]) -> pa.Array:
    # The runtime records time.time() floats (cheap in the hot path); microseconds here. The
    # int64 -> timestamp step is a zero-copy view: building or casting to a tz-aware timestamp
    # initialises pyarrow's time-zone support, ~0.3 s of CPU in the training process.
    secs = pa.array(col, type=pa.float64())
    micros = pc.cast(pc.round(pc.multiply(secs, 1e6)), pa.int64())
    return micros.view(pa.timestamp("us", tz="UTC"))


def _array(col: Column, kind: str, dtype: pa.DataType) -> pa.Array:
    if isinstance(col, pa.Array):
        return col.cast(dtype)
    if isinstance(col, Indexed):
        return _array(col.values, kind, dtype).take(pa.array(col.indices, type=pa.int32()))
    if kind == "timestamp":
        return _timestamps(col)
    return pa.array(col, type=dtype)


def _keys(text: pa.Array) -> pa.Array:
    # One hash per distinct value (a part holds a handful), expanded by the dictionary indices.
    enc = text.dictionary_encode()
    keys = pa.array([None if v is None else text_key(v) for v in enc.dictionary.to_pylist()], type=pa.int64())
    return keys.take(enc.indices)


def to_arrow(table: str, columns: Mapping[str, Column]) -> pa.Table:
    """Build an Arrow table from column lists; missing columns are all-NULL."""
    schema = arrow_schema(table)
    lengths = {len(col) for col in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"{table}: columns of different lengths {sorted(lengths)}")
    n = lengths.pop() if lengths else 0
    arrays = []
    kinds = dict(COLUMNS[table])
    built: dict[str, pa.Array] = {}
    for field in schema:
        col = columns.get(field.name)
        source = DERIVED_KEYS.get(field.name)
        if col is None and source in built:
            arrays.append(_keys(built[source]))
        elif col is None and kinds[field.name] == "timestamp":
            arrays.append(pa.nulls(n, type=pa.int64()).view(field.type))
        elif col is None:
            arrays.append(pa.nulls(n, type=field.type))
        else:
            arrays.append(_array(col, kinds[field.name], field.type))
        built[field.name] = arrays[-1]
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


def write_table(store: Path, table: str, stem: str, data: pa.Table) -> Path:
    folder = store / table
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{stem}.parquet"
    tmp = folder / f".{stem}.parquet.{os.getpid()}.tmp"
    dictionary = [
        name for name, kind in COLUMNS[table] if kind not in _NO_DICTIONARY and name in data.column_names
    ]
    try:
        pq.write_table(
            data,
            tmp,
            compression="zstd",
            use_dictionary=dictionary,
            write_statistics=True,
        )
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            tmp.unlink()
    return final


__all__ = ["arrow_schema", "to_arrow", "write_part", "write_table"]
