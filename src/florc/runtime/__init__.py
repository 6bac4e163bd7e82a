"""What training code imports: the flor API, a run session, and hooks for checkpoint/replay.

Light by design: importing this package loads only the standard library and florc's own small
modules (no duckdb, libcst, pygit2, pyarrow or torch). ``florc.runtime.hooks`` is the extension
point for checkpointing and replay; ``florc.runtime.session`` holds the run in progress.
"""

from __future__ import annotations

import sys

from florc.runtime import kwargs as _kwargs
from florc.runtime.api import Checkpointing, Iteration, arg, checkpointing, commit, dataframe, iteration, log, loop, query

# FlorDB parses `--kwargs` at import, before the script's own argparse runs; so do we, but
# never from florc's own command line (`florc run` hands the script's pairs over itself).
if not _kwargs._from_florc_cli(sys.argv):
    _kwargs.consume(sys.argv)

__all__ = ["Checkpointing", "Iteration", "arg", "checkpointing", "commit", "dataframe", "iteration", "log", "loop", "query"]
