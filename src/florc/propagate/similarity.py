"""How alike two statements are: a weighted Dice coefficient over their token bags.

Tokens are not equally informative. Identifiers and attribute names carry the meaning of a
statement, literals a little less (format strings are rewritten all the time), punctuation
almost nothing (``loss.backward()`` and ``scaler.step(opt)`` share their parentheses). An access
path contributes its root name and each attribute separately, so ``self.opt.step()`` and
``optimizer.step()`` share ``.step`` even before the rename is known.

The new side is compared *after* the renames inferred so far are applied (see
``florc.propagate.renames``), which is what lets a renamed statement reach the similarity of an
unchanged one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from florc.syntax.tokens import KEYWORDS, is_path

Bag = dict[str, float]

PUNCT_WEIGHT = 0.25
LITERAL_WEIGHT = 0.5
KEYWORD_WEIGHT = 0.5
NAME_WEIGHT = 1.0


def bag(tokens: Iterable[str], rename: Callable[[str], str] | None = None) -> Bag:
    """The weighted bag of a token sequence, renaming access paths first when asked."""
    out: Counter[str] = Counter()
    weights: dict[str, float] = {}
    for token in tokens:
        if is_path(token):
            if rename is not None:
                token = rename(token)
            parts = token.split(".")
            out[parts[0]] += 1
            weights[parts[0]] = NAME_WEIGHT
            for part in parts[1:]:
                key = "." + part
                out[key] += 1
                weights[key] = NAME_WEIGHT
        else:
            out[token] += 1
            if token in KEYWORDS:
                weights[token] = KEYWORD_WEIGHT
            elif token[:1].isalnum() or token[:1] in "'fb_":
                weights[token] = LITERAL_WEIGHT
            else:
                weights[token] = PUNCT_WEIGHT
    return {token: count * weights[token] for token, count in out.items()}


def mass(b: Bag) -> float:
    return sum(b.values())


def dice(a: Bag, b: Bag) -> float:
    """Weighted Dice coefficient in [0, 1].

    >>> round(dice(bag(["loss.backward", "(", ")"]), bag(["loss.backward", "(", ")"])), 2)
    1.0
    >>> round(dice(bag(["self.opt.step", "(", ")"]), bag(["optimizer.step", "(", ")"])), 2)
    0.5
    """
    total = mass(a) + mass(b)
    if total == 0:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    common = 0.0
    for token, weight in a.items():
        other = b.get(token)
        if other is not None:
            common += weight if weight < other else other
    return 2.0 * common / total


__all__ = ["Bag", "bag", "dice", "mass"]
