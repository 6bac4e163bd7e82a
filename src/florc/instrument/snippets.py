"""The code the pass inserts, as text: calls into ``florc.runtime.blocks`` (imported under the
name ``florc_blocks``), formatted to stay readable at the indentation they land at.

Every call names its loop by address, so a reader of instrumented code (``--explain``) sees
which checkpoint a line saves or restores, and what it covers.
"""

from __future__ import annotations

from florc.instrument.model import LoopFacts, WriteSet

ALIAS = "florc_blocks"
IMPORT = f"from florc.runtime import blocks as {ALIAS}"
MODULE = "florc.runtime.blocks"
WIDTH = 99


def _tuple(names: tuple[str, ...]) -> str:
    inner = ", ".join(f'"{n}"' for n in names)
    return f"({inner},)" if len(names) == 1 else f"({inner})"


def call(function: str, args: list[str], indent: int) -> str:
    """``florc_blocks.function(args...)`` on one line if it fits at ``indent``, else wrapped
    with one argument group per line, black-style."""
    one = f"{ALIAS}.{function}({', '.join(args)})"
    if indent + len(one) <= WIDTH:
        return one
    lines = [f"{ALIAS}.{function}("]
    current = ""
    for arg in args:
        piece = f"{arg},"
        if current and indent + 4 + len(current) + 1 + len(piece) > WIDTH:
            lines.append("    " + current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    if current:
        lines.append("    " + current)
    lines.append(")")
    return "\n".join(lines)


def record_args(address: str, writes: WriteSet) -> list[str]:
    """Arguments of a record-mode call: what to save, by category."""
    args = [f'"{address}"', "locals()"]
    for key in ("assigned", "scratch", "mutated", "maybe", "iterated", "global_names"):
        names: tuple[str, ...] = getattr(writes, key)
        if names:
            args.append(f"{key}={_tuple(names)}")
    if writes.grads:
        args.append("grads=True")
    return args


def restore_args(facts: LoopFacts, *, with_grads: bool = True) -> list[str]:
    """Arguments of a replay-mode call: what must be restored (and so must be in the
    checkpoint) for the code after the loop to see what the original run saw."""
    writes = facts.writes
    args = [f'"{facts.address}"', "locals()"]
    for key in ("assigned", "mutated", "maybe", "iterated", "global_names"):
        names: tuple[str, ...] = getattr(writes, key)
        if names:
            args.append(f"{key}={_tuple(names)}")
    if with_grads and writes.grads and facts.grads_read_after:
        args.append("grads_needed=True")
    return args


def rebound(writes: WriteSet) -> tuple[str, ...]:
    """The names a restore rebinds by assignment (attribute paths are restored by setattr)."""
    return tuple(n for n in writes.assigned if "." not in n)


def rebind(address: str, names: tuple[str, ...]) -> str:
    """``a, b = florc_blocks.restored("<loop>")``."""
    target = f"({names[0]},)" if len(names) == 1 else ", ".join(names)
    return f'{target} = {ALIAS}.restored("{address}")'


__all__ = ["ALIAS", "IMPORT", "MODULE", "call", "rebind", "rebound", "record_args", "restore_args"]
