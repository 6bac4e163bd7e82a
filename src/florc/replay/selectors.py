"""Parsing florc's two small languages: loop-iteration selectors and statement addresses.

The grammar is ``grammar/selectors.lark`` (reachable as the package resource
``florc/grammar/selectors.lark``); this module turns lark's trees into frozen values and lark's
exceptions into one-line ``SelectorError``s that name the column.

>>> parse_selectors("epoch=0..9:2,last")[0].resolve(12)
(0, 2, 4, 6, 8, 11)
>>> str(parse_address("train.py::train/for:epoch/stmt:3"))
'train.py::train/for:epoch/stmt:3'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Union

import lark

from florc.errors import UserError


class SelectorError(UserError):
    """A selector or address that does not parse, or names iterations a run does not have."""


# ---------------------------------------------------------------------------------- selectors


@dataclass(frozen=True)
class Index:
    """One iteration; negative values count from the end (-1 is the last)."""

    value: int

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True)
class Span:
    """Iterations ``start..stop:step``, both ends inclusive; an open end reaches the edge."""

    start: int | None = None
    stop: int | None = None
    step: int = 1

    def __str__(self) -> str:
        text = f"{'' if self.start is None else self.start}..{'' if self.stop is None else self.stop}"
        return text if self.step == 1 else f"{text}:{self.step}"


@dataclass(frozen=True)
class Keyword:
    """``first``, ``last`` or ``all``."""

    word: str

    def __str__(self) -> str:
        return self.word


Item = Union[Index, Span, Keyword]


@dataclass(frozen=True)
class Selector:
    """Which iterations of one loop to replay, e.g. ``epoch=0..9:2,last``."""

    loop: str
    items: tuple[Item, ...]

    def __str__(self) -> str:
        return f"{self.loop}=" + ",".join(str(item) for item in self.items)

    def resolve(self, length: int) -> tuple[int, ...]:
        """The selected iteration indices of a loop that ran ``length`` times, sorted, unique.

        An index outside the loop is an error rather than silently dropped: a user asking for
        ``epoch=12`` of a 10-epoch run has a wrong idea of the run and should be told.
        """
        chosen: set[int] = set()
        for item in self.items:
            chosen.update(self._resolve_item(item, length))
        return tuple(sorted(chosen))

    def _resolve_item(self, item: Item, length: int) -> range | tuple[int, ...]:
        if isinstance(item, Keyword):
            if item.word == "all":
                return range(length)
            if length == 0:
                raise SelectorError(f"{self}: loop {self.loop!r} ran no iterations")
            return (0,) if item.word == "first" else (length - 1,)
        if isinstance(item, Index):
            return (self._absolute(item.value, length),)
        start = 0 if item.start is None else self._absolute(item.start, length)
        stop = length - 1 if item.stop is None else self._absolute(item.stop, length)
        return range(start, stop + 1, item.step)

    def _absolute(self, value: int, length: int) -> int:
        index = value + length if value < 0 else value
        if not 0 <= index < length:
            raise SelectorError(
                f"{self}: iteration {value} is out of range "
                f"(loop {self.loop!r} ran {length} iteration{'s' if length != 1 else ''})"
            )
        return index


# ---------------------------------------------------------------------------------- addresses


def _nth(nth: int) -> str:
    return f"@{nth}" if nth else ""


@dataclass(frozen=True)
class Scope:
    """A function or class; ``nth`` counts earlier same-named siblings (``train@1``)."""

    name: str
    nth: int = 0

    def __str__(self) -> str:
        return self.name + _nth(self.nth)


@dataclass(frozen=True)
class Block:
    """The body of a compound statement: ``for:<target>``, ``while``, ``if``, ``with``, ``try``,
    ``match``; ``nth`` counts earlier siblings with the same segment (``for:x@1``)."""

    kind: str
    target: str | None = None  # the loop target as written, for `for` only
    nth: int = 0

    def __str__(self) -> str:
        text = self.kind if self.target is None else f"{self.kind}:{self.target}"
        return text + _nth(self.nth)

    @property
    def is_loop(self) -> bool:
        return self.kind in ("for", "while")


@dataclass(frozen=True)
class Clause:
    """Another clause of the compound statement named just before: ``else``, ``except``,
    ``finally``, ``case`` (``except@1`` is the second ``except``)."""

    role: str
    nth: int = 0

    def __str__(self) -> str:
        return self.role + _nth(self.nth)


@dataclass(frozen=True)
class Stmt:
    """The n-th statement (0-based) of the innermost block."""

    index: int

    def __str__(self) -> str:
        return f"stmt:{self.index}"


Segment = Union[Scope, Block, Clause, Stmt]


@dataclass(frozen=True)
class Address:
    """Where a statement or loop lives: ``train.py::train/for:epoch/stmt:3``."""

    path: str
    segments: tuple[Segment, ...]

    def __str__(self) -> str:
        return f"{self.path}::" + "/".join(str(s) for s in self.segments)

    @property
    def parent(self) -> Address:
        """The address one segment up."""
        return Address(self.path, self.segments[:-1])

    @property
    def loops(self) -> tuple[Block, ...]:
        """The loops this address lies in (or names), outermost first."""
        return tuple(s for s in self.segments if isinstance(s, Block) and s.is_loop)

    def child(self, segment: Segment) -> Address:
        return Address(self.path, (*self.segments, segment))

    def is_within(self, other: Address) -> bool:
        """True when this address is ``other`` or lies inside it."""
        n = len(other.segments)
        return self.path == other.path and self.segments[:n] == other.segments


# ---------------------------------------------------------------------------------- parsing


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    text = resources.files("florc").joinpath("grammar", "selectors.lark").read_text("utf-8")
    return lark.Lark(text, start=["selectors", "address"], parser="lalr", maybe_placeholders=True)


_DESCRIBE = {
    "LABEL": "a loop name",
    "SIGNED_INT": "a number",
    "INT": "a number",
    "EQUAL": "'='",
    "COMMA": "','",
    "_SEP": "';'",
    "DOTS": "'..'",
    "_PATH_END": "'::'",
    "COLON": "':'",
    "HASH": "'#'",
    "SLASH": "'/'",
    "FIRST": "'first'",
    "LAST": "'last'",
    "ALL": "'all'",
    "PATH": "a file path",
    "NAME": "a name",
    "STMT": "'stmt:'",
    "NTH": "'@n'",
    "FOR_TARGET": "'for:<target>'",
    "COMPOUND_KIND": "a compound statement",
    "CLAUSE_KIND": "a clause",
    "$END": "the end",
}


def _describe(expected: set[str] | frozenset[str]) -> str:
    words = sorted({_DESCRIBE.get(name, name.lower()) for name in expected})
    if not words:
        return "nothing more"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _error(kind: str, text: str, exc: lark.exceptions.UnexpectedInput) -> SelectorError:
    column = getattr(exc, "column", None)
    if not isinstance(column, int) or column < 1:
        column = len(text) + 1
    if isinstance(exc, lark.exceptions.UnexpectedToken) and exc.token.type == "$END":
        found = "end of input"
        column = len(text) + 1
    elif column <= len(text):
        found = repr(text[column - 1])
    else:
        found = "end of input"
    expected: set[str] = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    return SelectorError(
        f"invalid {kind} {text!r}: unexpected {found} at column {column}; "
        f"expected {_describe(expected)}"
    )


def _parse(text: str, start: str, kind: str) -> lark.Tree[lark.Token]:
    if "\n" in text:
        raise SelectorError(f"invalid {kind} {text!r}: must be one line")
    try:
        return _parser().parse(text, start=start)
    except lark.exceptions.UnexpectedInput as exc:
        raise _error(kind, text, exc) from None


def _int(token: lark.Token | None) -> int | None:
    return None if token is None or token.type == "DOTS" else int(token)


def parse_selectors(text: str) -> tuple[Selector, ...]:
    """Parse ``epoch=0..9:2,last; step=5`` (one selector per loop, joined by ``;``).

    A loop named twice is an error: which of the two would apply is a guess.
    """
    tree = _parse(text, "selectors", "selector")
    selectors: list[Selector] = []
    for node in tree.children:
        assert isinstance(node, lark.Tree)
        label, *raw = node.children
        items: list[Item] = []
        for item in raw:
            if isinstance(item, lark.Token):  # FIRST, LAST, ALL
                items.append(Keyword("all" if item.type == "ALL" else str(item)))
            elif item.data == "index":
                items.append(Index(int(item.children[0])))  # type: ignore[arg-type]
            else:
                start, _dots, stop, step = (_int(c) for c in item.children)  # type: ignore[arg-type]
                if step == 0:
                    raise SelectorError(f"invalid selector {text!r}: a step must be positive")
                items.append(Span(start, stop, 1 if step is None else step))
        selectors.append(Selector(str(label), tuple(items)))
    seen = [s.loop for s in selectors]
    dupes = sorted({loop for loop in seen if seen.count(loop) > 1})
    if dupes:
        raise SelectorError(f"invalid selector {text!r}: loop {dupes[0]!r} is selected twice")
    return tuple(selectors)


def _nth_of(token: lark.Token | None, text: str) -> int:
    if token is None:
        return 0
    nth = int(token[1:])
    if nth < 1:
        raise SelectorError(f"invalid address {text!r}: '@0' — the first of a kind has no '@'")
    return nth


def parse_address(text: str) -> Address:
    """Parse a statement address such as ``src/train.py::Trainer/fit/for:epoch/if/stmt:3``."""
    tree = _parse(text, "address", "address")
    path, *raw = tree.children
    segments: list[Segment] = []
    for node in raw:
        assert isinstance(node, lark.Tree)
        head, tail = node.children
        if node.data == "stmt":
            segments.append(Stmt(int(tail)))  # type: ignore[arg-type]
            continue
        nth = _nth_of(tail, text)  # type: ignore[arg-type]
        if node.data == "scope":
            segments.append(Scope(str(head), nth))
        elif node.data == "clause":
            segments.append(Clause(str(head), nth))
        else:
            kind, _, target = str(head).partition(":")
            segments.append(Block(kind, target or None, nth))
    return Address(str(path), tuple(segments))


__all__ = [
    "Address",
    "Index",
    "Item",
    "Block",
    "Clause",
    "Keyword",
    "Scope",
    "Segment",
    "Selector",
    "SelectorError",
    "Span",
    "Stmt",
    "parse_address",
    "parse_selectors",
]
