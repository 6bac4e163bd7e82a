"""When to checkpoint: as often as a budget of the loop's measured time allows."""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Mapping

ENV_BUDGET = "FLORC_CKPT_BUDGET"
DEFAULT_BUDGET = 0.01


def budget_from_env(environ: Mapping[str, str] | None = None) -> tuple[float, str | None]:
    """The checkpoint budget (a fraction of loop time) and a warning if the setting was bad.

    ``FLORC_CKPT_BUDGET`` takes ``0.01`` or ``1%``; ``0`` turns periodic checkpoints off and
    ``inf`` takes one at every opportunity.

    >>> budget_from_env({"FLORC_CKPT_BUDGET": "2.5%"})
    (0.025, None)
    """
    env = os.environ if environ is None else environ
    text = env.get(ENV_BUDGET, "").strip()
    if not text:
        return DEFAULT_BUDGET, None
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        value = math.nan
    if math.isnan(value) or value < 0:
        return DEFAULT_BUDGET, f"{ENV_BUDGET}={text!r} is not a fraction like 0.01 or 1%; using 1%"
    return value, None


class AdaptivePolicy:
    """Checkpoint as often as a budget of the loop's wall time allows, from measured costs.

    Approach (after Flor's adaptive checkpointing): keep the total cost of checkpoints taken so
    far, ``spent``, under ``budget`` times the loop time elapsed so far. A checkpoint is taken
    when ``spent + expected * (1 + reserve) <= budget * elapsed``, where ``expected`` is the
    moving average of the measured costs of earlier checkpoints (the copy on the training thread
    plus the write on the background thread: on a small machine the writer competes with
    training for the CPU), and ``reserve`` the checkpoints that will be taken anyway: a main
    loop's final state is always saved, so the budget keeps room for it, and a short run does
    not overshoot by one checkpoint at its end. Before any measurement the first opportunity is
    taken, because only a measurement makes the rule meaningful; a first checkpoint that proves
    expensive then pushes the next ones out until the loop time catches up. Iterations that are
    cheap relative to a checkpoint are checkpointed rarely, and a budget of 0 never
    checkpoints. The rule is not a promise about each prefix of the run: a single checkpoint can
    exceed the budget of the iterations before it.

    >>> p = AdaptivePolicy(budget=0.01)
    >>> p.decide(elapsed=10.0), p.decide(elapsed=20.0)   # the first, then wait for its cost
    (True, False)
    >>> p.charge(0.5); p.decide(elapsed=100.0), p.decide(elapsed=150.0)
    (False, True)
    """

    def __init__(self, budget: float = DEFAULT_BUDGET, smoothing: float = 0.5, reserve: int = 1) -> None:
        self.budget = budget
        self.smoothing = smoothing
        self.reserve = reserve
        self.spent = 0.0
        self.expected: float | None = None
        self.taken = 0
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> tuple[AdaptivePolicy, str | None]:
        budget, warning = budget_from_env(environ)
        return cls(budget), warning

    def decide(self, *, elapsed: float) -> bool:
        """Whether to checkpoint now, ``elapsed`` seconds into the loop; a True answer counts
        as a checkpoint taken (its cost is ``charge``d once measured)."""
        if self.budget <= 0:
            return False
        with self._lock:
            if math.isinf(self.budget):
                take = True
            elif self.expected is None:
                take = self.taken == 0
            else:
                take = self.spent + self.expected * (1 + self.reserve) <= self.budget * elapsed
            self.taken += take
            return take

    def charge(self, seconds: float) -> None:
        """Add the measured cost of one checkpoint (may be called from the writer thread)."""
        with self._lock:
            self.spent += seconds
            self.expected = (
                seconds
                if self.expected is None
                else self.smoothing * seconds + (1 - self.smoothing) * self.expected
            )


__all__ = ["AdaptivePolicy", "DEFAULT_BUDGET", "ENV_BUDGET", "budget_from_env"]
