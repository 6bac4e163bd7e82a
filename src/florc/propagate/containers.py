"""Step 3 of the alignment: compound statements, bottom up.

An unmatched compound statement is matched to the unmatched old compound statement of a
compatible kind that holds most images of its descendants, weighed with the similarity of the
headers; a loop over the same variable, alone of its kind on each side, is the same loop."""

from __future__ import annotations

import ast
import keyword
from collections import defaultdict
from typing import TYPE_CHECKING

from florc.propagate.blocks import compatible
from florc.propagate.defs import def_name
from florc.propagate.leftovers import only_partners
from florc.propagate.recovery import COMPOUND_THRESHOLD
from florc.propagate.similarity import Bag, bag, dice, words
from florc.syntax.scope import function_params
from florc.syntax.tokens import is_path
from florc.syntax.tree import Stmt

if TYPE_CHECKING:
    from florc.propagate.align import Aligner

LOOP_HEADER_THRESHOLD = 0.5
# a condition or loop is what its header says: containers need this much header in common
CONTAINER_HEADER_MIN = 0.25
# an `if`/`else` whose arms hold counterparts only in the same arms of an old one is that one,
# however little else of it has a counterpart yet
ARMS_AGREE = 0.5
# a loop rewritten whose body's counterparts all lie in one old loop needs this many of them
BODY_AGREES_MIN = 3


def bottom_up(al: Aligner) -> None:
    for a in reversed(al.new_stmts):  # reverse preorder: children before parents
        if not a.compound or a in al.n2o:
            continue
        candidates: dict[int, Stmt] = {}
        inline_body = inlined(al, a)
        for d in al.desc(a) + inline_body:
            img = al.n2o.get(d)
            if img is None:
                continue
            for anc in img.ancestors():
                if anc not in al.o2n and compatible(a, anc):
                    candidates[id(anc)] = anc
        best: Stmt | None = None
        best_score = COMPOUND_THRESHOLD
        stored = stored_condition(al, a) if candidates else None
        for b in candidates.values():
            header = dice(al.new_bag(a), al.old_bag(b))
            if stored is not None:
                header = max(header, dice(stored, al.old_bag(b)))
            agree = _arms_agree(al, a, b) or len(candidates) == 1 and _body_agrees(al, a, b)
            if a.kind in ("if", "while", "for", "with") and header < CONTAINER_HEADER_MIN and not agree:
                continue
            inside = al.desc_dice(a, b) if not inline_body else inlined_dice(al, a, inline_body, b)
            s = max(0.6 * inside + 0.4 * header, ARMS_AGREE if agree else 0.0)
            if s > best_score and not _ancestor_claims(al, a, b, header, s):
                best, best_score = b, s
        if best is not None:
            al.match(a, best)
    match_loops_by_header(al)
    match_renamed_functions(al)


def _arms_agree(al: Aligner, a: Stmt, b: Stmt) -> bool:
    """Whether an `if`/`else` and an old one have images of each arm's statements in the same
    arm, and in none other: the condition was renamed (`if self.use_amp:` today, `if
    self.cfg.get('fp16', False):` before), what each arm does is still the same."""
    if a.kind != "if" or b.kind != "if" or len(a.blocks) != 2 or len(b.blocks) != 2:
        return False
    for i, arm in enumerate(a.blocks):
        arms_hit: set[int] = set()
        for kid in al.kids(arm):
            for d in (kid, *kid.descendants()):
                img = al.n2o.get(d)
                if img is None:
                    continue
                chain = [img, *img.ancestors()]
                hit = next((k for k, bb in enumerate(b.blocks) for s in chain if s.parent is bb), None)
                if hit is not None:
                    arms_hit.add(hit)
        if arms_hit != {i}:
            return False
    return True


def _body_agrees(al: Aligner, a: Stmt, b: Stmt) -> bool:
    """Whether a loop and an old one in the counterpart of its block hold each other's
    counterparts only, at least ``BODY_AGREES_MIN`` of them: the loop was rewritten (`for m in
    range(num_batch):` slicing arrays before, `for x_batch, y_batch in dataloader:` today),
    what it runs is still the same."""
    if a.kind not in ("for", "while") or b.kind not in ("for", "while"):
        return False
    owner, old_owner = a.parent.owner, b.parent.owner
    if owner is None or old_owner is None or al.n2o.get(owner) is not old_owner:
        return False
    new_inside, old_inside = set(a.descendants()), set(b.descendants())
    images = [img for d in new_inside if (img := al.n2o.get(d)) is not None]
    if len(images) < BODY_AGREES_MIN or any(img not in old_inside for img in images):
        return False
    return not any((pre := al.o2n.get(d)) is not None and pre not in new_inside for d in old_inside)


def _ancestor_claims(al: Aligner, a: Stmt, b: Stmt, header: float, score: float) -> bool:
    """Whether an unmatched statement around ``a`` is a better counterpart for ``b``, with a
    header at least as close: a loop added today inside an old one (`for n in
    range(self._discriminator_steps):` in the step loop) does not take the step loop's
    counterpart, whose header is the step loop's word for word."""
    for anc in a.ancestors():
        if anc.kind in ("def", "class"):
            return False
        if anc in al.n2o or not compatible(anc, b):
            continue
        theirs = dice(al.new_bag(anc), al.old_bag(b))
        if theirs >= header and 0.6 * al.desc_dice(anc, b) + 0.4 * theirs > score:
            return True
    return False


def stored_condition(al: Aligner, stmt: Stmt) -> Bag | None:
    """The header of ``if flag:`` with the condition ``flag`` was assigned before it in
    the same function (``do_sync_step = step % accum == 0 or last``, ``last`` itself a
    stored condition): today's name for a condition the old version writes in its ``if``."""
    test = stmt.node.test if isinstance(stmt.node, (ast.If, ast.While)) else None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if not isinstance(test, ast.Name):
        return None
    value = _stored_value(al, stmt, test.id, 2)
    if value is None:
        return None
    return bag(tuple(t for t in al.renamed(stmt) if t != test.id) + value)


def _stored_value(al: Aligner, stmt: Stmt, name: str, depth: int) -> tuple[str, ...] | None:
    """The tokens of the value last assigned to ``name`` by ``name = ...`` before
    ``stmt`` in its function, with the names in it that are stored the same way expanded
    (``depth`` levels)."""
    current = stmt
    while True:
        for prev in reversed(current.parent.stmts[: current.index]):
            node = prev.node
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                    isinstance(node.targets[0], ast.Name) and node.targets[0].id == name:
                value = al.renamed(prev)[2:]  # without `name =`
                if depth <= 1:
                    return value
                out: list[str] = []
                for t in value:
                    inner = _stored_value(al, prev, t, depth - 1) \
                        if t.isidentifier() and not keyword.iskeyword(t) and t != name else None
                    out.extend(inner if inner is not None else (t,))
                return tuple(out)
        owner = current.parent.owner
        if owner is None or owner.kind in ("def", "class"):
            return None
        current = owner


def inlined(al: Aligner, stmt: Stmt) -> list[Stmt]:
    """The statements with a counterpart in the bodies of the functions new today (no
    counterpart, no old namesake) that the simple statements inside ``stmt`` call: ``if
    validate: logs = self._eval_epoch(...)`` holds, as far as the old version can show, the
    evaluation loop that was inline there."""
    if stmt.kind in ("def", "class"):
        return []
    out: list[Stmt] = []
    for d in al.desc(stmt):
        if d.compound or d in al.n2o:
            continue
        fn = al.local_callee(d, al.new_defs)
        if fn is not None and fn.kind == "def" and fn not in al.n2o and not al.old_defs.get(def_name(fn)) \
                and fn not in set(stmt.ancestors()):
            # only a body that mostly has counterparts was inline before (a helper that is
            # new code, `_clear_memory()`, or gathers pieces from several places,
            # `optimizers_step()`, says nothing about where its caller was), and only what
            # has a counterpart counts
            body = al.desc(fn)
            imaged = [x for x in body if x in al.n2o]
            if 2 * len(imaged) >= len(body):
                out.extend(imaged)
    return out


def inlined_dice(al: Aligner, a: Stmt, inline_body: list[Stmt], b: Stmt) -> float:
    """``desc_dice`` with the bodies of the new functions ``a`` calls counted as inside it."""
    db = al.desc(b)
    inside = al.desc_ids.get(b)
    if inside is None:
        inside = {id(d) for d in db}
        al.desc_ids[b] = inside
    da = al.desc(a) + inline_body
    common = sum(1 for d in da if id(al.n2o.get(d)) in inside)
    return 2.0 * common / (len(da) + len(db)) if da or db else 0.0


def match_loops_by_header(al: Aligner) -> None:
    """Loops over the same variable, alone of their kind on each side, are the same loop."""
    def key(stmt: Stmt, tokens: tuple[str, ...]) -> str | None:
        if stmt.kind == "for" and "in" in tokens:
            return " ".join(tokens[1 : tokens.index("in")])
        return None

    new_loops: dict[str, list[Stmt]] = defaultdict(list)
    old_loops: dict[str, list[Stmt]] = defaultdict(list)
    for a in al.new_stmts:
        if a.kind == "for":
            k = key(a, tuple(al.renames.rename_token(t) if is_path(t) else t for t in al.tokens[a]))
            if k:
                new_loops[k].append(a)
    for b in al.old.statements:
        if b.kind == "for":
            k = key(b, al.tokens[b])
            if k:
                old_loops[k].append(b)
    for k, ns in new_loops.items():
        os_ = old_loops.get(k, [])
        if len(ns) == 1 and len(os_) == 1:
            a, b = ns[0], os_[0]
            if a in al.n2o or b in al.o2n:
                continue
            if dice(al.new_bag(a), al.old_bag(b)) >= LOOP_HEADER_THRESHOLD:
                al.match(a, b)


def match_renamed_functions(al: Aligner) -> None:
    """A function renamed by a word put in or taken out (`train_one_step` before, `train_step`
    today), with the same parameters, in blocks that correspond, is the same function when
    neither side has another function so named to pair with: what both run is still to be
    aligned, and copies of one line in several functions (`_, loss, metrics =
    self.model_fn(data)` in the training and the validation step) need to know which is which.
    The shorter name has two words at least: `train` is in `train_one_epoch` and in
    `train_one_step` alike."""
    def functions(defs: dict[str, list[Stmt]], matched: dict[Stmt, Stmt]) -> list[tuple[Stmt, set[str], list[str]]]:
        out = []
        for name, fns in defs.items():
            for f in fns:
                if f not in matched and isinstance(f.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    out.append((f, set(words(name)), [a.arg for a in f.node.args.args]))
        return out

    news = functions(al.new_defs, al.n2o)
    olds = functions(al.old_defs, al.o2n)

    def related(x: tuple[Stmt, set[str], list[str]], y: tuple[Stmt, set[str], list[str]]) -> bool:
        small, large = sorted((x[1], y[1]), key=len)
        return x[2] == y[2] and x[1] != y[1] and len(small) >= 2 and small <= large and \
            _homes_correspond(al, x[0].parent.owner, y[0].parent.owner)

    # (the functions placement asks about: those holding a site's neighbours)
    mine = [f for f in news if f[0] in al.focus_compound_set]
    for a, b in only_partners(mine, olds, related, lambda f: tuple(f[2]), news):
        al.match(a[0], b[0])


def match_moved_functions(al: Aligner) -> None:
    """A function of the module today and a method of a class before, or the other way round,
    of one name that neither side gives anything else, sharing at least half of the parameters
    besides the object's (`def _run_trial(study, func, catch)` today, `def _run_trial(self,
    func, catch, gc_after_trial)` in `class Study` before), is that method moved out of its
    class: what both run is still to be aligned, and the module function's first parameter is
    the object the method knew as `self`."""
    for name, fns in al.new_defs.items():
        olds = al.old_defs.get(name, [])
        if len(fns) != 1 or len(olds) != 1:
            continue
        a, b = fns[0], olds[0]
        if a in al.n2o or b in al.o2n or a not in al.focus_compound_set:
            continue
        method, function = (b, a) if a.parent.owner is None else (a, b)
        if method.parent.owner is None or method.parent.owner.kind != "class" or function.parent.owner is not None:
            continue
        own, others = function_params(method.node)[1:], function_params(function.node)
        shared = set(own) & set(others)
        if shared and 2 * len(shared) >= min(len(own), len(others)):
            al.match(a, b)


def _homes_correspond(al: Aligner, new: Stmt | None, old: Stmt | None) -> bool:
    """Whether two functions live in corresponding places: both in their modules, in classes
    that correspond, or in two classes neither of which has a counterpart (`class Tez:` today,
    `class Model(nn.Module):` before)."""
    if new is None or old is None:
        return new is None and old is None
    if new in al.n2o or old in al.o2n:
        return al.n2o.get(new) is old
    return new.kind == old.kind == "class"


__all__ = ["bottom_up", "match_moved_functions"]
