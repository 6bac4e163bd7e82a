"""The only package that imports duckdb: views over the store, the pivot, and raw SQL."""

from __future__ import annotations

import sys
import types
from typing import Any

from florc.query.pivot import dataframe, plan
from florc.query.run import query, rows
from florc.query.views import connect

__all__ = ["connect", "dataframe", "plan", "query", "rows"]


class _CallableModule(types.ModuleType):
    # Importing this subpackage binds ``florc.query`` to it, shadowing the API function
    # ``flor.query(sql)``; calling the module keeps that call working after the import.
    def __call__(self, sql: str) -> Any:
        from florc.runtime.api import query as api_query

        return api_query(sql)


sys.modules[__name__].__class__ = _CallableModule
