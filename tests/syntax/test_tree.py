from __future__ import annotations

from florc.syntax import build_tree, parse_python, tokenize_segment
from florc.syntax.tree import StatementTree


def tree(source: str) -> StatementTree:
    parsed = parse_python(source)
    assert not isinstance(parsed, type(None)) and not hasattr(parsed, "reason")
    text, module = parsed  # type: ignore[misc]
    return build_tree(text, module)


def test_tokens_ignore_formatting_and_quote_style() -> None:
    a = tokenize_segment("x = f( 'a' ,\n      b )  # comment")
    b = tokenize_segment('x = f("a", b)')
    assert a == b


def test_an_access_path_is_one_token_and_attributes_of_calls_are_marked() -> None:
    assert tokenize_segment("self.opt.step()") == ("self.opt.step", "(", ")")
    assert tokenize_segment("(loss / k).backward()")[-3:] == (".backward", "(", ")")


def test_blocks_roles_and_headers() -> None:
    t = tree(
        "try:\n    a = 1\nexcept KeyError as e:\n    b = 2\nelse:\n    c = 3\nfinally:\n    d = 4\n"
        "if x:\n    pass\nelif y:\n    pass\nelse:\n    pass\n"
    )
    try_stmt, if_stmt = t.root.stmts
    assert [b.role for b in try_stmt.blocks] == ["body", "except", "else", "finally"]
    assert try_stmt.blocks[1].label == ("except", "KeyError", "as", "e")
    assert [b.role for b in if_stmt.blocks] == ["if", "else"]
    # the `else` that holds an `elif` has no line of its own to insert into
    assert if_stmt.blocks[1].inline
    assert if_stmt.blocks[1].stmts[0].tokens == ("if", "y")


def test_line_spans_include_decorators_and_continuations() -> None:
    t = tree("@torch.no_grad()\ndef f(\n    a,\n):\n    return a\nx = 1 + \\\n    2\n")
    f, x = t.root.stmts
    assert (f.first_line, f.last_line) == (1, 5)
    assert f.tokens[:2] == ("@", "torch.no_grad")
    assert (x.first_line, x.last_line) == (6, 7)


def test_statements_sharing_a_line_are_flagged() -> None:
    t = tree("a = 1; b = 2\nif c: d = 3\ne = 4\n")
    a, b, c, e = t.root.stmts
    assert a.shares_line and b.shares_line
    assert c.blocks[0].inline and c.blocks[0].stmts[0].shares_line
    assert not e.shares_line


def test_columns_are_characters_even_after_non_ascii_text() -> None:
    t = tree("s = 'μσ'; t = s\n")
    assert t.root.stmts[1].tokens == ("t", "=", "s")


def test_crlf_and_tab_files_keep_their_lines() -> None:
    t = tree("if x:\r\n\ty = 1\r\n")
    assert t.newline == "\r\n"
    assert t.lines == ["if x:\r\n", "\ty = 1\r\n"]
    assert t.root.stmts[0].blocks[0].stmts[0].indent == "\t"
