"""What became of the replay of one run: a value, never an exception.

``Replayed`` (with its fidelity report: ``divergent`` when a recomputed value differs from the
recorded one), ``Declined`` (the run cannot be replayed as asked: another code version, no code
snapshot) and ``Failed`` (a work unit failed; nothing of the replay was stored). Only the
command turns outcomes into an exit code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from florc.replay.fidelity import Fidelity


@dataclass(frozen=True)
class LoopSummary:
    """What the workers did at one loop: how often each action, and the reasons given."""

    address: str
    actions: tuple[tuple[str, int], ...]
    reasons: tuple[tuple[str, int], ...] = ()

    def __str__(self) -> str:
        acts = ", ".join(f"{a} {n}" for a, n in self.actions)
        why = "; ".join(f"{r} ({n})" for r, n in self.reasons)
        return f"{self.address}: {acts}" + (f" - {why}" if why else "")


def summarize(decisions: Iterable[Mapping[str, Any]]) -> tuple[LoopSummary, ...]:
    """Per loop, the actions the blocks runtime took (from the workers' decision lists)."""
    actions: dict[str, Counter[str]] = {}
    reasons: dict[str, Counter[str]] = {}
    for d in decisions:
        address = str(d.get("address", ""))
        actions.setdefault(address, Counter())[str(d.get("action", ""))] += 1
        reason = str(d.get("reason") or "")
        if reason and d.get("action") == "ran":
            reasons.setdefault(address, Counter())[reason] += 1
    return tuple(
        LoopSummary(a, tuple(sorted(c.items())), tuple(reasons.get(a, Counter()).most_common(3)))
        for a, c in actions.items()
    )


@dataclass(frozen=True)
class Replayed:
    run_id: str
    replay_id: str
    level: str
    units: int
    seconds: float
    fidelity: Fidelity
    loops: tuple[LoopSummary, ...] = ()
    superseded: tuple[str, ...] = ()
    parts: int = 0

    @property
    def status(self) -> str:
        return "divergent" if self.fidelity.divergent else "replayed"

    @property
    def ok(self) -> bool:
        return not self.fidelity.divergent

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "status": self.status, "replay_id": self.replay_id,
            "level": self.level, "units": self.units, "seconds": round(self.seconds, 3),
            "fidelity": self.fidelity.to_json(),
            "loops": [{"address": s.address, "actions": dict(s.actions), "reasons": dict(s.reasons)}
                      for s in self.loops],
            "superseded": list(self.superseded),
        }


@dataclass(frozen=True)
class Declined:
    run_id: str
    reason: str
    status: str = field(default="declined", init=False)
    ok: bool = field(default=False, init=False)

    def to_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "status": self.status, "reason": self.reason}


@dataclass(frozen=True)
class Failed:
    run_id: str
    error: str
    unit: str = ""
    status: str = field(default="failed", init=False)
    ok: bool = field(default=False, init=False)

    def to_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "status": self.status, "unit": self.unit, "error": self.error}


Outcome = Replayed | Declined | Failed

__all__ = ["Declined", "Failed", "LoopSummary", "Outcome", "Replayed", "summarize"]
