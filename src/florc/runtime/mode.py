"""Record or replay: decided once per process from the environment.

``FLORC_REPLAY=<plan file>`` puts the runtime in replay mode. The plan is JSON written by the
replay planner; the runtime reads only these keys (others are the planner's business):

- ``run_id`` (required): the recorded run being replayed; log rows are written under this id
  with ``source='replay'``.
- ``replay_id``: id of this replay (its runs row and part files); generated when absent.
- ``args``: the recorded ``flor.arg`` values, returned by ``flor.arg`` instead of defaults.
- ``store``: the store directory to write to (replays run in a temporary tree).
- ``commit``: the commit the replayed code came from, recorded in the replay's runs row.
- ``install``: ``"module:function"`` called as ``function(plan, session)`` when the run starts,
  to register loop observers and an iteration controller (see ``runtime.hooks``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

ENV_REPLAY = "FLORC_REPLAY"


@dataclass(frozen=True)
class Mode:
    kind: str  # "record" | "replay"
    plan_path: str | None = None
    plan: dict[str, Any] = field(default_factory=dict)

    @property
    def replaying(self) -> bool:
        return self.kind == "replay"

    @property
    def replays_run_id(self) -> str | None:
        value = self.plan.get("run_id")
        return str(value) if value is not None else None

    @property
    def recorded_args(self) -> dict[str, Any]:
        args = self.plan.get("args")
        return dict(args) if isinstance(args, dict) else {}


RECORD = Mode("record")


def from_environment(environ: dict[str, str] | None = None) -> Mode:
    """The mode this process runs in.

    >>> from_environment({}).kind
    'record'
    """
    env = os.environ if environ is None else environ
    path = env.get(ENV_REPLAY)
    if not path:
        return RECORD
    try:
        with open(path, encoding="utf-8") as fh:
            plan = json.load(fh)
    except (OSError, ValueError) as exc:
        from florc.errors import UserError

        raise UserError(f"{ENV_REPLAY}={path}: cannot read the replay plan: {exc}") from exc
    if not isinstance(plan, dict) or "run_id" not in plan:
        from florc.errors import UserError

        raise UserError(f"{ENV_REPLAY}={path}: the plan has no 'run_id'")
    return Mode("replay", path, plan)


__all__ = ["ENV_REPLAY", "Mode", "RECORD", "from_environment"]
