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

Step 1 and the state every step shares (the matches, rename evidence, cached similarities)
are here; steps 2, 3 and 4 are ``recovery``, ``containers`` and ``leftovers``, functions of
an ``Aligner``. Steps 2-4 repeat while they find matches. Similarity is a weighted Dice over tokens
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
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from florc.propagate import containers, leftovers, recovery
from florc.propagate.blocks import compatible
from florc.propagate.defs import (callee_name, called_names, def_name, defs_by_name, dotted, enclosing_def,
                                  other_slot, outer_call, paths_of, plain_target, undoes)
from florc.propagate.renames import RenameTable, identity_paths, opposite_stores, scope_key
from florc.propagate.similarity import (Bag, Shape, bag, dice, mass, name_affinity, shape, shape_match, share_a_word,
                                        word_swap, words)
from florc.syntax.scope import function_params, target_paths
from florc.syntax.tokens import is_path
from florc.syntax.tree import Block, StatementTree, Stmt

ROUNDS = 4
CONTENT_LIMIT = 60
# two statements that call corresponding functions of their files are this similar
CALL_MATCH = 0.7
# two calls of one method on two objects that are not the same object are at most this similar
OTHER_RECEIVER = 0.3
# a parameter every call fills with one object: a vote for that rename, below one aligned pair
PARAMETER_VOTE = 0.5
# two statements the same but for one word renamed throughout (a concept: path -> episode)
WORD_SWAP_MATCH = 0.9
# a function gone today of at most this many statements may have been inlined where it was called
INLINED_BODY = 4
# a statement of its body is this similar to the statement that does its work today
SIMPLE_MATCH = 0.5
# the names a version's text has (see ``Aligner.respelling``)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


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
    new_defs: dict[str, list[Stmt]] = field(default_factory=dict)
    old_defs: dict[str, list[Stmt]] = field(default_factory=dict)
    old_paths: dict[int, set[str]] = field(default_factory=dict)  # access paths by function (-1: module)
    _kids: dict[int, list[Stmt]] = field(default_factory=dict)
    # statements of one arm of an `if`/`else` new today whose copy in another arm has a
    # counterpart: that counterpart is theirs too (see ``recovery.arm_copies``)
    copies: dict[Stmt, Stmt] = field(default_factory=dict)
    new_side: NewSide = field(default_factory=lambda: NewSide())
    # what each old method sets on its object, by the method's id (see ``resolve.method_sets``)
    method_writes: dict[int, set[tuple[str, ...]]] = field(default_factory=dict)

    def image(self, stmt: Stmt) -> Stmt | None:
        found = self.n2o.get(stmt)
        return found if found is not None else self.copies.get(stmt)

    def preimage(self, stmt: Stmt) -> Stmt | None:
        return self.o2n.get(stmt)

    def elsewhere(self, a: Stmt, b: Stmt) -> bool:
        """Whether a simple statement and an old one are in two different functions that both
        versions have: `metrics = {"val_loss": val_loss}`, new in `main()`, is not the line of
        the old `fit()` that today's `fit()` rewrote, and says nothing about where `main()`'s
        statements were. (Code of a function gone today may be anywhere: it was inlined.)"""
        if a.compound:
            return False
        fa, fb = enclosing_def(a), enclosing_def(b)
        if fa is None or fb is None:
            return False
        name_a, name_b = def_name(fa), def_name(fb)
        return name_a != name_b and len(self.old_defs.get(name_a, ())) == 1 and \
            len(self.new_defs.get(name_b, ())) == 1

    def old_module_paths(self) -> set[str]:
        """Every access path the old version mentions."""
        found = self.old_paths.get(-1)
        if found is None:
            found = self.old_paths[-1] = paths_of(self.old.module)
        return found

    def separate_locals(self, scope: int, other: int, name: str) -> bool:
        """Whether ``name`` is a local variable of two different functions of the newest
        version (orders ``scope`` and ``other``; -1: the module), parameters left out, and two
        variables: unless ``scope`` binds it from a call of ``other`` (`stats, curr_logprob =
        self._do_estep(X)`, where `_do_estep` sums its own `curr_logprob`)."""
        if scope == other:
            return False
        mine = self.new_side.bindings_in(self.new, scope)
        if name not in mine or name not in self.new_side.bindings_in(self.new, other):
            return False
        if other < 0:
            return True
        callee = def_name(self.new.statements[other])
        return not any(not stmt.compound and callee in called_names(stmt.node) for stmt in mine[name])

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
    return Aligner(new, old, ignored, new_tokens, old_tokens, new_side or NewSide()).run()


@dataclass(eq=False)
class NewSide:
    """What the aligner derives from the newest version alone, reusable across old versions."""

    hashes: dict[Stmt, int] = field(default_factory=dict)
    focus: set[Stmt] | None = None
    focus_compounds: list[Stmt] | None = None
    paths: dict[int, set[str]] = field(default_factory=dict)  # access paths by function (-1: module)
    # what every call of a function passes for a parameter, by (function, parameter)
    passed: dict[tuple[int, str], set[str]] = field(default_factory=dict)
    # the statements that bind each plain name, by function (see ``Alignment.separate_locals``)
    bindings: dict[int, dict[str, list[Stmt]]] = field(default_factory=dict)
    by_scope: dict[int, list[Stmt]] | None = None
    names: set[str] | None = None  # every identifier of the newest version's text
    words: set[str] | None = None  # the words of those identifiers

    def bindings_in(self, tree: StatementTree, scope: int) -> dict[str, list[Stmt]]:
        """The statements of ``tree`` that bind each plain name in the function of order
        ``scope`` (-1: the module), its parameters left out."""
        found = self.bindings.get(scope)
        if found is not None:
            return found
        if self.by_scope is None:
            self.by_scope = defaultdict(list)
            for stmt in tree.statements:
                self.by_scope[scope_key(stmt)].append(stmt)
        found = defaultdict(list)
        for stmt in self.by_scope.get(scope, ()):
            for name in _assigned_names(stmt.node):
                found[name].append(stmt)
        if scope >= 0:
            for param in function_params(tree.statements[scope].node):
                found.pop(param, None)
        self.bindings[scope] = found
        return found


def _respelled(token: str, respelling: dict[str, str]) -> str:
    """``token`` with the names of ``respelling`` in their old spelling."""
    parts = token.split(".")
    if not any(part in respelling for part in parts):
        return token
    return ".".join(respelling.get(part, part) for part in parts)


def _assigned_names(node: ast.stmt) -> Iterator[str]:
    """The plain names an assignment or a loop binds (cheaper than ``written_paths``, and all
    that tells two functions' variables apart)."""
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
        targets = [node.target]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    for target in targets:
        for path in target_paths(target):
            if len(path) == 1:
                yield path[0]


class Aligner:
    """The state of one alignment while its phases run: matches, renames and caches."""

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
        self.desc_ids: dict[Stmt, set[int]] = {}
        self._bags: dict[tuple[str, ...], Bag] = {}
        self._masses: dict[int, float] = {}
        self.old_keys: dict[str, list[Stmt]] | None = None
        self.new_keys: Counter[str] | None = None
        self.raw_keys: dict[Stmt, tuple[str, tuple[str, ...]]] = {}
        # the updates by a constant (`self.step += 1`) on each side, with how and their names' words
        self.counters: tuple[list[tuple[Stmt, str, set[str]]], list[tuple[Stmt, str, set[str]]]] | None = None
        self._renamed: dict[tuple[Stmt, int | None], tuple[str, ...]] = {}
        self._respelling: dict[str, str] | None = None
        self._scope: dict[Stmt, int] = {}
        self._callee: dict[int, Stmt | None] = {}
        self.new_defs = self.result.new_defs = defs_by_name(self.new_stmts)
        # the functions the sites are in: of the copies of one statement made today, the copy
        # next to a site is the one placement asks about
        self.site_defs = {id(d) for stmt in ignored if (d := enclosing_def(stmt)) is not None}
        self.old_defs = self.result.old_defs = defs_by_name(old.statements)
        if new_side.focus is None or new_side.focus_compounds is None:
            new_side.focus = self.focus_of([stmt for stmt in ignored if stmt in skip])
            # compound statements whose blocks hold something in focus (recovery works there)
            new_side.focus_compounds = [a for a in self.new_stmts if a.compound and
                                        any(k in new_side.focus for b in a.blocks for k in b.stmts)]
        self.focus = new_side.focus
        self.new_side = self.result.new_side = new_side
        self.focus_compounds = new_side.focus_compounds
        self.focus_compound_set = set(new_side.focus_compounds)
        self._old_content: dict[Stmt, Bag] = {}
        self._done_pairs: set[tuple[int, int]] = set()
        self._refreshed_at = -1  # len(n2o) at the last refresh of renames and caches
        self.leftovers_at = -1  # len(n2o) after the last leftovers phase
        self.old_words: set[str] | None = None  # the words of the old version's names
        self.old_imports: frozenset[str] | None = None  # the module names the old version imports
        self.binders: dict[tuple[int, str], list[Stmt]] = {}  # (function, name) -> new `name = ...`
        self.seed_parameter_renames(ignored)

    def seed_parameter_renames(self, sites: Iterable[Stmt]) -> None:
        """A parameter of a site's function that every call fills with one object of the caller
        (`self.train_epoch(optimizer=self.opt, step_scheduler=self.step_scheduler)`) is, in an
        old version that never uses the parameter's name, what the function read directly: a
        weak vote for that rename, which one aligned statement keeping the name outweighs."""
        fns = {id(d): d for stmt in sites if (d := enclosing_def(stmt)) is not None}
        votes: list[tuple[str, str]] = []
        for fn in fns.values():
            for name in function_params(fn.node):
                passed = self.passed_for(fn, name) if name not in ("self", "cls") else set()
                if len(passed) == 1 and (path := next(iter(passed))) != name:
                    votes.append((name, path))
        if votes:
            # (an old version that has the name may well have had the parameter)
            old_names = {n.id for n in ast.walk(self.old.module) if isinstance(n, ast.Name)}
            for name, path in votes:
                if name not in old_names:
                    self.result.renames.flat[name][path] += PARAMETER_VOTE

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
        """The local functions a simple statement calls; for a compound statement, those that
        the simple statements right inside it call (`if n > 1: self._fit_n(...) else:
        self._fit_one(...)` is what those two functions do)."""
        if stmt.compound:
            return [d for b in stmt.blocks for k in b.stmts if not k.compound for d in self._called_defs(k)]
        return [defs[0] for name in called_names(stmt.node) if len(defs := self.new_defs.get(name, [])) == 1]

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
            respelling = self.respelling()
            if respelling:
                found = tuple(_respelled(t, respelling) for t in found)
            self._renamed[key] = found
        return found

    def respelling(self) -> dict[str, str]:
        """The names of today the old version never has but has spelled otherwise with
        underscores, each with its old spelling: today's `curr_logprob` is the old
        `curr_log_prob`, `_assemble_input` the old `assemble_input` (one old name of that
        spelling only: `loss_g` stays apart from `g_loss`)."""
        if self._respelling is None:
            old_names = set(_IDENTIFIER.findall(self.old.text))
            spellings: dict[str, set[str]] = defaultdict(set)
            for name in old_names:
                spellings[name.replace("_", "")].add(name)
            if self.new_side.names is None:
                self.new_side.names = set(_IDENTIFIER.findall(self.new.text))
            self._respelling = {}
            for name in self.new_side.names - old_names:
                same = spellings.get(name.replace("_", ""))
                if same is not None and len(same) == 1:
                    self._respelling[name] = next(iter(same))
        return self._respelling

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
        """Whether two statements call functions of their own files that correspond, or the
        old one calls a small function gone today whose work the new one does inline
        (`save_adapter(model, checkpoint)` / `mx.save_safetensors(str(checkpoint), weights)`)."""
        fa = self.local_callee(a, self.new_defs)
        if fa is None:
            return self.inlined_call(a, b)
        fb = self.local_callee(b, self.old_defs)
        if fb is None:
            # a bare old call of the function's name that the old file does not define (a
            # callback handed in, `backprop(loss)`): the step the function took over
            call = self.call_by_name(fa, b)
            return call is not None and isinstance(call.func, ast.Name) and def_name(fa) not in self.old_defs
        img = self.n2o.get(fa)
        if img is not None:
            return img is fb
        if fb in self.o2n:
            return False
        # unmatched both: same name, or bodies that mostly correspond
        if def_name(fa) == def_name(fb):
            return True
        return self.desc_dice(fa, fb) >= 0.5

    def inlined_call(self, a: Stmt, b: Stmt) -> bool:
        """Whether ``b`` calls a small old function gone today that has a statement like ``a``."""
        fb = self.local_callee(b, self.old_defs)
        if fb is None or fb in self.o2n or def_name(fb) in self.new_defs:
            return False
        body = [d for d in fb.descendants() if not d.compound]
        if not body or len(body) > INLINED_BODY:
            return False
        new_bag = self.new_bag(a)
        # a statement of it that is already another's counterpart (`_seed`'s split of the key,
        # inline today in `init`) does not make this one the call (`update`'s own split)
        return any(dice(new_bag, self.old_bag(d)) >= SIMPLE_MATCH for d in body if d not in self.o2n)

    def local_callee(self, stmt: Stmt, defs: dict[str, list[Stmt]]) -> Stmt | None:
        key = id(stmt)
        if key not in self._callee:
            self._callee[key] = self._local_callee(stmt, defs)
        return self._callee[key]

    def _local_callee(self, stmt: Stmt, defs: dict[str, list[Stmt]]) -> Stmt | None:
        call = outer_call(stmt.node)
        if call is None:
            return None
        name = callee_name(call.func)
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
        if a.kind == "if":
            self.opposite_arms(a, b)
        if self.tokens.key(a) == self.tokens.key(b):
            # unchanged: identity evidence only, from the new statement's cached paths (the
            # newest version is shared by every old version of a history)
            paths = self.tokens.identity(a)
            self.renames.add_identical(a, b, paths, self.scope_of(a), self.scope_of(b))
            return
        # (a receiver made from the old one, `scaled_loss = self.scaler.scale(loss)`, is the
        # step's object, not the old value under another name)
        self.renames.add_pair(a, b, self.tokens[a], self.tokens[b], renames=not self.unwrapped_receiver(a, b))

    def opposite_arms(self, a: Stmt, b: Stmt) -> None:
        """Stores of opposite constants in one arm of two matched `if`s make opposites."""
        for arm_a, arm_b in zip(a.blocks, b.blocks):
            if arm_a.role == arm_b.role:
                for sa in arm_a.stmts[:4]:
                    for sb in arm_b.stmts[:4]:
                        for pair in opposite_stores(sa.node, sb.node):
                            self.renames.forbid(*pair)

    def desc_dice(self, a: Stmt, b: Stmt) -> float:
        da, db = self.desc(a), self.desc(b)
        if not da and not db:
            return 0.0
        if not self.matched_inside.get(a) or not self.matched_inside.get(b):
            return 0.0
        inside = self.desc_ids.get(b)
        if inside is None:
            inside = {id(d) for d in db}
            self.desc_ids[b] = inside
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
        if a.kind in ("def", "class") and (header < 0.5 or def_name(a) != def_name(b)):
            # a function is first of all its name and signature; comparing the bodies of two
            # differently named functions is the most expensive way to learn little (a renamed
            # function is still found bottom up, by the statements in it)
            return 0.5 * header
        return 0.5 * header + 0.5 * dice(self.content_bag(a, True), self.content_bag(b, False))

    def simple_sim(self, a: Stmt, b: Stmt, floor: float) -> float:
        """Negative when cut short below ``floor`` (the magnitude is then an upper bound)."""
        if undoes(a.node, b.node) or other_slot(a.node, b.node):
            return 0.0
        if self.concept_renamed(a, b):
            return WORD_SWAP_MATCH
        if self.advanced_in_place(a, b) or self.stored_either_way(a, b) or self.result_kept(a, b):
            return CALL_MATCH
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
        if base < CALL_MATCH and (self.calls_correspond(a, b) and not self.other_receivers(a, b) or
                                  self.unwrapped_receiver(a, b)):
            # (of two saves that resolve to the class's `save()` by name, `torch.save(ema_state,
            # path)` is not today's `self.accelerator.save(state, path)`: one method on two
            # objects, whatever the file defines under its name)
            return CALL_MATCH
        # (not the same call word for word: `self.optim.step()` is still the old optimizer
        # step when a `step()` of a wrapper new today is what it runs)
        if OTHER_RECEIVER < base < 1.0 and (self.other_receivers(a, b) or self.extracted_call(a, b)):
            return OTHER_RECEIVER
        return base

    def concept_renamed(self, a: Stmt, b: Stmt) -> bool:
        """Whether ``a`` is ``b`` with one word renamed throughout, a word the old version
        never uses in a name (`episode` for `path`; not `val` for `train`, which it has)."""
        swap = word_swap(self.tokens[a], self.tokens[b])
        if swap is None:
            return False
        if self.old_words is None:
            self.old_words = {w.removesuffix("s") for s in self.old.statements for t in self.tokens[s]
                              if is_path(t) for w in words(t)}
        if swap[0] in self.old_words:
            return False
        # nor an old abbreviation of another word of today: `self.tr_loader = tr_loader` is
        # today's `self.train_loader = train_loader`, not `self.valid_loader = valid_loader`
        short = swap[1]
        if len(short) <= 3:
            if self.new_side.words is None:
                if self.new_side.names is None:
                    self.new_side.names = set(_IDENTIFIER.findall(self.new.text))
                self.new_side.words = {w for name in self.new_side.names for w in words(name)}
            return not any(w != swap[0] and len(w) > len(short) and w.startswith(short) for w in self.new_side.words)
        return True

    def advanced_in_place(self, a: Stmt, b: Stmt) -> bool:
        """Whether ``a`` rebuilds a value from itself (`self.state.timestamp =
        self.state.timestamp.to_next_epoch()`) that ``b`` advances in place under the renames
        (`self.state.timer.on_epoch_complete()`), the two methods sharing a word: the same step
        of the same object, written functionally today and by a mutating call before."""
        na, nb = a.node, b.node
        if not (isinstance(na, ast.Assign) and len(na.targets) == 1 and isinstance(nb, ast.Expr)):
            return False
        new_call, old_call = na.value, nb.value
        if not (isinstance(new_call, ast.Call) and isinstance(new_call.func, ast.Attribute) and
                isinstance(old_call, ast.Call) and isinstance(old_call.func, ast.Attribute)):
            return False
        target = dotted(na.targets[0])
        if target is None or dotted(new_call.func.value) != target or \
                self.renames.rename_token(target) != dotted(old_call.func.value):
            return False
        return share_a_word(new_call.func.attr, old_call.func.attr)

    def result_kept(self, a: Stmt, b: Stmt) -> bool:
        """Whether one statement makes the other's call word for word under the renames and
        keeps its result: `state = self._env.step(action)` today, `env.step(action)` before,
        when the environment held its state (or the other way round)."""
        na, nb = a.node, b.node
        if not (isinstance(na, (ast.Assign, ast.Expr)) and isinstance(nb, (ast.Assign, ast.Expr)) and
                type(na) is not type(nb) and isinstance(na.value, ast.Call) and isinstance(nb.value, ast.Call)):
            return False
        new, old = self.renamed(a, self.scope_of(b)), self.tokens[b]
        if isinstance(na, ast.Assign):
            new = new[new.index("=") + 1:] if len(na.targets) == 1 else ()
        elif isinstance(nb, ast.Assign):
            old = old[old.index("=") + 1:] if len(nb.targets) == 1 else ()
        return bool(new) and new == old

    def stored_either_way(self, a: Stmt, b: Stmt) -> bool:
        """Whether ``a`` stores a value into a slot of a collection (`epoch_actor_losses[batch_num]
        = float(actor_loss)`) that ``b`` appends to the same collection under the renames
        (`epoch_actor_losses.append(actor_loss.item())`), both reading the same names."""
        na, nb = a.node, b.node
        if not (isinstance(na, ast.Assign) and len(na.targets) == 1 and isinstance(na.targets[0], ast.Subscript)
                and isinstance(nb, ast.Expr) and isinstance(nb.value, ast.Call)
                and isinstance(nb.value.func, ast.Attribute) and nb.value.func.attr == "append"
                and len(nb.value.args) == 1):
            return False
        target = dotted(na.targets[0].value)
        if target is None or self.renames.rename_token(target) != dotted(nb.value.func.value):
            return False
        new_names = {self.renames.rename_token(p) for p in _value_names(na.value)}
        return bool(new_names) and new_names == _value_names(nb.value.args[0])

    def extracted_call(self, a: Stmt, b: Stmt) -> bool:
        """Whether ``a`` only calls a function new today (no old namesake) and ``b`` calls no
        function of its file: `self._do_grad_opt()` stands for the old inline backward, step and
        zero_grad, not for the `self('before_backward')` next to them."""
        if not isinstance(a.node, ast.Expr):
            return False
        fa = self.local_callee(a, self.new_defs)
        # (a method that hands on to another object's namesake, `def log(self, **logs):
        # self.accelerator.log(logs, ...)`, does not call itself; an old call of that name is
        # the step the method took over)
        return fa is not None and fa.kind == "def" and def_name(fa) not in self.old_defs and \
            self.local_callee(b, self.old_defs) is None and fa not in set(a.ancestors()) and \
            self.call_by_name(fa, b) is None

    @staticmethod
    def call_by_name(fa: Stmt, b: Stmt) -> ast.Call | None:
        """The call old ``b`` makes of something named as the new function ``fa`` (`backprop(loss)`,
        a callback handed in, for today's `def backprop(self, state, loss)`)."""
        call = outer_call(b.node)
        return call if call is not None and callee_name(call.func) == def_name(fa) else None

    def other_receivers(self, a: Stmt, b: Stmt) -> bool:
        """Whether two statements call one method on two different objects: `self.ema.update()`
        is not `self.scaler.update()` when the old version has a `self.ema` of its own (or today
        still has a `self.scaler`), nor is `scheduler.step()` the old `optimizer.step()`. One
        object handed to the other's call is the same object: `scaler.step(optimizer)` steps
        the optimizer, and so is an attribute of the same name."""
        ca, cb = outer_call(a.node), outer_call(b.node)
        if ca is None or cb is None or not isinstance(ca.func, ast.Attribute) or \
                not isinstance(cb.func, ast.Attribute) or ca.func.attr != cb.func.attr:
            return False
        ra, rb = dotted(ca.func.value), dotted(cb.func.value)
        if ra is None or rb is None:
            return False
        ra = self.renames.rename_token(ra)
        if ra.rsplit(".", 1)[-1].lstrip("_") == rb.rsplit(".", 1)[-1].lstrip("_"):
            # `self.optimizer` (or `self._optimizer`) and a local `optimizer`: one object, kept
            # in two ways
            return False
        if rb in {self.renames.rename_token(p) for p in _argument_paths(ca)} or ra in _argument_paths(cb):
            return False
        if rb in {self.renames.rename_token(p) for p in self.passed_for(a, ra)}:
            return False  # `optimizer.step()` in a method every call of which passes `self.opt`
        if self.old_imports is None:
            self.old_imports = _imported(self.old.module)
        if rb.split(".")[0] in self.old_imports and _same_arguments(ca, cb):
            # a module is no object with a state: `torch.save(state, path)` before is the step
            # that `self.accelerator.save(state, path)` takes today
            return False
        return self.mentioned(ra, b, self.result.old_paths) or self.mentioned(rb, a, self.new_side.paths)

    def unwrapped_receiver(self, a: Stmt, b: Stmt) -> bool:
        """Whether ``a`` calls a method on a name its function binds once from the object ``b``
        calls the method on: `model_to_save = self.accelerator.unwrap_model(self.model)` then
        `model_to_save.save_pretrained(output_dir, **kwargs)` today, `self.model.save_pretrained(
        output_dir)` before. It is the same step; the name is no rename of the old object (see
        ``match``): `scaled_loss = self.scaler.scale(loss)` is not the old `loss`."""
        ca, cb = outer_call(a.node), outer_call(b.node)
        if ca is None or cb is None or not isinstance(ca.func, ast.Attribute) or \
                not isinstance(cb.func, ast.Attribute) or ca.func.attr != cb.func.attr or \
                not isinstance(ca.func.value, ast.Name):
            return False
        old_receiver = dotted(cb.func.value)
        fn = enclosing_def(a)
        if old_receiver is None or fn is None or self.renames.rename_token(ca.func.value.id) == old_receiver:
            return False
        binders = self.binders_of(fn, ca.func.value.id)
        if len(binders) != 1:
            return False
        value = binders[0].node.value  # type: ignore[attr-defined]
        return old_receiver in {self.renames.rename_token(p) for p in paths_of(value)}

    def binders_of(self, fn: Stmt, name: str) -> list[Stmt]:
        """The statements of the new function ``fn`` that bind ``name`` alone (`name = ...`)."""
        key = (id(fn), name)
        found = self.binders.get(key)
        if found is None:
            found = self.binders[key] = [d for d in fn.descendants() if plain_target(d.node) == name]
        return found

    def passed_for(self, stmt: Stmt, name: str) -> set[str]:
        """What the calls of the new function ``stmt`` (or the one around it) pass for its parameter ``name``,
        as access paths: empty unless every call passes one (`self.train_epoch(optimizer=self.opt)`
        makes the method's `optimizer` the object's `self.opt`)."""
        fn = stmt if stmt.kind == "def" else enclosing_def(stmt)
        if fn is None or not isinstance(fn.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return set()
        key = (fn.order, name)
        found = self.new_side.passed.get(key)
        if found is None:
            found = self.new_side.passed[key] = _passed_for(self.new.module, fn.node, name)
        return found

    def mentioned(self, path: str, stmt: Stmt, cache: dict[int, set[str]]) -> bool:
        """Whether the version of ``stmt`` mentions ``path`` where it would mean one thing: an
        attribute of ``self`` anywhere in the module, any other path in the function of ``stmt``
        (a `loss` of another function says nothing about this one's `current_loss`)."""
        scope = None if path == "self" or path.startswith("self.") else enclosing_def(stmt)
        key = -1 if scope is None else scope.order
        found = cache.get(key)
        if found is None:
            tree = self.new if id(stmt) in self.tokens.new_ids else self.old
            found = paths_of(tree.module if scope is None else scope.node)
            cache[key] = found
        return path in found

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
        containers.match_moved_functions(self)
        for _round in range(ROUNDS):
            before = len(self.n2o)
            self.refresh_renames()
            recovery.recover_all(self)
            containers.bottom_up(self)
            recovery.recover_all(self)
            self.refresh_renames()
            leftovers.leftovers(self)
            if len(self.n2o) == before:
                break
        recovery.arm_copies(self)
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
            if a not in self.n2o and b not in self.o2n and not self.result.elsewhere(a, b):
                self.match_subtree(a, b)

    def match_subtree(self, a: Stmt, b: Stmt) -> None:
        self.match(a, b)
        for ba, bb in zip(a.blocks, b.blocks):
            for ca, cb in zip(self.kids(ba), self.kids(bb)):
                if ca not in self.n2o and cb not in self.o2n:
                    self.match_subtree(ca, cb)


def _imported(module: ast.Module) -> frozenset[str]:
    """The names a module's top-level ``import`` statements bind (``torch``, ``np``)."""
    return frozenset(alias.asname or alias.name.split(".")[0] for node in module.body
                     if isinstance(node, ast.Import) for alias in node.names)


def _same_arguments(a: ast.Call, b: ast.Call) -> bool:
    return [ast.dump(x) for x in a.args] == [ast.dump(x) for x in b.args] and \
        [(k.arg, ast.dump(k.value)) for k in a.keywords] == [(k.arg, ast.dump(k.value)) for k in b.keywords]


def _value_names(node: ast.expr) -> set[str]:
    """The variables an expression reads, called functions and methods aside (`float(x)` and
    `x.item()` both read `x`)."""
    called = {id(n.func) for n in ast.walk(node) if isinstance(n, ast.Call)}
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and id(n) not in called} | \
        {p for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
         if (p := dotted(n.func.value)) is not None}


def _passed_for(module: ast.Module, fn: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> set[str]:
    """The access paths the calls of ``fn`` in ``module`` pass for its parameter ``name``, by
    keyword or position; empty when there is no call or one passes something else or nothing."""
    positional = [a.arg for a in [*fn.args.posonlyargs, *fn.args.args]]
    if name not in positional and name not in [a.arg for a in fn.args.kwonlyargs]:
        return set()
    found: set[str] = set()
    for call in ast.walk(module):
        if not isinstance(call, ast.Call) or callee_name(call.func) != fn.name:
            continue
        value = next((k.value for k in call.keywords if k.arg == name), None)
        if value is None and name in positional:
            index = positional.index(name)
            if isinstance(call.func, ast.Attribute) and positional[:1] in (["self"], ["cls"]):
                index -= 1  # bound method: `self` is not among the arguments
            if 0 <= index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[:index + 1]):
                value = call.args[index]
        path = dotted(value) if value is not None else None
        if path is None:
            return set()
        found.add(path)
    return found


def _argument_paths(call: ast.Call) -> set[str]:
    """The access paths a call's arguments mention, with their prefixes."""
    return set().union(*(paths_of(arg) for arg in [*call.args, *(k.value for k in call.keywords)]))


__all__ = ["Aligner", "Alignment", "NewSide", "align"]
