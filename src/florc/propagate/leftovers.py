"""Step 4 of the alignment: leftovers, matched wherever they are.

Unmatched simple statements that are very similar to exactly one unmatched old statement (and
the other way round) are the same statement: code moved between functions. Before that, a
statement that alone on each side calls the same thing or binds the same target is matched if
at all alike."""

from __future__ import annotations

import ast
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

from florc.propagate.defs import dotted, enclosing_def, undoes
from florc.propagate.recovery import constant_step
from florc.propagate.similarity import dice, words
from florc.syntax.scope import target_paths
from florc.syntax.tokens import is_path
from florc.syntax.tree import Stmt

if TYPE_CHECKING:
    from florc.propagate.align import Aligner

T = TypeVar("T")

LEFTOVER_THRESHOLD = 0.65
LEFTOVER_MARGIN = 0.1
UNIQUE_KEY_THRESHOLD = 0.45
AUG_KEY_THRESHOLD = 0.3


def leftovers(al: Aligner) -> None:
    # the phase is a function of the matches so far: with none since its last run it
    # would find nothing new
    if len(al.n2o) == al.leftovers_at:
        return
    try:
        _leftovers(al)
    finally:
        al.leftovers_at = len(al.n2o)


def _leftovers(al: Aligner) -> None:
    unique_keys(al)
    counters(al)
    olds = [b for b in al.old.statements if not b.compound and b not in al.o2n]
    # the global search is the expensive phase: only for what placement may ask about
    news = [a for a in al.new_stmts if not a.compound and a not in al.n2o and a in al.focus]
    if not olds or not news:
        return
    index: dict[str, list[Stmt]] = defaultdict(list)
    for b in olds:
        for t in set(_names(al.tokens[b])):
            index[t].append(b)
    best_for_old: dict[Stmt, tuple[float, Stmt]] = {}
    proposals: list[tuple[Stmt, Stmt, float]] = []
    for a in news:
        names = set(_names(tuple(al.renames.rename_token(t) if is_path(t) else t for t in al.tokens[a])))
        pool: dict[int, Stmt] = {}
        for t in sorted(names, key=lambda t: len(index.get(t, ()))):
            for b in index.get(t, ())[:64]:
                pool[id(b)] = b
            if len(pool) > 64:
                break
        floor = LEFTOVER_THRESHOLD - LEFTOVER_MARGIN
        scored = sorted(((al.sim(a, b, floor), b) for b in pool.values()), key=lambda p: -p[0])
        if not scored or scored[0][0] < LEFTOVER_THRESHOLD:
            continue
        if len(scored) > 1 and scored[0][0] - scored[1][0] < LEFTOVER_MARGIN:
            # an old copy whose container has a counterpart holding the same statement word
            # for word is that statement's, not a rival (the periodic `save_checkpoint(step)`
            # in the loop, the final one after it)
            scored = [(s, b) for s, b in scored if not _twin_at_home(al, b, al.o2n, al.n2o, a)] or scored
        if len(scored) > 1 and scored[0][0] - scored[1][0] < LEFTOVER_MARGIN:
            # copies in several functions (`data_batch = next(data_loader)` in `train()` and
            # `val()`): the one in the counterpart of the statement's own function, if alone
            own = _in_own_function(al, a, scored)
            if not own or own[0][0] < scored[0][0] - LEFTOVER_MARGIN or \
                    len(own) > 1 and own[0][0] - own[1][0] < LEFTOVER_MARGIN:
                continue
            scored = own
        s, b = scored[0]
        proposals.append((a, b, s))
        if b not in best_for_old or best_for_old[b][0] < s:
            best_for_old[b] = (s, a)
    if not proposals:
        return
    # the other direction: `a` must also be clearly the best unmatched new statement for `b`
    rindex: dict[str, list[Stmt]] = defaultdict(list)
    for a in al.new_stmts:
        if not a.compound and a not in al.n2o:
            for t in set(_names(tuple(al.renames.rename_token(t) if is_path(t) else t
                                      for t in al.tokens[a]))):
                rindex[t].append(a)
    floor = LEFTOVER_THRESHOLD - LEFTOVER_MARGIN
    for a, b, s in proposals:
        if best_for_old[b][1] is not a or a in al.n2o or b in al.o2n:
            continue
        rivals: dict[int, Stmt] = {}
        for t in sorted(set(_names(al.tokens[b])), key=lambda t: len(rindex.get(t, ()))):
            for r in rindex.get(t, ())[:64]:
                if r is not a:
                    rivals[id(r)] = r
            if len(rivals) > 64:
                break
        if any(al.sim(r, b, floor) > s - LEFTOVER_MARGIN and (not copy_elsewhere(al, r, a) or _at_home(al, r, b))
               and not _twin_at_home(al, r, al.n2o, al.o2n, b) for r in rivals.values()):
            continue
        al.match(a, b)


def _twin_at_home(al: Aligner, stmt: Stmt, counterparts: dict[Stmt, Stmt], taken: dict[Stmt, Stmt],
                  other: Stmt) -> bool:
    """Whether the counterpart of ``stmt``'s block holds an unmatched statement other than
    ``other`` with the tokens of ``stmt`` (``counterparts`` and ``taken`` are the maps from
    ``stmt``'s side and from the other side)."""
    owner = stmt.parent.owner
    counterpart = counterparts.get(owner) if owner is not None else None
    if counterpart is None:
        return False
    tokens = al.tokens[stmt]
    return any(k is not other and not k.compound and k not in taken and al.tokens[k] == tokens
               for block in counterpart.blocks if block.role == stmt.parent.role for k in block.stmts)


def _at_home(al: Aligner, new: Stmt, old: Stmt) -> bool:
    """Whether the nearest statement around ``new`` that has a counterpart (a function, a loop)
    has one around ``old``: a copy there is no mere copy (`self.validate(...)` kept in the epoch
    loop, copied today into `train()`'s batch loop)."""
    around = next((a for a in new.ancestors() if a in al.n2o), None)
    return around is not None and around.kind != "class" and al.n2o[around] in set(old.ancestors())


def _in_own_function(al: Aligner, a: Stmt, scored: list[tuple[float, Stmt]]) -> list[tuple[float, Stmt]]:
    """The scored old statements that lie in the counterpart of ``a``'s function."""
    fa = enclosing_def(a)
    fb = al.n2o.get(fa) if fa is not None else None
    if fb is None:
        return []
    return [(s, b) for s, b in scored if enclosing_def(b) is fb]


def unique_keys(al: Aligner) -> None:
    """Unmatched statements that alone on each side call the same thing or bind the same
    target (``torch.save(...)``, ``scaler = ...``) are the same statement if at all alike."""
    if al.old_keys is None:
        al.old_keys = defaultdict(list)
        for b in al.old.statements:
            if not b.compound:
                k = statement_key(al, b)
                if k:
                    al.old_keys[k].append(b)
    if al.new_keys is None:
        # uniqueness on the new side is judged on the names as written (renames only map
        # new names to old ones, they do not make two new statements alike)
        al.new_keys = Counter(k for a in al.new_stmts if not a.compound and (k := statement_key(al, a)))
    for a in al.new_stmts:
        if a.compound or a in al.n2o or a not in al.focus:
            continue
        raw = statement_key(al, a)
        if not raw or al.new_keys[raw] != 1:
            continue
        # an update (`x += ...`) is known by its own name: `batch_loss += loss.item()` is
        # not `n_batches += 1` because one call passes them in the same position
        k = raw if raw.startswith("aug ") else statement_key(al, a, al.renames.rename_token)
        os_ = al.old_keys.get(k or "", [])
        if not os_ and k == raw and raw.startswith("aug "):
            # a local accumulator kept on the object today, or the other way round
            # (`elapsed += t` before, `self.elapsed += t` today, to be checkpointed)
            os_ = al.old_keys.get(_self_or_local(raw), [])
        if len(os_) != 1 or os_[0] in al.o2n or undoes(a.node, os_[0].node):
            continue
        b = os_[0]
        # an accumulator (`n += ...`) of the same name updated once on each side is updated
        # for the same reason, however the increment is written (`tokens.numel()`,
        # `current_num_tokens`); a rename learnt elsewhere is not enough for that
        threshold = AUG_KEY_THRESHOLD if k == raw and raw.startswith("aug ") else UNIQUE_KEY_THRESHOLD
        if dice(al.new_bag(a, b), al.old_bag(b)) >= threshold:
            al.match(a, b)


def counters(al: Aligner) -> None:
    """A counter advanced the same way on each side under names whose words one contains the
    other's (``self._train_step += 1`` today, ``self.current_train_step += 1`` before) is the
    same counter, when neither side has another such counter to pair with."""
    if al.counters is None:
        al.counters = (_counters(al.new_stmts), _counters(al.old.statements))
    news = [c for c in al.counters[0] if c[0] not in al.n2o]
    olds = [c for c in al.counters[1] if c[0] not in al.o2n]
    if not news or not olds:
        return

    def related(x: tuple[Stmt, str, set[str]], y: tuple[Stmt, str, set[str]]) -> bool:
        return x[1] == y[1] and x[2] != y[2] and (x[2] <= y[2] or y[2] <= x[2])

    for a, b in only_partners([n for n in news if n[0] in al.focus], olds, related, lambda c: c[1], news):
        al.match(a[0], b[0])


def only_partners(news: list[T], olds: list[T], related: Callable[[T, T], bool], key: Callable[[T], object],
                  rivals: list[T] | None = None) -> Iterator[tuple[T, T]]:
    """The pairs of a new and an old item each related to the other alone (``rivals``, the
    new items the old one may also relate to, default ``news``); only items of one ``key``
    can be related."""
    by_key: dict[object, list[T]] = defaultdict(list)
    for b in olds:
        by_key[key(b)].append(b)
    rivals_by_key: dict[object, list[T]] = defaultdict(list)
    for x in news if rivals is None else rivals:
        rivals_by_key[key(x)].append(x)
    for a in news:
        found = [b for b in by_key.get(key(a), ()) if related(a, b)]
        if len(found) == 1 and [x for x in rivals_by_key[key(a)] if related(x, found[0])] == [a]:
            yield a, found[0]


def _counters(stmts: list[Stmt]) -> list[tuple[Stmt, str, set[str]]]:
    return [(stmt, *c) for stmt in stmts if not stmt.compound and (c := _counter(stmt.node)) is not None]


def _counter(node: ast.stmt) -> tuple[str, set[str]] | None:
    """How an update of one name or attribute of ``self`` advances it by a constant (``+ 1``),
    and the words of that name, when they include one of three letters or more. (Not an
    accumulator, `batch_train_loss += loss.item()`, which is not the old `train_loss +=
    loss.item()` for its name: the epoch's total is another sum.)"""
    step = constant_step(node)
    if step is None:
        return None
    path, op, value = step
    if path.count(".") > (1 if path.startswith("self.") else 0):
        return None
    name = words(path.rpartition(".")[2])
    if not any(len(w) > 2 for w in name):
        return None
    # (an attribute of the object and a local are two counters: `step += 1` counts batches,
    # `self.global_step += 1` optimizer steps)
    kind = "self" if "." in path else "local"
    return f"{kind} {op} {value!r}", set(name)


def _self_or_local(key: str) -> str:
    """``aug self.x`` for ``aug x`` and the other way round (a one-target key)."""
    kind, _, path = key.partition(" ")
    if path.startswith("self.") and path.count(".") == 1:
        return f"{kind} {path[5:]}"
    return f"{kind} self.{path}" if path.isidentifier() else ""


def statement_key(al: Aligner, stmt: Stmt, rename: Callable[[str], str] | None = None) -> str | None:
    """What a statement calls (``call torch.save``) or binds (``assign scaler``), from its
    syntax tree (no tokens needed), under ``rename`` when given."""
    raw = al.raw_keys.get(stmt)
    if raw is None:
        raw = _raw_key(stmt.node)
        al.raw_keys[stmt] = raw
    if not raw[1]:
        return None
    paths = raw[1] if rename is None else tuple(rename(p) for p in raw[1])
    return raw[0] + " " + " ".join(paths)


def copy_elsewhere(al: Aligner, rival: Stmt, a: Stmt) -> bool:
    """Whether ``rival`` is a copy of ``a`` made today in a function without a site, ``a``
    being in a site's function: the code of one old function duplicated into several
    (`update()` of the plain, AMP and TPU training steps), the site's copy keeps the old
    statements."""
    fa = enclosing_def(a)
    if fa is None or id(fa) not in al.site_defs:
        return False
    fr = enclosing_def(rival)
    return (fr is None or id(fr) not in al.site_defs) and al.tokens.key(rival) == al.tokens.key(a)


def _raw_key(node: ast.stmt) -> tuple[str, tuple[str, ...]]:
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        path = dotted(node.value.func)
        return ("call", (path,)) if path else ("", ())
    if isinstance(node, ast.Assign):
        targets = tuple(".".join(p) for t in node.targets for p in target_paths(t))
        return "assign", targets
    if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        kind = "aug" if isinstance(node, ast.AugAssign) else "assign"
        return kind, tuple(".".join(p) for p in target_paths(node.target))
    return "", ()


def _names(tokens: tuple[str, ...]) -> Iterator[str]:
    for t in tokens:
        if is_path(t):
            yield from t.split(".")


__all__ = ["leftovers", "only_partners"]
