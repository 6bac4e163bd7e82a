"""Step 2 of the alignment: recovery inside corresponding blocks.

For every pair of corresponding blocks, the unmatched statements between consecutive matched
ones are aligned in order, by dynamic programming over their similarity. The pairs of blocks
are those of matched compound statements, the two modules, a ``with``/``try`` or one-armed
``if`` added today around old code (transparent), a new block whose statements mostly landed in
one old block, and the body of a function new today with the old statements that held it
inline. Functions alone with their name in a gap are paired before the rest of it."""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from florc.propagate.blocks import compatible, negated, pair_blocks
from florc.propagate.defs import callee_name, def_name, dotted, enclosing_def, outer_call, plain_target
from florc.propagate.similarity import dice
from florc.syntax.scope import written_paths
from florc.syntax.tree import Block, Stmt

if TYPE_CHECKING:
    from florc.propagate.align import Aligner

SIMPLE_THRESHOLD = 0.5
COMPOUND_THRESHOLD = 0.45
LONE_GAP_THRESHOLD = 0.35
# how much more of its header a wrapped statement must share than its wrapper does
WRAPPER_MARGIN = 0.25


def block_pairs(al: Aligner) -> tuple[list[tuple[Block, Block]], list[tuple[Block, Block]]]:
    """The pairs of corresponding blocks known before recovery: those of matched statements
    and of transparent ones, then, weaker, those that votes of their statements say."""
    pairs: list[tuple[Block, Block]] = [(al.new.root, al.old.root)]
    paired_new: set[int] = {id(al.new.root)}
    for a in al.focus_compounds:
        b = al.n2o.get(a)
        if b is None or not a.compound or not b.compound:
            continue
        for ba, bb in pair_blocks(a, b):
            pairs.append((ba, bb))
            paired_new.add(id(ba))
    # a `with` or `try` added today around old code is transparent: its body corresponds
    # to the old block that the block around it corresponds to (`with grad_sync:` around
    # the forward and backward, `try:` around a step to catch out-of-memory errors); so is
    # a one-armed `if` added today, unless recovery finds it a counterpart first (`if
    # self._summary_writer is not None:` around the old unconditional summary call)
    k = 0
    while k < len(pairs):
        ba, bb = pairs[k]
        k += 1
        for kid in al.kids(ba):
            if (kid.kind in ("with", "try") or kid.kind == "if" and len(kid.blocks) == 1) and \
                    kid not in al.n2o and kid.blocks and \
                    id(kid.blocks[0]) not in paired_new and kid in al.focus_compound_set:
                pairs.append((kid.blocks[0], bb))
                if kid.kind != "if":  # an `if` may still correspond to another old block
                    paired_new.add(id(kid.blocks[0]))
    by_votes: list[tuple[Block, Block]] = []
    # a new block whose statements mostly live in one old block corresponds to it (not a
    # statement that is in another function that both versions have: a line of `main()` that
    # is also, word for word, in the old `fit()` says nothing about where `main()` was)
    for a in al.focus_compounds:
        for ba in a.blocks:
            if id(ba) in paired_new:
                continue
            votes: Counter[int] = Counter()
            blocks: dict[int, Block] = {}
            for kid in al.kids(ba):
                img = al.n2o.get(kid)
                if img is not None and not al.result.elsewhere(kid, img):
                    votes[id(img.parent)] += 1
                    blocks[id(img.parent)] = img.parent
            if votes:
                key, count = votes.most_common(1)[0]
                by_votes.append((ba, blocks[key]))
                # the mirror of a transparent `with`: an old `with` gone today held part of
                # what the block holds, and the block around it the rest (`with
                # tf.GradientTape() as tape:` around the forward pass, the update after it;
                # today's `tf.gradients` needs no tape)
                owner = blocks[key].owner
                if owner is not None and owner.kind in ("with", "try") and owner not in al.o2n:
                    by_votes.append((ba, owner.parent))
    return pairs, by_votes


def inline_gaps(al: Aligner) -> list[tuple[Block, list[Stmt]]]:
    """Functions new today whose body was inline where they are called, each with the old
    statements that held it: those between the counterparts of the neighbours of its first
    call (`run_epoch()` called for the training and the validation set was two inline loops).
    Only statements between those neighbours: the caller's own statements keep their
    counterparts."""
    out: list[tuple[Block, list[Stmt]]] = []
    for fn in al.focus_compounds:
        kids = al.kids(fn.blocks[0]) if fn.blocks else []
        # (one statement of it matched elsewhere, `self.train_state = VALID_EPOCH_END` set by
        # the old caller after the call, leaves the rest where it was inline)
        if fn.kind != "def" or fn in al.n2o or not kids or al.old_defs.get(def_name(fn)) or \
                2 * sum(1 for k in kids if k in al.n2o) >= len(kids):
            continue
        # (not a call in its own body: `def log(self, **logs): self.accelerator.log(logs)`
        # hands on to another object's `log`)
        call = next((s for s in al.new_stmts if not s.compound and s not in al.n2o
                     and al.local_callee(s, al.new_defs) is fn and fn not in set(s.ancestors())), None)
        if call is None:
            continue
        # a call under a condition new today (`if n > 1: self._fit_n(...) else: ...`) stands
        # where that condition stands
        call, old_block = _call_site(call, al.n2o, al.old.root, new_side=True)
        if old_block is None:
            continue
        ys = al.kids(old_block)
        at = {id(y): j for j, y in enumerate(ys)}
        xs = al.kids(call.parent)
        i = next(k for k, x in enumerate(xs) if x is call)
        lo = _nearest_counterpart(reversed(xs[:i]), al.n2o, at, -1)
        hi = _nearest_counterpart(xs[i + 1:], al.n2o, at, len(ys))
        if lo < hi:
            out.append((fn.blocks[0], ys[lo + 1 : hi]))
    return out


def inlined_gaps(al: Aligner) -> list[tuple[Block, list[Stmt]]]:
    """Old functions gone today whose one call's place holds their body today, each with the
    new statements before the counterpart of that call's next neighbour (xgboost's `train()`
    returned `_train_internal(...)`, whose boosting loop is inline in `train()` today): the
    mirror of ``inline_gaps``."""
    out: list[tuple[Block, list[Stmt]]] = []
    gone = [fns[0] for name, fns in al.old_defs.items() if len(fns) == 1 and name not in al.new_defs and
            fns[0] not in al.o2n and fns[0].blocks and not any(k in al.o2n for k in al.kids(fns[0].blocks[0]))]
    calls: dict[int, list[Stmt]] = {}
    for s in al.old.statements if gone else ():
        callee = None if s.compound or s in al.o2n else al.local_callee(s, al.old_defs)
        if callee is not None:
            calls.setdefault(id(callee), []).append(s)
    for fn in gone:
        if len(calls.get(id(fn), ())) != 1:
            continue
        call, new_block = _call_site(calls[id(fn)][0], al.o2n, al.new.root, new_side=False)
        if new_block is None:
            continue
        xs = al.kids(new_block)
        at = {id(x): i for i, x in enumerate(xs)}
        ys = al.kids(call.parent)
        j = next(k for k, y in enumerate(ys) if y is call)
        # up to the counterpart of the call's next neighbour: the statements before the call
        # often moved past it today (the old callbacks set up before `_train_internal()`, read
        # after the loop today), so those of them that still have no counterpart count too
        hi = _nearest_counterpart(ys[j + 1:], al.o2n, at, len(xs))
        out.append((fn.blocks[0], xs[:hi]))
    return out


def _nearest_counterpart(stmts: Iterable[Stmt], counterpart: dict[Stmt, Stmt], at: dict[int, int],
                         default: int) -> int:
    """The position, by ``at``, of the counterpart of the first of ``stmts`` that has one there."""
    return next((at[id(counterpart[s])] for s in stmts if s in counterpart and id(counterpart[s]) in at), default)


def _call_site(call: Stmt, counterpart: dict[Stmt, Stmt], other_root: Block,
               new_side: bool) -> tuple[Stmt, Block | None]:
    """The statement that stands for ``call`` (itself, or the condition without counterpart
    around it) and the block of the other version that corresponds to the block holding it."""
    while call.parent.owner is not None and call.parent.owner.kind not in ("def", "class") and \
            call.parent.owner not in counterpart:
        call = call.parent.owner
    return call, _counterpart_block(call.parent, counterpart, other_root, new_side)


def _counterpart_block(block: Block, counterpart: dict[Stmt, Stmt], other_root: Block,
                       new_side: bool) -> Block | None:
    """The block of the other version that corresponds to ``block``, by its owner's counterpart."""
    owner = block.owner
    if owner is None:
        return other_root
    img = counterpart.get(owner)
    if img is None or not img.compound:
        return None
    pairs = pair_blocks(owner, img) if new_side else [(bb, ba) for ba, bb in pair_blocks(img, owner)]
    return next((other for mine, other in pairs if mine is block), None)


def recover_all(al: Aligner) -> None:
    seen: set[tuple[int, int]] = set()
    strong, by_votes = block_pairs(al)
    # the blocks of matched statements (and those their recovery finds) first: a `fit()`
    # whose statements landed in the old `fit()` of another class does not take the loop
    # of the `fit()` that corresponds to that one
    _recover_queue(al, strong, seen)
    _recover_queue(al, by_votes, seen)
    # after the blocks that correspond, so that a caller's statements keep their own
    for body, ys in inline_gaps(al):
        _recover_inline(al, al.kids(body), ys, seen)
    for old_body, xs in inlined_gaps(al):
        _recover_inline(al, xs, al.kids(old_body), seen)
    for xs, ys in shared_arm_gaps(al):
        _recover_inline(al, xs, ys, seen)


def _copied_arms(al: Aligner, stmt: Stmt) -> list[dict[int, list[Stmt]]] | None:
    """The statements of each arm, by hash, of an `if`/`else` new today whose arms are mostly
    copies of one another: at least half of the simple statements of its smallest arm are in
    every other arm too (`l = self.run_iteration(...)` and `train_losses_epoch.append(l)` with
    a progress bar and without). Not two paths that only share a step (GradNorm's branch and
    the plain one, each ending in `self.optimizer.step()`)."""
    if stmt.kind != "if" or len(stmt.blocks) < 2 or stmt in al.n2o:
        return None
    arms: list[dict[int, list[Stmt]]] = []
    for block in stmt.blocks:
        by_hash: dict[int, list[Stmt]] = {}
        for kid in al.kids(block):
            for s in (kid, *kid.descendants()):
                if s not in al.result.ignored:
                    by_hash.setdefault(al.hash_of(s), []).append(s)
        arms.append(by_hash)
    simple = [{h for h, same in arm.items() if not same[0].compound} for arm in arms]
    smallest = min(simple, key=len)
    shared = [h for h in smallest if all(h in other for other in simple)]
    return arms if smallest and 2 * len(shared) >= len(smallest) else None


def shared_arm_gaps(al: Aligner) -> list[tuple[list[Stmt], list[Stmt]]]:
    """The code that every arm of an `if`/`else` new today holds a copy of, none of them
    matched, with the old statements of the block that corresponds to the one around that
    `if`: the old code the copies stand for (`self._optimizer.apply_gradients(...)` after the
    plain step and after the accumulated one today, once in the old step). Only the shared
    code: the rest of each arm is a path of its own, and the first arm would take the old
    statements of the others (the patience `if` today took the old `if improved:` from the
    `if` that saves the best model)."""
    out: list[tuple[list[Stmt], list[Stmt]]] = []
    for stmt in al.focus_compounds:
        arms = _copied_arms(al, stmt)
        if arms is None:
            continue
        old_block = _counterpart_block(stmt.parent, al.n2o, al.old.root, new_side=True)
        if old_block is None:
            continue
        # the statements right inside one arm that have a copy in every other arm, at any
        # depth there (the plain step's forward and backward, inside `with model.no_sync():`
        # in the other arm), no copy matched; from the arm that has most of them
        found = max(([k for k in al.kids(block) if all(al.hash_of(k) in arm for arm in arms) and
                      not any(o in al.n2o for arm in arms for o in arm[al.hash_of(k)])]
                     for block in stmt.blocks), key=len)
        if found:
            out.append((found, al.kids(old_block)))
    return out


def arm_copies(al: Aligner) -> None:
    """Give a statement of one arm of an `if`/`else` new today the counterpart of its copy in
    another arm. Both arms hold a copy of the old code (`if self.use_progress_bar:` around the
    old batch loop with a progress bar, `else:` around the old loop itself; AMP and plain
    steps), and each copy stands where the old code stood, but the alignment is one-to-one:
    only one copy found the old statement. Copies are statements with the same text, alone
    with it in their arm."""
    for stmt in al.focus_compounds:
        arms = _copied_arms(al, stmt) or []
        for i, arm in enumerate(arms):
            for h, same in arm.items():
                if len(same) != 1 or same[0] in al.n2o:
                    continue
                copies = [other[h] for j, other in enumerate(arms) if j != i and len(other.get(h, [])) == 1]
                images = {id(img): img for copy in copies if (img := al.n2o.get(copy[0])) is not None}
                if len(images) == 1:
                    al.result.copies[same[0]] = next(iter(images.values()))


def _recover_inline(al: Aligner, xs: list[Stmt], ys: list[Stmt], seen: set[tuple[int, int]]) -> None:
    """Align a function's body with the statements of the other version that held it inline."""
    gx = [x for x in xs if x not in al.n2o]
    gy = [y for y in ys if y not in al.o2n]
    found = align_gap(al, gx, gy) if gx and gy else []
    for a, b in found:
        al.match(a, b)
    _recover_queue(al, [p for a, b in found if a.compound and b.compound for p in pair_blocks(a, b)], seen)


def _recover_queue(al: Aligner, queue: list[tuple[Block, Block]], seen: set[tuple[int, int]]) -> None:
    while queue:
        ba, bb = queue.pop(0)
        key = (id(ba), id(bb))
        if key in seen:
            continue
        owner = ba.owner
        if owner is not None and owner.kind == "if" and owner in al.n2o and bb.owner is not al.n2o[owner] and \
                not any(b is bb for _, b in pair_blocks(owner, al.n2o[owner])):
            continue  # an `if` taken as transparent that has found a counterpart since
        seen.add(key)
        if not any(k in al.focus for k in al.kids(ba)):
            continue  # nothing placement will ask about lives here
        for a, b in recover(al, ba, bb):
            if a.compound and b.compound:
                queue.extend(pair_blocks(a, b))


def recover(al: Aligner, ba: Block, bb: Block) -> list[tuple[Stmt, Stmt]]:
    """Align the unmatched statements of two corresponding blocks, in order."""
    xs, ys = al.kids(ba), _segment(al, ba, al.kids(bb))
    if not xs or not ys:
        return []
    y_index = {id(y): j for j, y in enumerate(ys)}
    anchors = [(i, y_index[id(al.n2o[x])]) for i, x in enumerate(xs)
               if x in al.n2o and id(al.n2o[x]) in y_index]
    # the chain that keeps the most statements, not the most anchors: a small statement
    # moved across the block (a `max_steps` check from the top of the loop to its end)
    # must not cut the step's large `if` out of the chain
    chain = _heaviest_increasing(anchors, [xs[i].size for i, _ in anchors])
    found: list[tuple[Stmt, Stmt]] = []
    bounds = [(-1, -1)] + chain + [(len(xs), len(ys))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        gx = [x for x in xs[i0 + 1 : i1] if x not in al.n2o]
        gy = [y for y in ys[j0 + 1 : j1] if y not in al.o2n]
        if gx and gy:
            found.extend(align_gap(al, gx, gy))
    for a, b in found:
        al.match(a, b)
    crossed = _crossed(al, ba, bb, xs, ys)
    for a, b in crossed:
        al.match(a, b)
    return found + crossed


def _crossed(al: Aligner, ba: Block, bb: Block, xs: list[Stmt], ys: list[Stmt]) -> list[tuple[Stmt, Stmt]]:
    """Simple statements left over in the blocks of two matched statements that bind the same
    target and are alike only to each other: one statement moved past its neighbours (`action =
    agent.act(state)` right after the environment step today, after the reward is added up
    before), which the in-order alignment cannot pair. (A block paired by votes or taken as
    transparent is no proof that what is left over in it moved within it.)"""
    if ba.owner is None or al.n2o.get(ba.owner) is not bb.owner:
        return []
    rest_x = [x for x in xs if x not in al.n2o and not x.compound]
    rest_y = [y for y in ys if y not in al.o2n and not y.compound]
    if not rest_x or not rest_y or len(rest_x) * len(rest_y) > 64:
        return []
    alike = {(id(x), id(y)) for x in rest_x for y in rest_y
             if _same_target(al, x, y) and _gap_sim(al, x, y, SIMPLE_THRESHOLD) >= SIMPLE_THRESHOLD}
    out = []
    for x in rest_x:
        mine = [y for y in rest_y if (id(x), id(y)) in alike]
        if len(mine) == 1 and sum(1 for other in rest_x if (id(other), id(mine[0])) in alike) == 1:
            out.append((x, mine[0]))
    return out


def _same_target(al: Aligner, x: Stmt, y: Stmt) -> bool:
    """Whether two statements bind the same thing under the renames (`action = ...` both), or
    bind nothing and call the same function: a statement moved keeps what it does, where two
    stores into two attributes (`it.batch_metrics = ...` / `it.torch_metrics = ...`) are two."""
    tx = {".".join(p) for p in written_paths(x.node)}
    ty = {".".join(p) for p in written_paths(y.node)}
    if tx or ty:
        return {al.renames.rename_token(t) for t in tx} == ty
    cx, cy = outer_call(x.node), outer_call(y.node)
    return cx is not None and cy is not None and callee_name(cx.func) == callee_name(cy.func)


def _segment(al: Aligner, ba: Block, ys: list[Stmt]) -> list[Stmt]:
    """For the body of a statement new today taken as transparent (a one-armed `if`, a `with`,
    a `try` around old code) and the old block around its counterpart place: the old
    statements between the images of its nearest neighbours that have one there. The
    validation `if` added today after the optimizer step holds a `self.log(val_loss=...)`; the
    old `self.log(loss=...)` before the step is not its to take."""
    owner = ba.owner
    if owner is None or owner in al.n2o or not ys:
        return ys
    old_block = ys[0].parent

    def image_index(stmts: Iterable[Stmt]) -> int | None:
        return next((img.index for s in stmts if (img := al.n2o.get(s)) is not None and img.parent is old_block),
                    None)

    siblings = owner.parent.stmts
    low = image_index(reversed(siblings[: owner.index]))
    high = image_index(siblings[owner.index + 1 :])
    low = -1 if low is None else low
    high = len(old_block.stmts) if high is None else high
    return [y for y in ys if low < y.index < high] if low < high else ys


def align_gap(al: Aligner, xs: list[Stmt], ys: list[Stmt]) -> list[tuple[Stmt, Stmt]]:
    named = _namesakes(xs, ys)
    if named:
        # a function is first of all its name: a long `fit()` rewritten over the years is
        # still the `fit()` of its class, wherever the methods around it moved
        taken = {id(s) for pair in named for s in pair}
        rest = _align_gap(al, [x for x in xs if id(x) not in taken], [y for y in ys if id(y) not in taken])
        return named + rest
    return _align_gap(al, xs, ys)


def _namesakes(xs: list[Stmt], ys: list[Stmt]) -> list[tuple[Stmt, Stmt]]:
    """The functions alone with their name on each side."""
    def by_name(stmts: list[Stmt]) -> dict[str, list[Stmt]]:
        out: dict[str, list[Stmt]] = {}
        for s in stmts:
            name = def_name(s) if s.kind == "def" else _lambda_name(s.node)
            if name:
                out.setdefault(name, []).append(s)
        return out

    new, old = by_name(xs), by_name(ys)
    return [(a[0], old[name][0]) for name, a in new.items() if len(a) == 1 and len(old.get(name, ())) == 1]


def _lambda_name(node: ast.stmt) -> str:
    """The name `f = lambda: ...` binds: the same function as a `def f():` written out."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
            and isinstance(node.value, ast.Lambda):
        return node.targets[0].id
    return ""


def _align_gap(al: Aligner, xs: list[Stmt], ys: list[Stmt]) -> list[tuple[Stmt, Stmt]]:
    n, m = len(xs), len(ys)
    if n * m > 40000:
        return []
    if n == 1 and m == 1:
        # one statement on each side between two matched neighbours: position says a lot
        x, y = _unwrapped(al, xs[0], ys[0])
        if al.sim(x, y) >= LONE_GAP_THRESHOLD and (x.compound or y.compound or
                                                      al.shape(x)[0] == al.shape(y)[0]):
            return [(x, y)]
        if _same_counter_step(x.node, y.node):
            # `gradient_step += 1` / `global_step += 1`: a counter stepped by the same
            # constant at the same place is the same counter under another name
            return [(x, y)]
        return [(x, y)] if _written_two_ways(x.node, y.node) else []
    if min(n, m) == 1:
        lone = _lone_loop(al, xs, ys)
        if lone is not None:
            return [lone]
    elif n == m and _parallel(al, xs, ys):
        return list(zip(xs, ys))
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = score[i], score[i + 1]
        x = xs[i]
        threshold = COMPOUND_THRESHOLD if x.compound else SIMPLE_THRESHOLD
        for j in range(m - 1, -1, -1):
            best = below[j] if below[j] > row[j + 1] else row[j + 1]
            s = _gap_sim(al, x, ys[j], threshold)
            if s >= threshold and below[j + 1] + s > best:
                best = below[j + 1] + s
            row[j] = best
    out: list[tuple[Stmt, Stmt]] = []
    i = j = 0
    while i < n and j < m:
        threshold = COMPOUND_THRESHOLD if xs[i].compound else SIMPLE_THRESHOLD
        s = _gap_sim(al, xs[i], ys[j], threshold)
        if s >= threshold and abs(score[i][j] - (score[i + 1][j + 1] + s)) < 1e-9:
            out.append(_unwrapped(al, xs[i], ys[j]))
            i += 1
            j += 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return out or _lone_but_returns(al, xs, ys)


def _lone_but_returns(al: Aligner, xs: list[Stmt], ys: list[Stmt]) -> list[tuple[Stmt, Stmt]]:
    """A gap where nothing pairs by similarity, but which is a lone pair once the `return`s
    are set aside (`c_optimizer = Adam(self.d_lr, ...)` before today's `return g_optimizer,
    c_optimizer`, `self.critic_optimizer = Adam(self.lr, ...)` before): the function ended
    there without returning anything."""
    kx = [x for x in xs if not isinstance(x.node, ast.Return)]
    ky = [y for y in ys if not isinstance(y.node, ast.Return)]
    # (a gap of one statement on each side never gets here: it is paired or not up front)
    return _align_gap(al, kx, ky) if len(kx) == 1 and len(ky) == 1 else []


def _gap_sim(al: Aligner, x: Stmt, y: Stmt, threshold: float) -> float:
    """``al.sim``, except that a statement written two ways (``_written_two_ways``) or one
    call assigned to two names is the same statement, and that a `with` new today is compared
    by the one compound statement it holds."""
    if _written_two_ways(x.node, y.node):
        return 1.0
    if _name_bound_elsewhere(al, x, y):
        return 0.0
    if _same_call_named_otherwise(x.node, y.node):
        return 1.0
    if x.kind == "with" and x not in al.n2o and not compatible(x, y):
        # a `with` new today around old code (`with get_heartbeat_thread(...): try: ...`)
        # stands where the statement it holds stood; ``_unwrapped`` then pairs that one
        inner = _inner_compounds(x)
        if len(inner) == 1 and compatible(inner[0], y):
            return al.sim(inner[0], y, threshold)
    return al.sim(x, y, threshold)


def _same_call_named_otherwise(a: ast.stmt, b: ast.stmt) -> bool:
    """Two assignments of one call, word for word, to two names (`output = self(windows_batch)`
    today, `y_hat = self(windows_batch)` before; `verbose = fit_kwargs.get("verbose")`, stored
    as `self._display.verbose` before): at one place, one value kept under another name."""
    if not isinstance(a, ast.Assign) or not isinstance(b, ast.Assign) or len(a.targets) != 1 or \
            len(b.targets) != 1 or dotted(a.targets[0]) is None or dotted(b.targets[0]) is None:
        return False
    return isinstance(a.value, ast.Call) and ast.dump(a.value) == ast.dump(b.value)


def _name_bound_elsewhere(al: Aligner, x: Stmt, y: Stmt) -> bool:
    """Whether old ``y`` binds a name (`gp = gradient_penalty(...)`) that ``x`` does not bind
    and that a statement of ``x``'s function, still without counterpart, binds today (`gp =
    self.gp_weight * ...`, deeper in today's inline penalty): that statement is the old one's,
    not the first line of today's computation, `scaled_real_gradients = torch_grad(...)`."""
    name = plain_target(y.node)
    if name is None or al.renames.rename_token(plain_target(x.node) or "") == name:
        return False
    fn = enclosing_def(x)
    if fn is None:
        return False
    return any(d is not x and d not in al.n2o for d in al.binders_of(fn, name))


def _lone_loop(al: Aligner, xs: list[Stmt], ys: list[Stmt]) -> tuple[Stmt, Stmt] | None:
    """One loop on one side of a gap, and on the other side exactly one loop of its kind among
    statements of other kinds: position and kind say as much as a lone pair does
    (`for result in results:` today, `for name, metric, score, _ in results:` before, where
    today also has an `if` after it)."""
    one, many = (xs[0], ys) if len(xs) == 1 else (ys[0], xs)
    if one.kind not in ("for", "while"):
        # a function is paired by its name (`_namesakes`), not by where it stands; an `if`
        # is too common a shape (`if self.gan:` is not `if self.verbose:`)
        return None
    same = [s for s in many if s.kind == one.kind]
    if len(same) != 1:
        return None
    x, y = (one, same[0]) if len(xs) == 1 else (same[0], one)
    return _unwrapped(al, x, y) if al.sim(x, y) >= LONE_GAP_THRESHOLD else None


def _parallel(al: Aligner, xs: list[Stmt], ys: list[Stmt]) -> bool:
    """Whether two gaps of as many simple statements do the same things in the same order,
    each pair as alike as a lone pair must be (`results[f"{r.dataset_name} {r.metric_name}-mean"]
    .append(r.metric_value)` and its `-stdv` twin today, `results[key + '-mean'].append(mean)` and
    `results[key + '-stdv'].append(std)` before): position pairs them."""
    return all(not x.compound and not y.compound and al.shape(x) == al.shape(y) and
               al.sim(x, y) >= LONE_GAP_THRESHOLD for x, y in zip(xs, ys))


def _unwrapped(al: Aligner, x: Stmt, y: Stmt) -> tuple[Stmt, Stmt]:
    """The pair that a compound statement on each side stands for. A wrapper new today around
    old code (`if result["n/ep"] > 0:` around the old `if stop_fn(result["rew"]):`; `if not
    self._optimizer_in_bwd:` around new statements and the old `if self._clip_grad_norm is not
    None:`) or one the old version had is no counterpart of a statement it holds: when a
    compound statement directly inside it is clearly the better match by its header, that
    statement is the counterpart."""
    if not x.compound or not y.compound:
        return x, y
    header = dice(al.new_bag(x, y), al.old_bag(y))
    for inner in _inner_compounds(x):
        if inner not in al.n2o and compatible(inner, y) and \
                dice(al.new_bag(inner, y), al.old_bag(y)) >= header + WRAPPER_MARGIN and \
                al.sim(inner, y) >= COMPOUND_THRESHOLD:
            return inner, y
    for inner in _inner_compounds(y):
        if inner not in al.o2n and compatible(x, inner) and \
                dice(al.new_bag(x, inner), al.old_bag(inner)) >= header + WRAPPER_MARGIN and \
                al.sim(x, inner) >= COMPOUND_THRESHOLD:
            return x, inner
    return x, y


def _inner_compounds(stmt: Stmt) -> list[Stmt]:
    """The compound statements directly in a one-block compound statement, or in either
    branch of an ``if``/``else`` (`if amp: with autocast(): <step> else: <step>`, today one
    `with autocast(enabled=amp): <step>`)."""
    if len(stmt.blocks) != 1 and not (stmt.kind == "if" and len(stmt.blocks) == 2):
        return []
    return [s for block in stmt.blocks for s in block.stmts if s.compound]


def constant_step(node: ast.stmt) -> tuple[str, str, object] | None:
    """What an augmented assignment by a constant updates and how: ``("self.step", "Add", 1)``
    for ``self.step += 1``."""
    if not isinstance(node, ast.AugAssign) or not isinstance(node.value, ast.Constant):
        return None
    path = dotted(node.target)
    return (path, type(node.op).__name__, node.value.value) if path is not None else None


def _same_counter_step(a: ast.stmt, b: ast.stmt) -> bool:
    """Two augmented assignments of a plain name by the same constant (``n += 1``)."""
    sa, sb = constant_step(a), constant_step(b)
    return sa is not None and sb is not None and "." not in sa[0] and "." not in sb[0] and sa[1:] == sb[1:]


def _written_two_ways(a: ast.stmt, b: ast.stmt) -> bool:
    """A check (`assert c` / `if not c: raise`), an unpacking of one call's results into
    other names or a condition with a case added, written one way on each side."""
    return _same_check(a, b) or _same_callee_unpacked(a, b) or _condition_widened(a, b)


def _condition_widened(a: ast.stmt, b: ast.stmt) -> bool:
    """Whether one ``if`` tests the other's condition or something more (`if
    isinstance(self.penalizer, np.ndarray) or self.penalizer > 0:` today, `if self.penalizer >
    0:` before): one branch, taken in a case more."""
    if not isinstance(a, ast.If) or not isinstance(b, ast.If):
        return False
    for wide, narrow in ((a.test, b.test), (b.test, a.test)):
        if isinstance(wide, ast.BoolOp) and isinstance(wide.op, ast.Or) and \
                any(ast.dump(v) == ast.dump(narrow) for v in wide.values):
            return True
    return False


def _same_callee_unpacked(a: ast.stmt, b: ast.stmt) -> bool:
    """Two assignments of as many names from a call of functions of one name (``x_batch,
    y_batch, sample_weight = unpack_x_y_sample_weight(batch)`` before, ``inputs, labels, _ =
    data.unpack_x_y_sample_weight(batch)`` today): at one place, the same unpacking."""
    if not isinstance(a, ast.Assign) or not isinstance(b, ast.Assign) or len(a.targets) != 1 or \
            len(b.targets) != 1 or not isinstance(a.value, ast.Call) or not isinstance(b.value, ast.Call):
        return False
    ta, tb = a.targets[0], b.targets[0]
    if not isinstance(ta, ast.Tuple) or not isinstance(tb, ast.Tuple) or len(ta.elts) != len(tb.elts):
        return False
    name_a, name_b = dotted(a.value.func), dotted(b.value.func)
    return name_a is not None and name_b is not None and \
        name_a.rpartition(".")[2] == name_b.rpartition(".")[2]


def _same_check(a: ast.stmt, b: ast.stmt) -> bool:
    """Whether one is ``assert c`` and the other ``if not c: raise ...`` (either way round, no
    ``else``): the same check, written without `assert` so that `python -O` keeps it."""
    if isinstance(a, ast.Assert):
        a, b = b, a
    return isinstance(b, ast.Assert) and isinstance(a, ast.If) and not a.orelse and len(a.body) == 1 and \
        isinstance(a.body[0], ast.Raise) and negated(a.test, b.test)


def _heaviest_increasing(pairs: list[tuple[int, int]], weights: list[int]) -> list[tuple[int, int]]:
    """The chain of pairs increasing in both coordinates (pairs sorted by the first, each first
    coordinate once) with the largest total weight; among equal weights the earlier chain."""
    if not pairs:
        return []
    size = max(j for _, j in pairs) + 2
    # Fenwick tree over the second coordinate holding (best total, index of its last pair)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)
    prev: list[int] = [-1] * len(pairs)
    best_total, best_end = 0, -1
    for k, (_, j) in enumerate(pairs):
        # best chain ending at a second coordinate below j
        found, at = 0, -1
        pos = j  # positions are j + 1 in the tree; query the prefix [1, j]
        while pos > 0:
            if tree[pos][0] > found:
                found, at = tree[pos]
            pos -= pos & -pos
        total = found + weights[k]
        prev[k] = at
        if total > best_total:
            best_total, best_end = total, k
        pos = j + 1
        while pos <= size:
            if tree[pos][0] < total:
                tree[pos] = (total, k)
            pos += pos & -pos
    out: list[tuple[int, int]] = []
    k = best_end
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return list(reversed(out))


__all__ = ["align_gap", "constant_step", "recover", "recover_all"]
