"""Aligning two versions of a module: which old statement is which new statement.

Approach (GumTree, at statement granularity, with renames and cross-kind blocks):

1. **Identical subtrees, top down.** Every statement gets a hash of its normalised tokens and,
   for a compound statement, of its blocks. Hashes that occur exactly once on each side are
   matched, largest subtree first, with everything inside them. This anchors the bulk of an
   unchanged file at once.
2. **Recovery inside matched containers.** For every pair of corresponding blocks (the blocks
   of two matched compound statements, the two modules, and a new block whose direct statements
   mostly landed in one old block, which is how a script moved into ``main()`` or a loop
   extracted into ``train()`` is seen), the unmatched statements between consecutive matched
   ones are aligned in order by dynamic programming over their similarity. Identical statements
   that occur several times (``model.train()``, the two halves of a val/test pair) are resolved
   here, by their position among matched neighbours.
3. **Containers, bottom up.** An unmatched compound statement is matched to the unmatched old
   compound statement of a compatible kind that holds most images of its descendants (Dice over
   descendants), weighed with the similarity of the two headers. A loop whose header names the
   same unique loop variable on both sides is matched on its header alone (an epoch loop whose
   body moved into a method still is the epoch loop).
4. **Leftovers.** Unmatched simple statements that are very similar to exactly one unmatched
   old statement (and vice versa) are matched wherever they are: code moved between functions.

Steps 2-4 repeat while they find matches. Similarity is a weighted Dice over tokens
(``florc.propagate.similarity``) after applying the renames inferred from the matches so far
(``florc.propagate.renames``), so a renamed variable stops lowering similarity once one
statement has shown the rename.

Failure modes: a statement rewritten beyond 50% token overlap with no matched neighbours is
left unmatched (placement then falls back to its neighbours or declines); two identical blocks
whose neighbours are also unmatched may be swapped; a loop whose variable changed *and* whose
body moved elsewhere is not recognised as the same loop.
"""

from __future__ import annotations

import ast
import keyword
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from florc.propagate.renames import RenameTable, identity_paths, scope_key
from florc.propagate.similarity import Bag, Shape, bag, dice, mass, name_affinity, shape, shape_match
from florc.syntax.scope import target_paths
from florc.syntax.tokens import is_path
from florc.syntax.tree import Block, StatementTree, Stmt

SIMPLE_THRESHOLD = 0.5
COMPOUND_THRESHOLD = 0.45
LEFTOVER_THRESHOLD = 0.65
LEFTOVER_MARGIN = 0.1
LOOP_HEADER_THRESHOLD = 0.5
UNIQUE_KEY_THRESHOLD = 0.45
AUG_KEY_THRESHOLD = 0.3
LONE_GAP_THRESHOLD = 0.35
ROUNDS = 4
CONTENT_LIMIT = 60
# a condition or loop is what its header says: containers need this much header in common
CONTAINER_HEADER_MIN = 0.25
# two statements that call corresponding functions of their files are this similar
CALL_MATCH = 0.7

_FAMILY = {"for": "loop", "while": "loop", "def": "def", "class": "class", "if": "if", "with": "with",
           "try": "try", "match": "match", "simple": "simple"}


def compatible(a: Stmt, b: Stmt) -> bool:
    return _FAMILY[a.kind] == _FAMILY[b.kind]


class Tokens:
    """Tokens of the statements of both versions, computed when first asked for.

    Exact comparison (the hashes of step 1) uses the cheap ``Stmt.key`` wherever no token
    rewriting (flor wrappers) applies, so most statements of a large file are never tokenized."""

    def __init__(self, new_fn: Callable[[Stmt], tuple[str, ...]] | None,
                 old_fn: Callable[[Stmt], tuple[str, ...]] | None, new_ids: set[int]) -> None:
        self.new_fn = new_fn
        self.old_fn = old_fn
        self.new_ids = new_ids
        self._cache: dict[int, tuple[str, ...]] = {}

    def __getitem__(self, stmt: Stmt) -> tuple[str, ...]:
        found = self._cache.get(id(stmt))
        if found is None:
            fn = self.new_fn if id(stmt) in self.new_ids else self.old_fn
            found = fn(stmt) if fn is not None else stmt.tokens
            self._cache[id(stmt)] = found
        return found

    def get(self, stmt: Stmt, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        return self[stmt]

    def identity(self, stmt: Stmt) -> tuple[str, ...]:
        """Paths and path prefixes of a statement, cached on the statement itself."""
        cached = stmt.identity_paths
        if cached is None:
            cached = identity_paths(self[stmt])
            stmt.identity_paths = cached
        return cached

    def key(self, stmt: Stmt) -> str:
        fn = self.new_fn if id(stmt) in self.new_ids else self.old_fn
        if fn is None:
            return stmt.key
        tokens = self[stmt]
        return stmt.key if tokens is stmt.tokens else " ".join(tokens)


@dataclass(eq=False)
class Alignment:
    """The result: a partial one-to-one map between new and old statements, and renames."""

    new: StatementTree
    old: StatementTree
    n2o: dict[Stmt, Stmt]
    o2n: dict[Stmt, Stmt]
    renames: RenameTable
    ignored: set[Stmt]
    tokens: Tokens
    _kids: dict[int, list[Stmt]] = field(default_factory=dict)

    def image(self, stmt: Stmt) -> Stmt | None:
        return self.n2o.get(stmt)

    def preimage(self, stmt: Stmt) -> Stmt | None:
        return self.o2n.get(stmt)

    def kids(self, block: Block) -> list[Stmt]:
        """Statements of a block that take part in the alignment (sites excluded)."""
        key = id(block)
        found = self._kids.get(key)
        if found is None:
            found = [s for s in block.stmts if s not in self.ignored]
            self._kids[key] = found
        return found


def align(
    new: StatementTree,
    old: StatementTree,
    ignored: Iterable[Stmt] = (),
    new_tokens: Callable[[Stmt], tuple[str, ...]] | None = None,
    old_tokens: Callable[[Stmt], tuple[str, ...]] | None = None,
    new_side: NewSide | None = None,
) -> Alignment:
    """Align ``new`` with ``old``, leaving the statements in ``ignored`` (and inside them) out.

    ``new_side`` may be kept by the caller across calls with the same ``new`` and ``ignored``:
    what depends on the newest version alone (hashes, the focus) is then computed once."""
    return _Aligner(new, old, ignored, new_tokens, old_tokens, new_side or NewSide()).run()


@dataclass(eq=False)
class NewSide:
    """What the aligner derives from the newest version alone, reusable across old versions."""

    hashes: dict[Stmt, int] = field(default_factory=dict)
    focus: set[Stmt] | None = None
    focus_compounds: list[Stmt] | None = None


class _Aligner:
    def __init__(
        self,
        new: StatementTree,
        old: StatementTree,
        ignored: Iterable[Stmt],
        new_tokens: Callable[[Stmt], tuple[str, ...]] | None,
        old_tokens: Callable[[Stmt], tuple[str, ...]] | None,
        new_side: NewSide,
    ) -> None:
        skip: set[Stmt] = set()
        for stmt in ignored:
            skip.add(stmt)
            skip.update(stmt.descendants())
        tokens = Tokens(new_tokens, old_tokens, {id(s) for s in new.statements})
        self.result = Alignment(new, old, {}, {}, RenameTable(), skip, tokens)
        self.new, self.old = new, old
        self.n2o = self.result.n2o
        self.o2n = self.result.o2n
        self.renames = self.result.renames
        self.tokens = tokens
        self.new_stmts = [s for s in new.statements if s not in skip]
        self._hash: dict[Stmt, int] = {}
        self.new_hashes = new_side.hashes
        self._desc: dict[Stmt, list[Stmt]] = {}
        self._old_bag: dict[Stmt, Bag] = {}
        self._new_bag: dict[tuple[Stmt, int | None], Bag] = {}
        self._new_content: dict[Stmt, Bag] = {}
        self._shape: dict[Stmt, Shape] = {}
        self._simple_sims: dict[tuple[int, int], float] = {}
        self.matched_inside: dict[Stmt, int] = {}
        self._desc_ids: dict[Stmt, set[int]] = {}
        self._bags: dict[tuple[str, ...], Bag] = {}
        self._masses: dict[int, float] = {}
        self._old_keys: dict[str, list[Stmt]] | None = None
        self._new_keys: Counter[str] | None = None
        self._raw_keys: dict[Stmt, tuple[str, tuple[str, ...]]] = {}
        self._renamed: dict[tuple[Stmt, int | None], tuple[str, ...]] = {}
        self._scope: dict[Stmt, int] = {}
        self._callee: dict[int, Stmt | None] = {}
        self.new_defs = _defs(self.new_stmts)
        # the functions the sites are in: of the copies of one statement made today, the copy
        # next to a site is the one placement asks about
        self.site_defs = {id(d) for stmt in ignored if (d := _enclosing_def(stmt)) is not None}
        self.old_defs = _defs(old.statements)
        if new_side.focus is None or new_side.focus_compounds is None:
            new_side.focus = self.focus_of([stmt for stmt in ignored if stmt in skip])
            # compound statements whose blocks hold something in focus (recovery works there)
            new_side.focus_compounds = [a for a in self.new_stmts if a.compound and
                                        any(k in new_side.focus for b in a.blocks for k in b.stmts)]
        self.focus = new_side.focus
        self.focus_compounds = new_side.focus_compounds
        self._focus_compound_set = set(new_side.focus_compounds)
        self._old_content: dict[Stmt, Bag] = {}
        self._done_pairs: set[tuple[int, int]] = set()
        self._refreshed_at = -1  # len(n2o) at the last refresh of renames and caches
        self._leftovers_at = -1  # len(n2o) after the last leftovers phase

    # -- small helpers -----------------------------------------------------------------------

    def focus_of(self, sites: list[Stmt]) -> set[Stmt]:
        """The new statements placement may ask about: the sites' neighbours at every level
        (with what they contain, functions aside), the bodies of the local functions those
        neighbours call, and every statement that mentions a name a site reads."""
        out: set[Stmt] = set()
        roots: set[str] = set()
        # `self` is mentioned by nearly every statement of a class: an attribute of it is
        # known by its own name (`self.tloss`, `self.opt`)
        attributes: set[str] = set()
        for site in sites:
            for token in site.tokens:
                if is_path(token):
                    parts = token.split(".", 2)
                    if parts[0] == "self" and len(parts) > 1:
                        attributes.add(parts[1])
                    else:
                        roots.add(parts[0])
            node = site
            depth = 0
            while True:
                for sib in node.parent.stmts:
                    out.add(sib)
                    if sib.kind not in ("def", "class"):
                        out.update(sib.descendants())
                    if depth == 0:
                        for callee in self._called_defs(sib):
                            out.add(callee)
                            out.update(callee.descendants())
                owner = node.parent.owner
                if owner is None:
                    break
                node = owner
                depth += 1
        if roots or attributes:
            for stmt in self.new_stmts:
                for t in self.tokens[stmt]:
                    if not is_path(t):
                        continue
                    parts = t.split(".", 2)
                    if parts[0] in roots or (parts[0] == "self" and len(parts) > 1 and parts[1] in attributes):
                        out.add(stmt)
                        break
        return out

    def _called_defs(self, stmt: Stmt) -> list[Stmt]:
        found: list[Stmt] = []
        for node in ast.walk(stmt.node) if not stmt.compound else ():
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                defs = self.new_defs.get(name, [])
                if len(defs) == 1:
                    found.append(defs[0])
        return found

    def kids(self, block: Block) -> list[Stmt]:
        return self.result.kids(block)

    def desc(self, stmt: Stmt) -> list[Stmt]:
        found = self._desc.get(stmt)
        if found is None:
            found = [d for d in stmt.descendants() if d not in self.result.ignored]
            self._desc[stmt] = found
        return found

    def hash_of(self, stmt: Stmt) -> int:
        cache = self.new_hashes if id(stmt) in self.tokens.new_ids else self._hash
        h = cache.get(stmt)
        if h is None:
            if not stmt.compound:
                h = hash(("s", self.tokens.key(stmt)))
            else:
                h = hash((stmt.kind, self.tokens.key(stmt),
                          tuple((b.role, b.label, tuple(self.hash_of(c) for c in self.kids(b)))
                                for b in stmt.blocks)))
            cache[stmt] = h
        return h

    def old_bag(self, stmt: Stmt) -> Bag:
        found = self._old_bag.get(stmt)
        if found is None:
            tokens = self.tokens[stmt]
            found = self._bags.get(tokens)
            if found is None:
                found = bag(tokens)
                self._bags[tokens] = found
            self._old_bag[stmt] = found
        return found

    def new_bag(self, stmt: Stmt, toward: Stmt | None = None) -> Bag:
        """The bag of a new statement renamed to old names (those of ``toward``'s scope first)."""
        old_scope = self.scope_of(toward) if toward is not None else None
        key = (stmt, old_scope)
        found = self._new_bag.get(key)
        if found is None:
            renamed = self.renamed(stmt, old_scope)
            found = self._bags.get(renamed)
            if found is None:
                found = bag(renamed)
                self._bags[renamed] = found
            self._new_bag[key] = found
        return found

    def renamed(self, stmt: Stmt, old_scope: int | None = None) -> tuple[str, ...]:
        """A new statement's tokens under the current renames."""
        key = (stmt, old_scope)
        found = self._renamed.get(key)
        if found is None:
            if old_scope is None:
                rename = self.renames.rename_token
                found = tuple(rename(t) if is_path(t) else t for t in self.tokens[stmt])
            else:
                between = self.renames.rename_token_between
                new_scope = self.scope_of(stmt)
                found = tuple(between(t, new_scope, old_scope) if is_path(t) else t for t in self.tokens[stmt])
            self._renamed[key] = found
        return found

    def scope_of(self, stmt: Stmt) -> int:
        found = self._scope.get(stmt)
        if found is None:
            found = scope_key(stmt)
            self._scope[stmt] = found
        return found

    def shape(self, stmt: Stmt) -> Shape:
        found = self._shape.get(stmt)
        if found is None:
            found = shape(stmt.node)
            self._shape[stmt] = found
        return found

    def calls_correspond(self, a: Stmt, b: Stmt) -> bool:
        """Whether two statements call functions of their own files that correspond."""
        fa = self.local_callee(a, self.new_defs)
        if fa is None:
            return False
        fb = self.local_callee(b, self.old_defs)
        if fb is None:
            return False
        img = self.n2o.get(fa)
        if img is not None:
            return img is fb
        if fb in self.o2n:
            return False
        # unmatched both: same name, or bodies that mostly correspond
        if _def_name(fa) == _def_name(fb):
            return True
        return self.desc_dice(fa, fb) >= 0.5

    def local_callee(self, stmt: Stmt, defs: dict[str, list[Stmt]]) -> Stmt | None:
        key = id(stmt)
        if key not in self._callee:
            self._callee[key] = self._local_callee(stmt, defs)
        return self._callee[key]

    def _local_callee(self, stmt: Stmt, defs: dict[str, list[Stmt]]) -> Stmt | None:
        call = _outer_call(stmt.node)
        if call is None:
            return None
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if name is None:
            return None
        found = defs.get(name, [])
        return found[0] if len(found) == 1 else None

    def refresh_renames(self) -> None:
        """New bags depend on the renames; recompute them at phase boundaries only.

        Evidence only changes when a pair is matched, so with no match since the last refresh
        every cached bag and similarity is still what it would be recomputed to."""
        if len(self.n2o) == self._refreshed_at:
            return
        self._refreshed_at = len(self.n2o)
        self.renames.refresh()
        self._renamed.clear()
        self._new_bag.clear()
        self._simple_sims.clear()
        self._new_content.clear()

    def match(self, a: Stmt, b: Stmt) -> None:
        self.n2o[a] = b
        self.o2n[b] = a
        # how many matched statements each compound statement holds (on either side)
        counts = self.matched_inside
        for stmt in (a, b):
            for anc in stmt.ancestors():
                counts[anc] = counts.get(anc, 0) + 1
        if self.tokens.key(a) == self.tokens.key(b):
            # unchanged: identity evidence only, from the new statement's cached paths (the
            # newest version is shared by every old version of a history)
            paths = self.tokens.identity(a)
            self.renames.add_identical(a, b, paths, self.scope_of(a), self.scope_of(b))
            return
        self.renames.add_pair(a, b, self.tokens[a], self.tokens[b])

    def desc_dice(self, a: Stmt, b: Stmt) -> float:
        da, db = self.desc(a), self.desc(b)
        if not da and not db:
            return 0.0
        if not self.matched_inside.get(a) or not self.matched_inside.get(b):
            return 0.0
        inside = self._desc_ids.get(b)
        if inside is None:
            inside = {id(d) for d in db}
            self._desc_ids[b] = inside
        common = sum(1 for d in da if id(self.n2o.get(d)) in inside)
        return 2.0 * common / (len(da) + len(db))

    def sim(self, a: Stmt, b: Stmt, floor: float = 0.0) -> float:
        """Similarity in [0, 1]; below ``floor`` any value below ``floor`` may be returned."""
        if not compatible(a, b):
            return 0.0
        if not a.compound:
            key = (id(a), id(b))
            found = self._simple_sims.get(key)
            if found is None or (found < 0 and -found >= floor):
                found = self.simple_sim(a, b, floor)
                self._simple_sims[key] = found
            return abs(found)
        header = dice(self.new_bag(a, b), self.old_bag(b))
        if self.hash_of(a) == self.hash_of(b):
            return 1.0
        if not self.desc(a) and not self.desc(b):
            return header
        if self.matched_inside.get(a) or self.matched_inside.get(b):
            return 0.5 * header + 0.5 * self.desc_dice(a, b)
        # nothing inside either is matched yet: compare what they contain, as text (for blocks
        # of a reasonable size; two large unmatched bodies are compared by their headers)
        if len(self.desc(a)) > CONTENT_LIMIT or len(self.desc(b)) > CONTENT_LIMIT:
            return 0.5 * header
        if a.kind in ("def", "class") and (header < 0.5 or _def_name(a) != _def_name(b)):
            # a function is first of all its name and signature; comparing the bodies of two
            # differently named functions is the most expensive way to learn little (a renamed
            # function is still found bottom up, by the statements in it)
            return 0.5 * header
        return 0.5 * header + 0.5 * dice(self.content_bag(a, True), self.content_bag(b, False))

    def simple_sim(self, a: Stmt, b: Stmt, floor: float) -> float:
        """Negative when cut short below ``floor`` (the magnitude is then an upper bound)."""
        new_bag, old_bag = self.new_bag(a, b), self.old_bag(b)
        ma, mb = self.mass_of(new_bag), self.mass_of(old_bag)
        if ma + mb > 0 and floor > 0:
            # two statements of very different sizes cannot be alike: Dice is at most
            # 2 min / sum of the masses (the leftovers phase compares thousands of such pairs)
            bound = 2.0 * min(ma, mb) / (ma + mb)
            if bound + 0.05 < floor:
                if CALL_MATCH >= floor and self.calls_correspond(a, b):
                    return CALL_MATCH
                return -min(bound + 0.05, 1.0)
        header = dice(new_bag, old_bag)
        if header + 0.05 < floor:
            if CALL_MATCH >= floor and self.calls_correspond(a, b):
                return CALL_MATCH
            return -min(header + 0.05, 1.0) if header > 0 else 0.0
        same = shape_match(self.shape(a), self.shape(b), self.renames.rename_token)
        base = header * (0.6 + 0.4 * same)
        if base < 1.0 and base + 0.05 >= floor:
            # a tie-breaker between mirror-image candidates, never a reason on its own
            base = min(0.99, base + 0.05 * name_affinity(self.new_bag(a, b), self.old_bag(b)))
        if base < CALL_MATCH and self.calls_correspond(a, b):
            return CALL_MATCH
        return base

    def mass_of(self, b: Bag) -> float:
        """The mass of a bag of ``self._bags`` (kept for the aligner's life: ids are stable)."""
        key = id(b)
        found = self._masses.get(key)
        if found is None:
            found = mass(b)
            self._masses[key] = found
        return found

    def content_bag(self, stmt: Stmt, new: bool) -> Bag:
        cache = self._new_content if new else self._old_content
        found = cache.get(stmt)
        if found is None:
            found = {}
            for d in self.desc(stmt) if new else stmt.descendants():
                for token, weight in (self.new_bag(d) if new else self.old_bag(d)).items():
                    found[token] = found.get(token, 0.0) + weight
            cache[stmt] = found
        return found

    # -- phases ------------------------------------------------------------------------------

    def run(self) -> Alignment:
        self.top_down()
        for _round in range(ROUNDS):
            before = len(self.n2o)
            self.refresh_renames()
            self.recover_all()
            self.bottom_up()
            self.recover_all()
            self.refresh_renames()
            self.leftovers()
            if len(self.n2o) == before:
                break
        return self.result

    def top_down(self) -> None:
        by_new: dict[int, list[Stmt]] = defaultdict(list)
        by_old: dict[int, list[Stmt]] = defaultdict(list)
        for s in self.new_stmts:
            by_new[self.hash_of(s)].append(s)
        for s in self.old.statements:
            by_old[self.hash_of(s)].append(s)
        pairs = [(ns[0], by_old[h][0]) for h, ns in by_new.items()
                 if len(ns) == 1 and len(by_old.get(h, ())) == 1]
        pairs.sort(key=lambda p: -p[0].size)
        for a, b in pairs:
            if a not in self.n2o and b not in self.o2n:
                self.match_subtree(a, b)

    def match_subtree(self, a: Stmt, b: Stmt) -> None:
        self.match(a, b)
        for ba, bb in zip(a.blocks, b.blocks):
            for ca, cb in zip(self.kids(ba), self.kids(bb)):
                if ca not in self.n2o and cb not in self.o2n:
                    self.match_subtree(ca, cb)

    # recovery --------------------------------------------------------------------------------

    def block_pairs(self) -> list[tuple[Block, Block]]:
        pairs: list[tuple[Block, Block]] = [(self.new.root, self.old.root)]
        paired_new: set[int] = {id(self.new.root)}
        for a in self.focus_compounds:
            b = self.n2o.get(a)
            if b is None or not a.compound or not b.compound:
                continue
            for ba, bb in pair_blocks(a, b):
                pairs.append((ba, bb))
                paired_new.add(id(ba))
        # a `with` or `try` added today around old code is transparent: its body corresponds
        # to the old block that the block around it corresponds to (`with grad_sync:` around
        # the forward and backward, `try:` around a step to catch out-of-memory errors)
        k = 0
        while k < len(pairs):
            ba, bb = pairs[k]
            k += 1
            for kid in self.kids(ba):
                if kid.kind in ("with", "try") and kid not in self.n2o and kid.blocks and \
                        id(kid.blocks[0]) not in paired_new and kid in self._focus_compound_set:
                    pairs.append((kid.blocks[0], bb))
                    paired_new.add(id(kid.blocks[0]))
        # a new block whose statements mostly live in one old block corresponds to it
        for a in self.focus_compounds:
            for ba in a.blocks:
                if id(ba) in paired_new:
                    continue
                votes: Counter[int] = Counter()
                blocks: dict[int, Block] = {}
                for kid in self.kids(ba):
                    img = self.n2o.get(kid)
                    if img is not None:
                        votes[id(img.parent)] += 1
                        blocks[id(img.parent)] = img.parent
                if votes:
                    key, count = votes.most_common(1)[0]
                    pairs.append((ba, blocks[key]))
        return pairs

    def inline_gaps(self) -> list[tuple[Block, list[Stmt]]]:
        """Functions new today whose body was inline where they are called, each with the old
        statements that held it: those between the counterparts of the neighbours of its first
        call (`run_epoch()` called for the training and the validation set was two inline loops).
        Only statements between those neighbours: the caller's own statements keep their
        counterparts."""
        out: list[tuple[Block, list[Stmt]]] = []
        for fn in self.focus_compounds:
            if fn.kind != "def" or fn in self.n2o or not fn.blocks or self.old_defs.get(_def_name(fn)) or \
                    any(k in self.n2o for k in self.kids(fn.blocks[0])):
                continue
            call = next((s for s in self.new_stmts if not s.compound and s not in self.n2o
                         and self.local_callee(s, self.new_defs) is fn), None)
            if call is None:
                continue
            owner = call.parent.owner
            img = self.n2o.get(owner) if owner is not None else None
            if owner is None:
                old_block: Block | None = self.old.root
            else:
                old_block = next((bb for ba, bb in pair_blocks(owner, img) if ba is call.parent),
                                 None) if img is not None and img.compound else None
            if old_block is None:
                continue
            ys = self.kids(old_block)
            at = {id(y): j for j, y in enumerate(ys)}
            xs = self.kids(call.parent)
            i = next(k for k, x in enumerate(xs) if x is call)
            lo = next((at[id(self.n2o[x])] for x in reversed(xs[:i])
                       if x in self.n2o and id(self.n2o[x]) in at), -1)
            hi = next((at[id(self.n2o[x])] for x in xs[i + 1:]
                       if x in self.n2o and id(self.n2o[x]) in at), len(ys))
            if lo < hi:
                out.append((fn.blocks[0], ys[lo + 1 : hi]))
        return out

    def recover_all(self) -> None:
        seen: set[tuple[int, int]] = set()
        self._recover_queue(self.block_pairs(), seen)
        # after the blocks that correspond, so that a caller's statements keep their own
        for body, ys in self.inline_gaps():
            gx = [x for x in self.kids(body) if x not in self.n2o]
            gy = [y for y in ys if y not in self.o2n]
            found = self.align_gap(gx, gy) if gx and gy else []
            for a, b in found:
                self.match(a, b)
            self._recover_queue([p for a, b in found if a.compound and b.compound for p in pair_blocks(a, b)], seen)

    def _recover_queue(self, queue: list[tuple[Block, Block]], seen: set[tuple[int, int]]) -> None:
        while queue:
            ba, bb = queue.pop(0)
            key = (id(ba), id(bb))
            if key in seen:
                continue
            seen.add(key)
            if not any(k in self.focus for k in self.kids(ba)):
                continue  # nothing placement will ask about lives here
            for a, b in self.recover(ba, bb):
                if a.compound and b.compound:
                    queue.extend(pair_blocks(a, b))

    def recover(self, ba: Block, bb: Block) -> list[tuple[Stmt, Stmt]]:
        """Align the unmatched statements of two corresponding blocks, in order."""
        xs, ys = self.kids(ba), self.kids(bb)
        if not xs or not ys:
            return []
        y_index = {id(y): j for j, y in enumerate(ys)}
        anchors = [(i, y_index[id(self.n2o[x])]) for i, x in enumerate(xs)
                   if x in self.n2o and id(self.n2o[x]) in y_index]
        # the chain that keeps the most statements, not the most anchors: a small statement
        # moved across the block (a `max_steps` check from the top of the loop to its end)
        # must not cut the step's large `if` out of the chain
        chain = _heaviest_increasing(anchors, [xs[i].size for i, _ in anchors])
        found: list[tuple[Stmt, Stmt]] = []
        bounds = [(-1, -1)] + chain + [(len(xs), len(ys))]
        for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
            gx = [x for x in xs[i0 + 1 : i1] if x not in self.n2o]
            gy = [y for y in ys[j0 + 1 : j1] if y not in self.o2n]
            if gx and gy:
                found.extend(self.align_gap(gx, gy))
        for a, b in found:
            self.match(a, b)
        return found

    def align_gap(self, xs: list[Stmt], ys: list[Stmt]) -> list[tuple[Stmt, Stmt]]:
        n, m = len(xs), len(ys)
        if n * m > 40000:
            return []
        if n == 1 and m == 1:
            # one statement on each side between two matched neighbours: position says a lot
            x, y = xs[0], ys[0]
            if self.sim(x, y) >= LONE_GAP_THRESHOLD and (x.compound or y.compound or
                                                          self.shape(x)[0] == self.shape(y)[0]):
                return [(x, y)]
            if _same_counter_step(x.node, y.node):
                # `gradient_step += 1` / `global_step += 1`: a counter stepped by the same
                # constant at the same place is the same counter under another name
                return [(x, y)]
            return []
        score = [[0.0] * (m + 1) for _ in range(n + 1)]
        for i in range(n - 1, -1, -1):
            row, below = score[i], score[i + 1]
            x = xs[i]
            threshold = COMPOUND_THRESHOLD if x.compound else SIMPLE_THRESHOLD
            for j in range(m - 1, -1, -1):
                best = below[j] if below[j] > row[j + 1] else row[j + 1]
                s = self.sim(x, ys[j], threshold)
                if s >= threshold and below[j + 1] + s > best:
                    best = below[j + 1] + s
                row[j] = best
        out: list[tuple[Stmt, Stmt]] = []
        i = j = 0
        while i < n and j < m:
            threshold = COMPOUND_THRESHOLD if xs[i].compound else SIMPLE_THRESHOLD
            s = self.sim(xs[i], ys[j], threshold)
            if s >= threshold and abs(score[i][j] - (score[i + 1][j + 1] + s)) < 1e-9:
                out.append((xs[i], ys[j]))
                i += 1
                j += 1
            elif score[i][j] == score[i + 1][j]:
                i += 1
            else:
                j += 1
        return out

    # containers ------------------------------------------------------------------------------

    def bottom_up(self) -> None:
        for a in reversed(self.new_stmts):  # reverse preorder: children before parents
            if not a.compound or a in self.n2o:
                continue
            candidates: dict[int, Stmt] = {}
            inlined = self.inlined(a)
            for d in self.desc(a) + inlined:
                img = self.n2o.get(d)
                if img is None:
                    continue
                for anc in img.ancestors():
                    if anc not in self.o2n and compatible(a, anc):
                        candidates[id(anc)] = anc
            best: Stmt | None = None
            best_score = COMPOUND_THRESHOLD
            stored = self.stored_condition(a) if candidates else None
            for b in candidates.values():
                header = dice(self.new_bag(a), self.old_bag(b))
                if stored is not None:
                    header = max(header, dice(stored, self.old_bag(b)))
                if a.kind in ("if", "while", "for", "with") and header < CONTAINER_HEADER_MIN:
                    continue
                inside = self.desc_dice(a, b) if not inlined else self.inlined_dice(a, inlined, b)
                s = 0.6 * inside + 0.4 * header
                if s > best_score:
                    best, best_score = b, s
            if best is not None:
                self.match(a, best)
        self.match_loops_by_header()

    def stored_condition(self, stmt: Stmt) -> Bag | None:
        """The header of ``if flag:`` with the condition ``flag`` was assigned before it in
        the same function (``do_sync_step = step % accum == 0 or last``, ``last`` itself a
        stored condition): today's name for a condition the old version writes in its ``if``."""
        test = stmt.node.test if isinstance(stmt.node, (ast.If, ast.While)) else None
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test = test.operand
        if not isinstance(test, ast.Name):
            return None
        value = self._stored_value(stmt, test.id, 2)
        if value is None:
            return None
        return bag(tuple(t for t in self.renamed(stmt) if t != test.id) + value)

    def _stored_value(self, stmt: Stmt, name: str, depth: int) -> tuple[str, ...] | None:
        """The tokens of the value last assigned to ``name`` by ``name = ...`` before
        ``stmt`` in its function, with the names in it that are stored the same way expanded
        (``depth`` levels)."""
        current = stmt
        while True:
            for prev in reversed(current.parent.stmts[: current.index]):
                node = prev.node
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                        isinstance(node.targets[0], ast.Name) and node.targets[0].id == name:
                    value = self.renamed(prev)[2:]  # without `name =`
                    if depth <= 1:
                        return value
                    out: list[str] = []
                    for t in value:
                        inner = self._stored_value(prev, t, depth - 1) \
                            if t.isidentifier() and not keyword.iskeyword(t) and t != name else None
                        out.extend(inner if inner is not None else (t,))
                    return tuple(out)
            owner = current.parent.owner
            if owner is None or owner.kind in ("def", "class"):
                return None
            current = owner

    def inlined(self, stmt: Stmt) -> list[Stmt]:
        """The statements with a counterpart in the bodies of the functions new today (no
        counterpart, no old namesake) that the simple statements inside ``stmt`` call: ``if
        validate: logs = self._eval_epoch(...)`` holds, as far as the old version can show, the
        evaluation loop that was inline there."""
        if stmt.kind in ("def", "class"):
            return []
        out: list[Stmt] = []
        for d in self.desc(stmt):
            if d.compound or d in self.n2o:
                continue
            fn = self.local_callee(d, self.new_defs)
            if fn is not None and fn.kind == "def" and fn not in self.n2o and not self.old_defs.get(_def_name(fn)) \
                    and fn not in set(stmt.ancestors()):
                # only a body that mostly has counterparts was inline before (a helper that is
                # new code, `_clear_memory()`, or gathers pieces from several places,
                # `optimizers_step()`, says nothing about where its caller was), and only what
                # has a counterpart counts
                body = self.desc(fn)
                imaged = [x for x in body if x in self.n2o]
                if 2 * len(imaged) >= len(body):
                    out.extend(imaged)
        return out

    def inlined_dice(self, a: Stmt, inlined: list[Stmt], b: Stmt) -> float:
        """``desc_dice`` with the bodies of the new functions ``a`` calls counted as inside it."""
        db = self.desc(b)
        inside = self._desc_ids.get(b)
        if inside is None:
            inside = {id(d) for d in db}
            self._desc_ids[b] = inside
        da = self.desc(a) + inlined
        common = sum(1 for d in da if id(self.n2o.get(d)) in inside)
        return 2.0 * common / (len(da) + len(db)) if da or db else 0.0

    def match_loops_by_header(self) -> None:
        """Loops over the same variable, alone of their kind on each side, are the same loop."""
        def key(stmt: Stmt, tokens: tuple[str, ...]) -> str | None:
            if stmt.kind == "for" and "in" in tokens:
                return " ".join(tokens[1 : tokens.index("in")])
            return None

        new_loops: dict[str, list[Stmt]] = defaultdict(list)
        old_loops: dict[str, list[Stmt]] = defaultdict(list)
        for a in self.new_stmts:
            if a.kind == "for":
                k = key(a, tuple(self.renames.rename_token(t) if is_path(t) else t for t in self.tokens[a]))
                if k:
                    new_loops[k].append(a)
        for b in self.old.statements:
            if b.kind == "for":
                k = key(b, self.tokens[b])
                if k:
                    old_loops[k].append(b)
        for k, ns in new_loops.items():
            os_ = old_loops.get(k, [])
            if len(ns) == 1 and len(os_) == 1:
                a, b = ns[0], os_[0]
                if a in self.n2o or b in self.o2n:
                    continue
                if dice(self.new_bag(a), self.old_bag(b)) >= LOOP_HEADER_THRESHOLD:
                    self.match(a, b)

    # leftovers -------------------------------------------------------------------------------

    def unique_keys(self) -> None:
        """Unmatched statements that alone on each side call the same thing or bind the same
        target (``torch.save(...)``, ``scaler = ...``) are the same statement if at all alike."""
        if self._old_keys is None:
            self._old_keys = defaultdict(list)
            for b in self.old.statements:
                if not b.compound:
                    k = self.key(b)
                    if k:
                        self._old_keys[k].append(b)
        if self._new_keys is None:
            # uniqueness on the new side is judged on the names as written (renames only map
            # new names to old ones, they do not make two new statements alike)
            self._new_keys = Counter(k for a in self.new_stmts if not a.compound and (k := self.key(a)))
        for a in self.new_stmts:
            if a.compound or a in self.n2o or a not in self.focus:
                continue
            raw = self.key(a)
            if not raw or self._new_keys[raw] != 1:
                continue
            # an update (`x += ...`) is known by its own name: `batch_loss += loss.item()` is
            # not `n_batches += 1` because one call passes them in the same position
            k = raw if raw.startswith("aug ") else self.key(a, self.renames.rename_token)
            os_ = self._old_keys.get(k or "", [])
            if len(os_) != 1 or os_[0] in self.o2n:
                continue
            b = os_[0]
            # an accumulator (`n += ...`) of the same name updated once on each side is updated
            # for the same reason, however the increment is written (`tokens.numel()`,
            # `current_num_tokens`); a rename learnt elsewhere is not enough for that
            threshold = AUG_KEY_THRESHOLD if k == raw and raw.startswith("aug ") else UNIQUE_KEY_THRESHOLD
            if dice(self.new_bag(a, b), self.old_bag(b)) >= threshold:
                self.match(a, b)

    def key(self, stmt: Stmt, rename: Callable[[str], str] | None = None) -> str | None:
        """What a statement calls (``call torch.save``) or binds (``assign scaler``), from its
        syntax tree (no tokens needed), under ``rename`` when given."""
        raw = self._raw_keys.get(stmt)
        if raw is None:
            raw = _raw_key(stmt.node)
            self._raw_keys[stmt] = raw
        if not raw[1]:
            return None
        paths = raw[1] if rename is None else tuple(rename(p) for p in raw[1])
        return raw[0] + " " + " ".join(paths)

    def leftovers(self) -> None:
        # the phase is a function of the matches so far: with none since its last run it
        # would find nothing new
        if len(self.n2o) == self._leftovers_at:
            return
        try:
            self._leftovers()
        finally:
            self._leftovers_at = len(self.n2o)

    def _leftovers(self) -> None:
        self.unique_keys()
        olds = [b for b in self.old.statements if not b.compound and b not in self.o2n]
        # the global search is the expensive phase: only for what placement may ask about
        news = [a for a in self.new_stmts if not a.compound and a not in self.n2o and a in self.focus]
        if not olds or not news:
            return
        index: dict[str, list[Stmt]] = defaultdict(list)
        for b in olds:
            for t in set(_names(self.tokens[b])):
                index[t].append(b)
        best_for_old: dict[Stmt, tuple[float, Stmt]] = {}
        proposals: list[tuple[Stmt, Stmt, float]] = []
        for a in news:
            names = set(_names(tuple(self.renames.rename_token(t) if is_path(t) else t for t in self.tokens[a])))
            pool: dict[int, Stmt] = {}
            for t in sorted(names, key=lambda t: len(index.get(t, ()))):
                for b in index.get(t, ())[:64]:
                    pool[id(b)] = b
                if len(pool) > 64:
                    break
            floor = LEFTOVER_THRESHOLD - LEFTOVER_MARGIN
            scored = sorted(((self.sim(a, b, floor), b) for b in pool.values()), key=lambda p: -p[0])
            if not scored or scored[0][0] < LEFTOVER_THRESHOLD:
                continue
            if len(scored) > 1 and scored[0][0] - scored[1][0] < LEFTOVER_MARGIN:
                continue
            s, b = scored[0]
            proposals.append((a, b, s))
            if b not in best_for_old or best_for_old[b][0] < s:
                best_for_old[b] = (s, a)
        if not proposals:
            return
        # the other direction: `a` must also be clearly the best unmatched new statement for `b`
        rindex: dict[str, list[Stmt]] = defaultdict(list)
        for a in self.new_stmts:
            if not a.compound and a not in self.n2o:
                for t in set(_names(tuple(self.renames.rename_token(t) if is_path(t) else t
                                          for t in self.tokens[a]))):
                    rindex[t].append(a)
        floor = LEFTOVER_THRESHOLD - LEFTOVER_MARGIN
        for a, b, s in proposals:
            if best_for_old[b][1] is not a or a in self.n2o or b in self.o2n:
                continue
            rivals: dict[int, Stmt] = {}
            for t in sorted(set(_names(self.tokens[b])), key=lambda t: len(rindex.get(t, ()))):
                for r in rindex.get(t, ())[:64]:
                    if r is not a:
                        rivals[id(r)] = r
                if len(rivals) > 64:
                    break
            if any(self.sim(r, b, floor) > s - LEFTOVER_MARGIN and not self.copy_elsewhere(r, a)
                   for r in rivals.values()):
                continue
            self.match(a, b)

    def copy_elsewhere(self, rival: Stmt, a: Stmt) -> bool:
        """Whether ``rival`` is a copy of ``a`` made today in a function without a site, ``a``
        being in a site's function: the code of one old function duplicated into several
        (`update()` of the plain, AMP and TPU training steps), the site's copy keeps the old
        statements."""
        fa = _enclosing_def(a)
        if fa is None or id(fa) not in self.site_defs:
            return False
        fr = _enclosing_def(rival)
        return (fr is None or id(fr) not in self.site_defs) and self.tokens.key(rival) == self.tokens.key(a)


def _same_counter_step(a: ast.stmt, b: ast.stmt) -> bool:
    """Two augmented assignments of a plain name by the same constant (``n += 1``)."""
    return isinstance(a, ast.AugAssign) and isinstance(b, ast.AugAssign) and \
        isinstance(a.target, ast.Name) and isinstance(b.target, ast.Name) and \
        type(a.op) is type(b.op) and isinstance(a.value, ast.Constant) and \
        isinstance(b.value, ast.Constant) and a.value.value == b.value.value


def _raw_key(node: ast.stmt) -> tuple[str, tuple[str, ...]]:
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        path = _dotted(node.value.func)
        return ("call", (path,)) if path else ("", ())
    if isinstance(node, ast.Assign):
        targets = tuple(".".join(p) for t in node.targets for p in target_paths(t))
        return "assign", targets
    if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        kind = "aug" if isinstance(node, ast.AugAssign) else "assign"
        return kind, tuple(".".join(p) for p in target_paths(node.target))
    return "", ()


def _dotted(node: ast.expr) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _defs(stmts: Iterable[Stmt]) -> dict[str, list[Stmt]]:
    out: dict[str, list[Stmt]] = defaultdict(list)
    for s in stmts:
        if s.kind == "def":
            out[_def_name(s)].append(s)
    return out


def _enclosing_def(stmt: Stmt) -> Stmt | None:
    return next((owner for owner in stmt.ancestors() if owner.kind == "def"), None)


def _def_name(stmt: Stmt) -> str:
    node = stmt.node
    return node.name if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else ""


def _outer_call(node: ast.stmt) -> ast.Call | None:
    value: ast.expr | None = None
    if isinstance(node, (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return)):
        value = node.value
    if isinstance(value, ast.Await):
        value = value.value
    return value if isinstance(value, ast.Call) else None


def _names(tokens: tuple[str, ...]) -> Iterator[str]:
    for t in tokens:
        if is_path(t):
            yield from t.split(".")


def pair_blocks(a: Stmt, b: Stmt) -> list[tuple[Block, Block]]:
    """Corresponding blocks of two matched compound statements (by role, then by order).

    A guard turned into a condition (``if out is None: continue`` then the rest of the loop,
    today ``if out is not None:`` around it) pairs the new body with the old guard's block:
    what follows the guard runs under the new condition."""
    if guard_of(a, b):
        return [(a.blocks[0], b.parent)]
    pairs: list[tuple[Block, Block]] = []
    used: set[int] = set()
    for ba in a.blocks:
        role = ba.role
        for bb in b.blocks:
            if id(bb) in used:
                continue
            same_role = bb.role == role or {bb.role, role} <= {"body", "if"}
            if same_role and (role not in ("except", "case") or _label_close(ba, bb)):
                pairs.append((ba, bb))
                used.add(id(bb))
                break
    return pairs


def guard_of(a: Stmt, b: Stmt) -> bool:
    """Whether old ``b`` is ``if not c: <jump>`` for new ``a``, ``if c: <body>`` (no ``else``
    on either side)."""
    if a.kind != "if" or b.kind != "if" or len(a.blocks) != 1 or len(b.blocks) != 1:
        return False
    body = b.blocks[0].stmts
    if len(body) != 1 or not isinstance(body[0].node, (ast.Continue, ast.Break, ast.Return, ast.Raise)):
        return False
    test_a, test_b = getattr(a.node, "test", None), getattr(b.node, "test", None)
    return test_a is not None and test_b is not None and _negated(test_a, test_b)


_NEGATED_OPS = {(ast.Is, ast.IsNot), (ast.IsNot, ast.Is), (ast.Eq, ast.NotEq), (ast.NotEq, ast.Eq),
                (ast.In, ast.NotIn), (ast.NotIn, ast.In), (ast.Lt, ast.GtE), (ast.GtE, ast.Lt),
                (ast.Gt, ast.LtE), (ast.LtE, ast.Gt)}


def _negated(a: ast.expr, b: ast.expr) -> bool:
    """``not c`` / ``c``, ``x is None`` / ``x is not None``, ``a < b`` / ``a >= b``."""
    def same(x: ast.AST, y: ast.AST) -> bool:
        return ast.dump(x) == ast.dump(y)

    if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.Not):
        return same(a.operand, b)
    if isinstance(b, ast.UnaryOp) and isinstance(b.op, ast.Not):
        return same(a, b.operand)
    if isinstance(a, ast.Compare) and isinstance(b, ast.Compare) and len(a.ops) == 1 and len(b.ops) == 1:
        return (type(a.ops[0]), type(b.ops[0])) in _NEGATED_OPS and same(a.left, b.left) and \
            same(a.comparators[0], b.comparators[0])
    return False


def _label_close(a: Block, b: Block) -> bool:
    return a.label == b.label or dice(bag(a.label), bag(b.label)) >= 0.5


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


__all__ = ["Alignment", "NewSide", "align", "compatible", "guard_of", "pair_blocks"]
