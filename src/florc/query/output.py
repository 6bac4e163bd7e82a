"""Printing a result table: aligned text for people, ``--json`` and ``--csv`` for programs.

The JSON form is one object per command on stdout: ``{"columns": [...], "rows": [{...}, ...]}``
with timestamps in ISO 8601, missing values as ``null`` and binary payloads as their size.
"""

from __future__ import annotations

import json
from typing import Any


def _plain(df: Any) -> Any:
    for col in df.columns:
        if df[col].dtype == object and len(df) and any(isinstance(x, (bytes, bytearray)) for x in df[col].head(50)):
            df = df.assign(**{col: df[col].map(lambda b: None if b is None else f"<{len(b)} bytes>")})
    return df


def render(df: Any, fmt: str = "text", extra: dict[str, Any] | None = None) -> str:
    """``df`` as ``text``, ``json`` or ``csv``.

    >>> import pandas as pd
    >>> render(pd.DataFrame({"a": [1]}), "json")
    '{"columns": ["a"], "rows": [{"a": 1}]}'
    """
    df = _plain(df)
    if fmt == "json":
        rows = json.loads(df.to_json(orient="records", date_format="iso", default_handler=str))
        obj: dict[str, Any] = {"columns": [str(c) for c in df.columns], "rows": rows}
        if extra:
            obj.update(extra)
        return json.dumps(obj)
    if fmt == "csv":
        return str(df.to_csv(index=False)).rstrip("\n")
    if df.empty:
        return "(no rows)" if len(df.columns) else "(no data)"
    return str(df.to_string(index=False, max_colwidth=60))


__all__ = ["render"]
