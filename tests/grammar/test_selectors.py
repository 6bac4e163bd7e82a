"""The selector and address languages, checked against the corpus next to this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from florc.errors import UserError
from florc.replay.selectors import (
    Address,
    Block,
    Clause,
    Index,
    Keyword,
    Scope,
    Selector,
    SelectorError,
    Span,
    Stmt,
    parse_address,
    parse_selectors,
)

CORPUS = Path(__file__).parent / "corpus"


def _cases(name: str) -> list[tuple[str, str]]:
    cases = []
    for line in (CORPUS / name).read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, _, expected = line.rpartition(" => ")
        cases.append((text, expected))
    return cases


def _show_selectors(text: str) -> str:
    return "; ".join(str(s) for s in parse_selectors(text))


@pytest.mark.parametrize(("text", "canonical"), _cases("selectors-valid.txt"))
def test_valid_selectors_parse_to_their_canonical_form(text, canonical):
    assert _show_selectors(text) == canonical
    assert _show_selectors(canonical) == canonical  # the canonical form is a fixed point


@pytest.mark.parametrize(("text", "canonical"), _cases("addresses-valid.txt"))
def test_valid_addresses_parse_to_their_canonical_form(text, canonical):
    assert str(parse_address(text)) == canonical
    assert parse_address(canonical) == parse_address(text)


def _assert_one_line_error(parse, text, column):
    with pytest.raises(SelectorError) as info:
        parse(text)
    message = str(info.value)
    assert "\n" not in message
    assert repr(text) in message
    if column != "-":
        assert f"at column {column};" in message
    assert isinstance(info.value, UserError)


@pytest.mark.parametrize(("text", "column"), _cases("selectors-invalid.txt"))
def test_invalid_selectors_fail_with_the_column(text, column):
    _assert_one_line_error(parse_selectors, text, column)


@pytest.mark.parametrize(("text", "column"), _cases("addresses-invalid.txt"))
def test_invalid_addresses_fail_with_the_column(text, column):
    _assert_one_line_error(parse_address, text, column)


def test_multi_line_input_is_rejected():
    with pytest.raises(SelectorError, match="one line"):
        parse_selectors("epoch=1\nstep=2")


def test_selector_values():
    (epoch, step) = parse_selectors("epoch=0..9:2,last; step=-1")
    assert epoch == Selector("epoch", (Span(0, 9, 2), Keyword("last")))
    assert step == Selector("step", (Index(-1),))


@pytest.mark.parametrize(
    ("text", "length", "expected"),
    [
        ("epoch=0..9:2,last", 12, (0, 2, 4, 6, 8, 11)),
        ("epoch=0..9:2,last", 10, (0, 2, 4, 6, 8, 9)),
        ("epoch=..2", 5, (0, 1, 2)),
        ("epoch=3..", 5, (3, 4)),
        ("epoch=-2..", 5, (3, 4)),
        ("epoch=all", 3, (0, 1, 2)),
        ("epoch=all", 0, ()),
        ("epoch=first,first,0", 4, (0,)),
        ("epoch=4,1,2", 5, (1, 2, 4)),
        ("epoch=3..1", 5, ()),
    ],
)
def test_resolve_gives_sorted_unique_indices(text, length, expected):
    assert parse_selectors(text)[0].resolve(length) == expected


@pytest.mark.parametrize(("text", "length"), [("epoch=12", 10), ("epoch=-11", 10), ("epoch=last", 0)])
def test_resolve_refuses_iterations_the_run_does_not_have(text, length):
    with pytest.raises(SelectorError, match="epoch"):
        parse_selectors(text)[0].resolve(length)


def test_address_values_and_navigation():
    address = parse_address("src/train.py::Trainer/fit/for:epoch/for:step@1/try/except/stmt:4")
    assert address == Address(
        "src/train.py",
        (
            Scope("Trainer"),
            Scope("fit"),
            Block("for", "epoch"),
            Block("for", "step", 1),
            Block("try"),
            Clause("except"),
            Stmt(4),
        ),
    )
    assert address.loops == (Block("for", "epoch"), Block("for", "step", 1))
    assert str(address.parent) == "src/train.py::Trainer/fit/for:epoch/for:step@1/try/except"
    assert address.is_within(parse_address("src/train.py::Trainer/fit/for:epoch"))
    assert not address.is_within(parse_address("src/train.py::Trainer/fit/for:step"))
    assert not address.is_within(parse_address("other.py::Trainer/fit/for:epoch"))
    assert address.parent.child(Stmt(0)) == parse_address(
        "src/train.py::Trainer/fit/for:epoch/for:step@1/try/except/stmt:0"
    )


def test_addresses_written_by_the_syntax_package_parse_back():
    from florc.syntax.address import address
    from florc.syntax.parse import parse_python
    from florc.syntax.tree import build_tree

    source = (CORPUS / "addresses-source.py").read_text()
    text, module = parse_python(source)
    tree = build_tree(text, module)
    written = [address(stmt, "pkg/train.py") for stmt in tree.statements]
    assert len(written) > 20
    for text in written:
        assert str(parse_address(text)) == text


def test_the_grammar_is_read_from_the_package_resource():
    from importlib import resources

    text = resources.files("florc").joinpath("grammar", "selectors.lark").read_text()
    assert "selectors:" in text and "address:" in text
