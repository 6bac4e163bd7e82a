"""FlorDB's ``--kwargs k=v ...`` on a script's command line, without breaking its argparse.

The pairs are taken out of ``sys.argv`` when florc is imported, before the script parses its own
flags, so a script with an argparse parser of its own sees only its flags. Tokens after
``--kwargs`` are taken while they look like ``key=value`` and do not start with ``-``; anything
else is left for the script.
"""

from __future__ import annotations

import os
from typing import Any

from florc.errors import UserError

FLAG = "--kwargs"

_pairs: dict[str, str] = {}


def split(argv: list[str]) -> tuple[list[str], dict[str, str]]:
    """(argv without the ``--kwargs`` groups, the pairs they held).

    >>> split(["train.py", "--kwargs", "lr=0.1", "epochs=3", "--verbose"])
    (['train.py', '--verbose'], {'lr': '0.1', 'epochs': '3'})
    """
    rest: list[str] = []
    pairs: dict[str, str] = {}
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == FLAG or token.startswith(FLAG + "="):
            i += 1
            first = token[len(FLAG) + 1 :] if token.startswith(FLAG + "=") else None
            if first:
                _take(first, pairs)
            while i < len(argv) and "=" in argv[i] and not argv[i].startswith("-"):
                _take(argv[i], pairs)
                i += 1
            continue
        rest.append(token)
        i += 1
    return rest, pairs


def _take(token: str, pairs: dict[str, str]) -> None:
    key, _, value = token.partition("=")
    pairs[key.strip()] = value


def consume(argv: list[str]) -> None:
    """Remove ``--kwargs`` groups from ``argv`` in place and remember their pairs."""
    rest, pairs = split(argv)
    if pairs or len(rest) != len(argv):
        argv[:] = rest
        _pairs.update(pairs)


def given() -> dict[str, str]:
    return dict(_pairs)


def lookup(name: str) -> str | None:
    return _pairs.get(name)


def set_pairs(pairs: dict[str, str]) -> None:
    _pairs.clear()
    _pairs.update(pairs)


def cast(name: str, text: str, default: Any) -> Any:
    """``text`` converted to the type of ``default`` (FlorDB's rule); a string without one.

    >>> cast("lr", "0.5", 1e-3), cast("epochs", "3", 10), cast("amp", "yes", False)
    (0.5, 3, True)
    """
    try:
        if isinstance(default, bool):
            return text.strip().lower() in ("1", "true", "t", "yes", "y", "on")
        if isinstance(default, int):
            return int(text)
        if isinstance(default, float):
            return float(text)
        if isinstance(default, (list, tuple, dict)):
            import json

            value = json.loads(text)
            return type(default)(value) if not isinstance(default, dict) else value
    except ValueError as exc:
        raise UserError(f"{FLAG} {name}={text}: expected {type(default).__name__} like the default {default!r}") from exc
    return text


def _from_florc_cli(argv: list[str]) -> bool:
    # florc's own CLI handles --kwargs of `florc run` itself; never strip its argv. Under
    # `python -m florc`, argv[0] is "-m" while the package imports: a script's own module is
    # executed (and imports florc) only after argv[0] became its path.
    if argv[:1] == ["-m"]:
        return True
    prog = os.path.basename(argv[0]) if argv else ""
    return prog in ("florc", "__main__.py") and (prog == "florc" or os.path.basename(os.path.dirname(argv[0])) == "florc")


__all__ = ["FLAG", "cast", "consume", "given", "lookup", "set_pairs", "split"]
