"""Normalised token sequences of statements, the alphabet the aligner compares.

Two versions of a statement should compare equal when only formatting differs (spacing, line
breaks, comments, quote style) and nearly equal when an identifier was renamed. So a statement
becomes a tuple of tokens in which

- whitespace, comments, line continuations and the trailing ``:`` of a header are dropped;
- a dotted access path (``self.opt.step``) is one token, so a rename is one replaced token;
- a string literal becomes ``'`` + its body, whatever its quotes (``'a'`` and ``"a"`` agree);
  an f-string keeps its ``f`` marker and its literal text, its fields emptied (``{}``) and
  followed by the names they read.

The tokenizer is a regular expression over the statement's source segment: it never fails, and
on the odd construct it does not know it degrades to one token per character, which only lowers
a similarity score.
"""

from __future__ import annotations

import keyword
import re
from functools import lru_cache

_TOKEN = re.compile(
    r"""
    (?P<skip>[ \t\f]+|\\\r?\n|\\\r|\r?\n|\r|\#[^\r\n]*)
  | (?P<str>(?P<prefix>[rRbBuUfF]{0,2})(?P<body>'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\"
        |'(?:\\.|[^'\\\r\n])*'|"(?:\\.|[^"\\\r\n])*"))
  | (?P<name>[^\W\d]\w*(?:[ \t]*\.[ \t]*[^\W\d]\w*)*)
  | (?P<num>0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d[\d_]*)?[jJ]?)
  | (?P<op>\*\*=?|//=?|>>=?|<<=?|->|:=|\.\.\.|[-+*/%@&|^=<>!]=|[-+*/%@&|^~<>=.,:;()\[\]{}])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_SPACES = re.compile(r"[ \t]+")
_FIELD_BODY = re.compile(r"(?<!\{)\{(?!\{)[^{}]*\}")
_FIELD = re.compile(r"(?<!\{)\{\s*([^\W\d]\w*(?:\s*\.\s*[^\W\d]\w*)*)(\s*\()?")
# Soft keywords (`_`, `match`, `case`) are names everywhere but in a `match` statement, and
# `for _ in range(n_epochs)` is the loop that `for epoch in ...` renames
KEYWORDS = frozenset(keyword.kwlist)


def tokenize_segment(segment: str) -> tuple[str, ...]:
    """Normalised tokens of a piece of source.

    >>> tokenize_segment("x = self.opt.param_groups[0]['lr']  # note")
    ('x', '=', 'self.opt.param_groups', '[', '0', ']', '[', "'lr", ']')
    >>> tokenize_segment('print(f"{a}" ,\\n  b)')
    ('print', '(', 'f{}', 'a', ',', 'b', ')')
    """
    out: list[str] = []
    for match in _TOKEN.finditer(segment):
        kind = match.lastgroup
        if kind == "skip":
            continue
        if kind == "str":
            prefix = (match.group("prefix") or "").lower()
            body = match.group("body")
            quote = 3 if body[:3] in ("'''", '"""') else 1
            marker = "f" if "f" in prefix else ("b" if "b" in prefix else "'")
            if marker == "f":
                # the literal text, its fields emptied: `f"Num epochs = {self.num_epochs}"`
                # and `f"Num epochs = {args.embedding_num_epochs}"` say the same thing
                out.append(marker + _FIELD_BODY.sub("{}", body[quote:-quote]))
            else:
                out.append(marker + body[quote:-quote])
            if marker == "f":
                # the names an f-string reads are code: `f"{epoch} {loss:.3f}"` and
                # `"%d %.3f" % (epoch, loss)` share `epoch` and `loss`
                for m in _FIELD.finditer(body):
                    if m.group(1).split(".", 1)[0] in KEYWORDS:
                        continue
                    out.append(m.group(1).replace(" ", ""))
                    if m.group(2):
                        # `{loss.item()}` reads what the call returns, not the path: a
                        # rename must not take `loss.item` for a value (see renames.compare)
                        out.extend(("(", ")"))
        elif kind == "name":
            text = match.group()
            if " " in text or "\t" in text:
                text = _SPACES.sub("", text)
            if "." in text:
                head = text.split(".", 1)[0]
                if head in KEYWORDS:
                    # `not x.y`, `in a.b`: the keyword is its own token.
                    out.append(head)
                    text = text[len(head) :].lstrip(" \t")
                    if text.startswith("."):
                        out.append(".")
                        text = text[1:]
            out.append(text)
        elif match.group() == "." and out and out[-1] in (")", "]", "}"):
            # `f(x).backward`: the attribute of a call result is one token, `.backward`,
            # comparable to the last component of the path `loss.backward`
            out.append(".")
        else:
            out.append(match.group())
    return _join_attributes(out)


def _join_attributes(tokens: list[str]) -> tuple[str, ...]:
    joined: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t == "." and i + 1 < len(tokens) and is_path(tokens[i + 1]) and joined and joined[-1] in (")", "]", "}"):
            for part in tokens[i + 1].split("."):
                joined.append("." + part)
            i += 2
            continue
        joined.append(t)
        i += 1
    return tuple(joined)


@lru_cache(maxsize=1 << 16)
def is_path(token: str) -> bool:
    """Whether a token is an access path (``model``, ``self.opt``), not a keyword or literal."""
    if not token or not (token[0].isalpha() or token[0] == "_"):
        return False
    head = token.split(".", 1)[0]
    return head not in KEYWORDS and head.isidentifier()


__all__ = ["KEYWORDS", "is_path", "tokenize_segment"]
