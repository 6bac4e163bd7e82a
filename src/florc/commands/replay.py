"""`florc replay NAME...`: compute new ``flor.log`` values for recorded runs of this version.

Add ``flor.log("grad_norm", ...)`` (and any helper lines it needs) to the script, then
``florc replay grad_norm``: every recorded run of the script's current version that lacks
``grad_norm`` is replayed from its checkpoints, computing only what the new statement needs, and
the values land in the store next to the recorded ones (``source='replay'``, the run's id).

Which runs: those recorded from today's script minus the lines added since (another version is
left out: ``florc propagate`` brings statements into older versions), complete, lacking one of
the names (``--redo`` replays them again, replacing their earlier replayed rows), narrowed by
``--runs`` and ``--where``. Each run's plan (level, loops restored, units, checkpoints, estimate)
is printed before anything runs; the command asks for confirmation unless ``--yes``.

Nothing here writes to the user's working tree, index, HEAD or refs: each work unit runs in a
tree materialized from the run's commit. Exit codes: 0 when every chosen run replayed and
reproduced its recorded values; 3 when some run was declined, failed or diverged (details in
the report or ``--json``); 1 for user errors; 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from florc.errors import EXIT_OK, EXIT_PARTIAL, Position, UsageError, UserError

if TYPE_CHECKING:  # the command imports its machinery lazily, so `florc --help` stays fast
    from florc.replay.links import Link
    from florc.replay.one import Script
    from florc.replay.outcome import Outcome
    from florc.replay.plan import ReplayPlan
    from florc.replay.runs import RecordedRun
    from florc.replay.source import Sites

HELP = "replay recorded runs of the current script version to compute new flor.log values"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="+", metavar="NAME", help="logged names to compute")
    parser.add_argument("--runs", nargs="+", metavar="RUN_ID", help="replay these runs (ids or unique prefixes)")
    parser.add_argument("--where", help="SQL over run-level values, e.g. \"lr > 1e-3\"")
    parser.add_argument("--script", help="the training script, relative to the repository root")
    parser.add_argument("--iter", dest="selectors", metavar="SELECTORS",
                        help="iterations to replay, e.g. epoch=0..9:2,last (default: all)")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--redo", action="store_true", help="replay runs that already have the values")
    parser.add_argument("--link", action="append", default=[], metavar="PATH",
                        help="share PATH of the working tree (git-ignored data the run's code snapshot lacks) "
                             "with the replay, as a symbolic link; repeatable")
    parser.add_argument("--atol", type=float, default=0.0, help="fidelity: absolute tolerance (default 0)")
    parser.add_argument("--rtol", type=float, default=0.0, help="fidelity: relative tolerance (default 0)")
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--dry-run", action="store_true", help="print the plans and stop")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")


def run(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.atol < 0 or args.rtol < 0:
        raise UsageError("--atol and --rtol must not be negative")
    return replay(
        names=args.names, runs=args.runs, where=args.where, script=args.script,
        selectors=args.selectors, jobs=args.jobs, redo=args.redo, atol=args.atol,
        rtol=args.rtol, yes=args.yes, dry_run=args.dry_run, as_json=args.json, link=args.link,
    )


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class _Chosen:
    run: RecordedRun
    script: Script
    sites: Sites


def _scripts(root: Path, runs: Sequence[RecordedRun], names: Sequence[str], script: str | None) -> list[Script]:
    """Today's version of each recorded script that logs the names (or of ``--script``)."""
    from florc.instrument import analyze
    from florc.replay.one import Script

    paths = [script] if script else list(dict.fromkeys(r.script for r in reversed(runs) if r.script))
    found: list[Script] = []
    missing: list[str] = []
    for rel in paths:
        path = root / rel
        if not path.is_file():
            if script:
                raise UserError(f"{rel}: no such file in the working tree")
            continue
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{rel}: cannot read: {exc}") from exc
        analysis = analyze(source, rel)
        logged = {k for s in analysis.statements for k in s.logged}
        absent = [n for n in names if n not in logged]
        if absent:
            missing.append(f"{rel} (no {', '.join(repr(n) for n in absent)})")
            if script:
                raise UserError(f"no flor.log({absent[0]!r}, ...) statement in the script", Position(rel))
            continue
        found.append(Script(rel, source, analysis, tuple(dict.fromkeys(names))))
    if not found:
        where = "; ".join(missing) or "no recorded script is in the working tree"
        raise UserError(f"no script logs {', '.join(repr(n) for n in names)}: {where}")
    return found


def _pick(runs: Sequence[RecordedRun], wanted: Sequence[str]) -> set[str]:
    ids = [r.run_id for r in runs]
    chosen: set[str] = set()
    for text in wanted:
        hits = [i for i in ids if i == text] or [i for i in ids if i.startswith(text)]
        if not hits:
            raise UserError(f"--runs {text}: no recorded run has this id")
        if len(hits) > 1:
            raise UserError(f"--runs {text}: ambiguous, matches {len(hits)} runs")
        chosen.add(hits[0])
    return chosen


def replay(
    *,
    names: Sequence[str],
    runs: Sequence[str] | None = None,
    where: str | None = None,
    script: str | None = None,
    selectors: str | None = None,
    jobs: int = 1,
    redo: bool = False,
    atol: float = 0.0,
    rtol: float = 0.0,
    yes: bool = False,
    dry_run: bool = False,
    as_json: bool = False,
    link: Sequence[str] = (),
) -> int:
    from florc.git import blob_at, open_repo
    from florc.replay import publish as pub
    from florc.replay.outcome import Declined
    from florc.replay.links import resolve_links
    from florc.replay.plan import PlanError
    from florc.replay.runs import matching, names_present, recorded_runs
    from florc.replay.selectors import parse_selectors
    from florc.replay.source import compare_versions, find_sites
    from florc.store.layout import store_dir

    parsed_selectors = parse_selectors(selectors) if selectors else ()
    repo = open_repo(Path.cwd())
    if repo.workdir is None:
        raise UserError("a bare repository has no working tree to replay from")
    root = Path(repo.workdir).resolve()
    links = resolve_links(root, link)
    store = store_dir(root)
    pub.clean_staging(store)
    everything = recorded_runs(store)
    if not everything:
        raise UserError(f"no recorded runs in {store}")
    explicit = _pick(everything, runs) if runs else set()
    matched = matching(store, where) if where else None
    scripts = _scripts(root, everything, names, script)

    outcomes: list[Outcome] = []
    left_out: list[str] = []
    chosen: list[_Chosen] = []
    have = names_present(store, [r.run_id for r in everything], names)
    for current in scripts:
        for recorded in everything:
            if recorded.script != current.path:
                continue
            named = recorded.run_id in explicit
            if explicit and not named:
                continue
            if matched is not None and recorded.run_id not in matched:
                continue
            why: str | None = None
            match = None
            if not named and recorded.status != "complete":
                why = f"{recorded.status}"
            elif not named and not redo and set(names) <= have.get(recorded.run_id, set()):
                why = "already has the values (--redo replays it again)"
            elif recorded.commit is None:
                why = "recorded without a code snapshot (no git repository at the time)"
            else:
                old = blob_at(repo, recorded.commit, current.path)
                if old is None:
                    why = f"{current.path} is not in its code snapshot"
                else:
                    match = compare_versions(old.decode("utf-8", errors="replace"), current.source)
                    if not match.same:
                        why = f"another version of {current.path} ({match.why}); see florc propagate"
            if why is not None or match is None:
                why = why or "cannot be compared with today's script"
                if named:
                    outcomes.append(Declined(recorded.run_id, why))
                else:
                    left_out.append(f"{recorded.run_id}: {why}")
                continue
            chosen.append(_Chosen(recorded, current, find_sites(current.analysis, names, match.inserted)))

    from florc.replay.one import plan_run

    planned: list[tuple[_Chosen, ReplayPlan]] = []
    for c in chosen:
        try:
            planned.append((c, plan_run(c.script, c.run, c.sites, store, selectors=parsed_selectors, jobs=jobs)))
        except PlanError as exc:
            outcomes.append(Declined(c.run.run_id, str(exc)))
    return _execute(
        planned, outcomes, left_out, root=root, store=store, names=names, jobs=jobs, atol=atol,
        rtol=rtol, yes=yes, dry_run=dry_run, as_json=as_json, links=links,
    )


def _execute(
    planned: list[tuple[_Chosen, ReplayPlan]],
    outcomes: list[Outcome],
    left_out: list[str],
    *,
    root: Path,
    store: Path,
    names: Sequence[str],
    jobs: int,
    atol: float,
    rtol: float,
    yes: bool,
    dry_run: bool,
    as_json: bool,
    links: Sequence[Link],
) -> int:
    from florc.replay import report

    plans_json = [report.plan_json(c.run, plan) for c, plan in planned]
    for c, plan in planned:
        _say(report.plan_text(c.run, plan))
    for line in left_out:
        _say(f"left out: {line}")
    for ln in links:
        _say(f"linked into each replay tree: {ln.rel} -> {ln.target}")
    for outcome in outcomes:
        _say(report.outcome_text(outcome))
    if not planned:
        _say("nothing to replay")
        return _finish(as_json, plans_json, outcomes, left_out, dry_run)
    if dry_run:
        return _finish(as_json, plans_json, outcomes, left_out, dry_run)
    estimate = report.estimate_line([p for _, p in planned], jobs)
    if not yes:
        if not sys.stdin.isatty():
            raise UserError("not asking for confirmation on a non-interactive input: add --yes (or --dry-run)")
        _say(f"Replay {len(planned)} run(s), {estimate}? [y/N] ")
        if input().strip().lower() not in ("y", "yes"):
            _say("nothing replayed")
            return EXIT_OK
    outcomes.extend(_run_all(planned, root=root, store=store, jobs=jobs, atol=atol, rtol=rtol, links=links))
    return _finish(as_json, plans_json, outcomes, left_out, dry_run)


def _run_all(
    planned: list[tuple[_Chosen, ReplayPlan]], *, root: Path, store: Path, jobs: int, atol: float, rtol: float,
    links: Sequence[Link],
) -> list[Outcome]:
    from florc.instrument import instrument_replay
    from florc.instrument.execute import line_map
    from florc.replay import publish as pub
    from florc.replay import report
    from florc.replay.executor import LocalExecutor
    from florc.replay.links import hint
    from florc.replay.one import conclude, prepare
    from florc.replay.outcome import Failed

    prepared = []
    try:
        for c, plan in planned:
            code = instrument_replay(c.script.source, c.script.path, plan.directives).code
            prepared.append(
                prepare(c.script, c.run, plan, repo=root, store=store, instrumented=code,
                        lines=line_map(c.script.source, code), links=links)
            )
        executor = LocalExecutor(jobs)
        every = [job for p in prepared for job in p.jobs]
        _say(f"replaying {len(prepared)} run(s): {len(every)} work unit(s), {jobs} at a time")
        results = executor.run(every, lambda r: _say(f"  unit {r.key}: {'done' if r.ok else 'FAILED'} in {r.seconds:.1f}s"))
    except BaseException:
        for p in prepared:
            pub.discard(p.staging)
            shutil.rmtree(p.workdir, ignore_errors=True)
        raise
    by_key = {r.key: r for r in results}
    outcomes: list[Outcome] = []
    for p in prepared:
        outcome = conclude(p, [by_key[j.key] for j in p.jobs], store=store, atol=atol, rtol=rtol)
        why = hint(outcome.error, root) if isinstance(outcome, Failed) else None
        if isinstance(outcome, Failed) and why:
            outcome = Failed(outcome.run_id, f"{outcome.error}\nhint: {why}", outcome.unit)
        _say(report.outcome_text(outcome))
        outcomes.append(outcome)
    return outcomes


def _finish(
    as_json: bool, plans: list[dict[str, Any]], outcomes: Sequence[Outcome], left_out: list[str], dry_run: bool
) -> int:
    code = EXIT_OK if all(o.ok for o in outcomes) else EXIT_PARTIAL
    if as_json:
        print(json.dumps({
            "plans": plans,
            "outcomes": [o.to_json() for o in outcomes],
            "left_out": left_out,
            "dry_run": dry_run,
        }, default=str))
    return code


__all__ = ["HELP", "add_arguments", "replay", "run"]
