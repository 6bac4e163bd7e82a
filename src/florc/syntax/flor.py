"""Recognising the flor API in a module, by qualified name under any import alias.

A call is a flor call when its callee resolves, through the module's imports, to a function of
the flor surface (``grammar/surface.pyi``) in one of the modules ``florc``, ``flordb`` or
``flor`` (FlorDB's older name). So all of these are recognised::

    import florc as flor;  flor.log("loss", loss)
    import flordb as flor; flor.log("loss", loss)
    import flor;           flor.log("loss", loss)
    from florc import log; log("loss", loss)

Resolution looks at import statements anywhere in the module (a script that imports inside
``main()`` is common), which is what a qualified-name provider does for names that are not
rebound; a module that rebinds ``flor`` to something else is not a case worth the cost of a full
scope analysis on every historical version.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

FLOR_MODULES = ("florc", "flordb", "flor")
SURFACE = frozenset({"log", "arg", "loop", "checkpointing", "commit", "dataframe", "query", "iteration"})


@dataclass(frozen=True)
class FlorImports:
    """What flor is called in one module."""

    modules: frozenset[str]  # local names bound to a flor module (`flor`, `flordb`)
    functions: tuple[tuple[str, str], ...]  # (local name, surface function) from `from flor import ...`
    statements: tuple[ast.stmt, ...]  # the import statements themselves

    def qualified(self, func: ast.expr) -> str | None:
        """The surface function a callee expression names (``"log"``), or None."""
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if func.value.id in self.modules and func.attr in SURFACE:
                return func.attr
            return None
        if isinstance(func, ast.Name):
            for local, name in self.functions:
                if local == func.id:
                    return name
        return None

    @property
    def module_alias(self) -> str | None:
        """The local name of the flor module, preferring the conventional ``flor``."""
        if "flor" in self.modules:
            return "flor"
        return min(self.modules) if self.modules else None


def flor_imports(module: ast.Module) -> FlorImports:
    """The flor bindings of a module.

    >>> imports = flor_imports(ast.parse("import florc as flor\\nfrom flordb import log as L\\n"))
    >>> sorted(imports.modules), imports.functions
    (['flor'], (('L', 'log'),))
    """
    modules: set[str] = set()
    functions: list[tuple[str, str]] = []
    statements: list[ast.stmt] = []
    for node in _imports(module.body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in FLOR_MODULES:
                    modules.add(alias.asname or alias.name)
                    statements.append(node)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in FLOR_MODULES:
            for alias in node.names:
                if alias.name in SURFACE:
                    functions.append((alias.asname or alias.name, alias.name))
                    statements.append(node)
    return FlorImports(frozenset(modules), tuple(functions), tuple(dict.fromkeys(statements)))


def _imports(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        for field in ("body", "orelse", "finalbody"):
            sub = getattr(node, field, None)
            if isinstance(sub, list):
                yield from _imports(sub)
        for handler in getattr(node, "handlers", ()):
            yield from _imports(handler.body)


@dataclass(frozen=True)
class FlorCall:
    """One recognised call of the flor surface."""

    function: str  # "log", "loop", ...
    call: ast.Call
    key: str | None  # the first argument when it is a string literal

    @property
    def line(self) -> int:
        return self.call.lineno

    @property
    def column(self) -> int:
        return self.call.col_offset + 1


def flor_calls(node: ast.AST, imports: FlorImports) -> Iterator[FlorCall]:
    """Every flor call inside ``node``, outermost first."""
    if not imports.modules and not imports.functions:
        return
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            name = imports.qualified(sub.func)
            if name is not None:
                yield FlorCall(name, sub, _literal_key(sub))


def _literal_key(call: ast.Call) -> str | None:
    first: ast.expr | None = call.args[0] if call.args else None
    if first is None:
        for kw in call.keywords:
            if kw.arg == "name":
                first = kw.value
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


__all__ = ["FLOR_MODULES", "FlorCall", "FlorImports", "SURFACE", "flor_calls", "flor_imports"]
