"""The log store: Parquet part files under ``.flor/``, written by ``store.parts`` only.

``open_store(path)`` returns a ``Store`` value naming the directory; queries go through
``florc.query`` (DuckDB), which reads the parts this package writes. Importing ``florc.store``
itself stays light: pyarrow loads only when a part is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from florc.store.layout import ENV_STORE, STORE_DIRNAME, locate_store, part_glob, project_root, store_dir, visible_parts
from florc.store.schema import COLUMNS, SCHEMA_VERSION, TABLES


@dataclass(frozen=True)
class Store:
    """A store directory; ``glob(table)`` is what the query layer reads."""

    path: Path

    def glob(self, table: str) -> str:
        return part_glob(self.path, table)

    def parts(self, table: str) -> list[Path]:
        """The parts of ``table`` a reader reads, in storage order (merged files hide the parts
        they replace; see ``layout.visible_parts``)."""
        return visible_parts(self.path / table)

    def dataframe(self, *names: str, where: str | None = None) -> object:
        from florc.query import dataframe

        return dataframe(*names, store=self.path, where=where)

    def query(self, sql: str) -> object:
        from florc.query import query

        return query(sql, store=self.path)


def open_store(path: str | Path | None = None) -> Store:
    """The store at ``path`` (a ``.flor`` directory), or the one of the current project.

    >>> import tempfile
    >>> open_store(tempfile.mkdtemp()).parts("logs")
    []
    """
    if path is None:
        return Store(locate_store())
    p = Path(path)
    # A project root holding .flor/ names its store; any other directory is the store itself.
    return Store(p / STORE_DIRNAME if (p / STORE_DIRNAME).is_dir() else p)


__all__ = [
    "COLUMNS",
    "ENV_STORE",
    "SCHEMA_VERSION",
    "STORE_DIRNAME",
    "Store",
    "TABLES",
    "locate_store",
    "open_store",
    "project_root",
    "store_dir",
]
