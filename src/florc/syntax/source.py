"""Turning the bytes of a historical file into text, or saying why not.

Old commits hold whatever was committed: a binary file renamed to ``train.py``, an empty file,
a file in Latin-1 with a coding cookie, CRLF line endings, a UTF-8 BOM. This module decides
which of those are Python source and records the line-ending style, so that an edit can be
written in the file's own style and every other byte kept.
"""

from __future__ import annotations

import codecs
import io
import re
import tokenize
from dataclasses import dataclass


@dataclass(frozen=True)
class Unreadable:
    """Why some bytes are not Python source text (a value, never raised)."""

    reason: str


def decode_source(data: bytes | str) -> str | Unreadable:
    """The text of a source file, honouring a BOM and a PEP 263 coding cookie.

    >>> decode_source(b"x = 1\\n")
    'x = 1\\n'
    >>> decode_source(b"\\x00\\x01").reason
    'binary file'
    """
    if isinstance(data, str):
        return Unreadable("binary file") if "\x00" in data else data
    if b"\x00" in data:
        return Unreadable("binary file")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        return Unreadable(f"undecodable: {exc}")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        return Unreadable(f"undecodable as {encoding}: {exc}")
    # detect_encoding reports "utf-8-sig" for a BOM; the BOM is not part of the text.
    if text.startswith(codecs.BOM_UTF8.decode("utf-8")):
        text = text[1:]
    return text


def newline_of(text: str) -> str:
    """The line ending a file uses (that of its first line); ``\\n`` when it has none."""
    index = text.find("\n")
    if index > 0 and text[index - 1] == "\r":
        return "\r\n"
    if index < 0 and "\r" in text:
        return "\r"
    return "\n"


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text: str) -> list[str]:
    """Lines with their endings kept, split where Python's tokenizer splits them.

    ``str.splitlines`` also breaks at form feeds and U+2028, which Python source does not, so
    line numbers from ``ast`` would drift on files that contain them.
    """
    return _LINE.findall(text)


__all__ = ["Unreadable", "decode_source", "newline_of", "split_lines"]
