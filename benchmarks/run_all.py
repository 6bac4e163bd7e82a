"""Run every benchmark in this directory (``make bench``); each writes its own section of
docs/benchmarks.md. ``--corpus`` is passed to the propagation benchmark."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None, help="propagation corpus, for propagate.py")
    parser.add_argument("--only", nargs="*", default=None, help="benchmark names to run (default: all)")
    ns = parser.parse_args(argv)
    failed = []
    for script in sorted(HERE.glob("*.py")):
        if script.name.startswith("_") or script.name == Path(__file__).name:
            continue
        if ns.only and script.stem not in ns.only:
            continue
        cmd = [sys.executable, str(script)]
        if script.stem == "propagate" and ns.corpus:
            cmd += ["--corpus", ns.corpus]
        print(f"== {script.name}", flush=True)
        if subprocess.run(cmd).returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
