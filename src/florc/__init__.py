"""florc: multiversion hindsight logging for machine-learning training code.

Training scripts use it as FlorDB's API::

    import florc as flor

    lr = flor.arg("lr", 1e-3)
    for epoch in flor.loop("epoch", range(5)):
        ...
        flor.log("loss", loss.item())

Importing ``florc`` loads only the runtime (no duckdb, libcst, pygit2 or torch); the analysis
side (``dataframe``, ``query``, ``propagate_source``, ``open_store``) imports its libraries on
first use.
"""

from __future__ import annotations

from typing import Any

from florc.runtime import arg, checkpointing, commit, dataframe, iteration, log, loop, query

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # PEP 562: heavy entry points resolve on first access, keeping `import florc` light.
    if name == "propagate_source":
        from florc.propagate import propagate_source

        return propagate_source
    if name == "open_store":
        from florc.store import open_store

        return open_store
    raise AttributeError(f"module 'florc' has no attribute {name!r}")


__all__ = [
    "arg",
    "checkpointing",
    "commit",
    "dataframe",
    "iteration",
    "log",
    "loop",
    "open_store",
    "propagate_source",
    "query",
    "__version__",
]
