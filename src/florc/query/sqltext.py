"""Quoting for the few pieces of SQL text florc composes itself.

User-provided *values* (log names, run ids) always travel as bound parameters. What cannot be a
parameter — a column alias made from a log name, the path of a Parquet glob in a view
definition — is quoted here: identifiers with doubled double quotes, literals with doubled single
quotes, which is the whole of SQL's escaping for them. A name such as ``x'; DROP TABLE logs;--``
becomes the alias ``"x'; DROP TABLE logs;--"``: just a name.
"""

from __future__ import annotations


def ident(name: str) -> str:
    """A quoted SQL identifier.

    >>> ident('a"b')
    '"a""b"'
    """
    return '"' + str(name).replace('"', '""') + '"'


def literal(text: str) -> str:
    """A quoted SQL string literal (for file paths in view definitions only).

    >>> literal("it's")
    "'it''s'"
    """
    return "'" + str(text).replace("'", "''") + "'"


def placeholders(n: int) -> str:
    """``?, ?, ...`` for an ``IN`` list of ``n`` bound values.

    >>> placeholders(3)
    '?, ?, ?'
    """
    return ", ".join("?" * n)


__all__ = ["ident", "literal", "placeholders"]
