"""grammar/surface.pyi is normative: the runtime implements exactly those signatures."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import florc
import florc.runtime as runtime

SURFACE = Path(__file__).resolve().parents[1] / "grammar" / "surface.pyi"


def surface() -> dict[str, ast.FunctionDef]:
    tree = ast.parse(SURFACE.read_text())
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def params(fn: ast.FunctionDef) -> list[tuple[str, str, str | None, str | None]]:
    a = fn.args
    out = []
    defaults = [None] * (len(a.args) - len(a.defaults)) + list(a.defaults)
    for arg, default in zip(a.args, defaults):
        out.append((arg.arg, "POSITIONAL_OR_KEYWORD", ast.unparse(arg.annotation) if arg.annotation else None,
                    ast.unparse(default) if default is not None else None))
    if a.vararg:
        out.append((a.vararg.arg, "VAR_POSITIONAL", ast.unparse(a.vararg.annotation), None))
    if a.kwarg:
        out.append((a.kwarg.arg, "VAR_KEYWORD", ast.unparse(a.kwarg.annotation), None))
    return out


def runtime_params(fn) -> list[tuple[str, str, str | None, str | None]]:
    out = []
    for p in inspect.signature(fn).parameters.values():
        default = None if p.default is inspect.Parameter.empty else repr(p.default)
        out.append((p.name, p.kind.name, p.annotation if p.annotation is not inspect.Parameter.empty else None, default))
    return out


def test_runtime_has_exactly_the_surface_functions_with_their_parameters():
    spec = surface()
    assert set(spec) == {"log", "arg", "loop", "checkpointing", "commit", "dataframe", "query"}
    for name, fn in spec.items():
        impl = getattr(runtime, name)
        assert runtime_params(impl) == params(fn), name


def test_return_types_match_the_surface(tmp_path, monkeypatch):
    from florc.runtime import session

    monkeypatch.chdir(tmp_path)  # the checkpointing call below starts a run: keep it here
    monkeypatch.setenv("FLORC_QUIET", "1")
    for name, fn in surface().items():
        declared = ast.unparse(fn.returns)
        actual = inspect.signature(getattr(runtime, name)).return_annotation
        assert actual == declared, name
    with runtime.checkpointing() as declared_objects:  # the context-manager form FlorDB allows
        assert declared_objects.objects == {}
    session.stop()


def test_the_package_exposes_the_runtime_functions():
    for name in surface():
        if name == "query":
            continue  # florc.query is also the query subpackage once imported; see below
        assert getattr(florc, name) is getattr(runtime, name)
    importlib.import_module("florc.query")  # binds florc.query to the subpackage...
    assert callable(florc.query)  # ...which is callable as flor.query(sql) all the same
