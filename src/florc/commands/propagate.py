"""`florc propagate`: put today's flor.log statements into older versions of a script.

History mode: ``florc propagate A..B [--script PATH] [--out DIR] [--explain] [--json]`` reads
every first-parent commit of the range (oldest first, following renames of the script) from git
objects, propagates the newest version's log statements (the working-tree file by default) into
each, caches the results under ``.flor/propagated/`` (or writes them to ``--out``) and prints one
row per commit. File mode: ``florc propagate --source NEW.py --target OLD.py [-o OUT.py]``.

Nothing here writes to the working tree, the index, HEAD or any ref. Exit codes: 0 when every
statement found its place (or was already there), 3 when some version declined a statement or
failed, 1 for user errors, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from florc.errors import EXIT_OK, EXIT_PARTIAL, Position, UsageError, UserError

HELP = "propagate the newest version's flor.log statements into older versions of a script"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("range", nargs="?", help="commit range, e.g. HEAD~20..HEAD, v1.0.., or one revision")
    parser.add_argument("--script", help="the training script, relative to the repository root")
    parser.add_argument("--newest", default="worktree",
                        help="where the newest version comes from: 'worktree' (default) or a revision")
    parser.add_argument("--out", help="write propagated files to DIR/<commit>/<path> instead of the cache")
    parser.add_argument("--explain", action="store_true", help="print the plan of each version")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--source", help="file mode: the newest version (with the log statements)")
    parser.add_argument("--target", help="file mode: the old version to propagate into")
    parser.add_argument("-o", "--output", help="file mode: where to write the result (default: stdout)")


def run(args: argparse.Namespace) -> int:
    if args.source or args.target:
        if not (args.source and args.target):
            raise UsageError("file mode needs both --source and --target")
        if args.range:
            raise UsageError("give either a commit range or --source/--target, not both")
        return propagate_files(source=args.source, target=args.target, output=args.output,
                               as_json=args.json, explain=args.explain)
    if not args.range:
        raise UsageError("a commit range is required (or --source NEW.py --target OLD.py)")
    if args.output:
        raise UsageError("-o/--output is for file mode; use --out DIR with a commit range")
    return propagate_range(revrange=args.range, script=args.script, newest=args.newest, out=args.out,
                           explain=args.explain, as_json=args.json)


# -- file mode ---------------------------------------------------------------------------------


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc


def propagate_files(*, source: str, target: str, output: str | None = None, as_json: bool = False,
                    explain: bool = False) -> int:
    from florc.propagate import prepare, propagate_version
    from florc.syntax.parse import Unparseable

    new = prepare(_read(source))
    if isinstance(new, Unparseable):
        raise UserError(f"the newest version does not parse: {new.reason}",
                        Position(source, new.line, new.column))
    result = propagate_version(new, _read(target), path=target)
    if result.code is not None and output:
        try:
            Path(output).write_text(result.code, newline="")
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror or exc}") from exc
    if as_json:
        print(json.dumps(_result_json(result, target), indent=1))
    else:
        if result.code is not None and not output:
            sys.stdout.write(result.code)
        for line in _site_lines(result, target):
            print(line, file=sys.stderr)
        if explain and result.plan is not None:
            print(result.plan.explain(target), file=sys.stderr)
    return EXIT_OK if result.status in ("propagated", "unchanged") and not result.declined else EXIT_PARTIAL


def _site_lines(result: Any, path: str) -> list[str]:
    lines: list[str] = []
    for site in result.sites:
        if site.status == "placed":
            renamed = ", ".join(f"{a} -> {b}" for a, b in site.renames)
            lines.append(f"{path}:{site.old_line}: placed {site.key!r}" + (f" (renamed {renamed})" if renamed else ""))
        elif site.status == "declined":
            lines.append(f"{path}: declined {site.key!r}: {site.reason}")
    for d in result.diagnostics:
        if d.severity != "info":
            lines.append(d.format(path))
    return lines


# -- history mode ------------------------------------------------------------------------------


def propagate_range(*, revrange: str, script: str | None = None, newest: str = "worktree",
                    out: str | None = None, explain: bool = False, as_json: bool = False) -> int:
    from florc.git import blob_at, file_history, first_parent_commits, open_repo, read_blob
    from florc.propagate import prepare
    from florc.propagate.batch import OldVersion, propagate_versions
    from florc.propagate.cache import CACHE_DIRNAME, PropagationCache
    from florc.store.layout import store_dir
    from florc.syntax.parse import Unparseable

    repo = open_repo(Path.cwd())
    if repo.workdir is None and newest == "worktree":
        raise UserError("a bare repository has no working tree; pass --newest REV")
    root = Path(repo.workdir) if repo.workdir else Path(repo.path)
    path = _script_path(root, script)
    if newest == "worktree":
        new_source = _read(str(root / path))
        newest_label = f"{path} (working tree)"
    else:
        data = blob_at(repo, newest, path)
        if data is None:
            raise UserError(f"{path} does not exist at {newest}")
        new_source = data
        newest_label = f"{path} at {newest}"
    new = prepare(new_source)
    if isinstance(new, Unparseable):
        raise UserError(f"the newest version does not parse: {new.reason}", Position(path, new.line, new.column))
    if not new.sites:
        raise UserError(f"{newest_label} has no flor.log statement to propagate")

    commits = first_parent_commits(repo, revrange)
    history = file_history(repo, commits, path)
    versions = [OldVersion(v.commit.oid, v.path, read_blob(repo, v.blob) if v.blob else None) for v in history]
    cache = PropagationCache(store_dir(root) / CACHE_DIRNAME, new_source)
    outcomes = propagate_versions(new, versions, lookup=None if explain else cache.lookup, store=cache.store)

    rows: list[dict[str, Any]] = []
    partial = False
    for version, outcome in zip(history, outcomes):
        result = outcome.result
        written: str | None = None
        if result is not None and result.code is not None:
            if out:
                target = Path(out) / version.commit.short / version.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(result.code, newline="")
                written = str(target)
            else:
                written = str(cache.path_for(outcome.version.data or b""))
        if result is not None and (result.status == "failed" or result.declined):
            partial = True
        row: dict[str, Any] = {"commit": version.commit.oid, "short": version.commit.short, "summary": version.commit.summary,
               "path": version.path, "status": outcome.status, "output": written}
        if result is not None:
            row.update(_result_json(result, version.path))
        rows.append(row)

    if as_json:
        summary: dict[str, int] = {}
        for row in rows:
            summary[row["status"]] = summary.get(row["status"], 0) + 1
        print(json.dumps({"script": path, "newest": newest_label, "range": revrange, "versions": rows,
                          "summary": summary}, indent=1))
    else:
        _print_table(rows, newest_label)
        if explain:
            for version, outcome in zip(history, outcomes):
                if outcome.result is not None and outcome.result.plan is not None:
                    text = outcome.result.plan.explain(f"{version.commit.short}:{version.path}")
                    if text:
                        print(text)
    return EXIT_PARTIAL if partial else EXIT_OK


def _script_path(root: Path, script: str | None) -> str:
    if script:
        candidate = Path(script)
        absolute = candidate if candidate.is_absolute() else (Path.cwd() / candidate)
        try:
            return absolute.resolve().relative_to(root.resolve()).as_posix()
        except ValueError as exc:
            raise UserError(f"{script} is not inside the repository at {root}") from exc
    found = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py")
                   if ".flor" not in p.parts and ".git" not in p.parts and _logs_with_flor(p))
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError("no script with a flor.log statement found; pass --script PATH")
    raise UsageError("several scripts log with flor (" + ", ".join(found[:5]) + "); pass --script PATH")


def _logs_with_flor(path: Path) -> bool:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return False
    return ".log(" in text and any(m in text for m in ("florc", "flordb", "import flor"))


def _result_json(result: Any, path: str) -> dict[str, Any]:
    return {
        "status": result.status,
        "statements": [
            {"key": s.key, "status": s.status, "reason": s.reason, "newest_line": s.new_line,
             "line": s.old_line, "address": s.address, "renames": dict(s.renames)}
            for s in result.sites
        ],
        "diagnostics": [d.format(path) for d in result.diagnostics],
    }


def _print_table(rows: list[dict[str, Any]], newest_label: str) -> None:
    """One line per commit, nothing cut short: what was placed (with its renames), what was
    already there, what was declined and why."""
    print(f"newest: {newest_label}")
    print(f"{'commit':<10}  {'status':<10}  statements")
    for row in rows:
        print(f"{row['short']:<10}  {row['status']:<10}  {_describe(row)}")


def _describe(row: dict[str, Any]) -> str:
    statements = row.get("statements", [])
    parts = []
    for s in statements:
        if s["status"] == "placed":
            renames = ", ".join(f"{a} -> {b}" for a, b in s["renames"].items())
            parts.append(f"placed {s['key']}" + (f" ({renames})" if renames else ""))
        elif s["status"] == "declined":
            parts.append(f"declined {s['key']}: {s['reason']}")
    present = [s["key"] for s in statements if s["status"] == "present"]
    if present:
        parts.append("already there: " + ", ".join(present))
    if row["status"] in ("declined", "failed") and not any(s["status"] == "declined" for s in statements):
        parts.extend(row.get("diagnostics", []))
    return "; ".join(parts) or "-"


__all__ = ["HELP", "add_arguments", "propagate_files", "propagate_range", "run"]
