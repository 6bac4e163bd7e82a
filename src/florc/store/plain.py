"""A small Parquet writer for the training process: uncompressed, one row group, no pyarrow.

Why it exists: the runtime writes a part every few seconds from inside the training process,
and pyarrow costs that process ~40 ms of CPU to import (holding the GIL the training thread
wants) plus a few milliseconds of Python-level overhead per file. The parts a run writes are
short-lived anyway: when the run ends they are merged into one compressed, dictionary-encoded,
sorted file by ``store.compact`` (with pyarrow, in a separate process). What this module writes
only has to be a valid, durable Parquet file that DuckDB and pyarrow read with the store's
schema, written with numpy buffers and a few hundred bytes of Thrift.

What it writes, per column: one data page (v1), PLAIN values or dictionary indices, definition
levels (every column is OPTIONAL, as in pyarrow's schema), no compression, no statistics. Column
representations it accepts:

- a numpy array: every row has a value (PLAIN); a ``numpy.ma`` masked array: masked rows NULL;
- ``schema.Indexed(values, indices)``: a dictionary page of ``values`` and per-row indices
  (``None`` in ``values`` is NULL); how the runtime passes names, run ids and loop contexts;
- a list of Python values (``None`` is NULL): small tables and the rare text/binary columns;
- ``None`` (or absent): NULL in every row.

The Thrift compact protocol is written by hand (``_Thrift``): the footer needs only a handful of
structs (``FileMetaData``, ``SchemaElement``, ``RowGroup``, ``ColumnChunk``, ``ColumnMetaData``,
``PageHeader``), with field ids from parquet-format's ``parquet.thrift``.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from florc.store.schema import COLUMNS, DERIVED_KEYS, SCHEMA_VERSION, Indexed, text_key

# parquet.thrift enums
_BOOLEAN, _INT32, _INT64, _DOUBLE, _BYTE_ARRAY = 0, 1, 2, 5, 6
_PLAIN, _PLAIN_DICTIONARY, _RLE, _RLE_DICTIONARY = 0, 2, 3, 8
_DATA_PAGE, _DICTIONARY_PAGE = 0, 2
_OPTIONAL = 1
_UTF8, _TIMESTAMP_MICROS, _INT_8, _INT_32 = 0, 10, 15, 17

# Thrift compact protocol type codes
_T_TRUE, _T_FALSE, _T_BYTE, _T_I32, _T_I64, _T_BINARY, _T_LIST, _T_STRUCT = 1, 2, 3, 5, 6, 8, 9, 12

# store kind -> (physical type, converted type, logical type as Thrift fields, numpy dtype)
_KINDS: dict[str, tuple[int, int | None, list[Any] | None, str]] = {
    "string": (_BYTE_ARRAY, _UTF8, [(1, "struct", [])], "O"),
    "binary": (_BYTE_ARRAY, None, None, "O"),
    "int64": (_INT64, None, None, "<i8"),
    "int32": (_INT32, _INT_32, [(10, "struct", [(1, "i8", 32), (2, "bool", True)])], "<i4"),
    "int8": (_INT32, _INT_8, [(10, "struct", [(1, "i8", 8), (2, "bool", True)])], "<i4"),
    "float64": (_DOUBLE, None, None, "<f8"),
    "timestamp": (_INT64, _TIMESTAMP_MICROS, [(8, "struct", [(1, "bool", True), (2, "struct", [(2, "struct", [])])])], "<i8"),
    "bool": (_BOOLEAN, None, None, "?"),
}


class _Thrift:
    """Thrift compact protocol, the subset the Parquet footer and page headers need.

    A struct is a list of ``(field id, kind, value)``; kinds: ``i8 i32 i64 bool bin struct``
    and ``list:<kind>`` for lists of ``i32``, ``bin`` or ``struct``.
    """

    def __init__(self) -> None:
        self.out = bytearray()

    def varint(self, n: int) -> None:
        out = self.out
        while n > 0x7F:
            out.append((n & 0x7F) | 0x80)
            n >>= 7
        out.append(n)

    def zigzag(self, n: int) -> None:
        self.varint((n << 1) ^ (n >> 63))

    def struct(self, fields: Sequence[tuple[int, str, Any]]) -> None:
        last = 0
        for fid, kind, value in fields:
            if value is None:
                continue
            code = {"i8": _T_BYTE, "i32": _T_I32, "i64": _T_I64, "bin": _T_BINARY, "struct": _T_STRUCT}.get(kind)
            if kind == "bool":
                code = _T_TRUE if value else _T_FALSE
            elif kind.startswith("list:"):
                code = _T_LIST
            assert code is not None, kind
            delta = fid - last
            if 0 < delta <= 15:
                self.out.append((delta << 4) | code)
            else:
                self.out.append(code)
                self.zigzag(fid)
            last = fid
            if kind != "bool":
                self.value(kind, value)
        self.out.append(0)  # STOP

    def value(self, kind: str, value: Any) -> None:
        if kind == "i8":
            self.out += struct.pack("<b", value)
        elif kind in ("i32", "i64"):
            self.zigzag(int(value))
        elif kind == "bin":
            data = value.encode() if isinstance(value, str) else bytes(value)
            self.varint(len(data))
            self.out += data
        elif kind == "struct":
            self.struct(value)
        else:
            elem = kind.split(":", 1)[1]
            code = {"i32": _T_I32, "bin": _T_BINARY, "struct": _T_STRUCT}[elem]
            if len(value) < 15:
                self.out.append((len(value) << 4) | code)
            else:
                self.out.append(0xF0 | code)
                self.varint(len(value))
            for item in value:
                self.value(elem, item)


def _thrift(fields: Sequence[tuple[int, str, Any]]) -> bytes:
    t = _Thrift()
    t.struct(fields)
    return bytes(t.out)


def _uvarint(n: int) -> bytes:
    t = _Thrift()
    t.varint(n)
    return bytes(t.out)


def _levels(valid: Any, n: int) -> bytes:
    """Definition levels (max level 1) as the RLE/bit-packed hybrid, with its length prefix."""
    import numpy as np

    if valid is None or bool(valid.all()):
        body = _uvarint(n << 1) + b"\x01"
    elif not valid.any():
        body = _uvarint(n << 1) + b"\x00"
    else:
        groups = (n + 7) // 8
        body = _uvarint((groups << 1) | 1) + np.packbits(valid, bitorder="little").tobytes()
    return struct.pack("<i", len(body)) + body


def _indices(codes: Any, n_values: int) -> bytes:
    """Dictionary indices: bit width byte, then one RLE run (constant) or byte-aligned bit-packing
    (with widths 8, 16 and 32 the bit-packed layout is the little-endian integer array)."""
    import numpy as np

    if len(codes) and int(codes.min()) == int(codes.max()):
        width = max(1, int(codes[0]).bit_length())
        return bytes([width]) + _uvarint(len(codes) << 1) + int(codes[0]).to_bytes((width + 7) // 8, "little")
    width, dtype = (8, "<u1") if n_values <= 0x100 else (16, "<u2") if n_values <= 0x10000 else (32, "<u4")
    groups = (len(codes) + 7) // 8
    packed = np.zeros(groups * 8, dtype=dtype)
    packed[: len(codes)] = codes
    return bytes([width]) + _uvarint((groups << 1) | 1) + packed.tobytes()


def _plain(kind: str, data: Any) -> bytes:
    """PLAIN encoding of the non-null values ``data`` (numpy array, or a list of bytes)."""
    import numpy as np

    physical, _, _, dtype = _KINDS[kind]
    if physical == _BYTE_ARRAY:
        pack = struct.Struct("<i").pack
        return b"".join([x for b in data for x in (pack(len(b)), b)])
    if physical == _BOOLEAN:
        return np.packbits(np.asarray(data, dtype=bool), bitorder="little").tobytes()
    return np.ascontiguousarray(data, dtype=dtype).tobytes()


def _as_values(kind: str, values: Sequence[Any]) -> tuple[Any, Any]:
    """(non-null values ready for ``_plain``, per-row validity) of a list of Python values."""
    import numpy as np

    valid = np.fromiter((v is not None for v in values), dtype=bool, count=len(values))
    present = [v for v in values if v is not None]
    if kind in ("string", "binary"):
        return [v.encode() if isinstance(v, str) else bytes(v) for v in present], valid
    if kind == "timestamp":
        return np.round(np.asarray(present, dtype=np.float64) * 1e6).astype(np.int64), valid
    if kind == "bool":
        return np.asarray([bool(v) for v in present], dtype=bool), valid
    return np.asarray(present, dtype=_KINDS[kind][3]), valid


def _page(kind: int, body: bytes, header: list[Any]) -> bytes:
    field = 5 if kind == _DATA_PAGE else 7
    return _thrift([(1, "i32", kind), (2, "i32", len(body)), (3, "i32", len(body)), (field, "struct", header)]) + body


def _chunk(kind: str, col: Any, n: int) -> tuple[bytes, bytes | None, list[int]]:
    """(data page, dictionary page or None, encodings) of one column."""
    import numpy as np

    if col is None:
        return _page(_DATA_PAGE, _levels_none(n), [(1, "i32", n), (2, "i32", _PLAIN), (3, "i32", _RLE), (4, "i32", _RLE)]), None, [_PLAIN, _RLE]
    if isinstance(col, Indexed) and _KINDS[kind][0] != _BOOLEAN:
        values = list(col.values)
        codes = np.asarray(col.indices, dtype=np.int64)
        present = [i for i, v in enumerate(values) if v is not None]
        if len(present) == len(values):
            valid = None
            remapped = codes
        else:
            remap = np.full(len(values), -1, dtype=np.int64)
            remap[present] = np.arange(len(present))
            remapped_all = remap[codes]
            valid = remapped_all >= 0
            remapped = remapped_all[valid]
        if not present:  # every row NULL
            return _chunk(kind, None, n)
        dict_values, _ = _as_values(kind, [values[i] for i in present])
        dictionary = _page(
            _DICTIONARY_PAGE,
            _plain(kind, dict_values),
            [(1, "i32", len(present)), (2, "i32", _PLAIN_DICTIONARY)],
        )
        body = _levels(valid, n) + _indices(remapped, len(present))
        data = _page(_DATA_PAGE, body, [(1, "i32", n), (2, "i32", _RLE_DICTIONARY), (3, "i32", _RLE), (4, "i32", _RLE)])
        return data, dictionary, [_PLAIN_DICTIONARY, _RLE_DICTIONARY, _RLE]
    if isinstance(col, Indexed):
        col = [col.values[i] for i in np.asarray(col.indices)]
    if isinstance(col, np.ma.MaskedArray):
        valid = ~np.ma.getmaskarray(col)
        if not valid.any():
            return _chunk(kind, None, n)
        col, valid = col.data[valid], (None if valid.all() else valid)
        data_values = np.round(col * 1e6).astype(np.int64) if kind == "timestamp" else col
    elif isinstance(col, np.ndarray):
        data_values, valid = (np.round(col * 1e6).astype(np.int64) if kind == "timestamp" else col), None
    else:
        data_values, valid = _as_values(kind, col)
    body = _levels(valid, n) + _plain(kind, data_values)
    return _page(_DATA_PAGE, body, [(1, "i32", n), (2, "i32", _PLAIN), (3, "i32", _RLE), (4, "i32", _RLE)]), None, [_PLAIN, _RLE]


def _levels_none(n: int) -> bytes:
    body = _uvarint(n << 1) + b"\x00"
    return struct.pack("<i", len(body)) + body


def _derived_keys(columns: Mapping[str, Any]) -> dict[str, Any]:
    # The pivot's integer keys (``run_key``, ``name_key``, ``path_key``), one hash per distinct
    # text, sharing the text column's indices.
    keys: dict[str, Any] = {}
    for key, source in DERIVED_KEYS.items():
        text = columns.get(source)
        if columns.get(key) is not None or text is None:
            continue
        values = text.values if isinstance(text, Indexed) else text
        hashed = {v: None if v is None else text_key(str(v)) for v in set(values)}
        keyed = [hashed[v] for v in values]
        keys[key] = Indexed(keyed, text.indices) if isinstance(text, Indexed) else keyed
    return keys


def encode(table: str, columns: Mapping[str, Any], metadata: Mapping[str, str] | None = None) -> bytes:
    """The bytes of a Parquet file holding ``columns`` with ``table``'s schema.

    >>> data = encode("timings", {"run_id": ["r1"], "loop": ["epoch"], "seconds": [0.5]})
    >>> data[:4], data[-4:]
    (b'PAR1', b'PAR1')
    """
    lengths = {len(c) for c in columns.values() if c is not None}
    if len(lengths) > 1:
        raise ValueError(f"{table}: columns of different lengths {sorted(lengths)}")
    n = lengths.pop() if lengths else 0
    columns = {**columns, **_derived_keys(columns)}
    out = bytearray(b"PAR1")
    schema: list[Any] = [[(4, "bin", "schema"), (5, "i32", len(COLUMNS[table]))]]
    chunks: list[Any] = []
    total = 0
    for name, kind in COLUMNS[table]:
        physical, converted, logical, _ = _KINDS[kind]
        schema.append([(1, "i32", physical), (3, "i32", _OPTIONAL), (4, "bin", name), (6, "i32", converted), (10, "struct", logical)])
        data, dictionary, encodings = _chunk(kind, columns.get(name), n)
        start = len(out)
        dict_offset = None
        if dictionary is not None:
            dict_offset = start
            out += dictionary
        data_offset = len(out)
        out += data
        size = len(out) - start
        total += size
        meta = [
            (1, "i32", physical),
            (2, "list:i32", encodings),
            (3, "list:bin", [name]),
            (4, "i32", 0),  # UNCOMPRESSED
            (5, "i64", n),
            (6, "i64", size),
            (7, "i64", size),
            (9, "i64", data_offset),
            (11, "i64", dict_offset),
        ]
        chunks.append([(2, "i64", start), (3, "struct", meta)])
    kv = {"florc.schema_version": str(SCHEMA_VERSION), **(metadata or {})}
    footer = _thrift([
        (1, "i32", 1),
        (2, "list:struct", schema),
        (3, "i64", n),
        (4, "list:struct", [[(1, "list:struct", chunks), (2, "i64", total), (3, "i64", n)]]),
        (5, "list:struct", [[(1, "bin", k), (2, "bin", v)] for k, v in kv.items()]),
        (6, "bin", "florc"),
    ])
    out += footer
    out += struct.pack("<i", len(footer))
    out += b"PAR1"
    return bytes(out)


def write(store: Path, table: str, stem: str, columns: Mapping[str, Any], metadata: Mapping[str, str] | None = None) -> Path:
    """Write ``<store>/<table>/<stem>.parquet`` atomically (temp name, then rename), as
    ``store.parts.write_part`` does with pyarrow."""
    data = encode(table, columns, metadata)
    folder = store / table
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{stem}.parquet"
    tmp = folder / f".{stem}.parquet.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            tmp.unlink()
    return final


__all__ = ["encode", "write"]
