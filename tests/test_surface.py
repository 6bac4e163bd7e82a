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
    assert set(spec) == {"log", "arg", "loop", "iteration", "checkpointing", "commit", "dataframe", "query"}
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


def test_the_compiler_recognises_exactly_the_surface():
    from florc.syntax.flor import SURFACE as recognised

    assert set(recognised) == set(surface())


def test_iteration_blocks_are_loop_iterations(tmp_path, monkeypatch):
    # FlorDB's `with flor.iteration(name, idx, value)` form: rows land as in a flor.loop iteration.
    from florc.query import query
    from florc.runtime import session

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FLORC_QUIET", "1")
    for e in range(2):
        with florc.iteration("epoch", e, None):
            for s in florc.loop("step", range(2)):
                florc.log("loss", e + s / 10)
            with florc.iteration("phase", None, "eval"):
                florc.log("acc", e / 10)
        florc.log("after", 1.0)
    session.stop()
    from florc.query import rows

    _, got = rows("SELECT name, ctx_path, i1, i2, v2 FROM logs ORDER BY seq")
    assert got[:4] == [
        ("loss", "epoch/step", 0, 0, None), ("loss", "epoch/step", 0, 1, None),
        ("acc", "epoch/phase", 0, None, '"eval"'), ("after", "", None, None, None),
    ]
    df = florc.dataframe("loss", "acc")
    assert df.loss.dropna().tolist() == [0.0, 0.1, 1.0, 1.1]
    assert query("SELECT count(*) AS n FROM timings WHERE loop = 'epoch'").n.tolist() == [2]


def test_the_package_exposes_the_runtime_functions():
    for name in surface():
        if name == "query":
            continue  # florc.query is also the query subpackage once imported; see below
        assert getattr(florc, name) is getattr(runtime, name)
    importlib.import_module("florc.query")  # binds florc.query to the subpackage...
    assert callable(florc.query)  # ...which is callable as flor.query(sql) all the same
