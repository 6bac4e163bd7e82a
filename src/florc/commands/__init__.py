"""One module per subcommand.

Each module defines ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``.
``run`` unpacks the namespace into keyword arguments of a plain function that does the work, so
the same function is callable from tests without argparse. The CLI imports a command module only
when that command runs, so ``florc --help`` stays fast.
"""

from __future__ import annotations

# Module names under florc.commands, which are also the subcommand names, in `--help` order.
COMMANDS: tuple[str, ...] = ("run", "runs", "dataframe", "query", "propagate", "replay", "demo", "gc", "version")

__all__ = ["COMMANDS"]
