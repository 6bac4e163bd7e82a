"""How plans and outcomes read: text for people (stderr), one JSON object for programs.

Before running, each run's plan: the level, what happens at each loop, the work units, how many
checkpoints it will restore, the estimate against the original run's time, and the notes that
say why a replay is slower than it could be (no checkpoint, a loop that cannot be skipped).
After running, one line per run (replayed, divergent, declined, failed) with the fidelity of
each name and what the workers did at each loop.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from florc.replay.outcome import Declined, Failed, Outcome, Replayed
from florc.replay.plan import ReplayPlan
from florc.replay.runs import RecordedRun


def checkpoints_used(plan: ReplayPlan) -> int:
    """How many checkpoints the plan may restore: ends of skipped loops and resume points."""
    total = 0
    for unit in plan.units:
        section = unit.runtime
        blocks = section.get("blocks", {}) if isinstance(section, Mapping) else {}
        skipped = [b for b in blocks.values() if b.get("skip") is True]
        iterations = unit.iterations
        for entry in skipped:
            keys = entry.get("checkpoints", {})
            if iterations is None:
                total += len(keys)
            else:
                total += sum(1 for k in keys if k.rsplit(":", 1)[-1] in {str(i) for i in iterations} or k.endswith(":end"))
        total += unit.checkpoints
    return total


def _args(run: RecordedRun) -> str:
    text = ", ".join(f"{k}={v}" for k, v in run.args.items())
    return text if len(text) <= 60 else text[:57] + "..."


def plan_text(run: RecordedRun, plan: ReplayPlan) -> str:
    commit = (run.commit or "-")[:10]
    head = f"run {run.run_id} (commit {commit}" + (f", {_args(run)}" if run.args else "") + ")"
    body = [f"  {line}" for line in str(plan).splitlines()]
    body.insert(len(plan.loops) + len(plan.units) + 1, f"  checkpoints to restore: {checkpoints_used(plan)}")
    return "\n".join([head, *body])


def plan_json(run: RecordedRun, plan: ReplayPlan) -> dict[str, Any]:
    data = plan.to_json()
    for unit in data["units"]:
        unit.pop("runtime", None)  # the workers' business, and large
    data["checkpoints_used"] = checkpoints_used(plan)
    return {"run_id": run.run_id, "commit": run.commit, "args": run.args, "plan": data}


def outcome_text(outcome: Outcome) -> str:
    if isinstance(outcome, Replayed):
        lines = [
            f"run {outcome.run_id}: {outcome.status} ({outcome.level}, {outcome.units} unit(s), "
            f"{outcome.seconds:.1f}s): {outcome.fidelity.summary()}"
        ]
        lines += [f"  {n}" for n in outcome.fidelity.names]
        lines += [f"  {s}" for s in outcome.loops]
        if outcome.superseded:
            lines.append(f"  replaces the rows of {len(outcome.superseded)} earlier replay(s)")
        return "\n".join(lines)
    if isinstance(outcome, Declined):
        return f"run {outcome.run_id}: declined: {outcome.reason}"
    assert isinstance(outcome, Failed)
    tail = "\n".join(f"  | {line}" for line in outcome.error.splitlines()[-8:])
    return f"run {outcome.run_id}: FAILED (nothing stored)" + (f"\n{tail}" if tail else "")


def estimate_line(plans: Sequence[ReplayPlan], jobs: int) -> str:
    """``about 12s`` for the plans together with ``jobs`` workers (or ``unknown``)."""
    units = [u.seconds for p in plans for u in p.units]
    if not units or any(s is None for s in units):
        return "time unknown (no recorded timings)"
    total = sum(s or 0.0 for s in units)
    longest = max(s or 0.0 for s in units)
    return f"about {max(total / max(jobs, 1), longest):.0f}s with {jobs} worker(s)"


__all__ = ["checkpoints_used", "estimate_line", "outcome_text", "plan_json", "plan_text"]
