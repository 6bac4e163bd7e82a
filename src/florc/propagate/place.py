"""Placement: where, in the old version, a new statement goes.

The rules (docs/design/alignment.md has the reasoning):

1. **Same point of execution relative to what it observes.** The statement goes right after the
   image of its nearest previous sibling that has one (the image may have changed text; the
   aligner found it). A compound sibling without an image is represented by the last image of
   anything inside it; a call of a function of the same file by the last image inside that
   function (a loop body extracted into ``train_epoch()`` still ends where the inline loop
   ended); an assignment without an image by the old statement that binds the same names
   (``val_acc = correct / total`` plays the role of ``val_loss, val_acc = evaluate(...)``).
   With no previous sibling imaged, it goes right before the image of its nearest next sibling;
   with neither, first in the image of its block if it is first in its block.
2. **Same block.** Images are only trusted inside the *expected block*: the old block where most
   of the statement's neighbours went (or the image of its block's owner). An image nested deeper
   is lifted to the expected block's statement that contains it.
3. **Same execution condition.** An image inside an ``if``/``else``/``except``/``finally``
   clause that is not the image of a clause the new statement is under is lifted out of it:
   after the whole ``if``/``else``. An image under a constant-false condition is dead code:
   declined.
4. **Observe the finished value.** When the new previous sibling builds an object *and* moves
   it to a device (``m = Net().to(device)``) and the old version does the move in separate
   statements (``m = Net()`` then ``if cuda: m.cuda()``), the place moves past those
   statements. When a name the statement reads is (re)bound after the chosen place but before
   the next imaged neighbour, by a statement that precedes the new statement in the newest
   version, the place moves past it (the bf16 autocast block that stopped computing the loss).
5. **No place.** When nothing around the statement has an image, it is declined with the
   reason: a wrong guess is worse than a decline.

Failure modes: a wrong image (the aligner matched a lookalike) places the statement next to the
lookalike; a block whose neighbours are all new in the newest version has no expected block and
is declined even when a human would see the place.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass

from florc.propagate.align import Alignment
from florc.propagate.blocks import guard_of, pair_blocks
from florc.propagate.defs import (callee_name, called_names, def_name, dotted, enclosing_def, entry_filled,
                                  outer_call, paths_of)
from florc.propagate.resolve import aliased_value, method_sets, reaching_definition
from florc.propagate.similarity import bag, dice
from florc.syntax.scope import Point, read_paths, subtree_writes, written_paths
from florc.syntax.tokens import is_path
from florc.syntax.tree import Block, Stmt

# Methods that move or cast a module/tensor: `m = Net().to(device)` builds *and* places.
PLACEMENT_METHODS = frozenset({"to", "cuda", "cpu", "half", "float", "double", "bfloat16", "type",
                               "to_empty"})
# how much of its test an old condition must share with today's to stand for it
SHARED_TEST = 0.5
# how alike a statement and each branch's variant of it in an old `if`/`else` must be
BRANCH_VARIANT = 0.6


@dataclass(frozen=True)
class Placement:
    """Where the statement goes, and the evidence for it."""

    point: Point
    relation: str  # after | before | first
    anchor: Stmt | None  # the old statement it goes after/before
    new_anchor: Stmt | None  # the new statement whose image decided
    how: str  # one line for --explain


@dataclass(frozen=True)
class NoPlace:
    reason: str


def place(al: Alignment, site: Stmt) -> list[Placement] | NoPlace:
    """Places for ``site`` (a statement of the new tree) in the old tree, best first.

    The caller takes the first place where the statement's reads resolve; the later ones are
    fallbacks for a statement whose neighbour moved to another function.
    """
    found = _one_context(al, site, _reachable(_Placer(al, site).run()))
    owner = site.parent.owner
    if isinstance(found, NoPlace) and owner is not None and _feature_condition(al, owner):
        # under a condition on something the old version does not have (`if
        # self._lr_scheduler is not None:`): the old version has no such condition, so the
        # statement is unconditional, where that `if` would be
        around = _reachable(_Placer(al, owner).run())
        if isinstance(around, list):
            return [Placement(p.point, p.relation, p.anchor, p.new_anchor,
                              p.how + f", outside the condition at line {owner.first_line}, which this version lacks")
                    for p in around]
    return found


def _reachable(found: list[Placement] | NoPlace) -> list[Placement] | NoPlace:
    """The places that run: nothing after a `return`, `raise`, `break` or `continue` does. A
    place right after one it was anchored to moves before it, the last point of a block that
    ends by leaving it (an old `except` branch that ends with `return trial`, where today's ends
    without); a place that adjustments pushed past one is dropped, for the next."""
    if isinstance(found, NoPlace):
        return found
    out: list[Placement] = []
    for p in found:
        stmts = p.point.block.stmts
        k = p.point.index
        if k == 0 or not isinstance(stmts[k - 1].node, (ast.Return, ast.Raise, ast.Break, ast.Continue)):
            out.append(p)
        elif p.anchor is stmts[k - 1]:
            out.append(Placement(Point(p.point.block, k - 1), "before", stmts[k - 1], p.new_anchor,
                                 p.how + f", before the jump at line {stmts[k - 1].first_line}"))
    return out or NoPlace("its place follows a return, raise, break or continue, and nothing runs there")


def _one_context(al: Alignment, site: Stmt, found: list[Placement] | NoPlace) -> list[Placement] | NoPlace:
    """The places that run only where the site does. Code moved today out of an old helper
    into its caller (`task = get_mixture_or_task(name)`, inline in `train()` today, in the old
    `get_dataset()`) takes the statement into the helper; a helper that other functions call
    as well (`eval()`) would log for them too. A caller of the site's function is its context,
    not another: code moved today from the loop into the step it calls goes into the old loop."""
    if isinstance(found, NoPlace):
        return found
    own = enclosing_def(site)
    home = al.image(own) if own is not None else None
    if own is None or home is None:
        return found
    around_home = set(home.ancestors())
    home_callers = {id(enclosing_def(c)) for c in _old_calls(al, home)}
    # the functions that call the site's function today, by their old counterparts' ids
    calling_today = {id(al.image(f)) for c in _calls_of(al, own) if (f := enclosing_def(c)) is not None}
    out: list[Placement] = []
    reason = ""
    for p in found:
        holder = p.point.block.owner
        helper = holder if holder is None or holder.kind == "def" else enclosing_def(holder)
        if helper is not None and helper is not home and helper not in around_home and \
                home not in set(helper.ancestors()) and not _implicitly_called(helper) and \
                id(helper) not in home_callers:
            others = [c for c in _old_calls(al, helper) if _other_context(al, c, home, calling_today)]
            if others:
                reason = reason or (f"its place is in `{def_name(helper)}()`, which the call at line "
                                    f"{others[0].first_line} runs too")
                continue
        out.append(p)
    return out or NoPlace(reason)


def _other_context(al: Alignment, call: Stmt, home: Stmt, calling_today: set[int]) -> bool:
    """Whether an old call outside ``home`` runs for something else than the site's function:
    its function has a counterpart that does not call that function today (`eval()`, then and
    now; ``calling_today`` holds the ids of the old counterparts of those that do). A caller
    gone today (the old `_optimize_parallel()`, whose threads today run the same
    `_optimize_sequential()`) is no evidence either way."""
    if home in set(call.ancestors()):
        return False
    caller = enclosing_def(call)
    return caller is not None and al.preimage(caller) is not None and id(caller) not in calling_today


def _old_calls(al: Alignment, function: Stmt, limit: int = 8) -> list[Stmt]:
    """Old statements that call ``function``: a method through `self` (not `self.model.train()`
    for a `train()` of the trainer), a function by its bare name, a constructor by its class's
    name (not `super().__init__()` in another class)."""
    owner = function.parent.owner
    method = owner is not None and owner.kind == "class"
    name = def_name(function)
    if name == "__init__":
        if owner is None or not method:
            return []
        name, method = def_name(owner), False
    found: list[Stmt] = []
    for stmt in al.old.statements:
        # (a compound statement's source holds its whole body: its header is walked instead)
        if stmt is function or not stmt.compound and name + "(" not in stmt.source.replace(" ", ""):
            continue
        nodes = [stmt.node] if not stmt.compound else _header_nodes(stmt.node)
        for n in (n for node in nodes for n in ast.walk(node)):
            f = n.func if isinstance(n, ast.Call) else None
            if method and isinstance(f, ast.Attribute) and f.attr == name and isinstance(f.value, ast.Name) and \
                    f.value.id in ("self", "cls") or not method and isinstance(f, ast.Name) and f.id == name:
                found.append(stmt)
                break
        if len(found) >= limit:
            break
    return found


def _implicitly_called(function: Stmt) -> bool:
    """Whether Python calls the function by a protocol (`__call__`, `__enter__`), not by name."""
    name = def_name(function)
    return name.startswith("__") and name.endswith("__") and name != "__init__"


def _feature_condition(al: Alignment, owner: Stmt) -> bool:
    """Whether ``owner`` is an ``if`` without ``else``, new today with nothing inside it that has a
    counterpart, whose condition reads only attributes of ``self`` that the old version never
    mentions: a feature the old version lacks (not `if not overflow or self.cfg.ddp == ...`,
    whose `overflow` the old version has)."""
    node = owner.node
    if not isinstance(node, ast.If) or node.orelse or al.image(owner) is not None or \
            any(al.image(d) is not None for d in owner.descendants()):
        return False
    paths = paths_of(node.test)
    reads = [p for p in paths if not any(q.startswith(p + ".") for q in paths)]  # the longest only
    if not reads or not all(p.startswith("self.") for p in reads):
        return False
    old_paths = al.old_module_paths()
    return all(p not in old_paths for p in reads)


class _Placer:
    def __init__(self, al: Alignment, site: Stmt) -> None:
        self.al = al
        self.site = site
        # new compound statements that enclose the site, for the condition rule
        # the statements around the site and, for a function called from one place, the
        # statements around that call: code moved into a helper (`fps` computed in
        # `dump_logs()`, called under `if iteration % log_interval == 0:`) still runs under
        # the caller's condition
        self.new_ancestors = list(site.ancestors())
        blocks = _ancestor_blocks(site)
        calls = _call_sites(al, site)
        if not calls:
            # called from several places (`_create_checkpoint()` at each stopping condition):
            # it runs under any of their conditions
            owner = next((a for a in site.ancestors() if a.kind == "def"), None)
            calls = [c for c in _calls_of(al, owner) if owner not in set(c.ancestors())] if owner is not None else []
        for call in calls:
            self.new_ancestors.extend(call.ancestors())
            blocks.extend(_ancestor_blocks(call))
        self.images_of_ancestors = {id(self.al.image(a)) for a in self.new_ancestors if self.al.image(a)}
        self.ancestor_headers = {(a.kind, block.role, self.renamed_tokens(a)) for a, block in blocks}

    # -- driver ------------------------------------------------------------------------------

    def run(self) -> list[Placement] | NoPlace:
        block = self.site.parent
        index = self.site.index
        kids = self.al.kids(block)
        # a function's docstring, rewritten or not, is no neighbour: what follows it is first
        # in the function's work
        before = [k for k in kids if k.index < index and not (k.index == 0 and _is_docstring(k) and
                                                              block.owner is not None and block.owner.kind == "def")]
        after = [k for k in kids if k.index > index]
        expected = self.expected_block(block)
        limit = self.limit(after, expected)

        found: Placement | NoPlace | None = None
        skipped: list[Stmt] = []
        for sibling in reversed(before):
            anchor = self.image_after(sibling, expected, limit)
            if anchor is not None:
                found = self.after(anchor, sibling, expected)
                if isinstance(found, Placement) and found.point.block is expected and skipped:
                    found = self.past_replaced(found, skipped, limit)
                if isinstance(found, Placement) and self.al.image(sibling) is None:
                    found = self.past_earlier_images(found, sibling, before)
                break
            skipped.append(sibling)
        if isinstance(found, Placement) and before and found.new_anchor is not before[-1] and after and \
                (moved := self.moved_between(before[-1], after[0], expected)) is not None:
            found = moved
        if found is None and not before and expected is not None and self.al.kids(block) and \
                limit < (1 << 30) and (block.owner is None or self.owner_block(block) is expected):
            # first in its block today, and the block has a counterpart: first there too
            # (statements the old block has before the next neighbour's image have no
            # counterpart today, so nothing says the statement follows them). A block new
            # today (`if gradient_steps > 0:` around an old call) says nothing of the sort:
            # the statement goes before its next neighbour's image
            found = self.first_in(expected)
        if found is None:
            for sibling in after:
                anchor = self.image_before(sibling, expected)
                if anchor is not None:
                    found = self.before(anchor, sibling, expected)
                    break
        if found is None and expected is not None and not before:
            found = self.first_in(expected)
        if found is None and not after and before and expected is not None and expected.stmts and \
                block.owner is not None and self.owner_block(block) is expected and \
                not any(self.al.image(k) is not None for k in before):
            # last in its block today, after statements that are all new, and the block has a
            # counterpart: last there too (`wandb.log(...)` became `logger.log_data(...)`)
            found = self.last_in(expected)
        if isinstance(found, Placement) and found.point.index == 0 and expected is not None and \
                found.point.block is expected and (nested := self.rest_of_condition(expected)) is not None:
            found = Placement(Point(nested.blocks[0], 0), "first", None, None,
                              f"first under the old condition at line {nested.first_line}, the rest of today's")
        out: list[Placement] = [found] if isinstance(found, Placement) else []
        # the neighbour itself moved (into a method, out of main): its image elsewhere
        if before:
            img = self.al.image(before[-1])
            if img is not None and self.within(img, expected) is None and self.same_loops(img):
                moved = self.after(img, before[-1])
                if isinstance(moved, Placement):
                    out.append(Placement(moved.point, moved.relation, moved.anchor, moved.new_anchor,
                                         moved.how + " (the neighbour moved)"))
        kept = [p for p in out if self.own_function(p.point.block)]
        if out and not kept:
            return NoPlace("its function is new and its neighbours' counterparts are look-alikes in "
                           "another function")
        if kept:
            return kept
        if isinstance(found, NoPlace):
            return found
        if expected is None:
            return NoPlace("no statement around it and no enclosing block has a counterpart")
        return NoPlace("none of its neighbouring statements has a counterpart")

    def past_earlier_images(self, found: Placement, sibling: Stmt, before: list[Stmt]) -> Placement:
        """Past the image of an earlier neighbour that lies after the place found through a
        previous neighbour without an image of its own: `self.oracle.update_space(hp)`, then
        `self._activate_all_conditions()`, a function new today holding the old loop that ran
        before that update. The site follows both today, and so it does in the old version."""
        block, index = found.point.block, found.point.index
        # (the nearest earlier neighbour with an image only: a statement moved from the end of
        # the old loop to the top of today's is no neighbour to follow)
        nearest = next((img for k in reversed(before) if k.index < sibling.index
                        and (img := self.al.image(k)) is not None), None)
        if nearest is None or nearest.parent is not block or nearest.index < index or \
                not self.changes_what_is_read(nearest):
            return found
        return Placement(Point(block, nearest.index + 1), "after", nearest, found.new_anchor,
                         found.how + f", past the counterpart of an earlier neighbour at line {nearest.first_line}")

    def changes_what_is_read(self, old: Stmt) -> bool:
        """Whether the old statement ``old`` writes what the site reads or calls a method of an
        object the site reads through (`self.oracle.update_space(hp)` for a site reading
        `self.oracle.get_space()`): not a block merely moved today (an AMP set-up now before
        the distributed wrap)."""
        reads = [self.rename_path(p) for p in _site_reads(self.site)]
        if any(_overlaps(w, r) for w in _writes_paths(old) for r in reads):
            return True
        call = outer_call(old.node) if not old.compound else None
        receiver = dotted(call.func.value) if call is not None and isinstance(call.func, ast.Attribute) else None
        parts = tuple(receiver.split(".")) if receiver is not None else ()
        return len(parts) > 1 and any(r[: len(parts)] == parts for r in reads)

    def moved_between(self, prev: Stmt, nxt: Stmt, expected: Block | None) -> Placement | NoPlace | None:
        """After ``prev``'s image when the site's two nearest neighbours moved to another
        function together, their images next to each other there, while the site's own block
        placed it by farther ones: code moved today from a caller into the function it calls
        (the validation report, scheduler step and best-model save, once inline in the training
        loop, now in `validate()`) takes the site along."""
        first = self.al.image(prev) or self.hull(self.inner_images(prev), None, last=True)
        second = self.al.image(nxt)
        if first is None or second is None or first.parent is not second.parent or \
                first.parent is expected or first.index >= second.index or \
                any(self.al.preimage(k) is not None for k in first.parent.stmts[first.index + 1:second.index]):
            return None
        own = enclosing_def(self.site)
        home = self.al.image(own) if own is not None else None
        if home is None or enclosing_def(first) is home:
            return None
        return self.after(first, prev)

    def own_function(self, block: Block) -> bool:
        """Whether an old block may hold the site as far as functions go. A function new today
        whose neighbours' counterparts lie in an old function that is gone today is a renamed
        function when most of the two bodies correspond (`train_s2s_ch9` -> `train_seq2seq`),
        and otherwise a look-alike: one `test_acc = evaluate(...)` shared by `train_ch13`, new
        today, and `train_ch3`, gone today, does not make them the same function."""
        site_def = next((a for a in self.site.ancestors() if a.kind == "def"), None)
        if site_def is None or self.al.image(site_def) is not None:
            return True
        old_def = next((a for a in block.ancestors() if a.kind == "def"), None)
        if old_def is None:
            return True
        old_name = getattr(old_def.node, "name", "")
        site_name = getattr(site_def.node, "name", "")
        kept = self.al.preimage(old_def) is not None
        if site_name == old_name:
            return True
        if not kept and site_name.startswith(old_name + "_") and old_name not in self.al.new_defs:
            # a variant of the old function made today (`_run_once_on_dataset_as_gen`, next to a
            # `_run_once_on_dataset_legacy` copy): the copy with the site is the one that counts
            return True
        # extracted from a function that calls it today (`train()` -> `train_custom()`), also
        # through a function in between (`run()` -> `_internal_run()` ->
        # `_internal_run_as_gen()`), or hands it to a wrapper that calls it
        # (`find_executable_batch_size(self._loop)`)
        callees, seen = [site_def], {id(site_def)}
        for _depth in range(3):
            callers = []
            for fn in callees:
                for call in _calls_of(self.al, fn) + _passed_on(self.al, fn):
                    caller = next((a for a in call.ancestors() if a.kind == "def"), None)
                    if caller is None or id(caller) in seen:
                        continue
                    if getattr(caller.node, "name", None) == old_name or self.al.image(caller) is old_def or \
                            not kept and self.al.image(caller) is None and self.stands_for(caller, old_def):
                        return True
                    seen.add(id(caller))
                    callers.append(caller)
            callees = callers
        if kept:
            # code moved out of a function that is still there today (a loop extracted from
            # `main()`) brings a fair share of the new function with it; one look-alike line
            # (`reward = np.clip(...)` in a copy of the episode loop) does not
            new_inside = list(site_def.descendants())
            targets = {id(d) for d in old_def.descendants()}
            return 4 * sum(1 for d in new_inside if id(self.al.image(d)) in targets) >= len(new_inside)
        return self.stands_for(site_def, old_def)

    def stands_for(self, function: Stmt, old_def: Stmt) -> bool:
        """Whether a function new today is the old function gone today: most of the two
        bodies correspond, the new one counted with the bodies of the functions new today
        that it calls (`Trial.run()` with `_fit_pass()` and `_validation_pass()`, inline in
        the old `Model.fit_generator()`)."""
        new_inside = _body_with_callees(self.al, function)
        old_inside = list(old_def.descendants())
        targets = {id(d) for d in old_inside}
        images = [img for d in new_inside if (img := self.al.image(d)) is not None]
        common = sum(1 for img in images if id(img) in targets)
        if 2 * common >= 0.5 * (len(new_inside) + len(old_inside)):
            return True
        # rewritten more than half, but nearly everything of it that corresponds is in that
        # one old function, and a fair share of it: no look-alike elsewhere competes (one
        # statement in five may come from an old helper merged into it, as textattack's
        # `Trainer.train()` took the `model.eval()` of the old `_get_eval_score()`); a fair
        # share of the one or of the other (demucs' `_run_one_epoch(train)`, new today, has
        # three times the statements of the old `train_model()`, most of whose steps it keeps)
        # (what corresponds in the old functions that call it is no look-alike: t5's
        # `_predict_from_tasks()` loads the checkpoint itself, which the old `eval()` did
        # before calling `_eval_current_model()`)
        callers = {id(f) for c in _old_calls(self.al, old_def) if (f := enclosing_def(c)) is not None}
        elsewhere = sum(1 for img in images if id(img) not in targets and id(enclosing_def(img)) not in callers)
        own = sum(1 for _ in function.descendants())
        return 5 * common >= 4 * (common + elsewhere) and common >= 3 and 4 * common >= min(own, len(old_inside))

    def same_loops(self, old_stmt: Stmt) -> bool:
        """Whether every loop around the site whose image is known also encloses ``old_stmt``:
        moving a statement out of its loop changes how often it runs."""
        enclosing = {id(a) for a in old_stmt.ancestors()}
        for loop in self.new_ancestors:
            if loop.kind in ("for", "while"):
                img = self.al.image(loop)
                if img is not None and id(img) not in enclosing:
                    return False
        return True

    def limit(self, after: list[Stmt], expected: Block | None) -> int:
        """Index in ``expected`` of the first image of a later neighbour: nothing goes past it."""
        if expected is None:
            return 1 << 30
        best = 1 << 30
        for sibling in after:
            img = self.al.image(sibling)
            if img is not None:
                lifted = self.within(img, expected)
                if lifted is not None:
                    best = min(best, lifted.index)
        return best

    # -- the expected block ------------------------------------------------------------------

    def expected_block(self, block: Block) -> Block | None:
        """The old block the site's neighbours went to, nearest neighbours weighing most.

        A module whose script part moved into ``main()`` keeps its imports and definitions at
        the top level: the statements right around the site say where it went, not the
        module's many far-away statements."""
        votes: dict[int, float] = {}
        blocks: dict[int, Block] = {}
        kids = self.al.kids(block)
        index = self.site.index
        before = [k for k in kids if k.index < index and self.voter(k)][-3:]
        after = [k for k in kids if k.index > index and self.voter(k)][:3]
        for kid in before + after:
            img = self.al.image(kid)
            assert img is not None
            if not self.own_function(img.parent):
                continue  # a look-alike in a function that cannot hold the site
            distance = abs(kid.index - index)
            votes[id(img.parent)] = votes.get(id(img.parent), 0.0) + 1.0 / distance
            blocks[id(img.parent)] = img.parent
        owner = block.owner
        owner_img = self.al.image(owner) if owner is not None else None
        if owner is None:
            owner_block: Block | None = self.al.old.root
        elif owner_img is not None and owner_img.compound:
            owner_block = next((bb for ba, bb in pair_blocks(owner, owner_img) if ba is block), None)
        else:
            owner_block = None
        if owner_block is not None:
            # the owner's match outweighs the nearest neighbour, not two near ones
            votes[id(owner_block)] = votes.get(id(owner_block), 0.0) + 1.5
            blocks[id(owner_block)] = owner_block
        if not votes:
            return None
        key = max(votes, key=lambda k: votes[k])
        return blocks[key]

    def voter(self, kid: Stmt) -> bool:
        img = self.al.image(kid)
        return img is not None and not self.al.elsewhere(kid, img)

    # -- images of neighbours ----------------------------------------------------------------

    def within(self, stmt: Stmt, expected: Block | None, keep: bool = False) -> Stmt | None:
        """``stmt`` lifted to a direct child of ``expected`` (None when outside it); with
        ``keep``, not out of the body of a `try` in ``expected``, nor of a `with` there whose
        rest may leave it (`raise optuna.TrialPruned()`, and what follows the `with` never
        runs), nor out of an `if` that makes a value the site reads exist
        (``binds_only_inside``)."""
        if expected is None:
            return stmt
        current = stmt
        while current.parent is not expected:
            owner = current.parent.owner
            if owner is None or owner.kind in ("def", "class"):
                return None  # a function body is another execution context, not a nested block
            if keep and (owner.kind == "try" and current.parent.role == "body" and owner.parent is expected or
                         owner.kind == "with" and owner.parent is expected and
                         any(_jumps(k) for k in current.parent.stmts[current.index + 1:]) or
                         self.binds_only_inside(owner, current.parent, current)):
                return current
            current = owner
        return current

    def image_after(self, sibling: Stmt, expected: Block | None, limit: int) -> Stmt | None:
        img = self.al.image(sibling)
        if img is not None:
            # the image itself, not its container: conditions around it are judged by lift()
            if self.within(img, expected) is not None or self.widened_with(img, expected):
                return img
            return None
        role = self.role_image(sibling, expected, limit)
        observed = None if sibling.compound else _observed(sibling, self.site)
        callee = None if observed is None or 0 < len(observed) < len(_bound(sibling)) \
            else self.local_callee(sibling)
        if callee is not None and self.al.image(callee) is None:
            # `loss = closure()`, a function new today whose body was inline before: the site
            # follows all of that body (the backward pass and the clipping) as well as the old
            # binding of what it returns; but of `avg_loss, aux = metrics.compute()` it reads
            # only `avg_loss`, and follows its binding
            inner = self.inner_images(sibling)
            body = self.hull(inner, expected, last=True, limit=limit) if inner else None
            if body is not None and (role is None or self.later(body, role, expected)):
                return body
        if role is not None:
            return role
        inner = self.inner_images(sibling, calls_inside=True)
        hull = self.hull(inner, expected, last=True, limit=limit) if inner else None
        if hull is not None or not sibling.compound:
            return hull
        # what it holds has counterparts only elsewhere (a branch for an algorithm the old
        # loop ran in another place): what every branch binds still has its old binding here
        return self.role_image(sibling, expected, limit, branches=True)

    def later(self, a: Stmt, b: Stmt, expected: Block | None) -> bool:
        """Whether ``a`` ends after ``b`` in ``expected`` (both lifted into it)."""
        la, lb = self.within(a, expected), self.within(b, expected)
        return la is not None and (lb is None or la.index > lb.index or la is lb and a.order > b.order)

    def widened_with(self, img: Stmt, expected: Block | None) -> bool:
        """Whether ``img`` follows the old ``with`` whose body is ``expected`` and which today's
        ``with`` around the site corresponds to, with nothing in between but the counterparts of
        statements of today's body: the `with` took in the statements that followed it
        (`train_stats = ...; all_stats.append(...)` now inside `with accumulate(model):`)."""
        owner = self.site.parent.owner
        old_with = expected.owner if expected is not None else None
        if owner is None or old_with is None or owner.kind != "with" or old_with.kind != "with" or \
                self.al.image(owner) is not old_with or img.parent is not old_with.parent or \
                img.index <= old_with.index:
            return False
        body = {id(d) for d in owner.descendants()}
        for s in old_with.parent.stmts[old_with.index + 1 : img.index + 1]:
            pre = self.al.preimage(s)
            if pre is None or id(pre) not in body:
                return False
        return True

    def image_before(self, sibling: Stmt, expected: Block | None) -> Stmt | None:
        img = self.al.image(sibling)
        if img is not None:
            return img if self.within(img, expected) is not None else None
        inner = self.inner_images(sibling, follows=False)
        if inner:
            return self.hull(inner, expected, last=False)
        return None

    def inner_images(self, sibling: Stmt, calls_inside: bool = False, follows: bool = True) -> list[Stmt]:
        """Images of what a new statement contains or calls (a compound's body, a local function;
        with ``calls_inside``, also the local functions called right inside a compound statement:
        what `if n > 1: self._fit_n(...) else: self._fit_one(...)` does was inline before it.
        Not for a statement the site precedes: the old code of `if should_step:
        self.optimizers_step()` may share an `if` with the backward pass the site follows.)"""
        # a branch that leaves (`if self.stop_training: self._after_train(); return`) never
        # runs before a site that ``follows`` the sibling: what it holds or calls is no anchor
        # for it; a site before the sibling precedes all of it (a `with` that ends returning)
        inner = [d for d in sibling.descendants() if not (follows and _leaves_before(d, sibling))]
        out = [img for d in inner if (img := self.al.image(d)) is not None]
        if sibling.compound and not calls_inside or out and not sibling.compound:
            return out
        callers = [k for b in sibling.blocks for k in b.stmts
                   if not k.compound and not (follows and _leaves_before(k, sibling))] \
            if sibling.compound else [sibling]
        for caller in callers:
            callee = self.local_callee(caller)
            if callee is not None and self.al.image(callee) is None:
                # the function is new: its body was inline in the old version, where it is now
                out += [img for d in callee.descendants() if (img := self.al.image(d)) is not None]
        return out

    def local_callee(self, stmt: Stmt) -> Stmt | None:
        """The function of the new file that a simple statement calls, if exactly one, or
        the one of that name defined around it (two functions each with its own `closure()`)."""
        found = _defined_around([d for name in called_names(stmt.node) for d in self.al.new_defs.get(name, ())
                                 if d is not self.site and self.site not in d.descendants()], stmt)
        return found[0] if len(found) == 1 else None

    def hull(self, images: list[Stmt], expected: Block | None, last: bool, limit: int = 1 << 30) -> Stmt | None:
        if expected is None:
            expected = _common_block(images)
            if expected is None:
                return None
        lifted = [w for img in images if (w := self.within(img, expected)) is not None]
        # nothing goes past a later neighbour's image, unless all of it lies past there: the
        # two swapped places (the optimizer built after the DDP wrap before, ahead of it
        # today), and the site follows what it observes, as it follows a simple neighbour
        lifted = [w for w in lifted if w.index < limit] or lifted
        if not lifted:
            return None
        return max(lifted, key=lambda s: s.index) if last else min(lifted, key=lambda s: s.index)

    def role_image(self, sibling: Stmt, expected: Block | None, limit: int, branches: bool = False) -> Stmt | None:
        """The old statement that last binds what an unmatched new assignment binds (with
        ``branches``, what every branch of an unmatched `if`/`else` binds), or the old guard
        that plays an unmatched new guard's role."""
        if expected is None:
            return None
        if sibling.compound and not branches:
            return self.guard_role(sibling, expected, limit)
        # an `if`/`else` new today that binds the same thing in every branch
        # (`self.dataloader = TaskBalancedDataLoader(...)` or `DataLoader(...)`) and holds
        # nothing with a counterpart plays the role of the old statement that binds it
        bound = _bound_in_every_branch(sibling) if branches else _bound(sibling) | _entries(sibling)
        # of several values bound together (`avg_loss, aux = metrics.compute()`), those the
        # site reads: it goes after `avg_loss = total / n`, not after a later `aux = {...}`
        observed = _observed(sibling, self.site, bound)
        wanted = {self.rename_path(p) for p in (observed or bound)}
        if not wanted:
            return None
        # between the images of the imaged neighbours around it
        low = self.low_bound(sibling, expected)
        for s in reversed(expected.stmts[low:limit]):
            pre = self.al.preimage(s)
            if pre is not None and pre.parent is sibling.parent:
                continue  # it plays the role of another neighbour
            if (wanted & (_writes_paths(s) | _entries(s)) or pre is None and self.in_every_branch(sibling, s)) and \
                    _updates_alike(sibling, s, wanted):
                return s
        return None

    def in_every_branch(self, sibling: Stmt, old: Stmt) -> bool:
        """Whether every branch of the old ``if``/``else`` ``old`` holds a variant of the new
        simple statement ``sibling``: one statement written twice before (`if use_double:
        train_result[name].append(metric_fun(y, y_pred.astype("float64"))) else: ...`)."""
        node = old.node
        if not isinstance(node, ast.If) or not node.orelse or len(old.blocks) < 2:
            return False
        today = bag(self.renamed_tokens(sibling))
        return all(any(not d.compound and dice(today, bag(self.al.tokens.get(d, d.tokens))) >= BRANCH_VARIANT
                       for d in block.stmts)
                   for block in old.blocks)

    def guard_role(self, sibling: Stmt, expected: Block, limit: int) -> Stmt | None:
        """For an ``if`` without counterpart that leaves the loop or function (`if not
        self._assert_valid_metric(metric=val_metric, ...): break`), the last old ``if``
        without counterpart before ``limit`` that leaves too and tests one of the same values
        (`if np.isnan(val_metric): ... break`): what follows runs only past either."""
        node = sibling.node
        if not isinstance(node, ast.If) or not _jumps(sibling):
            return None
        tested = self.renamed_roots(node.test)
        # a check extracted today into a function the new test calls (`_assert_valid_metric`)
        # holds the counterpart of the old inline check
        extracted = {id(d) for name in called_names(node.test) for fn in self.al.new_defs.get(name, ())
                     for d in fn.descendants()}
        low = self.low_bound(sibling, expected)
        for s in reversed(expected.stmts[low:limit]):
            pre = self.al.preimage(s)
            if isinstance(s.node, ast.If) and (pre is None or id(pre) in extracted) and _jumps(s) and \
                    tested & {p.split(".")[0] for p in paths_of(s.node.test)} - {"self"}:
                return s
        return None

    def low_bound(self, sibling: Stmt, expected: Block) -> int:
        """Index in ``expected`` just past the images of the neighbours before ``sibling``."""
        low = 0
        for earlier in self.al.kids(sibling.parent):
            if earlier.index >= sibling.index:
                break
            img = self.al.image(earlier)
            lifted = self.within(img, expected) if img is not None else None
            if lifted is not None:
                low = max(low, lifted.index + 1)
        return low

    def renamed_tokens(self, stmt: Stmt) -> tuple[str, ...]:
        """A new statement's tokens with the old version's names."""
        rename = self.al.renames.rename_token
        return tuple(rename(t) if is_path(t) else t for t in self.al.tokens.get(stmt, stmt.tokens))

    def renamed_roots(self, node: ast.AST) -> set[str]:
        """The names at the root of the access paths a new expression mentions, as the old
        version calls them."""
        return {self.al.renames.rename_token(p).split(".")[0] for p in paths_of(node)}

    def rename_path(self, path: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.al.renames.rename_token(".".join(path)).split("."))

    # -- from an anchor to a place -----------------------------------------------------------

    def lift(self, stmt: Stmt) -> Stmt | NoPlace:
        """Out of every condition the new statement is not under (rule 3)."""
        current = stmt
        while True:
            block = current.parent
            owner = block.owner
            if owner is None or not block.conditional:
                return current
            if id(owner) in self.images_of_ancestors or \
                    (owner.kind, block.role, self.al.tokens.get(owner, owner.tokens)) in self.ancestor_headers or \
                    self.unmatched_twin(current, block) or self.handler_for_branch(block) or \
                    self.guarded_today(owner, block):
                # the new statement is under the same (or an identical) condition: stay inside
                if _constant_false(owner, block):
                    return NoPlace("its equivalent place never runs (dead code under a false condition)")
                return current
            if _constant_false(owner, block):
                return NoPlace("its equivalent place never runs (dead code under a false condition)")
            if self.binds_only_inside(owner, block, current):
                return current
            current = owner

    def binds_only_inside(self, owner: Stmt, block: Block, stmt: Stmt) -> bool:
        """Whether the old one-armed ``if`` whose body ``block`` holds ``stmt`` first binds, up to
        ``stmt``, a name the site reads, a name nothing before the ``if`` binds in its function:
        the condition is what makes the value exist (`if agent_ep_info is not None: ep_rew =
        agent_ep_info["episode"]["r"]`, an episode filter a helper does today), and after the
        ``if`` the name is the last episode's or unbound."""
        if owner.kind != "if" or len(owner.blocks) != 1:
            return False
        # (local names only: an attribute set under the condition keeps its last value after it)
        roots = {self.rename_path(path)[0] for path in _site_reads(self.site)}
        inside = {w[0] for k in block.stmts[: stmt.index + 1] for w in _writes_paths(k) if len(w) == 1}
        candidates = roots & inside
        if not candidates:
            return False
        holder = owner
        while True:
            for prev in holder.parent.stmts[: holder.index]:
                if candidates & {w[0] for w in _writes_paths(prev)}:
                    return False
            up = holder.parent.owner
            if up is None or up.kind in ("def", "class"):
                return True
            if isinstance(up.node, (ast.For, ast.AsyncFor)) and candidates & {w[0] for w in _paths(up.node.target)}:
                return False
            holder = up

    def unmatched_twin(self, stmt: Stmt, block: Block) -> bool:
        """Whether the old condition whose ``block`` holds ``stmt`` stands for the condition
        the site is under today, which has no counterpart, the site's neighbour and its image
        being directly inside them: the old condition has no counterpart either (`if
        do_validation:` today, `if len(val_x) and len(val_y):` before, each around `eval_result
        = self.evaluate(...)`), or it tests mostly the same (today's `if step % valid_steps ==
        0 and self.gpu_rank <= 0:` around the step report, which the old version makes in its
        `if valid_iter is not None and step % valid_steps == 0:`)."""
        owner, new_owner = block.owner, self.site.parent.owner
        pre = self.al.preimage(stmt)
        if owner is None or new_owner is None or owner.kind != "if" or new_owner.kind != "if" or \
                pre is None or pre.parent is not self.site.parent or block.role != self.site.parent.role or \
                self.al.image(new_owner) is not None:
            return False
        if self.al.preimage(owner) is None:
            return True
        before = bag(self.al.tokens.get(owner, owner.tokens))
        # today's conditions without counterpart around the site, nested ones included (`if
        # valid_iter is not None and step % valid_steps == 0:` then `if self.gpu_rank <= 0:`,
        # one `if` testing both before)
        for a in self.site.ancestors():
            if a.kind in ("def", "class"):
                break
            if a.kind == "if" and self.al.image(a) is None:
                if dice(bag(self.renamed_tokens(a)), before) >= SHARED_TEST:
                    return True
        return False

    def guarded_today(self, owner: Stmt, block: Block) -> bool:
        """Whether the old ``if c:`` whose body ``block`` is is a guard today, ``if not c:
        continue`` (or return, break, raise) ahead of the site or of a statement around it: the
        site runs only where ``c`` holds, as it did in that body (`if process_id != 0:
        continue` today, `if process_id == 0:` around the evaluation before)."""
        if owner.kind != "if" or block is not owner.blocks[0]:
            return False
        for holder in (self.site, *self.site.ancestors()):
            if holder.kind in ("def", "class"):
                return False
            if any(guard_of(owner, prev) for prev in holder.parent.stmts[: holder.index]):
                return True
        return False

    def handler_for_branch(self, block: Block) -> bool:
        """Whether the old ``except`` handler ``block`` stands for the branch of today's `if`
        the site is in, the `if` having no counterpart and its other branch's statements their
        images in the `try` body: asking first today (`if name in self.trainers: trainer =
        self.trainers[name] else: trainer = factory(name)`), asking forgiveness before (`try:
        trainer = self.trainers[name] except KeyError: trainer = factory(name)`)."""
        owner, branch = block.owner, self.site.parent
        if owner is None or owner.kind != "try" or block.role != "except" or branch.owner is None or \
                branch.owner.kind != "if" or self.al.image(branch.owner) is not None:
            return False
        body = owner.blocks[0]
        return any((img := self.al.image(s)) is not None and img.parent is body
                   for other in branch.owner.blocks if other is not branch for s in other.stmts)

    def after(self, anchor: Stmt, new_anchor: Stmt, expected: Block | None = None) -> Placement | NoPlace:
        lifted = self.lift(anchor)
        if isinstance(lifted, NoPlace):
            return lifted
        if expected is not None:
            # an image nested in a loop or `with` the site is not in: after that statement
            # (but not after a `try` whose body took in the neighbour: the body runs once,
            # and what follows the whole `try` runs after all of it, if ever)
            lifted = self.within(lifted, expected, keep=True) or lifted
        how = f"after the counterpart of line {new_anchor.first_line}"
        if lifted is not anchor:
            how += f", lifted out of the condition at line {lifted.first_line}"
        if lifted is anchor and _returns_else(new_anchor, anchor):
            # `if c: return X` today, the site after it; `if c: return X` / `else: return Y`
            # before: what follows today's `if` runs where the old `else` does
            return Placement(Point(anchor.blocks[1], 0), "first", None, new_anchor,
                             how + ", first in its `else`, where what follows it runs")
        index = lifted.index + 1
        index = self.past_device_moves(new_anchor, lifted, index)
        if lifted is anchor:
            index = self.past_contents(new_anchor, lifted.parent, index)
        index = self.past_reaching_definitions(lifted.parent, index)
        index = self.past_guards(lifted.parent, index)
        guard = self.guard()
        if guard is not None and guard.parent is lifted.parent and index <= guard.index:
            # today's condition is the old guard's: nothing before the guard runs under it
            index = guard.index + 1
        return Placement(Point(lifted.parent, index), "after", lifted, new_anchor, how)

    def before(self, anchor: Stmt, new_anchor: Stmt, expected: Block | None = None) -> Placement | NoPlace:
        lifted = self.lift(anchor)
        if isinstance(lifted, NoPlace):
            return lifted
        if expected is not None:
            lifted = self.within(lifted, expected) or lifted
        how = f"before the counterpart of line {new_anchor.first_line}"
        return Placement(Point(lifted.parent, lifted.index), "before", lifted, new_anchor, how)

    def guard(self) -> Stmt | None:
        """The old guard (``if x is None: continue``) that the site's ``if`` stands for."""
        owner = self.site.parent.owner
        img = self.al.image(owner) if owner is not None else None
        return img if owner is not None and img is not None and guard_of(owner, img) else None

    def first_in(self, block: Block) -> Placement | NoPlace:
        owner = self.site.parent.owner
        guard = self.guard()
        if owner is not None and guard is not None and guard.parent is block:
            # first under today's condition: right after the old guard that stands for it
            return Placement(Point(block, guard.index + 1), "after", guard, owner,
                             f"after the guard at line {guard.first_line}, first under its condition")
        if block.stmts:
            lifted = self.lift(block.stmts[0])
            if isinstance(lifted, NoPlace):
                return lifted
            if lifted is not block.stmts[0]:
                return Placement(Point(lifted.parent, lifted.index), "before", lifted, None,
                                 "before the condition its block's counterpart is under")
        index = 0
        if block.stmts and _is_docstring(block.stmts[0]) and block.owner is not None and \
                block.owner.kind in ("def", "class"):
            index = 1
        return Placement(Point(block, index), "first", None, None, "first in the counterpart of its block")

    def rest_of_condition(self, block: Block) -> Stmt | None:
        """The old `if B:` inside ``block``, the counterpart of today's `if A and B:` body, that
        tests the part of today's condition the old `if A:` does not: `if (iteration %
        self.save_every == 0) and self.save_progress:` today, `if self.save_progress:` nested in
        `if i % self.save_every == 0:` before. Only through `with` and `try`, which add no
        condition; only a test written the same."""
        owner = self.site.parent.owner
        if owner is None or owner.kind != "if" or self.site.parent is not owner.blocks[0] or \
                block.owner is None or self.al.image(owner) is not block.owner or \
                not isinstance(owner.node, ast.If) or not isinstance(owner.node.test, ast.BoolOp) or \
                not isinstance(owner.node.test.op, ast.And) or not isinstance(block.owner.node, ast.If):
            return None
        old_test = ast.unparse(block.owner.node.test)
        rest = {text for c in owner.node.test.values if (text := ast.unparse(c)) not in old_test}
        queue = list(block.stmts)
        while queue:
            stmt = queue.pop(0)
            if stmt.kind in ("with", "try"):
                queue.extend(stmt.blocks[0].stmts)
            elif stmt.kind == "if" and len(stmt.blocks) == 1 and self.al.preimage(stmt) is None and \
                    isinstance(stmt.node, ast.If) and ast.unparse(stmt.node.test) in rest:
                return stmt
        return None

    def last_in(self, block: Block) -> Placement | NoPlace:
        last = block.stmts[-1]
        lifted = self.lift(last)
        if isinstance(lifted, NoPlace):
            return lifted
        return Placement(Point(lifted.parent, lifted.index + 1), "after", lifted, None,
                         "last in the counterpart of its block")

    def owner_block(self, block: Block) -> Block | None:
        """The old block that corresponds to ``block`` through the counterpart of its owner."""
        owner = block.owner
        img = self.al.image(owner) if owner is not None else None
        if owner is None or img is None or not img.compound:
            return None
        return next((bb for ba, bb in pair_blocks(owner, img) if ba is block), None)

    # -- rule 4 ------------------------------------------------------------------------------

    def past_device_moves(self, new_anchor: Stmt, old_anchor: Stmt, index: int) -> int:
        targets = _device_built(new_anchor)
        if not targets:
            return index
        # every object the newest version builds-and-moves in the statements up to here
        # (`gen = G().to(d)`, `disc = D().to(d)`), under its old name
        stmts = old_anchor.parent.stmts
        names: set[str] = set()
        for s in stmts[: old_anchor.index + 1]:
            pre = self.al.preimage(s)
            if s is old_anchor or (pre is not None and _device_built(pre)):
                names |= {".".join(t) for t in written_paths(s.node)}
        if not names:
            return index
        while index < len(stmts) and self.al.preimage(stmts[index]) is None and \
                _only_device_moves(stmts[index], names):
            index += 1
        return index

    def past_contents(self, new_anchor: Stmt, block: Block, index: int) -> int:
        """Past the old statements that are the counterparts of what the newest previous sibling
        contains: today's `with timer("optim"):` also steps the scheduler, which the old
        version steps right after its `with` block; the site follows both. Only up to the first
        old statement whose counterpart runs after the site today, and only past statements
        that run whenever the block does (their counterpart is not under a condition inside
        it) and cannot jump (`if kl > limit: break` decides whether the site runs at all)."""
        if not new_anchor.compound:
            return index
        inside = {id(d): d for d in new_anchor.descendants()}
        stmts = block.stmts
        new_index = index
        for k in range(index, len(stmts)):
            s = stmts[k]
            pre = self.al.preimage(s)
            if pre is not None and id(pre) not in inside:
                break
            held = [s] + list(s.descendants())
            counterparts = [p for h in held if (p := self.al.preimage(h)) is not None and id(p) in inside]
            if not counterparts:
                continue
            if pre is not None:
                counterparts = [pre]  # what it holds is judged with it
            if _jumps(s) or any(_conditional_within(p, new_anchor) for p in counterparts):
                break
            new_index = k + 1
        return new_index

    def past_replaced(self, found: Placement, skipped: list[Stmt], limit: int) -> Placement:
        """Past the old statements without counterparts that follow the anchor when a skipped
        sibling is a call that replaced them: a method of `self` this file does not define (a
        base class's `self.trancate_gradients_and_step()` took in the old inline `if
        self.truncate_grads: ... scaler.step(...)`), or a method of an object `self` holds that
        has the name of a method those old statements call (`self._checkpoint_client.
        save_checkpoint(...)` for `self.save_checkpoint(...)`). Not for other calls: a
        `print(...)` or a `self.scheduler.step()` added today replaced nothing. Not past a
        statement that can jump. A function of another module counts when handed two of the
        objects the old statements use."""
        block, start = found.point.block, found.point.index
        k = start
        while k < min(limit, len(block.stmts)):
            s = block.stmts[k]
            if _jumps(s) or any(self.al.preimage(h) is not None for h in [s, *s.descendants()]):
                break
            k += 1
        if k == start:
            return found
        old_code = [d for s in block.stmts[start:k] for d in [s, *s.descendants()]]
        called = {name for d in old_code
                  if (call := outer_call(d.node)) is not None and (name := callee_name(call.func))}
        names = {p.split(".")[0] for d in old_code if not d.compound for p in paths_of(d.node)}
        if not any(self.replacing_call(s, called, names) for s in skipped):
            return found
        return Placement(Point(block, k), found.relation, found.anchor, found.new_anchor,
                         found.how + ", past the old code a call of code defined elsewhere replaced")

    def replacing_call(self, stmt: Stmt, called: set[str], names: set[str]) -> bool:
        node = stmt.node
        if not isinstance(node, ast.Expr) or not isinstance(node.value, ast.Call) or \
                self.al.image(stmt) is not None or self.local_callee(stmt) is not None:
            return False
        func = node.value.func
        if isinstance(func, ast.Name):
            # a function imported today handed the objects the old code worked on (`update(fabric,
            # loss, optimizer, cfg.algo.max_grad_norm)` for the old zero_grad, `fabric.backward(loss)`,
            # clipping and `optimizer.step()`): two of them at least, the old code calling
            # something; not a builtin (`print(f"{epoch}: {loss}")` replaced nothing)
            if func.id in _BUILTINS:
                return False
            handed = {root for arg in node.value.args for root in self.renamed_roots(arg)} - {"self"}
            return bool(called) and len(handed & names) >= 2
        if not isinstance(func, ast.Attribute):
            return False
        receiver = func.value
        if isinstance(receiver, ast.Call) and func.attr in called:
            # a method of what a call returns, named like one the old code calls, on a value
            # the old code uses: `self.scaler.scale(loss).backward()` took in the old AMP
            # `if`/`else` of `scaled_loss.backward()` and `loss.backward()`
            return bool(self.renamed_roots(receiver) - {"self"} & names)
        if isinstance(receiver, ast.Name):
            return receiver.id == "self"
        while isinstance(receiver, ast.Attribute):
            receiver = receiver.value
        return isinstance(receiver, ast.Name) and receiver.id == "self" and func.attr in called

    def past_reaching_definitions(self, block: Block, index: int) -> int:
        """Past the old statements up to the next neighbour's image that write what the site
        reads; and past the counterpart of a statement that computes it today when that
        counterpart comes after the next neighbour's image (the old `data_batch =
        next(loader)` after the hook call that today follows it): the statement goes after
        what it observes, or it would read a value not computed yet."""
        reads = {self.rename_path(p) for p in _site_reads(self.site)}
        if not reads:
            return index
        reads |= {self.rename_path(p) for p in self.aliased_reads()}
        stmts = block.stmts
        limit = len(stmts)
        for k in range(index, len(stmts)):
            pre = self.al.preimage(stmts[k])
            if pre is not None and _after_in_new(pre, self.site):
                limit = k
                break
        new_index = index
        for k in range(index, len(stmts)):
            s = stmts[k]
            if any(_overlaps(w, r) for w in _writes_paths(s) | method_sets(self.al, s) for r in reads) and \
                    not _converts(s):
                pre = self.al.preimage(s)
                if pre is None and k < limit or pre is not None and not _after_in_new(pre, self.site):
                    new_index = k + 1
        return new_index

    def past_guards(self, block: Block, index: int) -> int:
        """Past an old guard that leaves, whose counterpart tests a value the site reads (`if
        not client_instructions: return None`), right after the place, when it and everything before
        it there are counterparts of statements that precede the site in its function today:
        today's order (the guard, then the log line, then the site) puts the site under the
        guard, the old one (the log line, then the guard) must too."""
        stmts = block.stmts
        site_def = enclosing_def(self.site)
        reads = {".".join(p) for p in _site_reads(self.site)}
        new_index = index
        for k in range(index, len(stmts)):
            s = stmts[k]
            pre = self.al.preimage(s)
            if pre is None or _after_in_new(pre, self.site) or \
                    site_def is not None and site_def not in pre.ancestors():
                break  # (a check done today in a helper defined above is no earlier statement)
            if isinstance(pre.node, ast.If) and _jumps(s) and reads & paths_of(pre.node.test):
                new_index = k + 1
        return new_index

    def aliased_reads(self) -> list[tuple[str, ...]]:
        """What the site reads through a copy made today (`self.data_batch = data_batch`, no
        counterpart): the copied expression's paths."""
        out: list[tuple[str, ...]] = []
        for path in _site_reads(self.site):
            definition = reaching_definition(self.site, path[0], path)
            if definition is None or self.al.image(definition) is not None:
                continue
            value, _covered = aliased_value(definition.node, path)
            if value is not None:
                out.extend(read_paths(value))
        return out


_BUILTINS = frozenset(dir(builtins))


def _updates_alike(new: Stmt, old: Stmt, wanted: set[tuple[str, ...]]) -> bool:
    """Whether ``old`` may play the role of the update ``new`` (`self._step_nr += 1`): it
    assigns one of the ``wanted`` paths or updates it the same way, not only the other way
    (the rollback `self._step_nr -= 1` of a step with overflowing gradients is no step count)."""
    node = new.node
    if not isinstance(node, ast.AugAssign):
        return True
    for d in (old, *old.descendants()):
        n = d.node
        if d.compound or not wanted & _bound(d):
            continue
        if not isinstance(n, ast.AugAssign) or type(n.op) is type(node.op):
            return True
    return False


def _jumps(stmt: Stmt) -> bool:
    """Whether ``stmt`` holds a ``break``, ``continue``, ``return`` or ``raise`` of its own
    (nested functions aside)."""
    todo: list[ast.AST] = [stmt.node]
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Break, ast.Continue, ast.Return, ast.Raise)):
            return True
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                todo.append(child)
    return False


def _returns_else(new: Stmt, old: Stmt) -> bool:
    """Whether ``new`` is an ``if`` without ``else`` whose body ends by returning or raising
    and ``old`` the same ``if`` with an ``else`` (no ``elif``), its body ending the same way."""
    def ends(block: list[ast.stmt]) -> bool:
        return bool(block) and isinstance(block[-1], (ast.Return, ast.Raise))

    a, b = new.node, old.node
    return isinstance(a, ast.If) and isinstance(b, ast.If) and not a.orelse and ends(a.body) and \
        ends(b.body) and bool(b.orelse) and not (len(b.orelse) == 1 and isinstance(b.orelse[0], ast.If)) and \
        len(old.blocks) == 2


def _leaves_before(stmt: Stmt, sibling: Stmt) -> bool:
    """Whether ``stmt`` sits in a block inside ``sibling`` that ends by leaving it without
    reaching what follows ``sibling``: a ``return`` or ``raise``, or a ``break``/``continue``
    of a loop around ``sibling``."""
    chain: list[Block] = []
    block = stmt.parent
    while block.owner is not None:
        chain.append(block)
        if block.owner is sibling:
            break
        block = block.owner.parent
    else:
        return False
    for k, b in enumerate(chain):
        last = b.stmts[-1].node if b.stmts else None
        if isinstance(last, (ast.Return, ast.Raise)):
            return True
        # a loop inside ``sibling``, or ``sibling`` itself, is what a jump leaves
        if isinstance(last, (ast.Break, ast.Continue)) and \
                not any(c.owner is not None and c.owner.kind in ("for", "while") for c in chain[k:]):
            return True
    return False


def _conditional_within(stmt: Stmt, outer: Stmt) -> bool:
    """Whether ``stmt`` sits in a conditional block (an ``if`` branch, ``except``, ...) of a
    statement inside ``outer``, or of ``outer`` itself."""
    block = stmt.parent
    while block.owner is not None:
        if block.conditional:
            return True
        if block.owner is outer:
            return False
        block = block.owner.parent
    return False


def _body_with_callees(al: Alignment, function: Stmt, depth: int = 2) -> list[Stmt]:
    """The statements of ``function`` and of the functions new today (no counterpart, no old
    namesake) that it calls, ``depth`` calls deep."""
    out: list[Stmt] = []
    todo, seen = [function], {id(function)}
    for _ in range(depth + 1):
        callees: list[Stmt] = []
        for fn in todo:
            for d in fn.descendants():
                out.append(d)
                for name in called_names(d.node) if not d.compound else ():
                    found = _defined_around(al.new_defs.get(name, []), d)
                    if len(found) == 1 and id(found[0]) not in seen and al.image(found[0]) is None and \
                            name not in al.old_defs:
                        seen.add(id(found[0]))
                        callees.append(found[0])
        todo = callees
    return out


def _defined_around(defs: list[Stmt], caller: Stmt) -> list[Stmt]:
    """Of several functions of one name, the one defined around ``caller`` if there is one
    alone (`self.run_step(...)` in `Trainer.run_epoch`, with a `TaskTrainer.run_step` beside
    it; two functions each with its own `closure()`); otherwise all of them."""
    if len(defs) < 2:
        return defs
    around = {id(a.parent) for a in (caller, *caller.ancestors())}
    mine = [d for d in defs if id(d.parent) in around]
    return mine if len(mine) == 1 else defs


def _calls_of(al: Alignment, function: Stmt, limit: int = 8) -> list[Stmt]:
    """Statements of the new file that call ``function`` by its name (at most ``limit``)."""
    if not isinstance(function.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    name = function.node.name
    needle = name + "("
    found: list[Stmt] = []
    for stmt in al.new.statements:
        if needle not in stmt.source.replace(" ", "") or stmt is function:
            continue
        nodes = [stmt.node] if not stmt.compound else _header_nodes(stmt.node)
        if any(isinstance(n, ast.Call) and callee_name(n.func) == name for node in nodes for n in ast.walk(node)):
            found.append(stmt)
            if len(found) >= limit:
                break
    return found


def _passed_on(al: Alignment, function: Stmt, limit: int = 8) -> list[Stmt]:
    """Simple statements of the new file that pass ``function`` itself to a call (``wrap(f)``,
    ``partial(self.f, ...)``, ``run(fn=self.f)``), at most ``limit``."""
    if not isinstance(function.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    name = function.node.name
    found: list[Stmt] = []
    for stmt in al.new.statements:
        if stmt.compound or name not in stmt.source:
            continue
        for n in ast.walk(stmt.node):
            if isinstance(n, ast.Call) and any(callee_name(a) == name for a in
                                               list(n.args) + [k.value for k in n.keywords]):
                found.append(stmt)
                break
        if len(found) >= limit:
            break
    return found


def _call_sites(al: Alignment, site: Stmt, depth: int = 3) -> list[Stmt]:
    """The one statement that calls the function the site is in, and so on outwards (at most
    ``depth`` calls); empty when the function is called from several places or none."""
    out: list[Stmt] = []
    current = site
    for _ in range(depth):
        owner = next((a for a in current.ancestors() if a.kind == "def"), None)
        if owner is None:
            break
        found = _calls_of(al, owner, limit=2)
        if len(found) != 1 or owner in set(found[0].ancestors()):
            break  # called from several places (or recursively): no single context
        out.append(found[0])
        current = found[0]
    return out


def _header_nodes(node: ast.stmt) -> list[ast.AST]:
    """The expressions of a compound statement's header (its test, iterable, items)."""
    out: list[ast.AST] = []
    for name in ("test", "iter", "items", "subject"):
        value = getattr(node, name, None)
        if isinstance(value, list):
            out.extend(value)
        elif isinstance(value, ast.AST):
            out.append(value)
    return out


def _is_docstring(stmt: Stmt) -> bool:
    node = stmt.node
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _ancestor_blocks(stmt: Stmt) -> list[tuple[Stmt, Block]]:
    out: list[tuple[Stmt, Block]] = []
    block = stmt.parent
    while block.owner is not None:
        out.append((block.owner, block))
        block = block.owner.parent
    return out


def _overlaps(write: tuple[str, ...], read: tuple[str, ...]) -> bool:
    """A write of ``a.b`` changes a read of ``a.b.c``, and a write of ``a`` one of ``a.b``."""
    n = min(len(write), len(read))
    return write[:n] == read[:n] and len(write) <= len(read)


# calls that change how a value is held (type, device, container), not the value observed
_CONVERSIONS = frozenset({"float", "double", "half", "long", "int", "bool", "to", "cuda", "cpu", "from_numpy",
                          "tensor", "Tensor", "as_tensor", "asarray", "array", "Variable", "contiguous"})
_LIBRARIES = frozenset({"torch", "np", "numpy", "autograd", "torch.autograd"})


def _converts(stmt: Stmt) -> bool:
    """Whether ``stmt`` only converts a value in place (``x = x.float()``, ``inputs =
    Variable(inputs)``, ``y = torch.from_numpy(y).to(device)``): what a statement reading it
    observes (its device, length, shape) is the same on either side of it."""
    node = stmt.node
    if not isinstance(node, ast.Assign) or len(node.targets) != 1:
        return False
    target = dotted(node.targets[0])
    value: ast.expr = node.value
    if target is None or not isinstance(value, ast.Call):
        return False
    while isinstance(value, ast.Call):
        func = value.func
        if callee_name(func) not in _CONVERSIONS:
            return False
        receiver = dotted(func.value) if isinstance(func, ast.Attribute) else None
        if isinstance(func, ast.Attribute) and receiver not in _LIBRARIES:
            value = func.value  # `x.float()`: the value is the receiver
        elif value.args:
            value = value.args[0]  # `torch.from_numpy(x)`, `Variable(x)`
        else:
            return False
    return dotted(value) == target


def _after_in_new(stmt: Stmt, site: Stmt) -> bool:
    return stmt.first_line > site.last_line


def _common_block(stmts: list[Stmt]) -> Block | None:
    """The innermost block that contains all of ``stmts``."""
    chains: list[list[Block]] = []
    for s in stmts:
        chain = [s.parent]
        for anc in s.ancestors():
            chain.append(anc.parent)
        chains.append(list(reversed(chain)))
    common: Block | None = None
    for level in zip(*chains):
        first = level[0]
        if all(b is first for b in level):
            common = first
        else:
            break
    return common


def _bound_in_every_branch(stmt: Stmt) -> set[tuple[str, ...]]:
    """What each branch of an ``if`` with an ``else`` binds (entries under constant keys too)."""
    if not isinstance(stmt.node, ast.If) or not stmt.node.orelse:
        return set()
    found: set[tuple[str, ...]] | None = None
    for block in stmt.blocks:
        bound = {p for k in block.stmts for p in _writes_paths(k) | _entries(k)}
        found = bound if found is None else found & bound
    return found or set()


def _entries(stmt: Stmt) -> set[tuple[str, ...]]:
    """The entries under constant keys that ``stmt`` fills (`values["lr"] = ...`), as paths
    ending with the key in brackets: `("values", "[lr]")`; inside a compound statement too."""
    return {(*entry[0].split("."), f"[{entry[1]}]")
            for d in (stmt, *stmt.descendants()) if (entry := entry_filled(d.node)) is not None}


def _writes_paths(stmt: Stmt) -> set[tuple[str, ...]]:
    if stmt.kind in ("def", "class"):
        return set(written_paths(stmt.node))
    return subtree_writes(stmt)


def _bound(stmt: Stmt) -> set[tuple[str, ...]]:
    return set(written_paths(stmt.node))


def _observed(stmt: Stmt, site: Stmt, bound: set[tuple[str, ...]] | None = None) -> set[tuple[str, ...]]:
    """What of the values ``stmt`` binds the site reads."""
    reads = _site_reads(site)
    return {w for w in (_bound(stmt) if bound is None else bound) if any(_overlap(w, r) for r in reads)}


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one access path is a prefix of the other (`self.x` and `self.x.y`)."""
    return _overlaps(a, b) or _overlaps(b, a)


def _site_reads(site: Stmt) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for node in ast.walk(site.node):
        if isinstance(node, ast.Call):
            for arg in node.args[1:]:
                out.extend(read_paths(arg))
            break
    return out


def _device_built(stmt: Stmt) -> set[str]:
    """Targets of ``x = <call>.<to|cuda|...>(...)``: built and placed in one statement."""
    node = stmt.node
    if not isinstance(node, ast.Assign):
        return set()
    value = node.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
            value.func.attr in PLACEMENT_METHODS:
        return {".".join(p) for t in node.targets for p in _paths(t)}
    return set()


def _paths(target: ast.AST) -> list[tuple[str, ...]]:
    from florc.syntax.scope import target_paths

    return list(target_paths(target))


def _only_device_moves(stmt: Stmt, names: set[str]) -> bool:
    """``x = x.cuda()``, ``x.to(d)``, or an ``if`` made of those, for ``x`` in ``names``."""
    if stmt.kind == "if":
        inner = [s for b in stmt.blocks for s in b.stmts]
        return bool(inner) and all(_only_device_moves(s, names) for s in inner)
    if stmt.compound:
        return False
    node = stmt.node
    call: ast.expr | None = None
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = ".".join(p for t in _paths(node.targets[0]) for p in t)
        if target not in names:
            return False
        call = node.value
    elif isinstance(node, ast.Expr):
        call = node.value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return False
    if call.func.attr not in PLACEMENT_METHODS:
        return False
    receiver = call.func.value
    try:
        text = ast.unparse(receiver)
    except Exception:  # noqa: BLE001 - unparse of a weird node: not a device move
        return False
    return text in names


def _constant_false(owner: Stmt, block: Block) -> bool:
    node = owner.node
    if not isinstance(node, (ast.If, ast.While)) or block.role not in ("if", "body"):
        return False
    test = node.test
    return isinstance(test, ast.Constant) and not test.value


__all__ = ["NoPlace", "PLACEMENT_METHODS", "Placement", "place"]
