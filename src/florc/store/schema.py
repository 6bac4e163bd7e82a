"""The tables florc writes, as neutral column lists shared by the writer and the query layer.

Types are named in a small vocabulary (``string``, ``int64``, ...) rather than as pyarrow or
DuckDB types, so that this module stays importable by the light runtime and by ``query/``
without pulling either library in. ``store/arrow.py`` maps them to Arrow, ``query/views.py`` to
SQL. Changing a column means bumping ``SCHEMA_VERSION`` and documenting it in
docs/reference/log-format.md; readers use ``union_by_name`` so older parts stay readable.

Loop context is flattened for the pivot: ``ctx_path`` names the loops outermost first
(``"epoch/step"``), ``i1..i4`` hold the iteration indices of the first four levels and ``v1..v4``
the iterated value when it is not simply the index. Deeper levels go to ``ctx_rest`` as JSON.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 1
CTX_LEVELS = 4  # loop levels kept as typed columns; deeper ones go to ctx_rest

TABLES = ("runs", "logs", "timings", "checkpoints")

_CTX: tuple[tuple[str, str], ...] = (
    ("depth", "int8"),
    ("ctx_path", "string"),
    ("path_key", "int64"),  # text_key(ctx_path)
    *((f"i{k}", "int64") for k in range(1, CTX_LEVELS + 1)),
    *((f"v{k}", "string") for k in range(1, CTX_LEVELS + 1)),
    ("ctx_rest", "string"),
)

RUNS: tuple[tuple[str, str], ...] = (
    ("run_id", "string"),
    ("run_key", "int64"),  # see run_key(); the key logs rows of this run carry
    ("rev", "int32"),  # a run writes several rows as it learns more; the highest rev wins
    ("kind", "string"),  # record | replay
    ("replays_run_id", "string"),
    ("commit", "string"),  # the snapshot commit of the working tree the run executed
    ("snapshot_ref", "string"),
    ("head", "string"),  # HEAD when the run started (the snapshot's parent)
    ("branch", "string"),
    ("projid", "string"),
    ("root", "string"),
    ("script", "string"),
    ("argv", "string"),  # JSON list
    ("args", "string"),  # JSON object of flor.arg values
    ("started_at", "timestamp"),
    ("ended_at", "timestamp"),
    ("status", "string"),  # running | complete | failed | terminated
    ("exit_code", "int32"),
    ("host", "string"),
    ("pid", "int64"),
    ("florc_version", "string"),
    ("schema_version", "int32"),
    ("notice", "string"),  # what was missing (no repo, detached HEAD, ...), one line
)

LOGS: tuple[tuple[str, str], ...] = (
    ("run_id", "string"),
    ("run_key", "int64"),  # text_key(run_id): integer join/group key for the pivot, ~0 bytes
    ("seq", "int64"),
    ("tstamp", "timestamp"),
    ("script", "string"),
    ("name", "string"),
    ("name_key", "int64"),  # text_key(name): the pivot filters on integers, not text
    ("value", "string"),  # JSON text; NULL when value_num holds the value exactly
    ("value_num", "float64"),
    ("value_type", "string"),  # float int bool str none json tensor ndarray repr
    ("payload", "binary"),  # .npy bytes of arrays and tensors (lossless), else NULL
    *_CTX,
    ("cell_dup", "bool"),  # this name was already logged at this or a later context of the run
    ("line", "int32"),  # line of the flor.log call in its file
    ("site", "string"),  # statement address, filled by replays of propagated statements
    ("source", "string"),  # record | replay
    ("replay_id", "string"),
)

TIMINGS: tuple[tuple[str, str], ...] = (
    ("run_id", "string"),
    ("run_key", "int64"),
    ("loop", "string"),
    *_CTX,  # the context including this loop's own iteration at level `depth`
    ("seconds", "float64"),
    ("tstamp", "timestamp"),
    ("source", "string"),
    ("replay_id", "string"),
)

CHECKPOINTS: tuple[tuple[str, str], ...] = (
    ("run_id", "string"),
    ("loop", "string"),
    *_CTX,
    ("path", "string"),  # content-addressed file under the store
    ("digest", "string"),
    ("bytes", "int64"),
    ("seconds", "float64"),
    ("objects", "string"),  # JSON list of what was saved
    ("kind", "string"),
    ("tstamp", "timestamp"),
    ("source", "string"),
    ("replay_id", "string"),
)

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "runs": RUNS,
    "logs": LOGS,
    "timings": TIMINGS,
    "checkpoints": CHECKPOINTS,
}



def text_key(text: str) -> int:
    """A stable 63-bit integer for ``text``: the pivot groups, joins and filters on these.

    Written by the store for ``run_id``, ``name`` and ``ctx_path`` (``run_key``, ``name_key``,
    ``path_key``); constant within a part, they cost almost nothing on disk.

    >>> text_key("r1") == text_key("r1") and text_key("r1") != text_key("r2")
    True
    """
    import hashlib

    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") >> 1


run_key = text_key

# key column -> the text column it is derived from, filled in by the writer when absent
DERIVED_KEYS = {"run_key": "run_id", "name_key": "name", "path_key": "ctx_path"}


class Indexed:
    """A column given as distinct ``values`` and per-row ``indices`` into them.

    The runtime passes loop-context columns this way: a flush of a million rows holds a few
    hundred distinct contexts, and expanding them is a single Arrow ``take`` in the writer.
    """

    __slots__ = ("indices", "values")

    def __init__(self, values: list[Any], indices: Any) -> None:
        self.values = values
        self.indices = indices

    def __len__(self) -> int:
        return len(self.indices)

__all__ = ["CHECKPOINTS", "COLUMNS", "CTX_LEVELS", "DERIVED_KEYS", "Indexed", "LOGS", "run_key", "text_key", "RUNS", "SCHEMA_VERSION", "TABLES", "TIMINGS"]
