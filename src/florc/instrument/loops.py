"""The loop instrumentation pass: plan the edits for a mode, then apply them with one transform.

Record mode (``florc run``) inserts checkpoint calls:

- at the top of each main loop's body, ``florc_blocks.iteration(...)``: marks the iteration
  and, when the adaptive policy allows, saves the state a replay needs to resume at this
  iteration (the main loop's write-set, RNG states);
- after each nested loop, ``florc_blocks.end(...)``: saves the nested loop's write-set at its
  end, once per outer iteration when the policy allows (Flor's skip blocks);
- after each main loop, ``florc_blocks.end(...)``: always saves its final state (the suffix of
  the script can then be replayed alone).

Replay mode rewrites loops as a plan directs (``ReplayDirectives``):

- a loop to skip is guarded: ``if florc_blocks.skip(...)`` restores its effects from the
  checkpoint at its end (in place, then rebinding names), ``else:`` runs it; the runtime runs it
  whenever it cannot restore exactly (no checkpoint for this iteration, a name the code after it
  reads is not in the checkpoint, gradients needed but not saved);
- a main loop whose iterations are selected gets ``if florc_blocks.skip_iteration(...):
  continue`` and, on the first selected iteration, restores the state saved at its start;
- ``florc_blocks.after(...)`` after a main loop ends the replay when nothing after it is needed;
  ``florc_blocks.finish(...)`` before a main loop ends it when nothing from the loop on is.

The pass only inserts statements, except for a guarded loop, which moves one level deeper
under ``else:`` (libcst keeps its comments and formatting; backslash continuation lines are
shifted with it). Loops whose effects cannot be determined are left as they are, with a note.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
from libcst.helpers import parse_template_expression, parse_template_statement
from libcst.metadata import PositionProvider

from florc.instrument import snippets
from florc.instrument.analyze import Parsed
from florc.instrument.model import Edit, LoopFacts, ReplayDirectives

Loop = cst.For | cst.While


def _indent(parsed: Parsed, facts: LoopFacts, deeper: bool = False) -> int:
    column = parsed.positions[parsed.loops[facts.address]].start.column
    return column + (len(parsed.module.default_indent) if deeper else 0)


def _has_block_body(parsed: Parsed, facts: LoopFacts) -> bool:
    return isinstance(parsed.loops[facts.address].body, cst.IndentedBlock)


def plan_record(parsed: Parsed) -> tuple[tuple[Edit, ...], tuple[str, ...]]:
    """Edits of record mode, and notes on loops left without checkpoints."""
    assert parsed.analysis is not None
    edits: list[Edit] = []
    notes: list[str] = []
    for facts in parsed.analysis.loops:
        writes = snippets.record_args(facts.address, facts.writes)
        bare = [f'"{facts.address}"']
        if facts.role == "main":
            if _has_block_body(parsed, facts):
                args = writes if facts.resumable else bare
                edits.append(
                    Edit("top", facts.address, snippets.call("iteration", args, _indent(parsed, facts, True)))
                )
            else:
                notes.append(f"{facts.address}: one-line body, iterations are not checkpointed")
            args = writes if facts.skippable else bare
            edits.append(Edit("after", facts.address, snippets.call("end", args, _indent(parsed, facts))))
        elif facts.skippable:
            edits.append(Edit("after", facts.address, snippets.call("end", writes, _indent(parsed, facts))))
        if not facts.skippable:
            why = "; ".join((*facts.opaque, *facts.control))
            notes.append(f"{facts.address}: not checkpointed for skipping: {why}")
    if edits:
        edits.insert(0, Edit("import", "", snippets.IMPORT))
    return tuple(edits), tuple(notes)


def plan_replay(
    parsed: Parsed, directives: ReplayDirectives
) -> tuple[tuple[Edit, ...], tuple[str, ...]]:
    """Edits of replay mode for ``directives``, and notes on loops that will run regardless."""
    analysis = parsed.analysis
    assert analysis is not None
    edits: list[Edit] = []
    notes: list[str] = []
    unknown = (directives.skip | directives.select | directives.stop) - {
        f.address for f in analysis.loops
    }
    notes.extend(f"{a}: no such instrumented loop in this script" for a in sorted(unknown))

    def guard(facts: LoopFacts) -> None:
        if not facts.skippable:
            why = "; ".join((*facts.opaque, *facts.control))
            notes.append(f"{facts.address}: runs (cannot be skipped: {why})")
            return
        condition = snippets.call("skip", snippets.restore_args(facts), _indent(parsed, facts) + 3)
        names = snippets.rebound(facts.writes)
        restore = snippets.rebind(facts.address, names) if names else None
        edits.append(Edit("guard", facts.address, condition, restore))

    for facts in analysis.loops:
        if facts.role != "main":
            if facts.address in directives.skip:
                guard(facts)
            continue
        address = facts.address
        if address in directives.stop:
            edits.append(Edit("before", address, snippets.call("finish", [f'"{address}"'], 0)))
            continue
        wrapped = any(
            n.address in directives.skip and n.skippable for n in analysis.nested(address)
        )
        selected = address in directives.select
        if not (selected or wrapped or address in directives.skip):
            continue
        deeper = _indent(parsed, facts, True)
        if not _has_block_body(parsed, facts):
            notes.append(f"{address}: one-line body, iterations run as recorded")
        elif selected and facts.resumable:
            check = snippets.call("skip_iteration", snippets.restore_args(facts, with_grads=False), deeper + 3)
            edits.append(Edit("top", address, f"if {check}:\n    continue"))
            names = snippets.rebound(facts.writes)
            if names:
                edits.append(
                    Edit("top", address,
                         f'if {snippets.ALIAS}.resumed("{address}"):\n    {snippets.rebind(address, names)}')
                )
        elif selected:
            why = "; ".join(facts.opaque)
            notes.append(f"{address}: iterations cannot be resumed ({why}); replay starts at 0")
            edits.append(
                Edit("top", address, f'if {snippets.ALIAS}.skip_iteration("{address}"):\n    continue')
            )
        elif wrapped:  # nested loops find their checkpoints by the iteration count
            edits.append(Edit("top", address, snippets.call("iteration", [f'"{address}"'], deeper)))
        if address in directives.skip:
            guard(facts)
        edits.append(Edit("after", address, snippets.call("after", [f'"{address}"'], 0)))
    if edits:
        edits.insert(0, Edit("import", "", snippets.IMPORT))
    return tuple(edits), tuple(notes)


class _ShiftContinuations(cst.CSTTransformer):
    """Indent backslash-continued lines of a subtree by one more level (parenthesised
    continuations follow their block by themselves)."""

    def __init__(self, indent: str) -> None:
        self.indent = indent

    def leave_SimpleWhitespace(
        self, original_node: cst.SimpleWhitespace, updated_node: cst.SimpleWhitespace
    ) -> cst.SimpleWhitespace:
        if "\\" not in updated_node.value:
            return updated_node
        lines = updated_node.value.split("\n")
        shifted = [lines[0], *(self.indent + line for line in lines[1:])]
        return updated_node.with_changes(value="\n".join(shifted))


class InstrumentLoops(cst.CSTTransformer):
    """Apply a tuple of ``Edit``s to the loops they name (by node identity, through the
    parsed script's address maps). Run it with ``MetadataWrapper.visit`` on ``parsed.module``."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, parsed: Parsed, edits: Sequence[Edit]) -> None:
        super().__init__()
        self.parsed = parsed
        self.config = parsed.module.config_for_parsing
        self.by_target: dict[str, list[Edit]] = {}
        for edit in edits:
            self.by_target.setdefault(edit.target, []).append(edit)

    def statement(self, code: str) -> cst.BaseStatement:
        return parse_template_statement(code, config=self.config)

    def leave_For(
        self, original_node: cst.For, updated_node: cst.For
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        return self.apply(original_node, updated_node)

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        address = self.parsed.call_blocks.get(original_node)
        if address is None:
            return updated_node
        edits = self.by_target.get(address, [])
        result: cst.BaseStatement = updated_node
        for edit in edits:
            if edit.kind == "guard":
                result = self.guard(updated_node, edit)
        after = [self.statement(e.code) for e in edits if e.kind == "after"]
        return cst.FlattenSentinel([result, *after]) if after else result

    def leave_While(
        self, original_node: cst.While, updated_node: cst.While
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        return self.apply(original_node, updated_node)

    def apply(
        self, original: Loop, loop: Loop
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        address = self.parsed.addresses.blocks.get(original)
        edits = self.by_target.get(address or "", [])
        if not edits:
            return loop
        top = [self.statement(e.code) for e in edits if e.kind == "top"]
        if top and isinstance(loop.body, cst.IndentedBlock):
            loop = loop.with_changes(body=loop.body.with_changes(body=(*top, *loop.body.body)))
        result: cst.For | cst.While | cst.If = loop
        for edit in edits:
            if edit.kind == "guard":
                result = self.guard(loop, edit)
        before = [self.statement(e.code) for e in edits if e.kind == "before"]
        after = [self.statement(e.code) for e in edits if e.kind == "after"]
        if before:
            # Comments above the loop stay above the first line that now stands there.
            before[0] = before[0].with_changes(leading_lines=result.leading_lines)
            result = result.with_changes(leading_lines=())
        if not before and not after:
            return result
        return cst.FlattenSentinel([*before, result, *after])

    def guard(self, loop: Loop | cst.SimpleStatementLine, edit: Edit) -> cst.If:
        moved = loop.with_changes(leading_lines=()).visit(
            _ShiftContinuations(self.parsed.module.default_indent)
        )
        assert isinstance(moved, (cst.For, cst.While, cst.SimpleStatementLine))
        condition = parse_template_expression(edit.code, config=self.config)
        if edit.restore is None:
            test: cst.BaseExpression = cst.UnaryOperation(cst.Not(), condition)
            return cst.If(
                test=test, body=cst.IndentedBlock([moved]), leading_lines=loop.leading_lines
            )
        return cst.If(
            test=condition,
            body=cst.IndentedBlock([self.statement(edit.restore)]),
            orelse=cst.Else(cst.IndentedBlock([moved])),
            leading_lines=loop.leading_lines,
        )

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        imports = [e for e in self.by_target.get("", []) if e.kind == "import"]
        if not imports:
            return updated_node
        body: list[cst.SimpleStatementLine | cst.BaseCompoundStatement] = list(updated_node.body)
        at = _after_preamble(body)
        for edit in reversed(imports):
            statement = self.statement(edit.code)
            assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
            body.insert(at, statement)
        return updated_node.with_changes(body=body)


def _after_preamble(body: Sequence[cst.BaseStatement]) -> int:
    """Index after the module docstring and ``from __future__`` imports."""
    index = 0
    for stmt in body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            break
        small = stmt.body[0]
        docstring = (
            index == 0
            and isinstance(small, cst.Expr)
            and isinstance(small.value, (cst.SimpleString, cst.ConcatenatedString))
        )
        future = (
            isinstance(small, cst.ImportFrom)
            and isinstance(small.module, cst.Name)
            and small.module.value == "__future__"
        )
        if not (docstring or future):
            break
        index += 1
    return index


__all__ = ["InstrumentLoops", "plan_record", "plan_replay"]
