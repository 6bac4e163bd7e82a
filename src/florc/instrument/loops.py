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

The pass only inserts lines, except for a guarded loop, which moves one level deeper under
``else:`` (``splice.py`` applies the edits to the text). Loops whose effects cannot be determined
are left as they are, with a note.
"""

from __future__ import annotations

import ast

from florc.instrument import snippets
from florc.instrument.analyze import Parsed
from florc.instrument.model import Edit, LoopFacts, ReplayDirectives


def _indent(parsed: Parsed, facts: LoopFacts, deeper: bool = False) -> int:
    """The column of a loop, or of its body when ``deeper``, as the width of the inserted calls
    counts it (one level is the file's first indentation, whatever the body's really is)."""
    node = parsed.loops[facts.address]
    column = parsed.text.column(node.lineno, node.col_offset)
    return column + (len(parsed.text.default_indent(parsed.module)) if deeper else 0)


def _has_block_body(parsed: Parsed, facts: LoopFacts) -> bool:
    node = parsed.loops[facts.address]
    return isinstance(node, (ast.For, ast.AsyncFor, ast.While)) and not parsed.text.is_inline(node.body)


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


__all__ = ["plan_record", "plan_replay"]
