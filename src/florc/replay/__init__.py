"""Replay of recorded runs: selectors, plans, materialized trees."""

from __future__ import annotations

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

__all__ = [
    "Address",
    "CheckpointInfo",
    "LoopDecision",
    "LoopTimings",
    "PlanError",
    "ReplayPlan",
    "Selector",
    "SelectorError",
    "Timings",
    "WorkUnit",
    "parse_address",
    "parse_selectors",
    "plan_replay",
]
