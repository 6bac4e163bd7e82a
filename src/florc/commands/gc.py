"""`florc gc [--keep-last N] [--dry-run] [--json]`: tidy the store (see ``florc.store.gc``).

Merges the parts of runs that ended or were killed and of published replays, removes what
interrupted writes, merges and replays left behind, and with ``--keep-last N`` removes the
checkpoint files of all but the N most recent runs of each script (their logs stay). Prints one
summary line; ``--dry-run`` lists each step first and does nothing. Exit codes: 0 done; 1 no
store or bad input; 3 some step failed (listed on stderr, and in ``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from florc.errors import EXIT_OK, EXIT_PARTIAL, UsageError, UserError

if TYPE_CHECKING:
    from florc.store.gc import GcReport

HELP = "merge the parts of finished runs and remove leftovers; --keep-last N prunes old checkpoints"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--keep-last", type=int, metavar="N", default=None,
                        help="keep checkpoint files only for the N most recent runs of each script (logs are kept)")
    parser.add_argument("--dry-run", action="store_true", help="list what would be done and do nothing")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--store", default=None, help="store directory (default: .flor/ of this project)")


def run(args: argparse.Namespace) -> int:
    if args.keep_last is not None and args.keep_last < 0:
        raise UsageError(f"--keep-last must be 0 or more, not {args.keep_last}")
    return gc(keep_last=args.keep_last, dry_run=args.dry_run, as_json=args.json, store=args.store)


def gc(*, keep_last: int | None = None, dry_run: bool = False, as_json: bool = False, store: str | None = None) -> int:
    from florc.store.gc import gc as collect

    report = collect(_store(store), keep_last=keep_last, dry_run=dry_run)
    for note in report.notes:
        print(f"florc: note: {note}", file=sys.stderr)
    for failure in report.failed:
        print(f"florc: gc: {failure.what}: {failure.error}", file=sys.stderr)
    if as_json:
        print(json.dumps(report.to_json(), indent=1))
    else:
        if dry_run:
            for line in plan_lines(report):
                print(line)
        print(summary(report))
    return EXIT_PARTIAL if report.failed else EXIT_OK


def _store(store: str | None) -> Path:
    from florc.store import STORE_DIRNAME, locate_store

    if store is None:
        path = locate_store(create=False)
    else:
        given = Path(store)
        path = given / STORE_DIRNAME if (given / STORE_DIRNAME).is_dir() else given
    if not path.is_dir():
        raise UserError(f"no florc store at {path}: nothing has been recorded here")
    return path


def size(n: int) -> str:
    """``1536`` -> ``1.5 kB``."""
    value = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if abs(value) < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def plan_lines(report: GcReport) -> list[str]:
    lines = []
    for m in report.merges:
        tables = ", ".join(f"{t} {n}" for t, n in m.tables)
        lines.append(f"merge   {m.writer}: {tables} part(s), {size(m.bytes)}")
    for p in report.pruned:
        lines.append(f"prune   {p.run_id} ({p.script}): checkpoint files of {p.checkpoints} checkpoint(s)")
    for r in report.removed:
        lines.append(f"remove  {r.path} ({r.kind}, {size(r.bytes)})")
    return lines


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary(report: GcReport) -> str:
    if not (report.parts_merged or report.removed or report.pruned):
        return "florc gc: nothing to do"
    merged = report.merges if report.dry_run else report.merged
    said = []
    if merged:
        said.append(
            f"{'would merge' if report.dry_run else 'merged'} {_count(report.parts_merged, 'part')} of "
            f"{_count(len(merged), 'writer')} into {_count(report.files_merged_into, 'file')}"
        )
    if report.removed:
        kinds: dict[str, int] = {}
        for r in report.removed:
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        detail = ", ".join(_count(n, f"{kind} file") if kind != "staging" else _count(n, "staging directory", "staging directories")
                           for kind, n in sorted(kinds.items()))
        said.append(f"{'would remove' if report.dry_run else 'removed'} {_count(len(report.removed), 'item')} ({detail})")
    if report.pruned:
        said.append(f"{'would prune' if report.dry_run else 'pruned'} the checkpoint files of {_count(len(report.pruned), 'run')}")
    freed = f"; {'would free' if report.dry_run else 'freed'} {size(report.bytes_freed)}"
    return "florc gc: " + "; ".join(said) + freed


__all__ = ["HELP", "add_arguments", "gc", "plan_lines", "run", "size", "summary"]
