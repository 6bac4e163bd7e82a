"""The replay of one (run, script) pair: plan it, prepare its work units, run them, check and
store what they computed.

``replay_one(run, script, plan, ...) -> Outcome`` is the whole of it; the command splits it into
``prepare`` (for every run first, so that one pool runs the units of all runs) and
``conclude``. Multiversion replay composes the same unit with the propagator: ``script`` is
then the propagated version of an older commit.

Per unit: the run's commit is materialized from git objects into a temporary directory (the
user's working tree is never touched), today's script is written over the recorded one there,
and a plan file gives the worker the run's argv and ``flor.arg`` values, the instrumented code
with its line map, the unit's runtime plan (loops to restore, iterations to run, checkpoints)
and the staging store to write to. Failed units discard the whole replay of the run: no partial
rows are ever stored as if they were complete.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from florc.instrument.model import ScriptAnalysis
from florc.replay import publish as pub
from florc.replay.executor import Executor, UnitJob, UnitResult
from florc.replay.fidelity import check
from florc.replay.links import Link, place
from florc.replay.outcome import Failed, Outcome, Replayed, summarize
from florc.replay.plan import ReplayPlan, plan_replay
from florc.replay.runs import RecordedRun, run_checkpoints, run_timings
from florc.replay.selectors import Selector
from florc.replay.source import Sites


@dataclass(frozen=True)
class Script:
    """The code a replay runs: a script's repository-relative path, its text, its analysis and
    the names being replayed."""

    path: str
    source: str
    analysis: ScriptAnalysis
    names: tuple[str, ...]


@dataclass(frozen=True)
class Prepared:
    """A replay ready to run: its plan, identity, staging store, and one job per unit."""

    run: RecordedRun
    plan: ReplayPlan
    identity: pub.Identity
    staging: Path
    workdir: Path
    jobs: tuple[UnitJob, ...]


def plan_run(
    script: Script,
    run: RecordedRun,
    sites: Sites,
    store: Path,
    *,
    selectors: Sequence[Selector] = (),
    jobs: int = 1,
) -> ReplayPlan:
    """The replay plan of ``run`` for the statements at ``sites``, from its recorded
    checkpoints and timings."""
    checkpoints, notes = run_checkpoints(store, run.run_id, script.analysis)
    plan = plan_replay(
        script.analysis,
        sites.addresses,
        checkpoints=checkpoints,
        timings=run_timings(store, run, script.analysis),
        selectors=selectors,
        jobs=jobs,
    )
    return dataclasses.replace(plan, notes=(*notes, *plan.notes)) if notes else plan


def selected_iterations(plan: ReplayPlan) -> tuple[int, ...] | None:
    """The iterations of the driving loop the plan's units run together (None: all)."""
    chosen: set[int] = set()
    for unit in plan.units:
        if unit.iterations is None:
            return None
        chosen.update(unit.iterations)
    return tuple(sorted(chosen))


def prepare(
    script: Script,
    run: RecordedRun,
    plan: ReplayPlan,
    *,
    repo: str | Path,
    store: Path,
    instrumented: str,
    lines: Sequence[int],
    links: Sequence[Link] = (),
) -> Prepared:
    """Materialize a tree and write a plan file per unit (see the module doc); ``links``: paths
    of the working tree the snapshot lacks, shared into each tree (``replay.links``)."""
    from florc.git import materialize

    if run.commit is None:
        raise ValueError(f"run {run.run_id} has no code snapshot")
    identity = pub.Identity.new(run.run_id, script.path, script.names, selected_iterations(plan))
    workdir = Path(tempfile.mkdtemp(prefix="florc-replay-"))
    staging = pub.staging_dir(store, identity)
    jobs: list[UnitJob] = []
    try:
        code_path = workdir / "instrumented.py"
        code_path.write_text(instrumented, encoding="utf-8")
        for n, unit in enumerate(plan.units):
            home = workdir / f"u{unit.index}"
            tree = materialize(repo, run.commit, home / "tree").root
            target = tree / script.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(script.source, encoding="utf-8")
            place(tree, links)
            writer = identity.writer(unit.index)
            runtime: dict[str, Any] = {
                **unit.runtime,
                "checkpoint_dir": str(store / "checkpoints"),
                "quiet_prefix": n > 0,
            }
            plan_file = {
                "run_id": run.run_id,
                "replay_id": writer,
                "args": run.args,
                "store": str(staging),
                "commit": run.commit,
                "install": "florc.runtime.blocks:install",
                "blocks": runtime,
                "child": {
                    "script": script.path,
                    "path": str(target),
                    "code": str(code_path),
                    "lines": list(lines),
                    "argv": list(run.argv),
                    "decisions": str(home / "decisions.json"),
                },
            }
            path = home / "plan.json"
            path.write_text(json.dumps(plan_file, default=str), encoding="utf-8")
            env = {"FLORC_REPLAY": str(path), "FLORC_QUIET": "1"}
            jobs.append(UnitJob(writer, path, tree, home / "output.log", env))
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        pub.discard(staging)
        raise
    return Prepared(run, plan, identity, staging, workdir, tuple(jobs))


def _decisions(prepared: Prepared) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for job in prepared.jobs:
        try:
            found.extend(json.loads((job.plan.parent / "decisions.json").read_text()))
        except (OSError, ValueError):
            continue
    return found


def conclude(
    prepared: Prepared,
    results: Sequence[UnitResult],
    *,
    store: Path,
    atol: float = 0.0,
    rtol: float = 0.0,
) -> Outcome:
    """Check and store what the units computed (or discard it if one failed)."""
    run_id = prepared.run.run_id
    try:
        failed = [r for r in results if not r.ok]
        if failed or len(results) != len(prepared.jobs):
            pub.discard(prepared.staging)
            first = failed[0] if failed else None
            error = first.tail if first and first.tail else "a work unit did not run"
            if first is not None and first.returncode < 0:
                error = f"killed by signal {-first.returncode}" + (f"\n{first.tail}" if first.tail else "")
            return Failed(run_id, error, first.key if first else "")
        fidelity = check(store, prepared.staging, run_id, atol=atol, rtol=rtol)
        if fidelity.divergent:
            pub.mark(prepared.staging, [j.key for j in prepared.jobs], fidelity.summary())
        published = pub.publish(
            store, prepared.staging, prepared.identity,
            {"level": prepared.plan.level, "sites": list(prepared.plan.sites),
             "fidelity": fidelity.to_json()},
        )
        return Replayed(
            run_id=run_id,
            replay_id=prepared.identity.group,
            level=prepared.plan.level,
            units=len(results),
            seconds=max((r.seconds for r in results), default=0.0),
            fidelity=fidelity,
            loops=summarize(_decisions(prepared)),
            superseded=published.superseded,
            parts=published.parts,
        )
    finally:
        shutil.rmtree(prepared.workdir, ignore_errors=True)


def replay_one(
    run: RecordedRun,
    script: Script,
    plan: ReplayPlan,
    *,
    repo: str | Path,
    store: Path,
    executor: Executor,
    atol: float = 0.0,
    rtol: float = 0.0,
    links: Sequence[Link] = (),
) -> Outcome:
    """Replay ``run`` with ``script`` as ``plan`` says; the outcome, never an exception for a
    failing script (a florc bug or a user error still raises)."""
    from florc.instrument import instrument_replay
    from florc.instrument.execute import line_map

    code = instrument_replay(script.source, script.path, plan.directives).code
    prepared = prepare(
        script, run, plan, repo=repo, store=store, instrumented=code,
        lines=line_map(script.source, code), links=links,
    )
    try:
        results = executor.run(prepared.jobs)
    except BaseException:
        pub.discard(prepared.staging)
        shutil.rmtree(prepared.workdir, ignore_errors=True)
        raise
    return conclude(prepared, results, store=store, atol=atol, rtol=rtol)


__all__ = ["Prepared", "Script", "conclude", "plan_run", "prepare", "replay_one", "selected_iterations"]
