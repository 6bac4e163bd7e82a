"""The text of a propagated statement: the newest version's statement, renamed, in the old style.

The statement keeps its own formatting (its quotes, spacing and line breaks are the engineer's
as written today); only access paths that the alignment showed renamed are replaced, and only
where they are free in the statement: a name bound by a comprehension inside it (``p`` in
``sum(p.numel() for p in model.parameters())``) is never touched, nor is the key. The rename
is a libcst transform over the parsed statement (scope metadata tells free names from bound
ones), and the statement is rendered with the old module's line ending, so a CRLF file gets CRLF
lines. Indentation is the block's, applied by ``florc.propagate.apply``.
"""

from __future__ import annotations

from collections.abc import Mapping

import libcst as cst
from libcst.metadata import BuiltinAssignment, MetadataWrapper, ScopeProvider

from florc.syntax.tree import StatementTree, Stmt


def statement_source(tree: StatementTree, stmt: Stmt) -> str:
    """The lines of ``stmt`` without their common indentation, joined with ``\\n``."""
    lines = tree.lines[stmt.first_line - 1 : stmt.last_line]
    out: list[str] = []
    for line in lines:
        body = line.rstrip("\r\n")
        if body.startswith(stmt.indent):
            body = body[len(stmt.indent) :]
        out.append(body)
    return "\n".join(out)


def render(source: str, renames: Mapping[str, str], newline: str) -> str:
    """``source`` (one statement) with ``renames`` applied to its free access paths.

    >>> render('flor.log("n", sum(p.numel() for p in model.parameters()))', {"model": "net"}, "\\n")
    'flor.log("n", sum(p.numel() for p in net.parameters()))'
    >>> render('flor.log("lr", self.opt.param_groups[0]["lr"])', {"self.opt": "optimizer"}, "\\n")
    'flor.log("lr", optimizer.param_groups[0]["lr"])'
    """
    if not renames:
        return source.replace("\n", newline) if newline != "\n" else source
    module = cst.parse_module(source + "\n")
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    scopes = wrapper.resolve(ScopeProvider)
    renamed = wrapper.module.visit(_Rename(renames, scopes))
    code = cst.Module(body=[], default_newline=newline).code_for_node(renamed)
    # the module kept the source's own "\n"; only line ends change to the old file's style
    code = code.rstrip("\r\n")
    if newline != "\n":
        code = code.replace("\r\n", "\n").replace("\n", newline)
    return code


class _Rename(cst.CSTTransformer):
    def __init__(self, renames: Mapping[str, str], scopes: Mapping[cst.CSTNode, object]) -> None:
        super().__init__()
        self.renames = renames
        self.scopes = scopes
        self.roots = {path.split(".", 1)[0] for path in renames}
        # Names that are not references: attribute names and keyword-argument names
        self.labels: set[int] = set()

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self.labels.add(id(node.attr))
        return True

    def visit_Arg(self, node: cst.Arg) -> bool:
        if node.keyword is not None:
            self.labels.add(id(node.keyword))
        return True

    def _free(self, name: cst.Name) -> bool:
        scope = self.scopes.get(name)
        if scope is None:
            return True
        assignments = scope[name.value]  # type: ignore[index]
        return all(isinstance(a, BuiltinAssignment) for a in assignments)

    def _path(self, node: cst.BaseExpression) -> tuple[str, cst.Name] | None:
        parts: list[str] = []
        current = node
        while isinstance(current, cst.Attribute):
            parts.append(current.attr.value)
            current = current.value
        if isinstance(current, cst.Name):
            parts.append(current.value)
            return ".".join(reversed(parts)), current
        return None

    def leave_Subscript(self, original_node: cst.Subscript, updated_node: cst.Subscript) -> cst.BaseExpression:
        # an entry under a constant key renamed whole (`info_dict["loss"]` -> `loss`)
        found = self._path(original_node.value)
        if found is None or len(original_node.slice) != 1:
            return updated_node
        index = original_node.slice[0].slice
        if not isinstance(index, cst.Index) or not isinstance(index.value, cst.SimpleString):
            return updated_node
        path, root = found
        target = self.renames.get(f"{path}[{index.value.evaluated_value!r}]")
        if target is None or not self._free(root):
            return updated_node
        return _parsed(target, updated_node)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        return self._replace(original_node, updated_node)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if id(original_node) in self.labels:
            return updated_node
        return self._replace(original_node, updated_node)

    def _replace(self, original: cst.BaseExpression, updated: cst.BaseExpression) -> cst.BaseExpression:
        found = self._path(original)
        if found is None:
            return updated
        path, root = found
        target = self.renames.get(path)
        if target is None or root.value not in self.roots or not self._free(root):
            return updated
        return _parsed(target, updated)


def _parsed(target: str, replaced: cst.BaseExpression) -> cst.BaseExpression:
    """``target`` as an expression in the parentheses of the one it replaces."""
    return cst.parse_expression(target).with_changes(lpar=replaced.lpar, rpar=replaced.rpar)


__all__ = ["render", "statement_source"]
