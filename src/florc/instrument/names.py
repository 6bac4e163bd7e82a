"""Qualified names of expressions: which import, builtin or script definition a name refers to.

This is how the pass recognises ``flor.log`` under any import alias, tells ``print`` from a
function of the script named ``print``, and finds the script function a call reaches. The
answers are those of libcst's ``QualifiedNameProvider`` (which the pass used before it moved to
``ast`` for speed), computed the same way so that every analysis keeps its result:

- scopes: module, class, function (and lambda), comprehension; a class's names are invisible to
  the functions inside it; ``global`` and ``nonlocal`` send assignments to another scope;
- an assignment records the scope's running count of assignment-like statements, and a name
  read in the same scope sees only the assignments counted before it (when there are none, the
  parent scope's); in another scope it sees them all;
- a dotted read (``torch.nn.utils.clip_grad_norm_``) is resolved through its longest prefix that
  names an assignment (``import torch.nn`` binds ``torch.nn`` and ``torch``);
- an import qualifies a name by the module it came from (``import florc as flor``: ``flor.log``
  is ``florc.log``); a definition of the script by its path (``train``, ``Trainer.fit``,
  ``main.<locals>.step``); a builtin by ``builtins.<name>``.

Resolution is lazy: the walk only records scopes, assignments and reads; a node's names are
computed when asked for (the pass asks about calls and a few names, not every node).
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Callable, Iterator
from typing import Any

from florc.instrument.nodes import children

IMPORT = "import"
BUILTIN = "builtin"
LOCAL = "local"

QName = tuple[str, str]  # (qualified name, source: import | builtin | local)

_ASSIGNMENT_LIKE = frozenset(
    {
        ast.AnnAssign, ast.Assign, ast.AugAssign, ast.ClassDef, ast.comprehension,
        ast.FunctionDef, ast.AsyncFunctionDef, ast.Global, ast.Import, ast.ImportFrom,
        ast.NamedExpr, ast.Nonlocal, ast.arguments, ast.withitem,
    }
)


# The nodes whose names the pass asks for (callees, names, attributes).
_QUERIED = frozenset({ast.Name, ast.Attribute, ast.Call, ast.Subscript})


class _Assignment:
    __slots__ = ("index", "name", "node", "scope")

    def __init__(self, name: str, scope: _Scope, node: ast.AST | None, index: int) -> None:
        self.name = name
        self.scope = scope
        self.node = node
        self.index = index

    def qualified(self, full_name: str) -> set[QName]:
        if self.node is None:  # a builtin
            return {(f"builtins.{self.name}", BUILTIN)}
        if isinstance(self.node, (ast.Import, ast.ImportFrom)):
            return _import_names(self.node, full_name)
        prefix = self.scope.prefix
        return {(f"{prefix}.{full_name}" if prefix else full_name, LOCAL)}


def _import_names(node: ast.Import | ast.ImportFrom, full_name: str) -> set[QName]:
    module = ""
    if isinstance(node, ast.ImportFrom):
        module = "." * node.level + (node.module or "")
    results: set[QName] = set()
    for alias in node.names:
        if alias.name == "*":
            continue
        parts = alias.name.split(".")
        for real in (".".join(parts[:i]) for i in range(len(parts), 0, -1)):
            as_name = alias.asname if alias.asname else real
            if module.endswith("."):
                real = f"{module}{real}"
            elif module:
                real = f"{module}.{real}"
            if full_name.startswith(as_name):
                rest = full_name.split(as_name, 1)[1]
                if rest and not rest.startswith("."):
                    continue
                rest = rest.lstrip(".")
                results.add((f"{real}.{rest}" if rest else real, IMPORT))
                break
    return results


class _Scope:
    __slots__ = ("assignments", "count", "globals", "kind", "overwrites", "parent", "prefix")

    def __init__(self, parent: _Scope | None, kind: str, name: str | None = None) -> None:
        self.parent: _Scope = parent if parent is not None else self
        self.globals: _Scope = self if kind in ("global", "builtin") else self.parent.globals
        self.kind = kind
        self.assignments: dict[str, list[_Assignment]] = {}
        self.count = 0
        self.overwrites: dict[str, _Scope] = {}
        if kind in ("global", "builtin"):
            self.prefix = ""
        elif kind == "class":
            self.prefix = ".".join(filter(None, [self.parent.prefix, name]))
        elif kind == "comprehension":
            self.prefix = ".".join(filter(None, [self.parent.prefix, "<comprehension>"]))
        else:
            self.prefix = ".".join(filter(None, [self.parent.prefix, name, "<locals>"]))

    @property
    def local(self) -> bool:
        return self.kind not in ("global", "builtin")

    def visible_parent(self, first: _Scope | None = None) -> _Scope:
        parent = first if first is not None else self.parent
        while parent.kind == "class":  # a class's names are not its functions'
            parent = parent.parent
        return parent

    def contains(self, name: str) -> bool:
        if self.kind == "builtin":
            return hasattr(builtins, name)
        if self.local and name in self.overwrites:
            return self.overwrites[name].contains(name)
        if self.assignments.get(name):
            return True
        return self.visible_parent().contains(name)

    def resolve(self, name: str) -> list[_Assignment]:
        """Every assignment of ``name`` that a read in this scope may see, ignoring order."""
        if self.kind == "builtin":
            found = self.assignments.get(name)
            if found is None and hasattr(builtins, name):
                found = self.assignments[name] = [_Assignment(name, self, None, -1)]
            return found or []
        if self.local and name in self.overwrites:
            return self.visible_parent(self.overwrites[name]).resolve(name)
        if name in self.assignments:
            return self.assignments[name]
        return self.visible_parent().resolve(name)

    def target(self, name: str) -> _Scope:
        if self.local and name in self.overwrites:
            return self.visible_parent(self.overwrites[name]).target(name)
        return self

    def assign(self, name: str, node: ast.AST) -> None:
        target = self.target(name)
        target.assignments.setdefault(name, []).append(_Assignment(name, target, node, target.count))


def full_name(node: ast.AST | None) -> str | None:
    """``a.b.c`` for names, attributes, calls (their callee) and subscripts (their object)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{full_name(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return full_name(node.func)
    if isinstance(node, ast.Subscript):
        return full_name(node.value)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name
    return None


def _dotted_names(node: ast.Name | ast.Attribute) -> Iterator[tuple[str, ast.AST]]:
    """The dotted prefixes of an attribute chain, longest first, with their nodes."""
    if isinstance(node, ast.Name):
        yield node.id, node
        return
    value = node.value
    if isinstance(value, ast.Call):
        if isinstance(value.func, (ast.Attribute, ast.Name)):
            yield from _dotted_names(value.func)
    elif isinstance(value, (ast.Attribute, ast.Name)):
        inner = list(_dotted_names(value))
        if inner:
            yield f"{inner[0][0]}.{node.attr}", node
            yield from inner


class _Read:
    __slots__ = ("attribute", "index", "scope")

    def __init__(self, scope: _Scope, index: int, attribute: ast.Attribute | None) -> None:
        self.scope = scope
        self.index = index
        self.attribute = attribute


class Names:
    """The qualified names of the expressions of one module (see the module doc)."""

    def __init__(self, module: ast.Module) -> None:
        self.builtin = _Scope(None, "builtin")
        self.globals = _Scope(self.builtin, "global")
        self.globals.parent = self.builtin
        self.scope_of: dict[ast.AST, _Scope] = {}
        self.reads: dict[ast.Name, _Read] = {}
        self.scopes: list[_Scope] = [self.globals]
        self._memo: dict[ast.AST, frozenset[QName]] = {}
        _Walk(self).statements(module.body)

    def qualified(self, node: ast.AST) -> frozenset[QName]:
        found = self._memo.get(node)
        if found is None:
            found = self._memo[node] = frozenset(self._qualified(node))
        return found

    def _qualified(self, node: ast.AST) -> set[QName]:
        scope = self.scope_of.get(node)
        if scope is None:
            return set()
        access = self._access(node)
        if access is not None:
            read, name = access
            return {q for a in self._referents(read, name) for q in a.qualified(a.name)}
        full = full_name(node)
        if full is None:
            return set()
        assignments: list[_Assignment] = []
        prefix: str | None = full
        while prefix:
            if scope.contains(prefix):
                assignments = scope.resolve(prefix)
                break
            idx = prefix.rfind(".")
            prefix = None if idx == -1 else prefix[:idx]
        for assignment in assignments:
            if assignment.node is node:
                return assignment.qualified(full)
        out: set[QName] = set()
        for assignment in assignments:
            out |= assignment.qualified(full)
        return out

    def _access(self, node: ast.AST) -> tuple[_Read, str] | None:
        """The read that ``node`` is the recorded node of, with the name it reads: a name,
        or the longest prefix of a dotted read that names an assignment."""
        base = node
        while isinstance(base, ast.Attribute):
            base = base.value
        if not isinstance(base, ast.Name):
            return None
        read = self.reads.get(base)
        if read is None:
            return None
        target: ast.AST = base
        name = base.id
        if read.attribute is not None:
            for dotted, candidate in _dotted_names(read.attribute):
                if read.scope.contains(dotted):
                    target, name = candidate, dotted
                    break
        return (read, name) if target is node else None

    def _referents(self, read: _Read, name: str) -> list[_Assignment]:
        scope = read.scope
        found = scope.resolve(name)
        earlier = [a for a in found if a.scope is not scope or a.index < read.index]
        if not earlier and found and scope.parent is not scope:
            earlier = scope.parent.resolve(name)
        return earlier

    def assignments(self) -> Iterator[_Assignment]:
        for scope in self.scopes:
            for found in scope.assignments.values():
                yield from found


class _Walk:
    """Scopes, assignments and reads, visited in libcst's order (which decides what a read
    sees of the assignments in its own scope)."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.scope = names.globals
        self.attribute: list[ast.Attribute | None] = [None]

    def new_scope(self, kind: str, name: str | None = None) -> _Scope:
        scope = _Scope(self.scope, kind, name)
        self.names.scopes.append(scope)
        return scope

    def statements(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            self.visit(stmt)

    def visit(self, node: ast.AST) -> None:
        kind = type(node)
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, node)
        else:
            for child in children(node):
                self.visit(child)
        if kind in _QUERIED:
            self.names.scope_of[node] = self.scope
        elif kind in _ASSIGNMENT_LIKE:
            self.scope.count += 1

    def name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Store):
            self.scope.assign(node.id, node)
        else:
            self.names.reads[node] = _Read(self.scope, self.scope.count, self.attribute[-1])

    def attribute_(self, node: ast.Attribute) -> None:
        top = self.attribute
        if top[-1] is None:
            top[-1] = node
        self.visit(node.value)
        if top[-1] is node:
            top[-1] = None

    def call(self, node: ast.Call) -> None:
        self.attribute.append(None)
        for child in children(node):
            self.visit(child)
        self.attribute.pop()

    def import_(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name == "*":
                return
            if alias.asname:
                self._import(alias.asname, node)
            else:
                parts = alias.name.split(".")
                for i in range(len(parts), 0, -1):
                    self._import(".".join(parts[:i]), node)

    def _import(self, name: str, node: ast.AST) -> None:
        self.scope.assign(name, node)

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scope.assign(node.name, node)
        outer = self.scope
        self.scope = self.new_scope("function", node.name)
        self.visit(node.args)
        self.statements(node.body)
        self.scope = outer
        for decorator in node.decorator_list:
            self.visit(decorator)
        if node.returns is not None:
            self.visit(node.returns)

    def lambda_(self, node: ast.Lambda) -> None:
        outer = self.scope
        self.scope = self.new_scope("function")
        self.visit(node.args)
        self.visit(node.body)
        self.scope = outer

    def arguments(self, node: ast.arguments) -> None:
        positional = [*node.posonlyargs, *node.args]
        offset = len(positional) - len(node.defaults)
        params: list[tuple[ast.arg, ast.expr | None]] = [
            (a, node.defaults[i - offset] if i >= offset else None) for i, a in enumerate(positional)
        ]
        if node.vararg is not None:
            params.append((node.vararg, None))
        params.extend(zip(node.kwonlyargs, node.kw_defaults))
        if node.kwarg is not None:
            params.append((node.kwarg, None))
        for arg, default in params:
            self.scope.assign(arg.arg, arg)
            inner, self.scope = self.scope, self.scope.parent  # defaults: the enclosing scope
            if default is not None:
                self.visit(default)
            if arg.annotation is not None:
                self.visit(arg.annotation)
            self.scope = inner

    def class_(self, node: ast.ClassDef) -> None:
        self.scope.assign(node.name, node)
        for decorator in node.decorator_list:
            self.visit(decorator)
        for base in node.bases:
            self.visit(base)
        for keyword in node.keywords:
            self.visit(keyword.value)
        outer = self.scope
        self.scope = self.new_scope("class", node.name)
        self.statements(node.body)
        self.scope = outer

    def global_(self, node: ast.Global) -> None:
        if self.scope.local:
            for name in node.names:
                self.scope.overwrites[name] = self.scope.globals

    def nonlocal_(self, node: ast.Nonlocal) -> None:
        if self.scope.local:
            for name in node.names:
                self.scope.overwrites[name] = self.scope.parent

    def comprehension_(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp) -> None:
        first, *rest = node.generators
        self.visit(first.iter)
        outer = self.scope
        self.scope = self.new_scope("comprehension")
        self.visit(first.target)
        self.scope.count += 1
        for condition in first.ifs:
            self.visit(condition)
        if rest:
            self._inner(rest)
        if isinstance(node, ast.DictComp):
            self.visit(node.key)
            self.visit(node.value)
        else:
            self.visit(node.elt)
        self.scope = outer

    def _inner(self, generators: list[ast.comprehension]) -> None:
        # libcst nests each further ``for`` in the previous one: visited (and counted) inside it.
        head, *rest = generators
        self.visit(head.target)
        self.visit(head.iter)
        for condition in head.ifs:
            self.visit(condition)
        if rest:
            self._inner(rest)
        self.scope.count += 1

    def for_(self, node: ast.For | ast.AsyncFor) -> None:
        self.visit(node.target)
        self.scope.count += 1
        self.visit(node.iter)
        self.statements(node.body)
        self.statements(node.orelse)

    def handler(self, node: ast.ExceptHandler) -> None:
        if node.type is not None:
            self.visit(node.type)
        if node.name is not None:
            self.scope.assign(node.name, node)
            self.scope.count += 1  # libcst's ``as`` clause is assignment-like
        self.statements(node.body)

    def withitem(self, node: ast.withitem) -> None:
        self.visit(node.context_expr)
        if node.optional_vars is not None:
            self.visit(node.optional_vars)
            self.scope.count += 1  # the ``as`` clause


_HANDLERS: dict[type, Callable[[_Walk, Any], None]] = {
    ast.Name: _Walk.name,
    ast.Attribute: _Walk.attribute_,
    ast.Call: _Walk.call,
    ast.Import: _Walk.import_,
    ast.ImportFrom: _Walk.import_,
    ast.FunctionDef: _Walk.function,
    ast.AsyncFunctionDef: _Walk.function,
    ast.Lambda: _Walk.lambda_,
    ast.arguments: _Walk.arguments,
    ast.ClassDef: _Walk.class_,
    ast.Global: _Walk.global_,
    ast.Nonlocal: _Walk.nonlocal_,
    ast.ListComp: _Walk.comprehension_,
    ast.SetComp: _Walk.comprehension_,
    ast.GeneratorExp: _Walk.comprehension_,
    ast.DictComp: _Walk.comprehension_,
    ast.For: _Walk.for_,
    ast.AsyncFor: _Walk.for_,
    ast.ExceptHandler: _Walk.handler,
    ast.withitem: _Walk.withitem,
}


__all__ = ["BUILTIN", "IMPORT", "LOCAL", "Names", "QName", "full_name"]
