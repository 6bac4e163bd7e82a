"""Analysis of a training script for instrumentation and replay planning.

Approach. One parse with the standard library's ``ast`` (its C parser reads a 1,000-line script
in about 10 ms), one walk that records scopes and qualified names (``names.py``), one walk that
indexes what the liveness and placement rules ask about (names read, gradients read, calls of
script functions), then:

1. Statements, with their context: the enclosing function (keyed ``f``, ``C.m``,
   ``f.<locals>.g``), class, *main loop* (the outermost ``for ... in flor.loop(...)`` of a
   function or module) and *nested loop* (a loop directly inside a main loop's body, through
   ``if``/``with``/``try`` but not through another loop). These two kinds of loops are what the
   pass instruments: nested loops are Flor's skip blocks (their effects are checkpointed at
   their end, once per outer iteration); main loops are checkpointed at the start of each
   iteration (to resume a replay there) and at their end. A *call block* is a skip block too:
   a simple statement of a main loop's body calling a script function that loops
   (``loss = train_epoch(...)``); the ``flor.loop``s inside such functions are then part of the
   block, not main loops (the walk runs a second time without them when there are any).
2. Effects of each instrumented loop (``writeset``), with the effects of the script functions it
   calls merged in transitively; then liveness splits the names a loop rebinds into those that
   something may read afterwards (``assigned``: restored) and the rest (``scratch``). A name is
   read afterwards when it is loaded anywhere in the loop's scope outside the loop (module-wide
   for globals), or loaded inside the loop before the loop's body rebinds it unconditionally
   (an upward-exposed use: ``step += 1`` needs the previous value when the loop runs again).
3. Placements of statements: which level of replay a statement needs (see ``Placement``). A
   statement in a function runs where the function is called, so its placements are those of
   the call sites (transitively); a function referenced other than by a call (a callback) makes
   its statements' placement ``unknown``, which the planner answers by running everything.

Which names count as read is libcst's rule, kept from when the pass was built on it: a name in
a load context, and also a keyword argument's name, the names an ``import`` mentions, the names
of ``global``/``nonlocal`` declarations and of ``match`` patterns. Liveness only asks about the
names a loop rebinds, so reads are kept per name, in source order.

Failure modes: the analysis is lexical. A looping function called from inside a nested loop
is not a block of its own (it runs with the loop); a main loop inside a nested function is
found, but calls through variables or ``getattr`` are not followed (their statements are
``unknown``).
"""

from __future__ import annotations

import ast
import dataclasses
import warnings
from bisect import bisect_left
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from florc.errors import Position, UserError
from florc.instrument.addresses import Addresses, addresses
from florc.instrument.model import LoopFacts, Placement, ScriptAnalysis, StatementFacts, WriteSet
from florc.instrument.names import Names
from florc.instrument.nodes import FORS, FUNCTIONS, LOOPS, TRIES, WITHS, call_args, children, is_compound, walk
from florc.instrument.text import SourceText
from florc.instrument.writeset import (
    Context,
    Effects,
    function_effects,
    loop_effects,
    resolve_aliases,
    statement_effects,
)

Loop = ast.For | ast.AsyncFor | ast.While
Span = tuple[int, int, int, int]  # first line, first column, last line, end column


class Unparseable(UserError):
    """The script is not Python this interpreter can parse."""


@dataclass
class _Stmt:
    node: ast.stmt
    address: str
    line: int
    function: str | None
    main: str | None
    block: str | None
    in_loop: bool
    logged: tuple[str, ...] = ()


@dataclass
class Parsed:
    """A parsed script with the maps the pass needs (not a public record)."""

    path: str
    text: SourceText
    module: ast.Module
    names: Names
    addresses: Addresses
    loops: dict[str, ast.stmt] = field(default_factory=dict)  # address -> loop or call block
    call_blocks: dict[ast.stmt, str] = field(default_factory=dict)  # statement -> address
    analysis: ScriptAnalysis | None = None

    @property
    def source(self) -> str:
        return self.text.source


def parse(source: str, path: str) -> Parsed:
    """Parse ``source`` (a script at ``path``); a syntax error is an ``Unparseable`` with the
    position and message Python gives."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # shown once, when the script is compiled to run
            module = ast.parse(source, filename=path)
    except SyntaxError as exc:
        raise Unparseable(exc.msg, Position(path, exc.lineno, exc.offset)) from None
    except ValueError as exc:  # null bytes
        raise Unparseable(str(exc), Position(path)) from None
    text = SourceText(source)
    return Parsed(path=path, text=text, module=module, names=Names(module),
                  addresses=addresses(text, module, path))


def span(node: ast.AST) -> Span:
    return (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]


def _inside(pos: Span, outer: Span) -> bool:
    return (pos[0], pos[1]) >= (outer[0], outer[1]) and (pos[2], pos[3]) <= (outer[2], outer[3])


def _body_span(body: list[ast.stmt]) -> Span:
    first, last = body[0], body[-1]
    return (first.lineno, first.col_offset, last.end_lineno or last.lineno, last.end_col_offset or 0)


# ------------------------------------------------------------------------------ functions


def _functions(module: ast.Module) -> dict[str, tuple[ast.FunctionDef | ast.AsyncFunctionDef, str | None]]:
    """Script functions by key, with the class a method belongs to."""
    found: dict[str, tuple[ast.FunctionDef | ast.AsyncFunctionDef, str | None]] = {}

    def walk_(body: Sequence[ast.stmt], prefix: str, cls: str | None) -> None:
        for node in _statements_in(body):
            if isinstance(node, FUNCTIONS):
                key = f"{prefix}{node.name}"
                found[key] = (node, cls)
                walk_(node.body, f"{key}.<locals>.", None)
            elif isinstance(node, ast.ClassDef):
                walk_(node.body, f"{prefix}{node.name}.", node.name)

    walk_(module.body, "", None)
    return found


def _statements_in(body: Sequence[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements of a block and of the if/with/try/loop blocks inside it (defs are found
    there), not of ``match`` cases."""
    for node in body:
        yield node
        if isinstance(node, (ast.If, *WITHS, *TRIES, *LOOPS)):
            yield from _statements_in(node.body)
            yield from _statements_in(getattr(node, "orelse", None) or [])
            if isinstance(node, TRIES):
                for handler in node.handlers:
                    yield from _statements_in(handler.body)
                yield from _statements_in(node.finalbody)


class _Callees:
    """The effects of calling each script function, its callees' included, computed when a
    loop calls it (most functions of a script are never called from a loop), and the
    functions each one reaches (itself included), from the call graph of the index."""

    def __init__(
        self,
        context: Context,
        functions: Mapping[str, tuple[ast.FunctionDef | ast.AsyncFunctionDef, str | None]],
        graph: Mapping[str, set[str]],
    ) -> None:
        self.context = context
        self.functions = functions
        self.graph = graph
        self._own: dict[str, Effects] = {}
        self._merged: dict[str, Effects] = {}
        self.reach = {key: self._order(key) for key in functions}

    def _order(self, key: str) -> dict[str, None]:
        """``key`` and the functions it reaches, in the order their effects are merged
        (sorted at each step: the order of opaque reasons is part of the output)."""
        seen, todo = {key: None}, sorted(self.graph[key], reverse=True)
        while todo:
            callee = todo.pop()
            if callee in seen or callee not in self.graph:
                continue
            seen[callee] = None
            todo.extend(sorted(self.graph[callee], reverse=True))
        return seen

    def own(self, key: str) -> Effects:
        found = self._own.get(key)
        if found is None:
            node, cls = self.functions[key]
            found = self._own[key] = function_effects(self.context, node, cls)
        return found

    def __contains__(self, key: str) -> bool:
        return key in self.functions

    def __getitem__(self, key: str) -> Effects:
        found = self._merged.get(key)
        if found is None:
            found = dataclasses.replace(self.own(key))
            for callee in list(self.reach[key])[1:]:
                _merge(found, self.own(callee))
            self._merged[key] = found
        return found


def _flor_loop_label(context: Context, node: ast.AST) -> str | None:
    """The name of a ``flor.loop("name", ...)`` when ``node`` is such a call with a literal."""
    if isinstance(node, ast.Call) and context.flor_function(node.func) == "loop":
        args = call_args(node)
        if args:
            value = context.string(args[0])
            if isinstance(value, str):
                return value
    return None


@dataclass
class _FunctionLoops:
    """Whether a function body has a loop of its own (not in a nested def or class), and the
    names of its ``flor.loop``s."""

    loops: int = 0
    labels: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Site:
    """A loop the pass instruments, as the walk found it: a ``for``/``while`` statement, or a
    call block (a simple statement of a main loop's body calling a script function that loops)."""

    node: ast.stmt
    role: str  # main | nested
    main: str | None
    function: str | None  # the key of the function holding it
    cls: str | None
    kind: str = "loop"  # loop | call
    callees: frozenset[str] = frozenset()


def _merge(into: Effects, other: Effects) -> None:
    into.stores = into.stores | other.stores
    into.attr_stores = into.attr_stores | other.attr_stores
    into.mutated = into.mutated | other.mutated
    into.maybe = into.maybe | other.maybe
    into.iterated = into.iterated | other.iterated
    into.grads = into.grads or other.grads
    into.opaque = into.opaque + [r for r in other.opaque if r not in into.opaque]


# ------------------------------------------------------------------------------ the walk


class _Walk:
    def __init__(
        self,
        parsed: Parsed,
        context: Context,
        logged: Mapping[ast.stmt, list[str]],
        loopy: Collection[str] = (),
        suppressed: Collection[str] = (),
    ) -> None:
        self.parsed = parsed
        self.context = context
        self.logged = logged
        self.loopy = loopy  # script functions that loop (themselves or through a callee)
        self.suppressed = suppressed  # functions whose flor.loops run inside a call block
        self.statements: list[_Stmt] = []
        self.loops: list[_Site] = []
        self.seen_calls: dict[tuple[str, str], int] = {}
        parsed.loops.clear()
        parsed.call_blocks.clear()

    def call_block(
        self, line: list[ast.stmt], function: str | None, cls: str | None, main: str
    ) -> str | None:
        """The address of ``line`` as a call block of ``main``, or None when it is not one: a
        single assignment or expression that calls a script function that loops, and no flor
        call (a statement that logs is never skipped whole)."""
        if len(line) != 1 or not isinstance(line[0], (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign)):
            return None
        stmt = line[0]
        callees: list[str] = []
        context = self.context
        flor = False
        for node in _without_lambdas(stmt):
            if isinstance(node, ast.Call):
                if context.flor_function(node.func) is not None or context.is_blocks_call(node.func):
                    flor = True
                key = context.script_function(node.func, cls)
                if key is not None:
                    callees.append(key)
        looping = [k for k in callees if k in self.loopy]
        if flor or not looping:
            return None
        block = self.parsed.addresses.statements[stmt].rsplit("/", 1)[0]
        segment = "call:" + looping[0].rsplit(".", 1)[-1]
        nth = self.seen_calls.get((block, segment), 0)
        self.seen_calls[(block, segment)] = nth + 1
        address = f"{block}/{segment}" + (f"@{nth}" if nth else "")
        self.parsed.loops[address] = stmt
        self.parsed.call_blocks[stmt] = address
        self.loops.append(_Site(stmt, "nested", main, function, cls, "call", frozenset(callees)))
        return address

    def block(
        self,
        body: Sequence[ast.stmt],
        function: str | None,
        cls: str | None,
        main: str | None,
        nested: str | None,
        in_loop: bool,
    ) -> None:
        inline = bool(body) and self.parsed.text.is_inline(list(body))
        i = 0
        while i < len(body):
            node = body[i]
            if not is_compound(node):
                if inline:  # a one-line suite: never a call block
                    self.add(node, function, main, nested, in_loop)
                    i += 1
                    continue
                line = [node]  # the simple statements sharing a line (`a = 1; b = 2`)
                while i + 1 < len(body) and not is_compound(body[i + 1]) and body[i + 1].lineno == line[-1].end_lineno:
                    i += 1
                    line.append(body[i])
                block = nested
                if main is not None and nested is None:
                    block = self.call_block(line, function, cls, main) or nested
                for small in line:
                    self.add(small, function, main, block, in_loop)
                i += 1
                continue
            i += 1
            self.compound(node, function, cls, main, nested, in_loop)

    def compound(
        self,
        node: ast.stmt,
        function: str | None,
        cls: str | None,
        main: str | None,
        nested: str | None,
        in_loop: bool,
    ) -> None:
        self.add(node, function, main, nested, in_loop)
        if isinstance(node, FUNCTIONS):
            key = f"{function}.<locals>.{node.name}" if function else (
                f"{cls}.{node.name}" if cls else node.name
            )
            # A method's body keeps its class: `self.m()` resolves to a method of it.
            self.block(node.body, key, cls, None, None, False)
        elif isinstance(node, ast.ClassDef):
            self.block(node.body, function, node.name, main, nested, in_loop)
        elif isinstance(node, LOOPS):
            address = self.parsed.addresses.blocks[node]
            orelse = node.orelse
            if main is None and self.is_flor_loop(node) and function not in self.suppressed:
                self.parsed.loops[address] = node
                self.loops.append(_Site(node, "main", None, function, cls))
                self.block(node.body, function, cls, address, None, True)
                if orelse:  # runs after the loop: outside it
                    self.block(orelse, function, cls, None, None, in_loop)
            elif main is not None and nested is None:
                self.parsed.loops[address] = node
                self.loops.append(_Site(node, "nested", main, function, cls))
                self.block(node.body, function, cls, main, address, True)
                if orelse:
                    self.block(orelse, function, cls, main, address, True)
            else:
                self.block(node.body, function, cls, main, nested, True)
                if orelse:
                    self.block(orelse, function, cls, main, nested, True)
        elif isinstance(node, ast.If):
            self.block(node.body, function, cls, main, nested, in_loop)
            if node.orelse:
                self.block(node.orelse, function, cls, main, nested, in_loop)
        elif isinstance(node, TRIES):
            self.block(node.body, function, cls, main, nested, in_loop)
            for handler in node.handlers:
                self.block(handler.body, function, cls, main, nested, in_loop)
            for extra in (node.orelse, node.finalbody):
                if extra:
                    self.block(extra, function, cls, main, nested, in_loop)
        elif isinstance(node, WITHS):
            self.block(node.body, function, cls, main, nested, in_loop)
        elif isinstance(node, ast.Match):
            for case in node.cases:
                self.block(case.body, function, cls, main, nested, in_loop)

    def add(
        self,
        node: ast.stmt,
        function: str | None,
        main: str | None,
        nested: str | None,
        in_loop: bool,
    ) -> None:
        address = self.parsed.addresses.statements[node]
        logged = tuple(self.logged.get(node, ()))
        self.statements.append(_Stmt(node, address, node.lineno, function, main, nested, in_loop, logged))

    def is_flor_loop(self, node: Loop) -> bool:
        return (
            isinstance(node, FORS)
            and isinstance(node.iter, ast.Call)
            and self.context.flor_function(node.iter.func) == "loop"
        )


def _without_lambdas(node: ast.AST) -> Iterator[ast.AST]:
    """``node`` and its descendants in source order, not looking inside lambdas."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if not isinstance(current, ast.Lambda):
            stack.extend(reversed(list(children(current))))


# ------------------------------------------------------------------------------ the index


class _Index:
    """What the rules ask of the whole module, collected in one walk: the names read (by name,
    in source order), where gradients are read, every loop, where each script function is
    called or referenced other than by a call, the keys each simple statement logs, and the
    loops (and ``flor.loop`` names) of each script function outside its nested definitions."""

    def __init__(self, parsed: Parsed, context: Context, functions: Mapping[ast.AST, str], classes: Mapping[ast.AST, str]) -> None:
        self.parsed = parsed
        self.context = context
        self.functions = functions  # function node -> key
        self.classes = classes
        self.loads: dict[str, list[Span]] = {}
        self.grad_reads: list[Span] = []
        self.loops: list[tuple[Loop, Span]] = []
        self.sites: dict[str, list[ast.stmt]] = {}
        self.referenced: set[str] = set()
        self.called: set[ast.AST] = set()
        self.logged: dict[ast.stmt, list[str]] = {}
        self.own_loops: dict[str, _FunctionLoops] = {key: _FunctionLoops() for key in functions.values()}
        # The script functions each function's body calls, as the effects visitor counts them:
        # not in nested definitions, lambdas or the instrumentation's own calls.
        self.graph: dict[str, set[str]] = {key: set() for key in functions.values()}
        self.short = context.short
        for stmt in parsed.module.body:
            self.visit(stmt, stmt, None, None)
        for spans in self.loads.values():
            spans.sort()
        self.grad_reads.sort()

    def load(self, name: str, pos: Span) -> None:
        found = self.loads.get(name)
        if found is None:
            self.loads[name] = [pos]
        else:
            found.append(pos)

    def visit(self, node: ast.AST, stmt: ast.stmt, cls: str | None, owner: str | None) -> None:
        """``owner``: the function whose body this is (None outside, in a class, a lambda or
        an instrumentation call)."""
        kind = type(node)
        if kind is ast.Name:
            if type(node.ctx) is ast.Load:  # type: ignore[attr-defined]
                ident: str = node.id  # type: ignore[attr-defined]
                pos = (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
                found = self.loads.get(ident)
                if found is None:
                    self.loads[ident] = [pos]
                else:
                    found.append(pos)
                if ident in self.short and node not in self.called:
                    self.reference(node, cls)  # type: ignore[arg-type]
            return
        if kind is ast.Constant:
            return
        if kind is ast.Attribute:
            attr: ast.Attribute = node  # type: ignore[assignment]
            if attr.attr == "grad" and type(attr.ctx) is not ast.Store:
                self.grad_reads.append(span(attr))
            if attr.attr in self.short and type(attr.ctx) is ast.Load and node not in self.called:
                self.reference(attr, cls)
        elif kind is ast.Call:
            if self.call(node, stmt, cls, owner):  # type: ignore[arg-type]
                owner = None
        elif kind is ast.Lambda:
            owner = None
        elif isinstance(node, ast.stmt):
            stmt = node
            if kind is ast.ClassDef:
                cls = node.name  # type: ignore[attr-defined]
                owner = None
            elif kind in FUNCTIONS:
                fn: ast.FunctionDef = node  # type: ignore[assignment]
                cls = self.classes.get(fn)
                for child in (*fn.decorator_list, fn.args, *((fn.returns,) if fn.returns else ())):
                    self.visit(child, stmt, cls, None)
                inner = self.functions.get(fn)
                for child in fn.body:
                    self.visit(child, child, cls, inner)
                return
            elif kind in LOOPS:
                self.loops.append((node, span(node)))  # type: ignore[arg-type]
                if owner is not None:
                    own = self.own_loops[owner]
                    own.loops += 1
                    if kind is not ast.While:
                        label = _flor_loop_label(self.context, node.iter)  # type: ignore[attr-defined]
                        if label is not None:
                            own.labels.append(label)
            elif kind is ast.AugAssign and type(node.target) is ast.Name:  # type: ignore[attr-defined]
                self.load(node.target.id, span(node.target))  # type: ignore[attr-defined]  # `x += 1` reads x
            elif kind in (ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal):
                self.declaration(node)  # type: ignore[arg-type]
        elif kind is ast.keyword:
            kw: ast.keyword = node  # type: ignore[assignment]
            if kw.arg is not None:  # libcst counts a keyword argument's name as a read
                self.load(kw.arg, (kw.lineno, kw.col_offset, kw.lineno, kw.col_offset + len(kw.arg)))
        elif kind in (ast.MatchAs, ast.MatchStar):
            if node.name is not None:  # type: ignore[attr-defined]
                self.load(node.name, span(node))  # type: ignore[attr-defined]
        elif kind is ast.MatchMapping:
            if node.rest is not None:  # type: ignore[attr-defined]
                self.load(node.rest, span(node))  # type: ignore[attr-defined]
        elif kind is ast.MatchClass:
            for attr_name in node.kwd_attrs:  # type: ignore[attr-defined]
                self.load(attr_name, span(node))
        for child in children(node):
            self.visit(child, stmt, cls, owner)

    def call(self, call: ast.Call, stmt: ast.stmt, cls: str | None, owner: str | None) -> bool:
        """Index a call; True when it is one of the instrumentation's own."""
        context = self.context
        func = call.func
        name_ = func.attr if isinstance(func, ast.Attribute) else (func.id if isinstance(func, ast.Name) else "")
        if "grad" in name_.lower() and name_ not in (
            "zero_grad", "no_grad", "enable_grad", "set_grad_enabled", "requires_grad_"
        ):
            self.grad_reads.append(span(call))
        key = context.script_function(func, cls)
        if key is not None:
            self.called.add(func)
            self.sites.setdefault(key, []).append(stmt)
        flor = context.flor_function(func)
        if flor == "log" and (call.args or call.keywords) and not is_compound(stmt):
            value = context.string(call_args(call)[0])
            if isinstance(value, str):
                self.logged.setdefault(stmt, []).append(value)
        if owner is not None and key is not None and flor is None and context.builtin(func) is None:
            self.graph[owner].add(key)
        return flor is None and context.is_blocks_call(func)

    def declaration(self, node: ast.Import | ast.ImportFrom | ast.Global | ast.Nonlocal) -> None:
        """The names an import or a global/nonlocal declaration mentions (read, for libcst)."""
        pos = span(node)
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                self.load(name, pos)
            return
        if isinstance(node, ast.ImportFrom) and node.module:
            self.load(node.module.split(".", 1)[0], pos)
        for alias in node.names:
            if alias.name != "*":
                self.load(alias.name.split(".", 1)[0], pos)

    def reference(self, node: ast.Name | ast.Attribute, cls: str | None) -> None:
        key = self.context.script_function(node, cls)
        if key is not None:
            self.referenced.add(key)

    def reads(self, name: str) -> list[Span]:
        return self.loads.get(name, [])

    def grads_inside(self, outer: Span) -> bool:
        reads = self.grad_reads
        i = bisect_left(reads, (outer[0], outer[1], 0, 0))
        while i < len(reads) and (reads[i][0], reads[i][1]) <= (outer[2], outer[3]):
            if _inside(reads[i], outer):
                return True
            i += 1
        return False


def _names_read(node: ast.AST) -> set[str]:
    """The names read in a subtree, by the index's rule."""
    found: set[str] = set()
    for current in walk(node):
        kind = type(current)
        if kind is ast.Name:
            if type(current.ctx) is ast.Load:  # type: ignore[attr-defined]
                found.add(current.id)  # type: ignore[attr-defined]
        elif kind is ast.keyword:
            if current.arg is not None:  # type: ignore[attr-defined]
                found.add(current.arg)  # type: ignore[attr-defined]
        elif kind is ast.AugAssign and type(current.target) is ast.Name:  # type: ignore[attr-defined]
            found.add(current.target.id)  # type: ignore[attr-defined]
        elif kind in (ast.Global, ast.Nonlocal):
            found.update(current.names)  # type: ignore[attr-defined]
        elif kind in (ast.Import, ast.ImportFrom):
            if kind is ast.ImportFrom and current.module:  # type: ignore[attr-defined]
                found.add(current.module.split(".", 1)[0])  # type: ignore[attr-defined]
            found.update(a.name.split(".", 1)[0] for a in current.names if a.name != "*")  # type: ignore[attr-defined]
        elif kind in (ast.MatchAs, ast.MatchStar):
            if current.name is not None:  # type: ignore[attr-defined]
                found.add(current.name)  # type: ignore[attr-defined]
        elif kind is ast.MatchMapping:
            if current.rest is not None:  # type: ignore[attr-defined]
                found.add(current.rest)  # type: ignore[attr-defined]
        elif kind is ast.MatchClass:
            found.update(current.kwd_attrs)  # type: ignore[attr-defined]
    return found


# ------------------------------------------------------------------------------ liveness


def _killed(loop: Loop) -> set[str]:
    """Names the loop body binds unconditionally before reading them (top-level statements
    only: what an ``if`` binds may not be bound)."""
    killed: set[str] = set()
    if isinstance(loop, FORS):
        killed |= _target_names(loop.target)
    seen: set[str] = set()
    for small in loop.body:
        if isinstance(small, (ast.Assign, ast.AnnAssign)) and small.value is not None:
            seen |= _names_read(small.value)
            targets = small.targets if isinstance(small, ast.Assign) else [small.target]
            for target in targets:
                killed |= {n for n in _target_names(target) if n not in seen}
                seen |= _names_read(target)
        else:
            seen |= _names_read(small)
    return killed


def _target_names(target: ast.AST) -> set[str]:
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, (ast.Tuple, ast.List)):
        out: set[str] = set()
        for element in target.elts:
            out |= _target_names(element)
        return out
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return set()


# ------------------------------------------------------------------------------ analysis


def _sorted(items: Collection[str]) -> tuple[str, ...]:
    return tuple(sorted(items))


def _code_names(module: ast.Module) -> set[str]:
    """Module-level names bound only to code: imports, functions, classes."""
    names: set[str] = set()
    assigned: set[str] = set()
    for node in module.body:
        if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != "*":
                    names.add(alias.asname or alias.name.split(".", 1)[0])
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                assigned |= _target_names(target)
    return names - assigned


def _flor_aliases(parsed: Parsed) -> set[str]:
    """Names that refer to the flor module itself (``flor`` in ``import florc as flor``)."""
    modules = ("florc", "flordb", "flor")
    candidates = {
        a.name for a in parsed.names.assignments()
        if any(q in modules for q, _ in a.qualified(a.name))
    }
    if not candidates:
        return set()
    found: set[str] = set()
    reads = [n for n in parsed.names.reads if n.id in candidates]
    stores = [a.node for a in parsed.names.assignments() if isinstance(a.node, ast.Name) and a.name in candidates]
    for node in (*reads, *stores):
        if node.id not in found and any(q in modules for q, _ in parsed.names.qualified(node)):
            found.add(node.id)
    return found


def _declared_global(scope: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(scope):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            found.update(node.names)
    return found


def analyze_parsed(parsed: Parsed) -> ScriptAnalysis:
    """Fill in ``parsed.loops`` and ``parsed.analysis``; see the module doc for the approach."""
    functions = _functions(parsed.module)
    context = Context(parsed.names, parsed.text, {k: v[0] for k, v in functions.items()})
    classes: dict[ast.AST, str] = {node: cls for node, cls in functions.values() if cls is not None}
    keys: dict[ast.AST, str] = {}
    for key, (fn, _cls) in functions.items():
        keys.setdefault(fn, key)
    index = _Index(parsed, context, keys, classes)
    own_loops = {key: index.own_loops[keys[fn]] for key, (fn, _cls) in functions.items()}
    callee_effects = _Callees(context, functions, {key: index.graph[keys[fn]] for key, (fn, _cls) in functions.items()})
    reach = callee_effects.reach
    loopy = {key for key in functions if any(own_loops[k].loops for k in reach[key])}
    walk_ = _Walk(parsed, context, index.logged, loopy)
    walk_.block(parsed.module.body, None, None, None, None, False)
    # The flor.loops of functions called from a call block run inside it: they are part of
    # the block, not main loops of their own. Walk again without them if there are any.
    inside = {k for site in walk_.loops if site.kind == "call" for c in site.callees for k in reach.get(c, ())}
    if any(site.role == "main" and site.function in inside for site in walk_.loops):
        walk_ = _Walk(parsed, context, index.logged, loopy, inside)
        walk_.block(parsed.module.body, None, None, None, None, False)

    def call_label(site: _Site) -> str:
        labels = {
            label for c in site.callees for k in reach.get(c, ()) for label in own_loops[k].labels
        }
        if len(labels) == 1:
            return labels.pop()
        looping = sorted(c for c in site.callees if c in loopy)
        return looping[0].rsplit(".", 1)[-1] if looping else "call"

    code_names = _code_names(parsed.module)
    flor_aliases = _flor_aliases(parsed)
    killed_memo: dict[ast.AST, set[str]] = {}

    def covered(name: str, pos: Span, loop_span: Span) -> bool:
        """Whether a read inside the loop at ``loop_span`` reads a value bound earlier in the
        same iteration of some loop around it (the loop itself or one inside it)."""
        for inner, inner_span in index.loops:
            if _inside(inner_span, loop_span) and _inside(pos, inner_span):
                if inner not in killed_memo:
                    killed_memo[inner] = _killed(inner)
                if name in killed_memo[inner] and _inside(pos, _body_span(inner.body)):
                    return True
        return False

    def scope_node(key: str | None) -> ast.AST:
        return parsed.module if key is None else functions[key][0]

    loops: list[LoopFacts] = []
    declared_memo: dict[str | None, set[str]] = {}
    for site in walk_.loops:
        node, role, main, function, cls = site.node, site.role, site.main, site.function, site.cls
        if site.kind == "call":
            address = parsed.call_blocks[node]
            fx = statement_effects(context, node, cls)
            label = call_label(site)
        else:
            assert isinstance(node, LOOPS)
            address = parsed.addresses.blocks[node]
            fx = loop_effects(context, node, cls)
            label = _label(parsed, context, node)
        for key in sorted(fx.calls):
            if key in callee_effects:
                _merge(fx, callee_effects[key])
        resolve_aliases(fx)
        loop_span = span(node)
        scope = scope_node(function)
        scope_span = span(scope) if function is not None else (0, 0, 0, 0)
        if function not in declared_memo:
            declared_memo[function] = _declared_global(scope) if function is not None else set()
        declared = declared_memo[function]

        def read_outside(name: str) -> bool:
            for pos in index.reads(name):
                if not _inside(pos, loop_span) and (
                    function is None or name in declared or _inside(pos, scope_span)
                ):
                    return True
            return False

        def exposed(name: str) -> bool:
            return any(
                _inside(pos, loop_span) and not covered(name, pos, loop_span)
                for pos in index.reads(name)
            )

        stores = set(fx.stores)
        live = {n for n in stores if read_outside(n) or exposed(n)}
        # Globals written by called functions: rebound in this scope only when it can be.
        callee_globals = {
            n for key in fx.calls if key in callee_effects for n in callee_effects[key].stores
        }
        global_names: set[str] = set()
        if function is not None:
            global_names = {n for n in callee_globals if n not in declared}
            stores -= global_names
            live -= global_names
        new_objects = stores  # objects created in the loop: their mutations die with the name

        def keep(path: str) -> bool:
            root = path.split(".", 1)[0]
            return root not in new_objects and root not in flor_aliases and not (
                path == root and root in code_names
            )

        mutated = {p for p in fx.mutated if keep(p)} - fx.attr_stores
        maybe = {p for p in fx.maybe if keep(p)} - mutated - fx.attr_stores
        iterated = {p for p in fx.iterated if keep(p)} - mutated - maybe
        writes = WriteSet(
            assigned=_sorted(live | fx.attr_stores),
            scratch=_sorted(stores - live),
            mutated=_sorted(mutated),
            maybe=_sorted(maybe),
            iterated=_sorted(iterated),
            global_names=_sorted(global_names),
            grads=fx.grads,
        )
        grads_after = any(
            not _inside(pos, loop_span) and (function is None or _inside(pos, scope_span))
            for pos in index.grad_reads
        )
        loops.append(
            LoopFacts(
                address=address,
                role=role,
                label=label,
                line=loop_span[0],
                end_line=loop_span[2],
                main=main,
                writes=writes,
                opaque=tuple(fx.opaque),
                control=tuple(fx.control),
                grads_read_after=grads_after,
                kind=site.kind,
            )
        )

    main_lines = {f.address: f.line for f in loops if f.role == "main"}
    mains_by_function: dict[str | None, list[str]] = {}
    for site in walk_.loops:
        if site.role == "main":
            mains_by_function.setdefault(site.function, []).append(parsed.addresses.blocks[site.node])

    by_node = {s.node: s for s in walk_.statements}
    memo: dict[int, tuple[Placement, ...]] = {}

    def placements(stmt: _Stmt, stack: tuple[str, ...]) -> tuple[Placement, ...]:
        if id(stmt) in memo:
            return memo[id(stmt)]
        result = _place(stmt, stack)
        memo[id(stmt)] = result
        return result

    def _place(stmt: _Stmt, stack: tuple[str, ...]) -> tuple[Placement, ...]:
        if stmt.block is not None:
            return (Placement("inner", stmt.main, stmt.block),)
        if stmt.main is not None:
            return (Placement("outer", stmt.main),)
        mains = mains_by_function.get(stmt.function, [])
        if mains or stmt.function is None:
            later = [m for m in mains if main_lines[m] > stmt.line]
            if later:
                return (Placement("prefix", min(later, key=lambda m: main_lines[m])),)
            return (Placement("suffix"),)
        key = stmt.function
        if key in index.referenced:
            return (Placement("unknown", why=f"{key} is passed around, not only called"),)
        sites = index.sites.get(key, [])
        if not sites:
            return (Placement("unknown", why=f"{key} is not called in this script"),)
        if key in stack:
            return (Placement("unknown", why=f"{key} is recursive"),)
        out: list[Placement] = []
        for site in sites:
            caller = by_node.get(site)
            if caller is None:
                out.append(Placement("unknown", why=f"{key} is called from an unknown place"))
                continue
            for p in placements(caller, (*stack, key)):
                out.append(dataclasses.replace(p, via=(caller.address, *p.via)))
        return tuple(dict.fromkeys(out))

    statements = []
    for stmt in walk_.statements:
        stmt_span = span(stmt.node)
        statements.append(
            StatementFacts(
                stmt.address, stmt.line, placements(stmt, ()), reads_grads=index.grads_inside(stmt_span),
                logged=stmt.logged, end_line=stmt_span[2],
                compound=is_compound(stmt.node),
            )
        )
    notes = []
    if not any(f.role == "main" for f in loops):
        notes.append("no flor.loop: nothing to checkpoint or skip")
    analysis = ScriptAnalysis(parsed.path, tuple(loops), tuple(statements), tuple(notes))
    parsed.analysis = analysis
    return analysis


def _label(parsed: Parsed, context: Context, node: Loop) -> str:
    if isinstance(node, FORS):
        label = _flor_loop_label(context, node.iter)
        if label is not None:
            return label
        return _target_source(parsed.text, node)
    return "while"


def _target_source(text: SourceText, node: ast.For | ast.AsyncFor) -> str:
    """A loop target as written (``step, (x, y)``), parentheses around it included: ``ast``
    positions leave them out, the text between ``for`` and the target's end has the opening
    ones, the closing ones follow the target."""
    target = node.target
    head = text.segment((node.lineno, node.col_offset), (target.end_lineno or target.lineno, target.end_col_offset or 0))
    written = head[head.index("for") + 3 :]
    missing = written.count("(") - written.count(")")
    if missing > 0:
        rest = text.segment(
            (target.end_lineno or target.lineno, target.end_col_offset or 0),
            (node.iter.lineno, node.iter.col_offset),
        )
        cut = 0
        for _ in range(missing):
            cut = rest.index(")", cut) + 1
        written += rest[:cut]
    return written.strip()


def analyze(source: str, path: str = "script.py") -> ScriptAnalysis:
    """Loops, write-sets and statement placements of a training script.

    >>> a = analyze("import florc as flor\\nfor e in flor.loop('epoch', range(2)):\\n    x = e\\n")
    >>> [(f.address, f.role, f.writes.scratch) for f in a.loops]
    [('script.py::for:e', 'main', ('e', 'x'))]
    """
    return analyze_parsed(parse(source, path))


__all__ = ["Parsed", "Unparseable", "analyze", "analyze_parsed", "parse"]
