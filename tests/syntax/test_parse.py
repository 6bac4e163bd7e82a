from __future__ import annotations

import pytest

from florc.syntax import Unparseable, parse_python


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"print 'hello'\n", "Python 2 syntax"),
        (b"try:\n    pass\nexcept ValueError, e:\n    pass\n", "Python 2 syntax"),
        (b"def f(:\n    pass\n", "invalid syntax"),
    ],
)
def test_unreadable_sources_are_values_with_a_reason(source: bytes, reason: str) -> None:
    result = parse_python(source)
    assert isinstance(result, Unparseable)
    assert reason in str(result)


def test_a_syntax_error_carries_its_line() -> None:
    result = parse_python("x = 1\ny = (\n")
    assert isinstance(result, Unparseable)
    assert result.line is not None and result.line >= 2


def test_async_as_a_name_parses_with_the_python36_grammar() -> None:
    result = parse_python("async = 1\nprint(async)\n")
    assert not isinstance(result, Unparseable)


def test_coding_cookie_and_bom_are_honoured() -> None:
    latin = "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n".encode("latin-1")
    result = parse_python(latin)
    assert not isinstance(result, Unparseable)
    assert "caf\xe9" in result[0]
    bom = b"\xef\xbb\xbfx = 1\n"
    result = parse_python(bom)
    assert not isinstance(result, Unparseable)
    assert result[0] == "x = 1\n"
