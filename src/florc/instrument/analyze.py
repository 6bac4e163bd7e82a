"""Analysis of a training script for instrumentation and replay planning.

Approach. One parse with libcst metadata (qualified names, expression contexts, positions), then
three walks:

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

Failure modes: the analysis is lexical. A looping function called from inside a nested loop
is not a block of its own (it runs with the loop); a main loop inside a nested function is
found, but calls through variables or ``getattr`` are not followed (their statements are
``unknown``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import (
    CodeRange,
    ExpressionContext,
    ExpressionContextProvider,
    MetadataWrapper,
    PositionProvider,
    QualifiedName,
    QualifiedNameProvider,
)

from libcst.metadata.base_provider import LazyValue  # type: ignore[attr-defined]

from florc.errors import Position, UserError
from florc.instrument.addresses import Addresses, addresses
from florc.instrument.model import LoopFacts, Placement, ScriptAnalysis, StatementFacts, WriteSet
from florc.instrument.writeset import (
    Context,
    Effects,
    function_effects,
    loop_effects,
    resolve_aliases,
    statement_effects,
)

Loop = cst.For | cst.While


class Unparseable(UserError):
    """The script is not Python that libcst can parse."""


@dataclass
class _Stmt:
    node: cst.CSTNode
    address: str
    line: int
    function: str | None
    main: str | None
    block: str | None
    in_loop: bool
    logged: tuple[str, ...] = ()


@dataclass
class Parsed:
    """A parsed script with the metadata and node maps the pass needs (not a public record)."""

    path: str
    module: cst.Module
    qualified: Mapping[cst.CSTNode, Collection[QualifiedName]]
    contexts: Mapping[cst.CSTNode, ExpressionContext]
    positions: Mapping[cst.CSTNode, CodeRange]
    addresses: Addresses
    loops: dict[str, Loop | cst.SimpleStatementLine] = field(default_factory=dict)  # address -> node
    call_blocks: dict[cst.CSTNode, str] = field(default_factory=dict)  # statement -> address
    analysis: ScriptAnalysis | None = None


def parse(source: str, path: str) -> Parsed:
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        raise Unparseable(
            f"cannot parse: {exc.message}", Position(path, exc.raw_line, exc.raw_column + 1)
        ) from None
    wrapper = MetadataWrapper(module)
    return Parsed(
        path=path,
        module=wrapper.module,
        qualified=_Lazy(wrapper.resolve(QualifiedNameProvider)),
        contexts=wrapper.resolve(ExpressionContextProvider),
        positions=wrapper.resolve(PositionProvider),
        addresses=addresses(wrapper.module, path),
    )


class _Lazy(Mapping[cst.CSTNode, Collection[QualifiedName]]):
    """Qualified names resolved on first access (libcst computes them lazily)."""

    def __init__(self, raw: Mapping[cst.CSTNode, object]) -> None:
        self.raw = raw

    def __getitem__(self, node: cst.CSTNode) -> Collection[QualifiedName]:
        value = self.raw[node]
        if isinstance(value, LazyValue):
            value = value()
        assert isinstance(value, (set, frozenset))
        return value

    def __iter__(self) -> Iterator[cst.CSTNode]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)


def _inside(pos: CodeRange, outer: CodeRange) -> bool:
    return (pos.start.line, pos.start.column) >= (outer.start.line, outer.start.column) and (
        pos.end.line,
        pos.end.column,
    ) <= (outer.end.line, outer.end.column)


# ------------------------------------------------------------------------------ functions


def _functions(module: cst.Module) -> dict[str, tuple[cst.FunctionDef, str | None]]:
    """Script functions by key, with the class a method belongs to."""
    found: dict[str, tuple[cst.FunctionDef, str | None]] = {}

    def walk(body: Sequence[cst.CSTNode], prefix: str, cls: str | None) -> None:
        for node in _statements_in(body):
            if isinstance(node, cst.FunctionDef):
                key = f"{prefix}{node.name.value}"
                found[key] = (node, cls)
                walk(_block(node.body), f"{key}.<locals>.", None)
            elif isinstance(node, cst.ClassDef):
                walk(_block(node.body), f"{prefix}{node.name.value}.", node.name.value)

    walk(module.body, "", None)
    return found


def _block(suite: cst.BaseSuite) -> Sequence[cst.CSTNode]:
    return suite.body


def _statements_in(body: Sequence[cst.CSTNode]) -> Iterator[cst.CSTNode]:
    """Statements of a block and of the if/with/try blocks inside it (defs are found there)."""
    for node in body:
        yield node
        if isinstance(node, (cst.If, cst.With, cst.Try, cst.TryStar, cst.For, cst.While)):
            yield from _statements_in(_block(node.body))
            orelse = getattr(node, "orelse", None)
            if isinstance(orelse, cst.Else):
                yield from _statements_in(_block(orelse.body))
            elif isinstance(orelse, cst.If):
                yield from _statements_in([orelse])
            if isinstance(node, (cst.Try, cst.TryStar)):
                for handler in node.handlers:
                    yield from _statements_in(_block(handler.body))
                if node.finalbody is not None:
                    yield from _statements_in(_block(node.finalbody.body))


def _merged_function_effects(
    context: Context, functions: Mapping[str, tuple[cst.FunctionDef, str | None]]
) -> tuple[dict[str, Effects], dict[str, set[str]]]:
    """Each script function's effects including those of the script functions it calls, and
    the functions each one reaches (itself included)."""
    own = {key: function_effects(context, node, cls) for key, (node, cls) in functions.items()}
    merged: dict[str, Effects] = {}
    reach: dict[str, set[str]] = {}
    for key in own:
        total = dataclasses.replace(own[key])
        seen, todo = {key}, list(own[key].calls)
        while todo:
            callee = todo.pop()
            if callee in seen or callee not in own:
                continue
            seen.add(callee)
            _merge(total, own[callee])
            todo.extend(own[callee].calls)
        merged[key] = total
        reach[key] = seen
    return merged, reach


class _FunctionLoops(cst.CSTVisitor):
    """Whether a function body has a loop of its own (not in a nested def), and the names of
    its ``flor.loop``s."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.loops = 0
        self.labels: list[str] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_While(self, node: cst.While) -> None:
        self.loops += 1

    def visit_For(self, node: cst.For) -> None:
        self.loops += 1
        if isinstance(node.iter, cst.Call) and self.context.flor_function(node.iter.func) == "loop":
            args = node.iter.args
            if args and isinstance(args[0].value, cst.SimpleString):
                value = args[0].value.evaluated_value
                if isinstance(value, str):
                    self.labels.append(value)


@dataclass(frozen=True)
class _Site:
    """A loop the pass instruments, as the walk found it: a ``for``/``while`` statement, or a
    call block (a simple statement of a main loop's body calling a script function that loops)."""

    node: cst.CSTNode
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
        loopy: Collection[str] = (),
        suppressed: Collection[str] = (),
    ) -> None:
        self.parsed = parsed
        self.context = context
        self.loopy = loopy  # script functions that loop (themselves or through a callee)
        self.suppressed = suppressed  # functions whose flor.loops run inside a call block
        self.statements: list[_Stmt] = []
        self.loops: list[_Site] = []
        self.seen_calls: dict[tuple[str, str], int] = {}
        parsed.loops.clear()
        parsed.call_blocks.clear()

    def call_block(
        self, line: cst.SimpleStatementLine, function: str | None, cls: str | None, main: str
    ) -> str | None:
        """The address of ``line`` as a call block of ``main``, or None when it is not one: a
        single assignment or expression that calls a script function that loops, and no flor
        call (a statement that logs is never skipped whole)."""
        if len(line.body) != 1 or not isinstance(
            line.body[0], (cst.Expr, cst.Assign, cst.AugAssign, cst.AnnAssign)
        ):
            return None
        callees: list[str] = []
        context = self.context
        flor = [False]

        class Calls(cst.CSTVisitor):
            def visit_Lambda(self, node: cst.Lambda) -> bool:
                return False

            def visit_Call(self, node: cst.Call) -> None:
                if context.flor_function(node.func) is not None or context.is_blocks_call(node.func):
                    flor[0] = True
                key = context.script_function(node.func, cls)
                if key is not None:
                    callees.append(key)

        line.body[0].visit(Calls())
        looping = [k for k in callees if k in self.loopy]
        if flor[0] or not looping:
            return None
        block = self.parsed.addresses.statements[line].rsplit("/", 1)[0]
        segment = "call:" + looping[0].rsplit(".", 1)[-1]
        nth = self.seen_calls.get((block, segment), 0)
        self.seen_calls[(block, segment)] = nth + 1
        address = f"{block}/{segment}" + (f"@{nth}" if nth else "")
        self.parsed.loops[address] = line
        self.parsed.call_blocks[line] = address
        self.loops.append(_Site(line, "nested", main, function, cls, "call", frozenset(callees)))
        return address

    def block(
        self,
        body: Sequence[cst.CSTNode],
        function: str | None,
        cls: str | None,
        main: str | None,
        nested: str | None,
        in_loop: bool,
    ) -> None:
        addrs = self.parsed.addresses
        for node in body:
            if isinstance(node, cst.SimpleStatementLine):
                block = nested
                if main is not None and nested is None:
                    block = self.call_block(node, function, cls, main) or nested
                for small in node.body:
                    self.add(small, function, main, block, in_loop)
                continue
            if isinstance(node, cst.BaseSmallStatement):
                self.add(node, function, main, nested, in_loop)
                continue
            self.add(node, function, main, nested, in_loop)
            if isinstance(node, cst.FunctionDef):
                key = f"{function}.<locals>.{node.name.value}" if function else (
                    f"{cls}.{node.name.value}" if cls else node.name.value
                )
                # A method's body keeps its class: `self.m()` resolves to a method of it.
                self.block(_block(node.body), key, cls, None, None, False)
            elif isinstance(node, cst.ClassDef):
                self.block(_block(node.body), function, node.name.value, main, nested, in_loop)
            elif isinstance(node, (cst.For, cst.While)):
                address = addrs.blocks[node]
                orelse = node.orelse
                if main is None and self.is_flor_loop(node) and function not in self.suppressed:
                    self.parsed.loops[address] = node
                    self.loops.append(_Site(node, "main", None, function, cls))
                    self.block(_block(node.body), function, cls, address, None, True)
                    if orelse is not None:  # runs after the loop: outside it
                        self.block(_block(orelse.body), function, cls, None, None, in_loop)
                elif main is not None and nested is None:
                    self.parsed.loops[address] = node
                    self.loops.append(_Site(node, "nested", main, function, cls))
                    self.block(_block(node.body), function, cls, main, address, True)
                    if orelse is not None:
                        self.block(_block(orelse.body), function, cls, main, address, True)
                else:
                    self.block(_block(node.body), function, cls, main, nested, True)
                    if orelse is not None:
                        self.block(_block(orelse.body), function, cls, main, nested, True)
            elif isinstance(node, cst.If):
                self.block(_block(node.body), function, cls, main, nested, in_loop)
                if isinstance(node.orelse, cst.Else):
                    self.block(_block(node.orelse.body), function, cls, main, nested, in_loop)
                elif isinstance(node.orelse, cst.If):
                    self.block([node.orelse], function, cls, main, nested, in_loop)
            elif isinstance(node, (cst.Try, cst.TryStar)):
                self.block(_block(node.body), function, cls, main, nested, in_loop)
                for handler in node.handlers:
                    self.block(_block(handler.body), function, cls, main, nested, in_loop)
                for extra in (node.orelse, node.finalbody):
                    if extra is not None:
                        self.block(_block(extra.body), function, cls, main, nested, in_loop)
            elif isinstance(node, cst.With):
                self.block(_block(node.body), function, cls, main, nested, in_loop)
            elif isinstance(node, cst.Match):
                for case in node.cases:
                    self.block(_block(case.body), function, cls, main, nested, in_loop)

    def add(
        self,
        node: cst.CSTNode,
        function: str | None,
        main: str | None,
        nested: str | None,
        in_loop: bool,
    ) -> None:
        address = self.parsed.addresses.statements[node]
        line = self.parsed.positions[node].start.line
        logged = self.logged(node) if isinstance(node, cst.BaseSmallStatement) else ()
        self.statements.append(_Stmt(node, address, line, function, main, nested, in_loop, logged))

    def logged(self, node: cst.CSTNode) -> tuple[str, ...]:
        """The keys of the ``flor.log`` calls in a simple statement (string literals only)."""
        keys: list[str] = []
        context = self.context

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                if call.args and context.flor_function(call.func) == "log":
                    first = call.args[0].value
                    if isinstance(first, cst.SimpleString) and isinstance(first.evaluated_value, str):
                        keys.append(first.evaluated_value)

        node.visit(Finder())
        return tuple(keys)

    def is_flor_loop(self, node: Loop) -> bool:
        return (
            isinstance(node, cst.For)
            and isinstance(node.iter, cst.Call)
            and self.context.flor_function(node.iter.func) == "loop"
        )


# ------------------------------------------------------------------------------ liveness


class _Loads(cst.CSTVisitor):
    """Names loaded (read) in a subtree, by position; attribute names are not names."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.found: list[tuple[str, CodeRange]] = []
        self._attrs: set[cst.Name] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._attrs.add(node.attr)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if isinstance(node.target, cst.Name):  # `x += 1` reads x
            self.found.append((node.target.value, self.parsed.positions[node.target]))

    def visit_Name(self, node: cst.Name) -> None:
        if node in self._attrs:
            return
        if self.parsed.contexts.get(node) is ExpressionContext.LOAD:
            self.found.append((node.value, self.parsed.positions[node]))


def _loads(parsed: Parsed, node: cst.CSTNode) -> list[tuple[str, CodeRange]]:
    visitor = _Loads(parsed)
    node.visit(visitor)
    return visitor.found


def _killed(parsed: Parsed, loop: Loop) -> set[str]:
    """Names the loop body binds unconditionally before reading them (top-level statements
    only: what an ``if`` binds may not be bound)."""
    killed: set[str] = set()
    if isinstance(loop, cst.For):
        killed |= _target_names(loop.target)
    seen: set[str] = set()
    body = loop.body.body if isinstance(loop.body, cst.IndentedBlock) else loop.body.body
    for stmt in body:
        smalls = stmt.body if isinstance(stmt, cst.SimpleStatementLine) else [stmt]
        for small in smalls:
            if isinstance(small, (cst.Assign, cst.AnnAssign)) and small.value is not None:
                seen |= {n for n, _ in _loads(parsed, small.value)}
                targets = (
                    [t.target for t in small.targets]
                    if isinstance(small, cst.Assign)
                    else [small.target]
                )
                for target in targets:
                    killed |= {n for n in _target_names(target) if n not in seen}
                    seen |= {n for n, _ in _loads(parsed, target)}
            else:
                seen |= {n for n, _ in _loads(parsed, small)}
    return killed


def _all_loops(module: cst.Module) -> list[Loop]:
    found: list[Loop] = []

    class Finder(cst.CSTVisitor):
        def visit_For(self, node: cst.For) -> None:
            found.append(node)

        def visit_While(self, node: cst.While) -> None:
            found.append(node)

    module.visit(Finder())
    return found


def _in_body(parsed: Parsed, loop: Loop, pos: CodeRange) -> bool:
    """Whether ``pos`` lies in the loop's body (not its header, where the previous value is
    read, nor its else clause)."""
    return _inside(pos, parsed.positions[loop.body])


def _target_names(target: cst.BaseExpression) -> set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        out: set[str] = set()
        for element in target.elements:
            out |= _target_names(element.value)
        return out
    if isinstance(target, cst.StarredElement):
        return _target_names(target.value)
    return set()


# ------------------------------------------------------------------------------ grads


class _GradReads(cst.CSTVisitor):
    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.found: list[CodeRange] = []

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value == "grad" and self.parsed.contexts.get(node) is not ExpressionContext.STORE:
            self.found.append(self.parsed.positions[node])

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else (
            func.value if isinstance(func, cst.Name) else ""
        )
        if "grad" in name.lower() and name not in ("zero_grad", "no_grad", "enable_grad",
                                                   "set_grad_enabled", "requires_grad_"):
            self.found.append(self.parsed.positions[node])


def _grad_reads(parsed: Parsed, node: cst.CSTNode) -> list[CodeRange]:
    visitor = _GradReads(parsed)
    node.visit(visitor)
    return visitor.found


# ------------------------------------------------------------------------------ calls


class _CallSites(cst.CSTVisitor):
    """Where each script function is called (innermost statement), and which ones are
    referenced other than by a call."""

    def __init__(self, parsed: Parsed, context: Context, classes: Mapping[cst.CSTNode, str]):
        self.parsed = parsed
        self.context = context
        self.classes = classes
        self.stack: list[cst.CSTNode] = []
        self.cls: list[str | None] = [None]
        self.sites: dict[str, list[cst.CSTNode]] = {}
        self.referenced: set[str] = set()
        self.called: set[cst.CSTNode] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if node in self.parsed.addresses.statements and not isinstance(
            node, cst.SimpleStatementLine
        ):
            self.stack.append(node)
        if isinstance(node, cst.ClassDef):
            self.cls.append(node.name.value)
        elif isinstance(node, cst.FunctionDef):
            self.cls.append(self.classes.get(node))
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode) -> None:
        if self.stack and self.stack[-1] is original_node:
            self.stack.pop()
        if isinstance(original_node, (cst.ClassDef, cst.FunctionDef)):
            self.cls.pop()
        super().on_leave(original_node)

    def visit_Call(self, node: cst.Call) -> None:
        key = self.context.script_function(node.func, self.cls[-1])
        if key is not None and self.stack:
            self.called.add(node.func)
            self.sites.setdefault(key, []).append(self.stack[-1])

    def visit_Name(self, node: cst.Name) -> None:
        self.reference(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.reference(node)

    def reference(self, node: cst.BaseExpression) -> None:
        if node in self.called or self.parsed.contexts.get(node) is not ExpressionContext.LOAD:
            return
        key = self.context.script_function(node, self.cls[-1])
        if key is not None:
            self.referenced.add(key)


# ------------------------------------------------------------------------------ analysis


def _sorted(items: Collection[str]) -> tuple[str, ...]:
    return tuple(sorted(items))


def _code_names(module: cst.Module) -> set[str]:
    """Module-level names bound only to code: imports, functions, classes."""
    names: set[str] = set()
    assigned: set[str] = set()
    for node in module.body:
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            names.add(node.name.value)
        elif isinstance(node, cst.SimpleStatementLine):
            for small in node.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(
                    small.names, cst.ImportStar
                ):
                    for alias in small.names:
                        bound = alias.asname.name if alias.asname else alias.name
                        if isinstance(bound, cst.Name):
                            names.add(bound.value)
                        elif isinstance(bound, cst.Attribute):
                            root = bound
                            while isinstance(root, cst.Attribute):
                                root = root.value  # type: ignore[assignment]
                            if isinstance(root, cst.Name):
                                names.add(root.value)
                elif isinstance(small, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
                    targets = (
                        [t.target for t in small.targets]
                        if isinstance(small, cst.Assign)
                        else [small.target]
                    )
                    for target in targets:
                        assigned |= _target_names(target)
    return names - assigned


def analyze_parsed(parsed: Parsed) -> ScriptAnalysis:
    """Fill in ``parsed.loops`` and ``parsed.analysis``; see the module doc for the approach."""
    functions = _functions(parsed.module)
    context = Context(parsed.qualified, {k: v[0] for k, v in functions.items()})
    callee_effects, reach = _merged_function_effects(context, functions)
    own_loops: dict[str, _FunctionLoops] = {}
    for key, (fn, _cls) in functions.items():
        own_loops[key] = _FunctionLoops(context)
        fn.body.visit(own_loops[key])
    loopy = {key for key in functions if any(own_loops[k].loops for k in reach[key])}
    walk = _Walk(parsed, context, loopy)
    walk.block(parsed.module.body, None, None, None, None, False)
    # The flor.loops of functions called from a call block run inside it: they are part of
    # the block, not main loops of their own. Walk again without them if there are any.
    inside = {k for site in walk.loops if site.kind == "call" for c in site.callees for k in reach.get(c, ())}
    if any(site.role == "main" and site.function in inside for site in walk.loops):
        walk = _Walk(parsed, context, loopy, inside)
        walk.block(parsed.module.body, None, None, None, None, False)

    def call_label(site: _Site) -> str:
        labels = {
            label for c in site.callees for k in reach.get(c, ()) for label in own_loops[k].labels
        }
        if len(labels) == 1:
            return labels.pop()
        looping = sorted(c for c in site.callees if c in loopy)
        return looping[0].rsplit(".", 1)[-1] if looping else "call"

    classes: dict[cst.CSTNode, str] = {
        node: cls for node, cls in functions.values() if cls is not None
    }
    calls = _CallSites(parsed, context, classes)
    parsed.module.visit(calls)

    code_names = _code_names(parsed.module)
    flor_aliases = {
        node.value
        for node in parsed.qualified
        if isinstance(node, cst.Name)
        and any(q.name in ("florc", "flordb", "flor") for q in parsed.qualified[node])
    }
    all_loads = _loads(parsed, parsed.module)
    all_loops = [(n, parsed.positions[n]) for n in _all_loops(parsed.module)]
    killed_memo: dict[cst.CSTNode, set[str]] = {}

    def _covered(
        name: str,
        pos: CodeRange,
        span: CodeRange,
        loops_: list[tuple[Loop, CodeRange]],
        memo_: dict[cst.CSTNode, set[str]],
    ) -> bool:
        """Whether a load inside the loop at ``span`` reads a value bound earlier in the same
        iteration of some loop around it (the loop itself or one inside it)."""
        for inner, inner_span in loops_:
            if _inside(inner_span, span) and _inside(pos, inner_span):
                if inner not in memo_:
                    memo_[inner] = _killed(parsed, inner)
                if name in memo_[inner] and _in_body(parsed, inner, pos):
                    return True
        return False

    all_grad_reads = _grad_reads(parsed, parsed.module)

    def scope_node(key: str | None) -> cst.CSTNode:
        return parsed.module if key is None else functions[key][0]

    loops: list[LoopFacts] = []
    for site in walk.loops:
        node, role, main, function, cls = site.node, site.role, site.main, site.function, site.cls
        if site.kind == "call":
            assert isinstance(node, cst.SimpleStatementLine)
            address = parsed.call_blocks[node]
            fx = statement_effects(context, node.body[0], cls)
            label = call_label(site)
        else:
            assert isinstance(node, (cst.For, cst.While))
            address = parsed.addresses.blocks[node]
            fx = loop_effects(context, node, cls)
            label = _label(parsed, context, node)
        for key in sorted(fx.calls):
            if key in callee_effects:
                _merge(fx, callee_effects[key])
        resolve_aliases(fx)
        scope = scope_node(function)
        span = parsed.positions[node]
        scope_span = parsed.positions[scope]
        declared = _declared_global(scope) if function is not None else set()
        outside = {
            name
            for name, pos in all_loads
            if not _inside(pos, span) and (function is None or name in declared or _inside(pos, scope_span))
        }
        exposed = {
            name
            for name, pos in all_loads
            if _inside(pos, span) and not _covered(name, pos, span, all_loops, killed_memo)
        }
        stores = set(fx.stores)
        live = {n for n in stores if n in outside or n in exposed}
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
            not _inside(pos, span) and (function is None or _inside(pos, scope_span))
            for pos in all_grad_reads
        )
        loops.append(
            LoopFacts(
                address=address,
                role=role,
                label=label,
                line=span.start.line,
                end_line=span.end.line,
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
    for site in walk.loops:
        if site.role == "main":
            mains_by_function.setdefault(site.function, []).append(parsed.addresses.blocks[site.node])

    by_node = {s.node: s for s in walk.statements}
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
        if key in calls.referenced:
            return (Placement("unknown", why=f"{key} is passed around, not only called"),)
        sites = calls.sites.get(key, [])
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
    for stmt in walk.statements:
        span = parsed.positions[stmt.node]
        reads = any(_inside(pos, span) for pos in all_grad_reads)
        statements.append(
            StatementFacts(
                stmt.address, stmt.line, placements(stmt, ()), reads_grads=reads,
                logged=stmt.logged, end_line=span.end.line,
                compound=not isinstance(stmt.node, cst.BaseSmallStatement),
            )
        )
    notes = []
    if not any(f.role == "main" for f in loops):
        notes.append("no flor.loop: nothing to checkpoint or skip")
    analysis = ScriptAnalysis(parsed.path, tuple(loops), tuple(statements), tuple(notes))
    parsed.analysis = analysis
    return analysis


def _declared_global(scope: cst.CSTNode) -> set[str]:
    found: set[str] = set()

    class Finder(cst.CSTVisitor):
        def visit_Global(self, node: cst.Global) -> None:
            found.update(n.name.value for n in node.names)

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            found.update(n.name.value for n in node.names)

    scope.visit(Finder())
    return found


def _label(parsed: Parsed, context: Context, node: Loop) -> str:
    if isinstance(node, cst.For):
        if isinstance(node.iter, cst.Call) and context.flor_function(node.iter.func) == "loop":
            args = node.iter.args
            if args and isinstance(args[0].value, cst.SimpleString):
                value = args[0].value.evaluated_value
                if isinstance(value, str):
                    return value
        return parsed.module.code_for_node(node.target).strip()
    return "while"


def analyze(source: str, path: str = "script.py") -> ScriptAnalysis:
    """Loops, write-sets and statement placements of a training script.

    >>> a = analyze("import florc as flor\\nfor e in flor.loop('epoch', range(2)):\\n    x = e\\n")
    >>> [(f.address, f.role, f.writes.scratch) for f in a.loops]
    [('script.py::for:e', 'main', ('e', 'x'))]
    """
    return analyze_parsed(parse(source, path))


__all__ = ["Parsed", "Unparseable", "analyze", "analyze_parsed", "parse"]
