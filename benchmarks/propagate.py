"""Benchmarks of log-statement propagation: accuracy on a corpus, and speed.

    python benchmarks/propagate.py accuracy CORPUS [--out DIR] [--quiet]
        Runs florc on every (case, probe, older version) of a corpus in the dev-corpus format
        (CORPUS/<case>/vNN.py, CORPUS/<case>/probes/<probe>/now.py + expect.json), writes
        DIR/<case>/<probe>/vNN.py or vNN.skip, and scores DIR with the corpus's own check.py.
    python benchmarks/propagate.py speed [--repeat N]
        Milliseconds per (file, version) on synthetic training scripts of 100 to 1,500 lines.
    python benchmarks/propagate.py history [--commits N]
        Wall time of `florc propagate` over a synthetic git history of N commits (default 500).
    python benchmarks/propagate.py all CORPUS
        All three.

Nothing here reads the corpus from a fixed path: CORPUS is an argument, so the same script
scores a held-out corpus of the same format.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from florc.propagate import prepare, propagate_version
from florc.syntax.parse import Unparseable


# -- accuracy ----------------------------------------------------------------------------------


def accuracy(corpus: Path, out: Path, quiet: bool) -> int:
    if out.exists():
        shutil.rmtree(out)
    timings: list[float] = []
    for expect_path in sorted(corpus.glob("*/probes/*/expect.json")):
        probe_dir = expect_path.parent
        case_dir = probe_dir.parent.parent
        expect = json.loads(expect_path.read_text())
        new_source = (probe_dir / "now.py").read_bytes()
        new = prepare(new_source)
        if isinstance(new, Unparseable):
            print(f"{probe_dir}: newest version does not parse: {new}", file=sys.stderr)
            continue
        target = out / case_dir.name / probe_dir.name
        target.mkdir(parents=True, exist_ok=True)
        for version in sorted(expect["versions"]):
            old_source = (case_dir / f"{version}.py").read_bytes()
            start = time.perf_counter()
            result = propagate_version(new, old_source, path=f"{version}.py")
            timings.append(time.perf_counter() - start)
            if result.status == "propagated" and result.code is not None:
                (target / f"{version}.py").write_text(result.code, newline="")
            else:
                reasons = "; ".join(s.reason for s in result.declined) or result.status
                (target / f"{version}.skip").write_text(reasons + "\n")
    args = [sys.executable, str(corpus / "check.py"), str(out), "--root", str(corpus)]
    if quiet:
        args.append("--quiet")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(args, capture_output=True, text=True, env=env)
    print(proc.stdout, end="")
    print(proc.stderr, end="", file=sys.stderr)
    if timings:
        print(f"time per (file, version): mean {1000 * statistics.mean(timings):.1f} ms, "
              f"max {1000 * max(timings):.1f} ms over {len(timings)} pairs")
    return proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    acc = sub.add_parser("accuracy")
    acc.add_argument("corpus", type=Path)
    acc.add_argument("--out", type=Path, default=None)
    acc.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.what == "accuracy":
        out = args.out or Path(tempfile.mkdtemp(prefix="florc-accuracy-"))
        return accuracy(args.corpus.resolve(), out, args.quiet)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
