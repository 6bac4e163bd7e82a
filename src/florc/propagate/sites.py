"""Sites: the statements of the newest version that are to be propagated.

A site is a statement that calls ``flor.log`` (under any alias) with a literal key and that the
old version does not have: the old version logs no value under that key. A site is usually one
line; when a ``flor.log`` sits in a compound statement that holds nothing but flor calls (``if
step % 100 == 0: flor.log(...)``), the whole compound statement is the site.

Besides finding sites this module normalises the flor surface away for comparison: in
``for epoch in flor.loop("epoch", range(n))`` the wrapper is not part of what the loop *is*,
so the aligner sees ``for epoch in range(n)``, which is what older versions say.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from florc.syntax.flor import FlorImports, flor_calls
from florc.syntax.tree import StatementTree, Stmt


@dataclass(frozen=True, eq=False)
class Site:
    """One statement to propagate."""

    stmt: Stmt
    key: str

    @property
    def line(self) -> int:
        return self.stmt.first_line


@dataclass(frozen=True)
class BadSite:
    """A flor.log call that cannot be propagated, with the reason."""

    line: int
    column: int
    reason: str


def _is_flor_statement(stmt: Stmt, imports: FlorImports) -> bool:
    if stmt.compound:
        return False
    node = stmt.node
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and \
        imports.qualified(node.value.func) is not None


def _only_flor(stmt: Stmt, imports: FlorImports) -> bool:
    if not stmt.compound:
        return _is_flor_statement(stmt, imports)
    if stmt.kind in ("def", "class", "for", "while", "try"):
        return False
    return all(_only_flor(child, imports) for block in stmt.blocks for child in block.stmts)


def find_sites(tree: StatementTree, imports: FlorImports) -> tuple[list[Site], list[BadSite]]:
    """Every statement of ``tree`` that logs with flor, outermost statement per call."""
    sites: list[Site] = []
    bad: list[BadSite] = []
    seen: set[int] = set()
    for stmt in tree.statements:
        if stmt.compound:
            continue
        for call in flor_calls(stmt.node, imports):
            if call.function != "log":
                continue
            if call.key is None:
                bad.append(BadSite(call.line, call.column, "the key of flor.log is not a string literal"))
                continue
            top = stmt
            parent = stmt.parent.owner
            while parent is not None and _only_flor(parent, imports):
                top = parent
                parent = parent.parent.owner
            if top.order not in seen:
                seen.add(top.order)
                sites.append(Site(top, call.key))
            break
    return sites, bad


def logged_keys(tree: StatementTree, imports: FlorImports) -> set[str]:
    """Keys a version already logs."""
    keys: set[str] = set()
    for stmt in tree.statements:
        if not stmt.compound:
            for call in flor_calls(stmt.node, imports):
                if call.function == "log" and call.key is not None:
                    keys.add(call.key)
    return keys


def wrapper_names(imports: FlorImports) -> frozenset[str]:
    """Tokens that name ``flor.loop`` / ``flor.arg`` in a module."""
    names = {f"{m}.{f}" for m in imports.modules for f in ("loop", "arg")}
    names |= {local for local, f in imports.functions if f in ("loop", "arg")}
    return frozenset(names)


def strip_wrappers(tokens: tuple[str, ...], names: frozenset[str]) -> tuple[str, ...]:
    """``flor.loop("epoch", X)`` and ``flor.arg("lr", X)`` become ``X`` in a token sequence.

    >>> strip_wrappers(("for", "e", "in", "flor.loop", "(", "'e", ",", "range", "(", "3", ")", ")"),
    ...                frozenset({"flor.loop"}))
    ('for', 'e', 'in', 'range', '(', '3', ')')
    """
    if not names or not any(t in names for t in tokens):
        return tokens  # the same object: callers may test identity for "unchanged"
    out = list(tokens)
    i = 0
    while i < len(out):
        if out[i] in names and i + 3 < len(out) and out[i + 1] == "(" and out[i + 3] == ",":
            depth = 0
            close = None
            for j in range(i + 1, len(out)):
                if out[j] in ("(", "[", "{"):
                    depth += 1
                elif out[j] in (")", "]", "}"):
                    depth -= 1
                    if depth == 0:
                        close = j
                        break
            if close is not None:
                out = out[:i] + out[i + 4 : close] + out[close + 1 :]
                continue
        i += 1
    return tuple(out)


__all__ = ["BadSite", "Site", "find_sites", "logged_keys", "strip_wrappers", "wrapper_names"]
