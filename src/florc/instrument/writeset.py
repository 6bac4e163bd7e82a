"""Write-set analysis: what running a piece of code may change, from its syntax alone.

Approach. A visitor walks the code (a loop, or the body of a function the loop calls) and sorts
every effect it can see into a few buckets, by the shape of the expression:

- rebinding: assignment, augmented assignment and annotated assignment targets, ``for`` and
  ``with ... as`` and ``except ... as`` targets, walrus targets;
- attribute stores ``a.b.c = v`` (restored by ``setattr``) and stores into an object
  ``xs[i] = v``, ``a.b[i].c = v`` (the object reached by the dotted prefix is mutated);
- calls, by what is called: a method whose name says it mutates (``append``, ``update``,
  ``step``, ``zero_grad``, torch's in-place ``*_`` methods, ...) mutates its receiver; any other
  method or callable object *may* mutate its receiver; arguments passed to a call that is not a
  known-pure builtin may be mutated; ``next(it)`` mutates the iterator; a function defined in the
  script contributes its own effects (the globals it assigns or mutates, computed the same way);
- iteration: what a ``for`` iterates may be an iterator that the loop consumes;
- gradients: ``backward``, ``zero_grad``, anything named ``*grad*``, stores to ``.grad``.

What it cannot determine makes the code *opaque* with a reason: ``exec``/``eval``/``globals()``
and friends, ``del``, ``import``, functions or classes defined inside the loop, ``match``,
``yield``/``await``, stores into the attribute of a computed object, ``setattr`` with a computed
name. What makes skipping the *whole* loop change control flow is recorded separately
(``return`` inside it, ``break``/``continue`` in its ``else``).

Failure modes, by design conservative: aliasing is seen only when made inside the loop by plain
assignment (``h = history`` then ``h.append(x)`` marks ``history``); functions the script
imports are assumed to touch only what they are given (their module-level state is theirs);
method calls through a call result (``model.layer(x).foo()``) mark only the dotted prefix.
The runtime completes the picture by value: what "may" change is saved when it is data, ignored
when it is code, and a name whose value cannot be saved makes the checkpoint incomplete, so the
loop runs instead of being skipped.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import QualifiedName, QualifiedNameSource

FLOR_MODULES = ("florc", "flordb", "flor")
BLOCKS_PREFIX = "florc.runtime.blocks."

# Calls that change what the analysis cannot see: never skipped.
DYNAMIC_BUILTINS = frozenset(
    {"exec", "eval", "compile", "globals", "locals", "vars", "setattr", "delattr", "__import__"}
)
# Methods that change their receiver, by name (receiver types are unknown statically).
MUTATING_METHODS = frozenset(
    {
        # list / dict / set / bytearray / deque
        "append", "extend", "insert", "remove", "pop", "popleft", "appendleft", "clear",
        "update", "add", "discard", "setdefault", "popitem", "sort", "reverse",
        "difference_update", "intersection_update", "symmetric_difference_update",
        # torch training objects
        "step", "zero_grad", "backward", "load_state_dict", "train", "eval", "apply",
        "register_buffer", "register_parameter", "add_module", "add_param_group",
        "update_bn", "update_parameters", "to", "cuda", "cpu", "half", "float", "double",
        "bfloat16", "requires_grad_", "share_memory_",
        # random generators
        "seed", "manual_seed", "setstate", "set_state", "shuffle",
        # files and streams
        "write", "writelines", "flush", "close", "send",
    }
)
GRAD_METHODS = frozenset({"backward", "zero_grad"})
# Builtins that never change their arguments (``next`` is handled apart: it advances one).
PURE_BUILTINS = frozenset(
    {
        "abs", "all", "any", "ascii", "bin", "bool", "bytes", "callable", "chr", "complex",
        "dict", "dir", "divmod", "enumerate", "filter", "float", "format", "frozenset",
        "getattr", "hasattr", "hash", "hex", "id", "int", "isinstance", "issubclass", "iter",
        "len", "list", "map", "max", "min", "oct", "ord", "pow", "print", "range", "repr",
        "reversed", "round", "set", "slice", "sorted", "str", "sum", "super", "tuple", "type",
        "zip", "open", "input", "breakpoint", "bytearray", "memoryview", "object",
        "staticmethod", "classmethod", "property", "aiter", "anext",
    }
)
ITERATING_BUILTINS = frozenset({"enumerate", "zip", "iter", "reversed", "map", "filter"})


@dataclass
class Effects:
    """What a piece of code may change (mutable while collecting; see ``LoopFacts`` for the
    frozen result)."""

    stores: set[str] = field(default_factory=set)
    attr_stores: set[str] = field(default_factory=set)
    mutated: set[str] = field(default_factory=set)
    maybe: set[str] = field(default_factory=set)
    iterated: set[str] = field(default_factory=set)
    calls: set[str] = field(default_factory=set)  # keys of script functions called
    declared_global: set[str] = field(default_factory=set)
    grads: bool = False
    opaque: list[str] = field(default_factory=list)
    control: list[str] = field(default_factory=list)
    aliases: dict[str, set[str]] = field(default_factory=dict)  # name -> roots it may alias

    def note_opaque(self, reason: str) -> None:
        if reason not in self.opaque:
            self.opaque.append(reason)

    def note_control(self, reason: str) -> None:
        if reason not in self.control:
            self.control.append(reason)


def dotted(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


def root_path(node: cst.BaseExpression) -> str | None:
    """The object an expression reaches through its longest dotted prefix:
    ``self.items[0].x`` -> ``self.items``; ``f().x`` -> None (a computed object)."""
    path = dotted(node)
    if path is not None:
        return path
    if isinstance(node, cst.Attribute):
        return root_path(node.value)
    if isinstance(node, cst.Subscript):
        return root_path(node.value)
    return None


def _root_name(path: str) -> str:
    return path.split(".", 1)[0]


class Context:
    """What the effects visitor needs to know about the whole script."""

    def __init__(
        self,
        qualified: Mapping[cst.CSTNode, Collection[QualifiedName]],
        functions: Mapping[str, cst.FunctionDef],
    ) -> None:
        self.qualified = qualified
        self.functions = functions

    def names(self, node: cst.CSTNode) -> Collection[QualifiedName]:
        return self.qualified.get(node, ())

    def flor_function(self, func: cst.BaseExpression) -> str | None:
        for q in self.names(func):
            module, _, name = q.name.rpartition(".")
            if module in FLOR_MODULES:
                return name
        return None

    def is_blocks_call(self, func: cst.BaseExpression) -> bool:
        return any(q.name.startswith(BLOCKS_PREFIX) for q in self.names(func))

    def builtin(self, func: cst.BaseExpression) -> str | None:
        for q in self.names(func):
            if q.source is QualifiedNameSource.BUILTIN:
                return q.name.removeprefix("builtins.")
        return None

    def imported(self, func: cst.BaseExpression) -> bool:
        return any(q.source is QualifiedNameSource.IMPORT for q in self.names(func))

    def script_function(self, func: cst.BaseExpression, cls: str | None) -> str | None:
        """The key of the script function a callee names (``f``, ``train.<locals>.g``, or
        ``C.m`` for ``self.m`` inside class ``C``)."""
        for q in self.names(func):
            if q.source is QualifiedNameSource.LOCAL and q.name in self.functions:
                return q.name
        if (
            cls is not None
            and isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value == "self"
        ):
            key = f"{cls}.{func.attr.value}"
            if key in self.functions:
                return key
        return None


class EffectsVisitor(cst.CSTVisitor):
    """Collect the effects of the code it visits into ``effects`` (see the module doc)."""

    def __init__(self, context: Context, effects: Effects, cls: str | None) -> None:
        self.context = context
        self.effects = effects
        self.cls = cls

    # ------------------------------------------------------------------ stores

    def store(self, target: cst.BaseExpression) -> None:
        fx = self.effects
        if isinstance(target, cst.Name):
            fx.stores.add(target.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.store(element.value)
        elif isinstance(target, cst.StarredElement):
            self.store(target.value)
        elif isinstance(target, cst.Attribute):
            path = dotted(target)
            if path is not None:
                fx.attr_stores.add(path)
                if target.attr.value == "grad":
                    fx.grads = True
            else:
                base = root_path(target.value)
                if base is None:
                    fx.note_opaque("assigns an attribute of a computed object")
                else:
                    fx.mutated.add(base)
        elif isinstance(target, cst.Subscript):
            base = root_path(target.value)
            if base is None:
                fx.note_opaque("assigns into a computed object")
            else:
                fx.mutated.add(base)
        else:
            fx.note_opaque(f"assigns to a {type(target).__name__}")

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self.store(target.target)
            # `h = history` inside the loop: a mutation of h is a mutation of history.
            source = dotted(node.value)
            if isinstance(target.target, cst.Name) and source is not None:
                self.effects.aliases.setdefault(target.target.value, set()).add(source)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self.store(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.store(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.store(node.target)

    def visit_For(self, node: cst.For) -> None:
        self.store(node.target)
        self.iterate(node.iter)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.iterate(node.iter)  # its target is the comprehension's own

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self.store(node.asname.name)
        path = dotted(node.item)
        if path is not None:  # `with lock:` enters and exits the object
            self.effects.maybe.add(path)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self.store(node.name.name)

    def visit_Global(self, node: cst.Global) -> None:
        self.effects.declared_global.update(n.name.value for n in node.names)

    # ------------------------------------------------------------------ what we cannot see

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.effects.note_opaque(f"defines function {node.name.value!r} inside the loop")
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.effects.note_opaque(f"defines class {node.name.value!r} inside the loop")
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False  # runs later, if at all; its value is saved (or not) like any other

    def visit_Import(self, node: cst.Import) -> None:
        self.effects.note_opaque("imports inside the loop")

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.effects.note_opaque("imports inside the loop")

    def visit_Del(self, node: cst.Del) -> None:
        self.effects.note_opaque("deletes names (del)")

    def visit_Match(self, node: cst.Match) -> None:
        self.effects.note_opaque("binds names in a match statement")

    def visit_Yield(self, node: cst.Yield) -> None:
        self.effects.note_opaque("yields inside the loop")

    def visit_Await(self, node: cst.Await) -> None:
        self.effects.note_opaque("awaits inside the loop")

    def visit_Return(self, node: cst.Return) -> None:
        self.effects.note_control("returns from inside the loop")

    # ------------------------------------------------------------------ calls

    def arguments(self, node: cst.Call) -> None:
        for arg in node.args:
            self.maybe(arg.value)

    def maybe(self, expr: cst.BaseExpression) -> None:
        if isinstance(expr, (cst.Tuple, cst.List, cst.Set)):
            for element in expr.elements:
                self.maybe(element.value)
        elif isinstance(expr, cst.Dict):
            for item in expr.elements:
                self.maybe(item.value)
        elif isinstance(expr, cst.StarredElement):
            self.maybe(expr.value)
        else:
            path = root_path(expr)
            if path is not None:
                self.effects.maybe.add(path)

    def iterate(self, expr: cst.BaseExpression) -> None:
        if isinstance(expr, cst.Call):
            name = self.context.builtin(expr.func)
            flor = self.context.flor_function(expr.func)
            if name in ITERATING_BUILTINS or flor == "loop":
                for arg in expr.args:
                    self.iterate(arg.value)
            return
        path = dotted(expr)
        if path is not None:
            self.effects.iterated.add(path)

    def visit_Call(self, node: cst.Call) -> bool:
        context, fx, func = self.context, self.effects, node.func
        if context.is_blocks_call(func):
            return False  # our own instrumentation
        flor = context.flor_function(func)
        if flor is not None:
            if flor == "loop" and len(node.args) > 1:
                self.iterate(node.args[1].value)
            return True  # log/arg/... change nothing the script sees; their arguments may
        builtin = context.builtin(func)
        if builtin is not None:
            self.builtin_call(builtin, node)
            return True
        key = context.script_function(func, self.cls)
        if key is not None:
            fx.calls.add(key)
            self.arguments(node)
            return True
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method in GRAD_METHODS or ("grad" in method.lower() and method != "zero_grad"):
                fx.grads = True
            if method == "zero_grad":
                fx.grads = True
            if context.imported(func) and not isinstance(func.value, cst.Call):
                self.arguments(node)  # a module's function: `torch.nn.utils.clip_grad_norm_(...)`
                return True
            receiver = root_path(func.value)
            if receiver is not None:
                in_place = method.endswith("_") and not method.startswith("__")
                if method in MUTATING_METHODS or in_place:
                    fx.mutated.add(receiver)
                else:
                    fx.maybe.add(receiver)
            self.arguments(node)
            return True
        # A callable object (`net(x)`: a module's forward may update its buffers) or a
        # computed callee (`self.layers[i](x)`, `make()(x)`).
        if not context.imported(func):
            callee = root_path(func)
            if callee is not None:
                fx.maybe.add(callee)
        self.arguments(node)
        return True

    def builtin_call(self, name: str, node: cst.Call) -> None:
        fx = self.effects
        if name == "next" and node.args:
            path = root_path(node.args[0].value)
            if path is not None:
                fx.mutated.add(path)
            else:
                fx.note_opaque("advances a computed iterator with next()")
        elif name in ("setattr", "delattr") and len(node.args) >= 2:
            obj = dotted(node.args[0].value)
            attr = node.args[1].value
            if obj is not None and isinstance(attr, cst.SimpleString) and name == "setattr":
                fx.attr_stores.add(f"{obj}.{attr.evaluated_value!s}")
            else:
                fx.note_opaque(f"calls {name}() with a computed name")
        elif name in DYNAMIC_BUILTINS:
            fx.note_opaque(f"calls {name}()")
        elif name not in PURE_BUILTINS:
            self.arguments(node)


def loop_effects(
    context: Context, loop: cst.For | cst.While, cls: str | None
) -> Effects:
    """The effects of a loop statement: header, body and ``else`` clause."""
    effects = Effects()
    visitor = EffectsVisitor(context, effects, cls)
    if isinstance(loop, cst.For):
        visitor.store(loop.target)
        visitor.iterate(loop.iter)
        loop.iter.visit(visitor)
    else:
        loop.test.visit(visitor)
    loop.body.visit(visitor)
    if loop.orelse is not None:
        loop.orelse.visit(visitor)
        if _breaks_out(loop.orelse):
            effects.note_control("break/continue in the loop's else clause")
    return effects


def statement_effects(
    context: Context, statement: cst.BaseSmallStatement, cls: str | None
) -> Effects:
    """The effects of a simple statement (a call block: ``loss = train_epoch(net, opt)``)."""
    effects = Effects()
    statement.visit(EffectsVisitor(context, effects, cls))
    return effects


def _breaks_out(orelse: cst.Else) -> bool:
    """A break/continue in a loop's else clause that is not inside a nested loop."""

    class Finder(cst.CSTVisitor):
        found = False

        def visit_For(self, node: cst.For) -> bool:
            return False

        def visit_While(self, node: cst.While) -> bool:
            return False

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return False

        def visit_Break(self, node: cst.Break) -> None:
            self.found = True

        def visit_Continue(self, node: cst.Continue) -> None:
            self.found = True

    finder = Finder()
    orelse.body.visit(finder)
    return finder.found


def function_effects(
    context: Context, function: cst.FunctionDef, cls: str | None
) -> Effects:
    """The effects of calling a script function, as seen from outside it: the globals it
    assigns (declared ``global``), the outer objects it mutates (roots that are not its
    parameters or locals), gradients, and what it cannot see. ``self.*`` paths stay: a method
    called as ``self.m()`` shares ``self`` with its caller."""
    inner = Effects()
    visitor = _FunctionVisitor(context, inner, cls)
    function.body.visit(visitor)
    params = {p.name.value for p in _all_params(function.params)}
    local = (inner.stores | params) - inner.declared_global
    outside = Effects(
        stores={n for n in inner.stores if n in inner.declared_global},
        grads=inner.grads,
        calls=set(inner.calls),
        opaque=[f"calls {function.name.value}(), which {r}" for r in inner.opaque],
    )
    buckets = (
        (inner.mutated, outside.mutated), (inner.maybe, outside.maybe),
        (inner.iterated, outside.iterated),  # an outer iterator the function consumes
    )
    for bucket, target in buckets:
        for path in bucket:
            root = _root_name(path)
            if root == "self" or root not in local:
                target.add(path)
    for path in inner.attr_stores:
        root = _root_name(path)
        if root == "self" or root not in local:
            outside.attr_stores.add(path)
    return outside


class _FunctionVisitor(EffectsVisitor):
    """Inside a function body, nested definitions and returns are the function's business."""

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        return None

    def visit_Yield(self, node: cst.Yield) -> None:
        return None


def _all_params(params: cst.Parameters) -> list[cst.Param]:
    out = [*params.posonly_params, *params.params, *params.kwonly_params]
    if isinstance(params.star_arg, cst.Param):
        out.append(params.star_arg)
    if params.star_kwarg is not None:
        out.append(params.star_kwarg)
    return out


def resolve_aliases(effects: Effects) -> None:
    """Mutating ``h`` where ``h = history`` was assigned in the same code mutates ``history``."""
    for bucket in (effects.mutated, effects.maybe):
        for path in list(bucket):
            for source in effects.aliases.get(_root_name(path), ()):
                bucket.add(source)


__all__ = [
    "Context",
    "Effects",
    "EffectsVisitor",
    "dotted",
    "function_effects",
    "loop_effects",
    "resolve_aliases",
    "root_path",
    "statement_effects",
]
