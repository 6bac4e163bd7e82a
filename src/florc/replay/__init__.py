"""Replay of recorded runs: selectors, plans, work units, workers, fidelity, publication.

``replay_one(run, script, plan, ...) -> Outcome`` replays one (run, script) pair; the
``florc replay`` command (``florc.commands.replay``) chooses the runs and shows the plans.
Submodules are imported on first use, so a replay worker (``florc.replay.child``) starts
without the compiler or the query engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from florc.replay.one import Script, replay_one
    from florc.replay.outcome import Declined, Failed, Outcome, Replayed
    from florc.replay.plan import (
        CheckpointInfo,
        LoopDecision,
        LoopTimings,
        PlanError,
        ReplayPlan,
        Timings,
        WorkUnit,
        plan_replay,
    )
    from florc.replay.selectors import Address, Selector, SelectorError, parse_address, parse_selectors

_HOMES = {
    "Script": "one", "replay_one": "one",
    "Declined": "outcome", "Failed": "outcome", "Outcome": "outcome", "Replayed": "outcome",
    "CheckpointInfo": "plan", "LoopDecision": "plan", "LoopTimings": "plan", "PlanError": "plan",
    "ReplayPlan": "plan", "Timings": "plan", "WorkUnit": "plan", "plan_replay": "plan",
    "Address": "selectors", "Selector": "selectors", "SelectorError": "selectors",
    "parse_address": "selectors", "parse_selectors": "selectors",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'florc.replay' has no attribute {name!r}")
    return getattr(importlib.import_module(f"florc.replay.{home}"), name)


__all__ = sorted(_HOMES)
