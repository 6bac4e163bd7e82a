"""The replay plan of one recorded run: what to run, what to restore, how to split it across
workers, and what it should cost. Pure: every input is a plain value.

Approach. Each statement to backfill has placements (from the instrumentation analysis of the
script being replayed): before a main loop, after it, in its body, or inside one of its nested
loops. The deepest placement decides the level, as in Flor:

- ``prefix``: the replay ends where the main loop starts;
- ``suffix``: the main loop is not run, its final state is restored, the code after it runs;
- ``outer``: every iteration of the main loop runs with its nested loops restored from the
  checkpoints at their ends instead of running;
- ``inner``: the nested loop holding the statement runs in the selected iterations; the other
  nested loops are restored; each worker starts from the checkpoint saved at the start of its
  first iteration;
- ``full``: a placement is unknown (a statement in a callback, say): everything runs.

The iterations a level runs are split into contiguous chunks, one per worker (balanced by the
recorded iteration times); code after the main loop, when needed, gets a unit of its own that
restores the loop's final state. The estimate adds, per unit, the recorded time of what runs and
a restore cost per checkpoint used (its recorded save time); nested loops without a checkpoint
for an iteration count as running, and the notes say why the replay is slower than it could be.

The plan never decides on its own that a checkpoint is good: the runtime checks each one
before using it and runs the loop when it cannot restore exactly, so a plan made from a stale
index is slow, not wrong.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from florc.errors import UserError
from florc.instrument.model import LoopFacts, Placement, ReplayDirectives, ScriptAnalysis
from florc.replay.selectors import Selector

LEVELS = ("prefix", "suffix", "outer", "inner", "full")


class PlanError(UserError):
    """A replay that cannot be planned as asked (an unknown statement, an iteration the run
    does not have)."""


@dataclass(frozen=True)
class CheckpointInfo:
    """One row of the ``checkpoints`` index, as the planner needs it."""

    block: str
    kind: str  # iteration | block | final
    activation: int
    iteration: int | None
    manifest: str
    bytes: int = 0
    seconds: float = 0.0

    @property
    def key(self) -> str:
        return f"{self.activation}:{'end' if self.iteration is None else self.iteration}"


@dataclass(frozen=True)
class LoopTimings:
    """Recorded seconds of one main loop: per iteration, and per nested loop per iteration."""

    main: str
    iterations: tuple[float, ...]
    nested: tuple[tuple[str, tuple[float, ...]], ...] = ()

    def block(self, address: str) -> tuple[float, ...]:
        return dict(self.nested).get(address, ())


@dataclass(frozen=True)
class Timings:
    loops: tuple[LoopTimings, ...] = ()
    prefix: float = 0.0  # seconds from the start of the run to its first main loop
    suffix: float = 0.0  # seconds after its last main loop

    def of(self, main: str) -> LoopTimings | None:
        return next((t for t in self.loops if t.main == main), None)


@dataclass(frozen=True)
class LoopDecision:
    address: str
    role: str  # main | nested
    action: str  # run | skip | catch-up | select | restore | stop
    why: str = ""

    def __str__(self) -> str:
        return f"{self.action:8} {self.address}" + (f"  ({self.why})" if self.why else "")


@dataclass(frozen=True)
class WorkUnit:
    """One worker's share: which main-loop iterations (None: all), the runtime plan section
    (the ``blocks`` key of the plan file) and the estimated seconds."""

    index: int
    iterations: tuple[int, ...] | None
    runtime: Mapping[str, Any]
    seconds: float | None
    checkpoints: int = 0  # checkpoints it will restore (at most)

    def __str__(self) -> str:
        what = "all iterations" if self.iterations is None else _ranges(self.iterations)
        cost = "unknown" if self.seconds is None else f"{self.seconds:.1f}s"
        return f"unit {self.index}: {what}, ~{cost}"


@dataclass(frozen=True)
class ReplayPlan:
    level: str
    sites: tuple[str, ...]
    main: str | None  # the main loop whose iterations the units divide
    loops: tuple[LoopDecision, ...]
    directives: ReplayDirectives
    units: tuple[WorkUnit, ...]
    original_seconds: float | None
    seconds: float | None  # estimated wall time with one worker per unit
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        lines = [f"level: {self.level}" + (f" (loop {self.main})" if self.main else "")]
        lines += [f"  {d}" for d in self.loops]
        lines += [f"  {u}" for u in self.units]
        if self.seconds is not None and self.original_seconds:
            ratio = self.seconds / self.original_seconds
            lines.append(
                f"estimate: {self.seconds:.1f}s (the run took {self.original_seconds:.1f}s; {ratio:.0%})"
            )
        else:
            lines.append("estimate: unknown (no recorded timings)")
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["directives"] = {
            k: sorted(v) for k, v in asdict(self.directives).items()
        }
        return data


def checkpoints_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[CheckpointInfo]:
    """``CheckpointInfo`` from rows of the store's ``checkpoints`` table (as dicts) written by
    the blocks runtime; rows of other writers (no activation in ``objects``) are left out."""
    found: list[CheckpointInfo] = []
    for row in rows:
        try:
            objects = json.loads(row.get("objects") or "{}")
        except ValueError:
            continue
        if not isinstance(objects, dict) or "activation" not in objects:
            continue
        iteration = objects.get("iteration")
        found.append(
            CheckpointInfo(
                block=str(row["loop"]),
                kind=str(row["kind"]),
                activation=int(objects["activation"]),
                iteration=None if iteration is None else int(iteration),
                manifest=str(row["digest"]),
                bytes=int(row.get("bytes") or 0),
                seconds=float(row.get("seconds") or 0.0),
            )
        )
    return found


def timings_from_rows(analysis: ScriptAnalysis, rows: Iterable[Mapping[str, Any]]) -> Timings:
    """``Timings`` from rows of the store's ``timings`` table (``loop``, ``depth``, ``i1``,
    ``seconds``): per iteration of each main loop (by its flor.loop name), and per iteration of
    the main loop for nested ``flor.loop``s (other nested loops have no recorded time)."""
    by_label = {f.label: f for f in analysis.main_loops}
    nested_labels = {f.label: f for f in analysis.loops if f.role == "nested"}
    main_times: dict[str, dict[int, float]] = {}
    nested_times: dict[str, dict[int, float]] = {}
    for row in rows:
        label, depth, i1 = row.get("loop"), row.get("depth"), row.get("i1")
        if i1 is None:
            continue
        seconds = float(row.get("seconds") or 0.0)
        if depth == 1 and label in by_label:
            main_times.setdefault(by_label[label].address, {})[int(i1)] = seconds
        elif depth == 2 and label in nested_labels:
            per = nested_times.setdefault(nested_labels[label].address, {})
            per[int(i1)] = per.get(int(i1), 0.0) + seconds
    loops = []
    for main, per_iteration in main_times.items():
        n = max(per_iteration) + 1
        nested = tuple(
            (address, tuple(times.get(e, 0.0) for e in range(n)))
            for address, times in nested_times.items()
            if analysis.loop(address).main == main
        )
        loops.append(LoopTimings(main, tuple(per_iteration.get(e, 0.0) for e in range(n)), nested))
    return Timings(loops=tuple(loops))


def _ranges(items: Sequence[int]) -> str:
    out: list[str] = []
    start = prev = None
    for i in items:
        if start is None:
            start = prev = i
        elif prev is not None and i == prev + 1:
            prev = i
        else:
            out.append(f"{start}" if start == prev else f"{start}..{prev}")
            start = prev = i
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}..{prev}")
    return "iterations " + ",".join(out)


def _placements(analysis: ScriptAnalysis, sites: Sequence[str]) -> list[Placement]:
    found: list[Placement] = []
    for site in sites:
        try:
            facts = analysis.statement(site)
        except KeyError:
            raise PlanError(f"no statement at {site} in {analysis.path}") from None
        found.extend(facts.placements)
    return found


def _partition(
    iterations: Sequence[int],
    weights: Mapping[int, float],
    jobs: int,
    entry: Mapping[int, float] | None = None,
) -> list[list[int]]:
    """Contiguous chunks, at most ``jobs``, minimizing the heaviest one: its iterations'
    weights plus ``entry[i]``, what it costs a worker to begin at iteration ``i`` (restoring the
    nearest checkpoint before it and catching up from there). Found by bisecting the limit;
    for a limit, chunks are closed greedily as late as it allows."""
    if not iterations:
        return [[]]
    w = [weights.get(i, 1.0) for i in iterations]
    cost_in = [0.0 if entry is None else entry.get(i, 0.0) for i in iterations]
    jobs = max(1, min(jobs, len(iterations)))

    def cut(limit: float) -> list[int] | None:
        begins, acc = [0], w[0]
        for k in range(1, len(w)):
            if acc + w[k] <= limit:
                acc += w[k]
                continue
            begins.append(k)
            acc = cost_in[k] + w[k]
            if len(begins) > jobs or acc > limit:
                return None
        return begins

    low, high = max(w), sum(w)
    best = [0]
    for _ in range(60):
        if high - low <= 1e-9 * max(high, 1.0):
            break
        mid = (low + high) / 2
        found = cut(mid)
        if found is None:
            low = mid
        else:
            best, high = found, mid
    found = cut(high)
    best = found if found is not None else best
    edges = [*best, len(iterations)]
    return [list(iterations[a:b]) for a, b in zip(edges, edges[1:])]


def plan_replay(
    analysis: ScriptAnalysis,
    sites: Sequence[str],
    *,
    checkpoints: Sequence[CheckpointInfo] = (),
    timings: Timings = Timings(),
    selectors: Sequence[Selector] = (),
    jobs: int = 1,
) -> ReplayPlan:
    """Plan the replay of one recorded run for the statements at ``sites``.

    >>> from florc.instrument import analyze
    >>> a = analyze("import florc as flor\\nfor e in flor.loop('epoch', range(2)):\\n"
    ...             "    for s in flor.loop('step', range(3)):\\n        pass\\n"
    ...             "    flor.log('x', e)\\n", "t.py")
    >>> plan_replay(a, ["t.py::for:e/stmt:1"]).level
    'outer'
    """
    if not sites:
        raise PlanError("nothing to replay: no statements given")
    placements = _placements(analysis, sites)
    notes: list[str] = []
    mains = sorted(analysis.main_loops, key=lambda f: f.line)

    unknown = [p for p in placements if p.level == "unknown"]
    if unknown or not mains:
        why = unknown[0].why if unknown else "the script has no flor.loop"
        notes.append(f"everything runs: {why}")
        unit = WorkUnit(0, None, {"blocks": {}, "loops": {}}, _full_cost(timings))
        return ReplayPlan(
            "full", tuple(sites), None, (), ReplayDirectives(), (unit,),
            _full_cost(timings), unit.seconds, tuple(notes),
        )

    by_main: dict[str, set[str]] = {m.address: set() for m in mains}
    needed_blocks: set[str] = set()
    suffix = False
    for p in placements:
        if p.level == "suffix":
            suffix = True
        elif p.main is not None:
            by_main[p.main].add(p.level)
            if p.level == "inner" and p.block is not None:
                needed_blocks.add(p.block)
    order = [m.address for m in mains]
    involved = [a for a in order if by_main[a]]
    last_needed = max((order.index(a) for a in involved), default=-1)

    decisions: list[LoopDecision] = []
    skip: set[str] = set()
    select: set[str] = set()
    stop: set[str] = set()
    blocks_section: dict[str, dict[str, Any]] = {}
    loops_section: dict[str, dict[str, Any]] = {}

    def checkpoints_of(address: str, kind: str) -> dict[str, str]:
        return {c.key: c.manifest for c in checkpoints if c.block == address and c.kind == kind}

    driving: LoopFacts | None = None
    level = "prefix"
    for position, facts in enumerate(mains):
        levels = by_main[facts.address]
        after_needed = suffix or position < last_needed
        finish = "continue" if after_needed else "finish"
        if "inner" in levels or "outer" in levels:
            mode = "inner" if "inner" in levels else "outer"
            level = mode if LEVELS.index(mode) > LEVELS.index(level) else level
            if driving is None or mode == "inner":
                driving = facts
            decisions.append(LoopDecision(facts.address, "main", "run", f"holds {mode}-loop statements"))
            loops_section[facts.address] = {
                "iterations": None,
                "after": finish,
                "resume": checkpoints_of(facts.address, "iteration") if facts.resumable else {},
            }
            if not facts.resumable:
                notes.append(f"{facts.address}: iterations cannot be resumed ({'; '.join(facts.opaque)})")
            for block in analysis.nested(facts.address):
                if not block.skippable:
                    why = "; ".join((*block.opaque, *block.control))
                    decisions.append(LoopDecision(block.address, "nested", "run", f"cannot be skipped: {why}"))
                    notes.append(f"{block.address} runs in every iteration: {why}")
                    continue
                needed = block.address in needed_blocks
                action = "catch-up" if needed else "skip"
                skip.add(block.address)
                decisions.append(
                    LoopDecision(
                        block.address, "nested", action,
                        "holds a statement: runs in the selected iterations" if needed
                        else "restored from its checkpoints",
                    )
                )
                blocks_section[block.address] = {
                    "skip": "catch-up" if needed else True,
                    "checkpoints": checkpoints_of(block.address, "block"),
                }
        elif "prefix" in levels and not after_needed:
            stop.add(facts.address)
            decisions.append(LoopDecision(facts.address, "main", "stop", "nothing from here on is needed"))
            break
        else:
            # Not needed itself, but something after it is: restore its final state.
            if suffix and LEVELS.index("suffix") > LEVELS.index(level):
                level = "suffix"
            if facts.skippable:
                skip.add(facts.address)
                decisions.append(LoopDecision(facts.address, "main", "restore", "final state from its checkpoint"))
                blocks_section[facts.address] = {
                    "skip": True, "checkpoints": checkpoints_of(facts.address, "final"),
                }
                loops_section[facts.address] = {"iterations": None, "after": finish, "resume": {}}
                if not checkpoints_of(facts.address, "final"):
                    notes.append(f"{facts.address}: no final checkpoint; the loop runs")
            else:
                why = "; ".join((*facts.opaque, *facts.control))
                decisions.append(LoopDecision(facts.address, "main", "run", f"cannot be skipped: {why}"))
                notes.append(f"{facts.address} runs whole: {why}")
                loops_section[facts.address] = {"iterations": None, "after": finish, "resume": {}}

    units, original, estimate = _units(
        analysis, driving, loops_section, blocks_section, checkpoints, timings,
        selectors, jobs, suffix, notes,
    )
    if driving is not None and any(u.iterations for u in units):
        select.add(driving.address)
    if driving is not None and any(u.iterations == () for u in units):
        skip.add(driving.address)  # the suffix unit restores the loop's final state
    return ReplayPlan(
        level=level,
        sites=tuple(sites),
        main=driving.address if driving else None,
        loops=tuple(decisions),
        directives=ReplayDirectives(frozenset(skip), frozenset(select), frozenset(stop)),
        units=tuple(units),
        original_seconds=original,
        seconds=estimate,
        notes=tuple(notes),
    )


def _full_cost(timings: Timings) -> float | None:
    if not timings.loops:
        return None
    return timings.prefix + timings.suffix + sum(sum(t.iterations) for t in timings.loops)


def _units(
    analysis: ScriptAnalysis,
    driving: LoopFacts | None,
    loops_section: dict[str, dict[str, Any]],
    blocks_section: dict[str, dict[str, Any]],
    checkpoints: Sequence[CheckpointInfo],
    timings: Timings,
    selectors: Sequence[Selector],
    jobs: int,
    suffix: bool,
    notes: list[str],
) -> tuple[list[WorkUnit], float | None, float | None]:
    original = _full_cost(timings)
    section = {"blocks": blocks_section, "loops": loops_section}
    if driving is None:
        # prefix or suffix: one unit, the cost of what runs outside the main loops
        restores = sum(1 for b in blocks_section.values() if b.get("checkpoints"))
        cost = None
        if original is not None:
            cost = timings.prefix
            if suffix:
                cost += timings.suffix + _restore_cost(checkpoints, "final")
        return [WorkUnit(0, None, section, cost, restores)], original, cost

    recorded = timings.of(driving.address)
    length = len(recorded.iterations) if recorded else None
    chosen = next((s for s in selectors if s.loop == driving.label), None)
    for s in selectors:
        if s.loop not in {f.label for f in analysis.main_loops}:
            raise PlanError(f"--iter {s}: no main loop named {s.loop!r} (main loops: "
                            + ", ".join(sorted(f.label for f in analysis.main_loops)) + ")")
    if chosen is not None or jobs > 1:
        if length is None:
            raise PlanError(
                f"cannot select iterations of {driving.address}: the run recorded no timings for it"
            )
        try:
            iterations = list(chosen.resolve(length) if chosen else range(length))
        except UserError as exc:
            raise PlanError(str(exc)) from exc
    else:
        iterations = None

    per_iteration = _iteration_costs(analysis, driving, recorded, blocks_section, checkpoints, notes)
    weights = dict(enumerate(per_iteration[0])) if per_iteration is not None else {}
    resume = loops_section[driving.address]["resume"]
    units: list[WorkUnit] = []
    # What it costs a worker to begin at an iteration: restore the nearest resume point before
    # it and catch up from there (nested loops restored where they can be).
    entry: dict[int, float] = {}
    if iterations is not None and per_iteration is not None:
        restore = _restore_cost(checkpoints, "iteration")
        for i in iterations:
            start = max((k for k in _resume_points(resume) if k <= i), default=0)
            entry[i] = (restore if start else 0.0) + sum(per_iteration[1][start:i])
    chunks = [iterations] if iterations is None else _partition(iterations, weights, jobs, entry)
    split_suffix = suffix and iterations is not None
    for n, chunk in enumerate(chunks):
        runtime = {
            "blocks": blocks_section,
            "loops": {**loops_section, driving.address: {
                **loops_section[driving.address],
                "iterations": chunk,
                "after": "finish" if split_suffix else loops_section[driving.address]["after"],
            }},
        }
        cost, restores = _unit_cost(chunk, per_iteration, resume, timings, checkpoints, driving)
        if cost is not None and suffix and not split_suffix:
            cost += timings.suffix
        units.append(WorkUnit(n, None if chunk is None else tuple(chunk), runtime, cost, restores))
    if split_suffix:
        # The code after the loop, from the loop's final state, in a unit of its own.
        finals = {c.key: c.manifest for c in checkpoints if c.block == driving.address and c.kind == "final"}
        runtime = {
            "blocks": {**blocks_section, driving.address: {"skip": True, "checkpoints": finals}},
            # No iteration selected: if the final state cannot be restored, the loop runs with
            # its rows dropped (the chunk units logged them), and the code after it logs.
            "loops": {**loops_section, driving.address: {"iterations": [], "after": "continue", "resume": {}}},
        }
        cost = None if original is None else timings.prefix + timings.suffix + _restore_cost(checkpoints, "final")
        units.append(WorkUnit(len(units), (), runtime, cost, 1))
        if not driving.skippable:
            notes.append(f"{driving.address} cannot be skipped whole; the suffix unit runs it")
    estimate = None if any(u.seconds is None for u in units) else max(u.seconds or 0.0 for u in units)
    return units, original, estimate


def _restore_cost(checkpoints: Sequence[CheckpointInfo], kind: str) -> float:
    costs = [c.seconds for c in checkpoints if c.kind == kind]
    return max(costs) if costs else 0.0


def _iteration_costs(
    analysis: ScriptAnalysis,
    driving: LoopFacts,
    recorded: LoopTimings | None,
    blocks_section: Mapping[str, Mapping[str, Any]],
    checkpoints: Sequence[CheckpointInfo],
    notes: list[str],
) -> tuple[list[float], list[float]] | None:
    """Estimated seconds of each iteration of the driving loop in this replay: when it is one
    the unit runs for its statements (loops holding them run), and when it only catches up to
    one (those loops are restored too, where a checkpoint allows)."""
    if recorded is None:
        notes.append("no recorded timings: the estimate is unknown")
        return None
    saved = {(c.block, c.iteration): c.seconds for c in checkpoints if c.kind == "block"}
    selected: list[float] = []
    catching_up: list[float] = []
    missing: dict[str, list[int]] = {}
    for e, seconds in enumerate(recorded.iterations):
        run = restored = seconds
        for block in analysis.nested(driving.address):
            entry = blocks_section.get(block.address)
            if entry is None or entry.get("skip") not in (True, "catch-up"):
                continue  # runs (cannot be skipped)
            times = recorded.block(block.address)
            if (block.address, e) in saved:
                delta = (times[e] if e < len(times) else 0.0) - saved[(block.address, e)]
                restored -= delta
                if entry.get("skip") is True:
                    run -= delta
            elif entry.get("skip") is True:
                missing.setdefault(block.address, []).append(e)
        selected.append(max(run, 0.0))
        catching_up.append(max(restored, 0.0))
    for address, its in missing.items():
        notes.append(f"{address}: no checkpoint at {_ranges(its)}; it runs there")
    return selected, catching_up


def _resume_points(resume: Mapping[str, str]) -> list[int]:
    return sorted(int(k.split(":")[1]) for k in resume if k.startswith("0:") and k.split(":")[1].isdigit())


def _unit_cost(
    chunk: Sequence[int] | None,
    costs: tuple[Sequence[float], Sequence[float]] | None,
    resume: Mapping[str, str],
    timings: Timings,
    checkpoints: Sequence[CheckpointInfo],
    driving: LoopFacts,
) -> tuple[float | None, int]:
    if costs is None:
        return None, 0
    selected, catching_up = costs
    if chunk is None:
        return timings.prefix + sum(selected), 0
    if not chunk:
        return timings.prefix, 0
    first, last = chunk[0], chunk[-1]
    # The unit catches up from the latest resume point at or before its first iteration, and
    # through the iterations between its selected ones.
    start = max((k for k in _resume_points(resume) if k <= first), default=0)
    restore = max(
        (c.seconds for c in checkpoints if c.block == driving.address and c.kind == "iteration"),
        default=0.0,
    )
    chosen = set(chunk)
    cost = timings.prefix + (restore if start else 0.0) + sum(catching_up[start:first])
    cost += sum(selected[e] if e in chosen else catching_up[e] for e in range(first, last + 1))
    return cost, 1 if start else 0


__all__ = [
    "CheckpointInfo",
    "LEVELS",
    "LoopDecision",
    "LoopTimings",
    "PlanError",
    "ReplayPlan",
    "Timings",
    "WorkUnit",
    "checkpoints_from_rows",
    "plan_replay",
    "timings_from_rows",
]
