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

import ast
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from florc.syntax.tokens import KEYWORDS, is_path

Bag = dict[str, float]

PUNCT_WEIGHT = 0.25
LITERAL_WEIGHT = 0.5
KEYWORD_WEIGHT = 0.5
NAME_WEIGHT = 1.0


def bag(tokens: Iterable[str], rename: Callable[[str], str] | None = None) -> Bag:
    """The weighted bag of a token sequence, renaming access paths first when asked.

    A message is compared by its words, a docstring as a whole:

    >>> from florc.syntax.tokens import tokenize_segment as tok
    >>> dice(bag(tok('print("Epoch %d: loss %.2f" % (e, x))')), bag(tok("print('epoch %3d, loss: %.4f' % (e, x))")))
    1.0
    >>> dice(bag(tok("'Train a model on one GPU.'")), bag(tok("'Train a model on many GPUs.'")))
    0.0
    """
    out: Counter[str] = Counter()
    weights: dict[str, float] = {}
    tokens = tuple(tokens)
    # a docstring is prose about the function, and every trainer's reads alike ("Train a
    # model ..."): only the messages of statements that do something are compared by words
    messages = len(tokens) > 1
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
        elif messages and token[:1] in "'f" and len(message := _message_words(token)) > 1:
            # a log message is reworded more often than rewritten: `'Epoch %3d: loss %.2f'`
            # and `"Epoch %3d, train loss: %.2f"` share most of their words. The words
            # share the weight the whole literal had, so a message weighs what it did.
            for word in message:
                key = "'" + word
                out[key] += 1
                weights[key] = LITERAL_WEIGHT / len(message)
        else:
            out[token] += 1
            if token[:1] == "." and token[1:2].isidentifier():
                weights[token] = NAME_WEIGHT
            elif token in KEYWORDS:
                weights[token] = KEYWORD_WEIGHT
            elif token[:1].isalnum() or token[:1] in "'fb_":
                weights[token] = LITERAL_WEIGHT
            else:
                weights[token] = PUNCT_WEIGHT
    return {token: count * weights[token] for token, count in out.items()}


_WORD = re.compile(r"[A-Za-z]{2,}")
_FSTRING_FIELD = re.compile(r"\{[^{}]*\}")


@lru_cache(maxsize=1 << 14)
def _message_words(literal: str) -> tuple[str, ...]:
    """The words of a string literal's body, lower-cased; an f-string's fields are code, not words.

    >>> _message_words("'Epoch %3d: total training loss %.2f")
    ('epoch', 'total', 'training', 'loss')
    >>> _message_words("f[{epoch}] val loss {loss:.4f}")
    ('val', 'loss')
    """
    body = literal[1:]
    if literal[0] == "f":
        body = _FSTRING_FIELD.sub(" ", body)
    return tuple(w.lower() for w in _WORD.findall(body))


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


def name_affinity(a: Bag, b: Bag) -> float:
    """How much the names only one bag has look like the names only the other has, in [0, 1].

    Renames usually keep a resemblance (``opt_g``/``opt_G``, ``loss_g``/``g_loss``,
    ``disc``/``D``); this breaks ties between two otherwise equal candidates, as in a GAN whose
    generator and discriminator code are mirror images of each other.
    """
    left = [t for t in a if t not in b and _is_name_key(t)]
    right = [t for t in b if t not in a and _is_name_key(t)]
    if not left or not right:
        return 1.0 if not left and not right else 0.0
    total = 0.0
    for x in left:
        total += max(_lexical(x, y) for y in right)
    return total / max(len(left), len(right))


def _is_name_key(token: str) -> bool:
    body = token[1:] if token.startswith(".") else token
    return body.isidentifier()


def _lexical(x: str, y: str) -> float:
    x, y = x.lstrip(".").lower(), y.lstrip(".").lower()
    if x == y:
        return 1.0
    px, py = sorted(words(x)), sorted(words(y))
    if px == py:
        return 0.8
    if x.startswith(y) or y.startswith(x):
        return 0.6
    if set(px) & set(py):
        return 0.4
    return 0.0


Shape = tuple[str, tuple[str, ...]]


def shape(node: ast.stmt) -> Shape:
    """What a simple statement *does*: binds which paths, or calls what.

    ``loss.backward()`` and ``(loss / k).backward()`` share the shape ``call backward``;
    ``loss = loss / k`` has the shape ``assign loss``, whatever tokens it shares with them.
    """
    if isinstance(node, ast.Assign):
        return "assign", tuple(_target_texts(t) for t in node.targets)
    if isinstance(node, ast.AnnAssign):
        return "assign", (_target_texts(node.target),)
    if isinstance(node, ast.AugAssign):
        return "aug", (_target_texts(node.target),)
    if isinstance(node, ast.Expr):
        value = node.value
        if isinstance(value, ast.Await):
            value = value.value
        if isinstance(value, ast.Call):
            func = value.func
            if _reports(func):
                return "call", ("report",)
            if isinstance(func, ast.Attribute):
                return "call", (func.attr,)
            if isinstance(func, ast.Name):
                return "call", (func.id,)
            return "call", ()
        return "expr", ()
    return type(node).__name__.lower(), ()


_LOG_LEVELS = frozenset(("debug", "info", "warning", "warn", "error", "critical", "exception"))


def _reports(func: ast.expr) -> bool:
    """Whether a call reports progress to a person: ``print(...)`` or a logger's level method
    (``logger.info``, ``logging.warning``, ``self.log.debug``). Scripts move from one to the
    other over the years (`print('step:{}'.format(t))` became `logger.info('step:%s', t)`): it
    is the same statement."""
    if isinstance(func, ast.Name):
        return func.id == "print"
    if not isinstance(func, ast.Attribute) or func.attr not in _LOG_LEVELS:
        return False
    receiver = func.value
    name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", "")
    return "log" in name.lower()


def _target_texts(target: ast.expr) -> str:
    parts: list[str] = []
    for node in ast.walk(target):
        if isinstance(node, ast.Name):
            parts.append(node.id)
        elif isinstance(node, ast.Attribute):
            parts.append("." + node.attr)
    return " ".join(parts)


def shape_match(a: Shape, b: Shape, rename: Callable[[str], str] | None = None) -> float:
    """1 for the same action on the same targets, partial for overlapping targets, else 0."""
    if a[0] != b[0]:
        return 0.0
    if a[1] == b[1]:
        return 1.0
    left = set(a[1]) if rename is None else {" ".join(rename(w) for w in t.split()) for t in a[1]}
    right = set(b[1])
    if left == right:
        return 1.0
    lw = {w.lstrip(".") for t in left for w in t.split()}
    rw = {w.lstrip(".") for t in right for w in t.split()}
    if not lw and not rw:
        return 1.0
    overlap = len(lw & rw) / len(lw | rw)
    if overlap == 0.0 and len(lw) == 1 and len(rw) == 1:
        # one name each, one the other's words plus a qualifier (`train_loss` and
        # `batch_train_loss`, `loss` and `total_loss`): the same quantity at another grain,
        # half the same target
        (x,), (y,) = lw, rw
        px, py = set(x.lower().split("_")) - {""}, set(y.lower().split("_")) - {""}
        if px and py and px != py and (px < py or py < px):
            return 0.5
    return overlap


def words(path: str) -> list[str]:
    """The words of an access path's names: ``self._train_args.store_paths`` -> self, train,
    args, store, paths."""
    return [w for part in path.split(".") for w in part.lower().split("_") if w]


def share_a_word(x: str, y: str) -> bool:
    """Whether two names share a word of three letters or more (`to_next_batch` and
    `on_batch_complete`, `_run_init` and `init`)."""
    return bool({w for w in words(x) if len(w) > 2} & set(words(y)))


def word_swap(new: tuple[str, ...], old: tuple[str, ...]) -> tuple[str, str] | None:
    """The one word renamed throughout two statements that are otherwise the same token for
    token, when at least two names differ by it (``save_episode = (self.step_episode if
    self._train_args.store_episodes else None)`` / ``save_path = (self.step_path if ...
    store_paths ...)``: a concept renamed, episode for path)."""
    if len(new) != len(old) or new == old:
        return None
    found: tuple[str, str] | None = None
    changed = 0
    for a, b in zip(new, old):
        if a == b:
            continue
        if not (is_path(a) and is_path(b)):
            return None
        wa, wb = words(a), words(b)
        diff = [(x, y) for x, y in zip(wa, wb) if x != y]
        if len(wa) != len(wb) or len(diff) != 1:
            return None
        pair = (diff[0][0].removesuffix("s"), diff[0][1].removesuffix("s"))
        if found is not None and pair != found:
            return None
        found = pair
        changed += 1
    return found if changed >= 2 else None


__all__ = ["Bag", "Shape", "bag", "dice", "mass", "name_affinity", "shape", "shape_match", "share_a_word", "word_swap",
           "words"]
