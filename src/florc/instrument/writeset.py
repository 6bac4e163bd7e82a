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

import ast
import builtins
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from florc.instrument.names import BUILTIN, IMPORT, LOCAL, Names, full_name
from florc.instrument.nodes import FORS, FUNCTIONS, LOOPS, call_args, children, param_names
from florc.instrument.text import SourceText, is_single_string

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


def dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, else None.

    ``True``, ``False`` and ``None`` count as names, as they did when the pass was built on
    libcst (where they are ``Name`` nodes): ``zero_grad(set_to_none=True)`` puts ``True`` among
    what the call may change. The runtime ignores such a path (an immutable builtin), and
    keeping it keeps every generated line as it was."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Constant) and (node.value is None or node.value is True or node.value is False):
        return str(node.value)
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def root_path(node: ast.AST) -> str | None:
    """The object an expression reaches through its longest dotted prefix:
    ``self.items[0].x`` -> ``self.items``; ``f().x`` -> None (a computed object)."""
    path = dotted(node)
    if path is not None:
        return path
    if isinstance(node, (ast.Attribute, ast.Subscript)):
        return root_path(node.value)
    return None


def _root_name(path: str) -> str:
    return path.split(".", 1)[0]


def string_value(text: SourceText, node: ast.AST) -> str | bytes | None:
    """The value of a single string literal (not an implicit concatenation, not an
    f-string), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        if is_single_string(text.node_text(node)):
            return node.value
    return None


class Context:
    """What the effects visitor needs to know about the whole script.

    Each question is first asked of the callee's text: a name can only be a flor function if it
    starts with a name bound by an import of flor (or a module-level ``flor``), a builtin if it
    starts with a builtin's name, a script function if it ends with a script function's name.
    Only then are its qualified names resolved: most calls of a script are none of these."""

    def __init__(self, names: Names, text: SourceText, functions: Mapping[str, ast.AST]) -> None:
        self.names = names
        self.text = text
        self.functions = functions
        self.short = {key.rsplit(".", 1)[-1] for key in functions}
        self._full: dict[ast.AST, str | None] = {}
        self.flor_roots: set[str] = set()
        self.import_roots: set[str] = set()
        for assignment in names.assignments():
            root = assignment.name.split(".", 1)[0]
            if isinstance(assignment.node, (ast.Import, ast.ImportFrom)):
                self.import_roots.add(root)
                if any(q.split(".", 1)[0] in FLOR_MODULES for q, _ in assignment.qualified(assignment.name)):
                    self.flor_roots.add(root)
            elif assignment.scope is names.globals and root in FLOR_MODULES:
                self.flor_roots.add(root)

    def full_name(self, node: ast.AST) -> str | None:
        try:
            return self._full[node]
        except KeyError:
            found = self._full[node] = full_name(node)
            return found

    def root(self, node: ast.AST) -> str | None:
        full = self.full_name(node)
        return None if full is None else full.split(".", 1)[0]

    def flor_function(self, func: ast.AST) -> str | None:
        if self.root(func) not in self.flor_roots:
            return None
        for name, _source in self.names.qualified(func):
            module, _, attr = name.rpartition(".")
            if module in FLOR_MODULES:
                return attr
        return None

    def is_blocks_call(self, func: ast.AST) -> bool:
        if self.root(func) not in self.flor_roots:
            return False
        return any(name.startswith(BLOCKS_PREFIX) for name, _ in self.names.qualified(func))

    def builtin(self, func: ast.AST) -> str | None:
        root = self.root(func)
        if root is None or not hasattr(builtins, root):
            return None
        for name, source in self.names.qualified(func):
            if source == BUILTIN:
                return name.removeprefix("builtins.")
        return None

    def imported(self, func: ast.AST) -> bool:
        if self.root(func) not in self.import_roots:
            return False
        return any(source == IMPORT for _, source in self.names.qualified(func))

    def script_function(self, func: ast.AST, cls: str | None) -> str | None:
        """The key of the script function a callee names (``f``, ``train.<locals>.g``, or
        ``C.m`` for ``self.m`` inside class ``C``)."""
        full = self.full_name(func)
        if full is None or full.rsplit(".", 1)[-1] not in self.short:
            return None
        for name, source in self.names.qualified(func):
            if source == LOCAL and name in self.functions:
                return name
        if (
            cls is not None
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
        ):
            key = f"{cls}.{func.attr}"
            if key in self.functions:
                return key
        return None

    def string(self, node: ast.AST) -> str | bytes | None:
        return string_value(self.text, node)


# A handler returns whether to visit the node's children.
Handler = Callable[[Any, Any], bool]


class EffectsVisitor:
    """Collect the effects of the code it visits into ``effects`` (see the module doc).
    A handler returns whether to visit the node's children."""

    def __init__(self, context: Context, effects: Effects, cls: str | None) -> None:
        self.context = context
        self.effects = effects
        self.cls = cls
        self.handlers = self.HANDLERS

    def visit(self, node: ast.AST) -> None:
        handler = self.handlers.get(type(node))
        if handler is None or handler(self, node):
            for child in children(node):
                self.visit(child)

    def visit_all(self, nodes: list[ast.stmt]) -> None:
        for node in nodes:
            self.visit(node)

    # ------------------------------------------------------------------ stores

    def store(self, target: ast.AST) -> None:
        fx = self.effects
        if isinstance(target, ast.Name):
            fx.stores.add(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.store(element)
        elif isinstance(target, ast.Starred):
            self.store(target.value)
        elif isinstance(target, ast.Attribute):
            path = dotted(target)
            if path is not None:
                fx.attr_stores.add(path)
                if target.attr == "grad":
                    fx.grads = True
            else:
                base = root_path(target.value)
                if base is None:
                    fx.note_opaque("assigns an attribute of a computed object")
                else:
                    fx.mutated.add(base)
        elif isinstance(target, ast.Subscript):
            base = root_path(target.value)
            if base is None:
                fx.note_opaque("assigns into a computed object")
            else:
                fx.mutated.add(base)
        else:
            fx.note_opaque(f"assigns to a {type(target).__name__}")

    def visit_Assign(self, node: ast.Assign) -> bool:
        for target in node.targets:
            self.store(target)
            # `h = history` inside the loop: a mutation of h is a mutation of history.
            source = dotted(node.value)
            if isinstance(target, ast.Name) and source is not None:
                self.effects.aliases.setdefault(target.id, set()).add(source)
        return True

    def visit_AnnAssign(self, node: ast.AnnAssign) -> bool:
        if node.value is not None:
            self.store(node.target)
        return True

    def visit_AugAssign(self, node: ast.AugAssign) -> bool:
        self.store(node.target)
        return True

    def visit_NamedExpr(self, node: ast.NamedExpr) -> bool:
        self.store(node.target)
        return True

    def visit_For(self, node: ast.For) -> bool:
        self.store(node.target)
        self.iterate(node.iter)
        return True

    def visit_comprehension(self, node: ast.comprehension) -> bool:
        self.iterate(node.iter)  # its target is the comprehension's own
        return True

    def visit_withitem(self, node: ast.withitem) -> bool:
        if node.optional_vars is not None:
            self.store(node.optional_vars)
        path = dotted(node.context_expr)
        if path is not None:  # `with lock:` enters and exits the object
            self.effects.maybe.add(path)
        return True

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> bool:
        if node.name is not None:
            self.effects.stores.add(node.name)
        return True

    def visit_TryStar(self, node: ast.TryStar) -> bool:
        # `except* E as e` binds e too, but the pass has never counted it: an effect missed
        # here makes a checkpoint incomplete at run time, not a wrong restore.
        self.visit_all(node.body)
        for handler in node.handlers:
            if handler.type is not None:
                self.visit(handler.type)
            self.visit_all(handler.body)
        self.visit_all(node.orelse)
        self.visit_all(node.finalbody)
        return False

    def visit_Global(self, node: ast.Global) -> bool:
        self.effects.declared_global.update(node.names)
        return True

    # ------------------------------------------------------------------ what we cannot see

    def visit_FunctionDef(self, node: ast.FunctionDef) -> bool:
        self.effects.note_opaque(f"defines function {node.name!r} inside the loop")
        return False

    def visit_ClassDef(self, node: ast.ClassDef) -> bool:
        self.effects.note_opaque(f"defines class {node.name!r} inside the loop")
        return False

    def visit_Lambda(self, node: ast.Lambda) -> bool:
        return False  # runs later, if at all; its value is saved (or not) like any other

    def visit_Import(self, node: ast.AST) -> bool:
        self.effects.note_opaque("imports inside the loop")
        return True

    def visit_Delete(self, node: ast.Delete) -> bool:
        self.effects.note_opaque("deletes names (del)")
        return True

    def visit_Match(self, node: ast.Match) -> bool:
        self.effects.note_opaque("binds names in a match statement")
        return True

    def visit_Yield(self, node: ast.AST) -> bool:
        self.effects.note_opaque("yields inside the loop")
        return True

    def visit_Await(self, node: ast.Await) -> bool:
        self.effects.note_opaque("awaits inside the loop")
        return True

    def visit_Return(self, node: ast.Return) -> bool:
        self.effects.note_control("returns from inside the loop")
        return True

    # ------------------------------------------------------------------ calls

    def arguments(self, node: ast.Call) -> None:
        for value in call_args(node):
            self.maybe(value)

    def maybe(self, expr: ast.AST) -> None:
        if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
            for element in expr.elts:
                self.maybe(element)
        elif isinstance(expr, ast.Dict):
            for value in expr.values:
                self.maybe(value)
        elif isinstance(expr, ast.Starred):
            self.maybe(expr.value)
        else:
            path = root_path(expr)
            if path is not None:
                self.effects.maybe.add(path)

    def iterate(self, expr: ast.AST) -> None:
        if isinstance(expr, ast.Call):
            name = self.context.builtin(expr.func)
            flor = self.context.flor_function(expr.func)
            if name in ITERATING_BUILTINS or flor == "loop":
                for value in call_args(expr):
                    self.iterate(value)
            return
        path = dotted(expr)
        if path is not None:
            self.effects.iterated.add(path)

    def visit_Call(self, node: ast.Call) -> bool:
        context, fx, func = self.context, self.effects, node.func
        if context.is_blocks_call(func):
            return False  # our own instrumentation
        flor = context.flor_function(func)
        if flor is not None:
            if flor == "loop":
                args = call_args(node)
                if len(args) > 1:
                    self.iterate(args[1])
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
        if isinstance(func, ast.Attribute):
            method = func.attr
            if method in GRAD_METHODS or ("grad" in method.lower() and method != "zero_grad"):
                fx.grads = True
            if method == "zero_grad":
                fx.grads = True
            if context.imported(func) and not isinstance(func.value, ast.Call):
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

    def builtin_call(self, name: str, node: ast.Call) -> None:
        fx = self.effects
        args = call_args(node)
        if name == "next" and args:
            path = root_path(args[0])
            if path is not None:
                fx.mutated.add(path)
            else:
                fx.note_opaque("advances a computed iterator with next()")
        elif name in ("setattr", "delattr") and len(args) >= 2:
            obj = dotted(args[0])
            attr = self.context.string(args[1])
            if obj is not None and attr is not None and name == "setattr":
                fx.attr_stores.add(f"{obj}.{attr!s}")
            else:
                fx.note_opaque(f"calls {name}() with a computed name")
        elif name in DYNAMIC_BUILTINS:
            fx.note_opaque(f"calls {name}()")
        elif name not in PURE_BUILTINS:
            self.arguments(node)

    HANDLERS: dict[type, Handler] = {}


EffectsVisitor.HANDLERS = {
    ast.Assign: EffectsVisitor.visit_Assign,
    ast.AnnAssign: EffectsVisitor.visit_AnnAssign,
    ast.AugAssign: EffectsVisitor.visit_AugAssign,
    ast.NamedExpr: EffectsVisitor.visit_NamedExpr,
    ast.For: EffectsVisitor.visit_For,
    ast.AsyncFor: EffectsVisitor.visit_For,
    ast.comprehension: EffectsVisitor.visit_comprehension,
    ast.withitem: EffectsVisitor.visit_withitem,
    ast.ExceptHandler: EffectsVisitor.visit_ExceptHandler,
    ast.TryStar: EffectsVisitor.visit_TryStar,
    ast.Global: EffectsVisitor.visit_Global,
    ast.FunctionDef: EffectsVisitor.visit_FunctionDef,
    ast.AsyncFunctionDef: EffectsVisitor.visit_FunctionDef,
    ast.ClassDef: EffectsVisitor.visit_ClassDef,
    ast.Lambda: EffectsVisitor.visit_Lambda,
    ast.Import: EffectsVisitor.visit_Import,
    ast.ImportFrom: EffectsVisitor.visit_Import,
    ast.Delete: EffectsVisitor.visit_Delete,
    ast.Match: EffectsVisitor.visit_Match,
    ast.Yield: EffectsVisitor.visit_Yield,
    ast.YieldFrom: EffectsVisitor.visit_Yield,
    ast.Await: EffectsVisitor.visit_Await,
    ast.Return: EffectsVisitor.visit_Return,
    ast.Call: EffectsVisitor.visit_Call,
}


class _FunctionVisitor(EffectsVisitor):
    """Inside a function body, nested definitions and returns are the function's business."""

    HANDLERS = {
        **EffectsVisitor.HANDLERS,
        ast.FunctionDef: lambda self, node: False,
        ast.AsyncFunctionDef: lambda self, node: False,
        ast.ClassDef: lambda self, node: False,
        ast.Return: lambda self, node: True,
        ast.Yield: lambda self, node: True,
    }


def loop_effects(
    context: Context, loop: ast.For | ast.AsyncFor | ast.While, cls: str | None
) -> Effects:
    """The effects of a loop statement: header, body and ``else`` clause."""
    effects = Effects()
    visitor = EffectsVisitor(context, effects, cls)
    if isinstance(loop, FORS):
        visitor.store(loop.target)
        visitor.iterate(loop.iter)
        visitor.visit(loop.iter)
    else:
        visitor.visit(loop.test)
    visitor.visit_all(loop.body)
    if loop.orelse:
        visitor.visit_all(loop.orelse)
        if _breaks_out(loop.orelse):
            effects.note_control("break/continue in the loop's else clause")
    return effects


def statement_effects(context: Context, statement: ast.stmt, cls: str | None) -> Effects:
    """The effects of a simple statement (a call block: ``loss = train_epoch(net, opt)``)."""
    effects = Effects()
    EffectsVisitor(context, effects, cls).visit(statement)
    return effects


def _breaks_out(orelse: list[ast.stmt]) -> bool:
    """A break/continue in a loop's else clause that is not inside a nested loop."""
    stack: list[ast.AST] = list(orelse)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Break, ast.Continue)):
            return True
        if isinstance(node, (*LOOPS, *FUNCTIONS)):
            continue
        stack.extend(children(node))
    return False


def function_effects(
    context: Context, function: ast.FunctionDef | ast.AsyncFunctionDef, cls: str | None
) -> Effects:
    """The effects of calling a script function, as seen from outside it: the globals it
    assigns (declared ``global``), the outer objects it mutates (roots that are not its
    parameters or locals), gradients, and what it cannot see. ``self.*`` paths stay: a method
    called as ``self.m()`` shares ``self`` with its caller."""
    inner = Effects()
    visitor = _FunctionVisitor(context, inner, cls)
    visitor.visit_all(function.body)
    params = set(param_names(function.args))
    local = (inner.stores | params) - inner.declared_global
    outside = Effects(
        stores={n for n in inner.stores if n in inner.declared_global},
        grads=inner.grads,
        calls=set(inner.calls),
        opaque=[f"calls {function.name}(), which {r}" for r in inner.opaque],
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
    "string_value",
]
