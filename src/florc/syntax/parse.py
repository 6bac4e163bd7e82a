"""Version-tolerant parsing of historical sources into ``ast`` trees.

The aligner reads every old version of a script, so parsing is on the hot path: ``ast`` parses a
1,500-line file in about 15 ms where a full libcst parse takes ten times as long. Byte
preservation does not need a concrete tree here, because edits are whole lines spliced at
statement boundaries (see ``florc.propagate.apply``); libcst is used where text is generated.

Tolerance: a file the running interpreter rejects is retried with the grammar of Python 3.6
(``async``/``await`` were plain names then). Anything else, Python 2 included, is an
``Unparseable`` value with a positioned reason; nothing here raises on bad input.
"""

from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass

from florc.syntax.source import Unreadable, decode_source


@dataclass(frozen=True)
class Unparseable:
    """Why a source is not a Python 3 module this tool can read."""

    reason: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"unparseable: {where}{self.reason}"


def parse_python(source: bytes | str) -> tuple[str, ast.Module] | Unparseable:
    """Decode and parse ``source``; the text is returned with the tree it was parsed from.

    >>> text, tree = parse_python("x = 1\\n")
    >>> type(tree.body[0]).__name__
    'Assign'
    >>> parse_python("print 'hi'\\n").reason.startswith("Python 2")
    True
    """
    text = decode_source(source)
    if isinstance(text, Unreadable):
        return Unparseable(text.reason)
    if not text.strip():
        return Unparseable("empty file")
    first: SyntaxError | None = None
    for feature_version in (None, (3, 6)):
        try:
            with warnings.catch_warnings():
                # Old files are full of invalid escape sequences; that is not our concern.
                warnings.simplefilter("ignore")
                if feature_version is None:
                    tree = ast.parse(text)
                else:
                    tree = ast.parse(text, feature_version=feature_version)
            return text, tree
        except SyntaxError as exc:
            first = first or exc
        except (ValueError, RecursionError, MemoryError) as exc:
            return Unparseable(f"{type(exc).__name__}: {exc}")
    assert first is not None
    return Unparseable(_describe(first), first.lineno, first.offset)


def _describe(exc: SyntaxError) -> str:
    message = exc.msg or "invalid syntax"
    python2_signs = ("Missing parentheses in call to 'print'", "Missing parentheses in call to 'exec'")
    if any(sign in message for sign in python2_signs):
        return f"Python 2 syntax ({message})"
    line = (exc.text or "").strip()
    if line.startswith(("print ", "exec ", "raise ")) and "," in line or line.startswith(("print ", "exec ")):
        return f"Python 2 syntax ({message})"
    if line.startswith("except") and "," in line:
        return f"Python 2 syntax ({message})"
    return message


__all__ = ["Unparseable", "parse_python"]
