"""Renames, inferred from the alignment: which old access path plays the role of a new one.

Every pair of aligned statements whose texts differ is evidence. The two token sequences are
diffed (``difflib``); where a one-to-one replaced token is an access path on both sides, the two
paths correspond, whole and once their common trailing attributes are dropped:

    new  self.opt.zero_grad()    old  optimizer.zero_grad()      ->  self.opt   => optimizer
    new  sample(ema.shadow, ...) old  sample(ema, ...)           ->  ema.shadow => ema
    new  for step, (images, labels) in ...   old  for batch_idx, (x, y) in ...
                                             ->  step => batch_idx, images => x, labels => y

The whole paths count too, and a longer path's evidence is read before its prefix's: when
`self.loop.max_epoch` was `self.config.max_epoch` and `self.loop.epoch_num` was `self.epoch_num`
(an object split in two), each attribute keeps its own old home.

Paths that appear unchanged in aligned statements are evidence for identity. Evidence is kept
per pair of scopes (the new statement's function, the old statement's function), because a
rename often holds in one place only: ``self`` in ``Trainer.fit`` is ``trainer`` in an older
``main()``, but still ``self`` in the older ``Trainer``'s methods.

Resolution (``candidates``) lists, for a path the new statement reads, the old expressions it may
stand for, most specific evidence first: evidence from the same pair of scopes, then from the
old scope, then the unchanged path, then evidence from the new scope, then from anywhere; within
a tier, longer prefixes before shorter ones, then, of one prefix's old homes, those the old
version mentions whole, then more votes before fewer. The caller keeps the first candidate that
is bound at the insertion point and holds the same value. Failure mode: a path that no aligned
statement mentions cannot be renamed, so a statement reading only such a path is declined when
the old name is unbound.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from florc.propagate.defs import dotted
from florc.propagate.similarity import share_a_word, words
from florc.syntax.tokens import is_path
from florc.syntax.tree import Stmt

ScopeKey = int  # order of the enclosing def statement, -1 for the module


def scope_key(stmt: Stmt) -> ScopeKey:
    for owner in stmt.ancestors():
        if owner.kind == "def":
            return owner.order
    return -1


def path_pairs(new_tokens: tuple[str, ...], old_tokens: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(new path, old path) correspondences in two versions of one statement.

    >>> list(path_pairs(("self.opt.zero_grad", "(", ")"), ("optimizer.zero_grad", "(", ")")))
    [('self.opt', 'optimizer'), ('self.opt.zero_grad', 'optimizer.zero_grad')]
    >>> list(path_pairs(("print", "(", "self.loop.epoch_num", ")"), ("print", "(", "self.epoch_num", ")")))
    [('print', 'print'), ('self.loop', 'self'), ('self.loop.epoch_num', 'self.epoch_num')]
    """
    yield from compare(new_tokens, old_tokens)[0]


def compare(new_tokens: tuple[str, ...], old_tokens: tuple[str, ...]) -> tuple[list[tuple[str, str]], int, int]:
    """Path correspondences, the number of tokens left unchanged, and the number of paths
    replaced one for one (a pair is trusted as a rename when the unchanged context outweighs
    the replacements)."""
    pairs: list[tuple[str, str]] = []
    if new_tokens[:1] == old_tokens[:1] == ("def",) and new_tokens != old_tokens:
        return _parameter_pairs(new_tokens, old_tokens)
    if new_tokens == old_tokens:
        pairs = [(t, t) for i, t in enumerate(new_tokens) if is_path(t) and not _keyword(new_tokens, i)]
        return pairs, len(new_tokens), 0
    equal = replaced = 0
    matcher = SequenceMatcher(None, new_tokens, old_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            equal += i2 - i1
            pairs.extend((t, t) for i, t in enumerate(new_tokens[i1:i2], i1)
                         if is_path(t) and not _keyword(new_tokens, i))
        elif tag == "replace" and i2 - i1 == 1 and j2 - j1 == 4 and _attribute_to_key(
                new_tokens[i1], old_tokens[j1:j2]) is not None:
            # `args.lr` became `config["lr"]`: an attribute read as a key of a mapping
            replaced += 1
            pairs.append((new_tokens[i1], _attribute_to_key(new_tokens[i1], old_tokens[j1:j2]) or ""))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for k, (a, b) in enumerate(zip(new_tokens[i1:i2], old_tokens[j1:j2])):
                if is_path(a) and is_path(b):
                    if _called(new_tokens, i1 + k) and _called(old_tokens, j1 + k) and \
                            _qualified(a, b):
                        # `data.unpack_x_y_sample_weight(...)` for `unpack_x_y_sample_weight(...)`:
                        # one function, imported another way, is part of what stayed (and
                        # today's name is read the old way: `monotonic` as `time.monotonic`)
                        equal += 1
                        if not a.startswith(("self.", "cls.")) and not b.startswith(("self.", "cls.")):
                            pairs.append((a, b))
                        continue
                    replaced += 1
                    if _called(new_tokens, i1 + k) != _called(old_tokens, j1 + k):
                        # `loss_to_log` where the old statement has `loss.item()`: a value
                        # became an expression, which is no rename of a name
                        continue
                    if _accumulates(new_tokens, i1 + k) != _accumulates(old_tokens, j1 + k):
                        # `batch_loss = forward(...)` where the old statement has
                        # `epoch_loss += forward(...)`: an accumulator is not the value added to it
                        continue
                    pa, pb = strip_common_suffix(a, b)
                    if (pa, pb) == (a, b) and _called(new_tokens, i1 + k):
                        pa, pb = _receivers(a, b)
                    # a rename is one-to-one: `scaler.step(opt)` -> `opt.step()` is not
                    # `scaler` renamed `opt`, since `opt` is still there in the new statement
                    if _mentions(new_tokens, pb, i1 + k) or _mentions(old_tokens, pa, j1 + k):
                        continue
                    pairs.append((pa, pb))
                    if (pa, pb) != (a, b):
                        # the whole paths too: `self.loop.epoch_num` was `self.epoch_num` even
                        # where `self.loop.max_epoch` was `self.config.max_epoch`, an object
                        # split in two, and the longer evidence decides first
                        pairs.append((a, b))
    return pairs, equal, replaced


def _qualified(a: str, b: str) -> bool:
    """Whether one path is a bare function name and the other that name under a module
    (`unpack_x_y_sample_weight` / `data.unpack_x_y_sample_weight`); not a method of an object
    renamed (`optimizer.zero_grad` / `self.optimizer.zero_grad`)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return "." not in short and long.endswith("." + short)


def _parameter_pairs(new_tokens: tuple[str, ...], old_tokens: tuple[str, ...]) -> tuple[list[tuple[str, str]], int, int]:
    """``compare`` for two headers of one function: parameters are paired by name, then,
    between parameters of the same name, by the words of their names, then in order where as
    many are left on each side or where their annotations and defaults are the same
    (`use_amp: bool = False` / `fp16: bool = False`). A parameter inserted before the others
    (`round_` ahead of `batch_size`) does not shift every name onto its neighbour's."""
    new, old = _parameters(new_tokens), _parameters(old_tokens)
    names_new, names_old = [n for n, _ in new], [n for n, _ in old]
    pairs: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, names_new, names_old, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend((p, p) for p in names_new[i1:i2])
        elif tag == "replace":
            pairs.extend(_gap_pairs(new[i1:i2], old[j1:j2]))
    renamed = sum(1 for a, b in pairs if a != b)
    # the rest of the header, parameter names masked, is the context that vouches for them
    mask = frozenset(names_new) | frozenset(names_old)
    masked = SequenceMatcher(None, [t if t not in mask else "" for t in new_tokens],
                             [t if t not in mask else "" for t in old_tokens], autojunk=False)
    equal = sum(size for _, _, size in masked.get_matching_blocks())
    return pairs, equal - renamed, renamed


Parameter = tuple[str, tuple[str, ...]]  # name, annotation and default tokens


def _gap_pairs(new: list[Parameter], old: list[Parameter]) -> list[tuple[str, str]]:
    def alike(x: str, y: str) -> float:
        wx, wy = set(words(x)), set(words(y))
        return 2.0 * len(wx & wy) / (len(wx) + len(wy)) if wx or wy else 0.0

    out: list[tuple[str, str]] = []
    left, right = list(new), list(old)
    for a in new:
        scored = sorted(((alike(a[0], b[0]) if not _flag_and_value(a, b) else 0.0, b) for b in right),
                        reverse=True)
        if scored and scored[0][0] >= 0.5 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            b = scored[0][1]
            if max(alike(x[0], b[0]) for x in left) == scored[0][0]:
                out.append((a[0], b[0]))
                left.remove(a)
                right.remove(b)
    if len(left) == len(right):
        out.extend((a[0], b[0]) for a, b in zip(left, right) if not _flag_and_value(a, b))
    else:
        for a, b in zip(left, right):
            if not a[1] or a[1] != b[1]:
                break
            out.append((a[0], b[0]))
    return out


def _flag_and_value(a: Parameter, b: Parameter) -> bool:
    """Whether one parameter is a switch and the other a value, by their defaults: the old
    `tensorboard=False` is no earlier name of today's `tensorboard_dir=None`, the directory."""
    def flag(p: Parameter) -> bool | None:
        rest = p[1]
        if "=" not in rest:
            return None
        return "bool" in rest[: rest.index("=")] or rest[-1] in ("True", "False")

    fa, fb = flag(a), flag(b)
    return fa is not None and fb is not None and fa != fb


def _parameters(tokens: tuple[str, ...]) -> list[Parameter]:
    """The parameters of a ``def`` header's tokens, in order."""
    out: list[Parameter] = []
    depth = 0
    rest: list[str] = []
    for i, t in enumerate(tokens):
        if t in ("(", "[", "{"):
            depth += 1
        elif t in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                break
        if depth == 1 and t != "(" and is_path(t) and "." not in t and tokens[i - 1] in ("(", ",", "*", "**"):
            rest = []
            out.append((t, ()))
        elif out and not (depth == 1 and t == ","):
            rest.append(t)
            out[-1] = (out[-1][0], tuple(rest))
    return out


def _same_producer(new_tokens: tuple[str, ...], old_tokens: tuple[str, ...]) -> bool:
    """For two assignments: whether their values start with the same function or method
    (``Generator(...)`` and ``Generator(...)``, ``x.to(...)`` and ``images.to(...)``)."""
    def producer(tokens: tuple[str, ...]) -> str | None:
        if "=" not in tokens:
            return None
        i = tokens.index("=")
        if i + 2 >= len(tokens) or not is_path(tokens[i + 1]) or tokens[i + 2] != "(":
            return None  # not a call: `centers = RADIUS * ...` says nothing about producers
        return tokens[i + 1].rsplit(".", 1)[-1]

    a, b = producer(new_tokens), producer(old_tokens)
    return a is None or b is None or a == b


def _same_slot(new_tokens: tuple[str, ...], old_tokens: tuple[str, ...]) -> bool:
    """For two assignments to an entry under a constant key: whether it is the same key
    (``model_dict["config"] = self.config`` fills another entry than ``model_dict["epoch"] =
    self.current_epoch``: the two values are not one renamed)."""
    def slot(tokens: tuple[str, ...]) -> str | None:
        if len(tokens) > 5 and tokens[1] == "[" and tokens[3] == "]" and tokens[4] == "=" and \
                tokens[2].startswith("'"):
            return tokens[2]
        return None

    a, b = slot(new_tokens), slot(old_tokens)
    return a is None or b is None or a == b


def _attribute_to_key(path: str, old: tuple[str, ...]) -> str | None:
    """``config["lr"]`` for the path ``args.lr`` when ``old`` is ``config [ 'lr ]``."""
    if "." not in path or len(old) != 4 or not is_path(old[0]) or old[1] != "[" or old[3] != "]":
        return None
    attr = path.rsplit(".", 1)[1]
    if old[2] != "'" + attr:
        return None
    return f'{old[0]}["{attr}"]'


def _called(tokens: tuple[str, ...], i: int) -> bool:
    """Whether ``tokens[i]`` is called (``loss.item`` in ``loss.item()``)."""
    return i + 1 < len(tokens) and tokens[i + 1] == "("


_AUGMENTED = frozenset(("+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", ">>=", "<<="))


def _accumulates(tokens: tuple[str, ...], i: int) -> bool:
    """Whether ``tokens[i]`` is the target of an augmented assignment (``n`` in ``n += 1``)."""
    return i + 1 < len(tokens) and tokens[i + 1] in _AUGMENTED


def _keyword(tokens: tuple[str, ...], i: int) -> bool:
    """Whether ``tokens[i]`` names a keyword argument (``lr`` in ``f(x, lr=...)``)."""
    return 0 < i < len(tokens) - 1 and tokens[i + 1] == "=" and tokens[i - 1] in ("(", ",")


def _mentions(tokens: tuple[str, ...], path: str, skip: int) -> bool:
    """Whether a token other than ``tokens[skip]`` is ``path`` or reaches into it (a keyword
    argument's name, `lr` in `f(lr=lr_r)`, is not a mention)."""
    prefix = path + "."
    for i, t in enumerate(tokens):
        if i == skip or not (t == path or t.startswith(prefix)):
            continue
        if _keyword(tokens, i):
            continue
        return True
    return False


def strip_common_suffix(a: str, b: str) -> tuple[str, str]:
    """Drop the attributes two paths end with in common, keeping one component on each side."""
    pa, pb = a.split("."), b.split(".")
    while len(pa) > 1 and len(pb) > 1 and pa[-1] == pb[-1]:
        pa.pop()
        pb.pop()
    return ".".join(pa), ".".join(pb)


def _receivers(a: str, b: str) -> tuple[str, str]:
    """For two calls of methods that share a word, renamed along with their objects
    (`session_init._run_init` / `self.config.session_init.init`), the objects; else the paths."""
    pa, _, ma = a.rpartition(".")
    pb, _, mb = b.rpartition(".")
    if not pa or not pb or (pa + ".").startswith(pb + ".") or (pb + ".").startswith(pa + "."):
        # `self.state.save()` / `self.save_state()`: a method moved onto an attribute, not
        # an object renamed
        return a, b
    return (pa, pb) if share_a_word(ma, mb) else (a, b)


def opposite_stores(new: ast.AST, old: ast.AST) -> list[tuple[str, str]]:
    """The (new, old) targets of two assignments, position by position, that store opposite
    constants: `True` and `False`, an infinity and its negation."""
    if not (isinstance(new, ast.Assign) and isinstance(old, ast.Assign) and len(new.targets) == 1 == len(old.targets)):
        return []

    def spread(target: ast.expr, value: ast.expr) -> list[tuple[ast.expr, ast.expr]]:
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
            return list(zip(target.elts, value.elts))
        return [(target, value)]
    a, b = spread(new.targets[0], new.value), spread(old.targets[0], old.value)
    if len(a) != len(b):
        return []
    out = []
    for (ta, va), (tb, vb) in zip(a, b):
        na, nb, sa, sb = dotted(ta), dotted(tb), _signed(va), _signed(vb)
        if na is not None and nb is not None and na != nb and sa is not None and sb is not None and \
                sa[0] == sb[0] and sa[1] != sb[1]:
            out.append((na, nb))
    return out


def _signed(value: ast.expr) -> tuple[str, bool] | None:
    """A constant as (kind, sign): `True` ("bool", True), `float("-inf")` ("inf", False)."""
    if isinstance(value, ast.Constant) and isinstance(value.value, bool):
        return "bool", value.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "float" and \
            len(value.args) == 1 and isinstance(value.args[0], ast.Constant) and isinstance(value.args[0].value, str):
        text = value.args[0].value.strip().lower()
        if text.lstrip("+-") in ("inf", "infinity"):
            return "inf", not text.startswith("-")
    return None


def prefixes(path: str) -> list[str]:
    """``a.b.c`` -> [``a.b.c``, ``a.b``, ``a``]."""
    parts = path.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]


@dataclass
class RenameTable:
    """Votes for ``new path -> old path``, per pair of scopes."""

    votes: dict[tuple[ScopeKey, ScopeKey], dict[str, dict[str, float]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    )
    # global view used while aligning: new path -> old path -> votes
    flat: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    # (new name, old name) pairs shown to be opposites, never a rename
    opposites: set[tuple[str, str]] = field(default_factory=set)
    _cache: dict[str, str] = field(default_factory=dict)

    def add_pair(self, new: Stmt, old: Stmt, new_tokens: tuple[str, ...], old_tokens: tuple[str, ...],
                 weight: float = 1.0, renames: bool = True) -> None:
        """Record the path correspondences of one aligned pair (renames only when trusted)."""
        key = (scope_key(new), scope_key(old))
        table = self.votes[key]
        for pair in opposite_stores(new.node, old.node):
            # `self._val_loss = float("Inf")` where the old one starts `self._val_log_prob =
            # float("-Inf")`: the one value is the other negated, never the other renamed
            self.forbid(*pair)
        pairs, equal, replaced = compare(new_tokens, old_tokens)
        # a rename is believed where the rest of the statement stayed: `x.to(device)` vs
        # `images.to(device)` is evidence, `if val_acc > best_acc` vs `if rank == 0` is not,
        # and neither is `trainer = Trainer(model, SGD(...))` vs `optimizer = SGD(...)`, two
        # assignments of different things. What a rename already shown explains stayed too:
        # the same attribute reached through an object known under another name (`ms =
        # self.quantizer.model_size()` / `model_size = quantizer.model_size()`, once
        # `self.quantizer` is `quantizer`), or a name that two statements at least showed renamed
        # (`self._ll_null_ = ll_` / `self._log_likelihood_null = ll`). Not a method called by a
        # statement that assigns nothing (`losses.append(error)` / `collector.append(data)`
        # says little of what is collected), nor a rename a single pair suggests
        if renames and replaced and equal < 2 * replaced:
            position = {t: i for i, t in enumerate(new_tokens)}
            assigns = "=" in new_tokens
            explained = sum(1 for a, b in pairs if a != b and a in position and self._renamed_now(a) == b and (
                "." in a and a.rpartition(".")[2] == b.rpartition(".")[2] and
                (assigns or not _called(new_tokens, position[a])) or
                "." not in a and self.flat[a][b] >= 2))
            equal, replaced = equal + explained, replaced - explained
        trusted = renames and equal >= 2 * replaced and _same_producer(new_tokens, old_tokens) and \
            _same_slot(new_tokens, old_tokens)
        for a, b in pairs:
            if a != b and (not trusted or (a, b) in self.opposites):
                continue
            if a == b:
                # identity of a path is identity of each of its prefixes
                for p in prefixes(a):
                    table[p][p] += weight
                    self.flat[p][p] += weight
            else:
                table[a][b] += weight
                self.flat[a][b] += weight

    def forbid(self, new_name: str, old_name: str) -> None:
        """Two names shown to be opposites (`testing = False` where the old branch sets
        `ignore_masking = True`): never one value renamed, whatever else they share."""
        self.opposites.add((new_name, old_name))
        self.flat[new_name].pop(old_name, None)
        for votes in self.votes.values():
            votes[new_name].pop(old_name, None)

    def add_identical(self, new: Stmt, old: Stmt, paths: tuple[str, ...], new_scope: ScopeKey,
                      old_scope: ScopeKey) -> None:
        """Record an unchanged statement: every path in it (and every prefix) kept its name.
        ``paths`` is the statement's precomputed list of paths and prefixes."""
        table = self.votes[(new_scope, old_scope)]
        flat = self.flat
        for p in paths:
            table[p][p] += 1.0
            flat[p][p] += 1.0

    def refresh(self) -> None:
        """Let ``rename_token`` see the evidence added since the last refresh.

        Renames used for similarity are frozen between refreshes, so that one phase of the
        aligner compares everything under the same renames (and caches stay valid)."""
        self._cache.clear()

    def rename_token(self, token: str) -> str:
        """Rewrite a new path token with the clearest global rename of one of its prefixes."""
        cached = self._cache.get(token)
        if cached is None:
            cached = self._cache[token] = self._renamed_now(token)
        return cached

    def _renamed_now(self, token: str) -> str:
        """``rename_token`` under all the evidence so far, refreshed or not."""
        for p in prefixes(token):
            options = self.flat.get(p)
            if not options:
                continue
            best, votes = max(options.items(), key=lambda kv: kv[1])
            if best != p and votes > options.get(p, 0.0):
                return best + token[len(p) :]
            break
        return token

    def rename_token_between(self, token: str, new_scope: ScopeKey, old_scope: ScopeKey) -> str:
        """Like ``rename_token``, but the evidence of this pair of scopes decides first: in
        ``discriminator_step`` the parameter ``fake`` may be ``fake_r`` while ``fake`` stays
        ``fake`` everywhere else."""
        key = f"{new_scope}\0{old_scope}\0{token}"
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        result: str | None = None
        table = self.votes.get((new_scope, old_scope))
        if table:
            for p in prefixes(token):
                options = table.get(p)
                if not options:
                    continue
                best, votes = max(options.items(), key=lambda kv: kv[1])
                result = best + token[len(p) :] if best != p and votes > options.get(p, 0.0) else token
                break
        if result is None:
            result = self.rename_token(token)
        self._cache[key] = result
        return result

    def candidates(self, path: str, new_scope: ScopeKey, old_scope: ScopeKey,
                   mentioned: Callable[[str], bool] = lambda path: False,
                   separate: Callable[[ScopeKey, ScopeKey, str], bool] = lambda scope, other, name: False,
                   ) -> list[tuple[str, str]]:
        """Old expressions ``path`` may stand for, best first, each with a note on its evidence.
        Of the targets of one prefix, those whose whole path the old version ``mentioned`` come
        first: where `self.loop` was `self.config` for some attributes and `self` for others,
        `self.loop.local_step` is the `self.local_step` the old loop sets, not an unheard-of
        `self.config.local_step`. Evidence of another new scope counts only where the root
        name there is not a ``separate`` variable: the `batch_metrics` that a helper of today
        aggregates is not the loop's `batch_metrics`."""
        root = path.split(".")[0]
        tiers: list[list[dict[str, dict[str, float]]]] = [[], [], [], []]
        for (ns, os_), table in self.votes.items():
            if separate(new_scope, ns, root):
                continue
            if ns == new_scope and os_ == old_scope:
                tiers[0].append(table)
            elif os_ == old_scope:
                tiers[1].append(table)
            elif ns == new_scope:
                tiers[2].append(table)
            else:
                tiers[3].append(table)
        out: list[tuple[str, str]] = []
        seen: set[str] = set()
        names = ("same scopes", "same old scope", "same new scope", "elsewhere")
        for tier, tables in enumerate(tiers):
            if tier == 2 and path not in seen:
                # an unchanged name that is bound where the statement goes beats evidence from
                # scopes that have nothing to do with the insertion point
                seen.add(path)
                out.append((path, "unchanged"))
            for p in prefixes(path):
                merged: dict[str, float] = defaultdict(float)
                for table in tables:
                    for target, votes in table.get(p, {}).items():
                        merged[target] += votes
                rest = path[len(p) :]
                choice = len(merged) > 1  # (what the old version mentions is costly to ask)
                for target, _votes in sorted(merged.items(), key=lambda kv: (
                        choice and not mentioned(kv[0] + rest), -kv[1], kv[0])):
                    candidate = target + rest
                    if candidate not in seen:
                        seen.add(candidate)
                        note = "unchanged" if candidate == path else f"{p} -> {target} ({names[tier]})"
                        out.append((candidate, note))
        if path not in seen:
            out.append((path, "unchanged"))
        return out


def identity_paths(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The paths of a token sequence with all their prefixes, as ``add_identical`` wants them."""
    return tuple(p for t in tokens if is_path(t) for p in prefixes(t))


__all__ = ["RenameTable", "compare", "identity_paths", "opposite_stores", "path_pairs", "prefixes",
           "scope_key", "strip_common_suffix"]
