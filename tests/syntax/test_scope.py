from __future__ import annotations

import ast

from florc.syntax import Point, Scopes, build_tree, parse_python, read_paths, written_paths
from florc.syntax.tree import StatementTree, Stmt


def tree(source: str) -> StatementTree:
    parsed = parse_python(source)
    assert isinstance(parsed, tuple)
    return build_tree(*parsed)


def find(t: StatementTree, text: str) -> Stmt:
    (found,) = [s for s in t.statements if s.text() == text]
    return found


def after(stmt: Stmt) -> Point:
    return Point(stmt.parent, stmt.index + 1)


def test_reads_are_free_access_paths() -> None:
    node = ast.parse("f(self.opt.param_groups[0], [p.grad for p in m.ps()], lambda q: q + r)").body[0]
    assert read_paths(node) == [("f",), ("self", "opt", "param_groups"), ("m", "ps"), ("r",)]


def test_writes_include_unpacking_attributes_and_walrus() -> None:
    assert written_paths(ast.parse("(a, [b, *c]), self.d = x").body[0]) == [("a",), ("b",), ("c",), ("self", "d")]
    assert ("n",) in written_paths(ast.parse("if (n := len(x)) > 0:\n    pass").body[0])


def test_locals_globals_closures_and_builtins() -> None:
    t = tree(
        "import torch\nLR = 0.1\n"
        "def main(args):\n"
        "    model = make()\n"
        "    def step():\n"
        "        loss = model(args)\n"
        "        return loss\n"
        "    for epoch in range(3):\n"
        "        x = step()\n"
    )
    s = scopes = Scopes(t)
    loss = find(t, "loss = model ( args )")
    point = after(loss)
    for name in ("loss", "model", "args", "LR", "torch", "len", "step"):
        assert s.bound_at(name, point), name
    # a closure sees its enclosing function's locals, wherever they are bound there
    assert scopes.bound_at("epoch", point)
    assert not scopes.bound_at("undefined_name", point)
    x = find(t, "x = step ( )")
    assert scopes.bound_at("epoch", after(x))


def test_a_local_bound_only_later_is_unbound_unless_a_loop_carries_it() -> None:
    t = tree(
        "def f():\n"
        "    a = 1\n"
        "    b = 2\n"
        "    for i in range(3):\n"
        "        c = i\n"
        "        d = c\n"
    )
    s = Scopes(t)
    a = find(t, "a = 1")
    assert not s.bound_at("b", after(a))
    c = find(t, "c = i")
    assert s.bound_at("d", Point(c.parent, 0))  # bound by an earlier iteration


def test_class_bodies_are_not_visible_from_methods() -> None:
    t = tree("class C:\n    size = 3\n    def f(self):\n        x = 1\n")
    x = find(t, "x = 1")
    assert not Scopes(t).bound_at("size", after(x))
    assert Scopes(t).bound_at("self", after(x))


def test_star_imports_make_names_possibly_bound() -> None:
    t = tree("from utils import *\nx = 1\n")
    assert Scopes(t).bound_at("anything", after(t.root.stmts[1]))
    assert not Scopes(t).bound_at("anything", after(t.root.stmts[1]), star=False)
    assert Scopes(t).bound_at("x", after(t.root.stmts[1]), star=False)
