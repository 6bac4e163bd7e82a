"""The embedded example behind ``florc demo``: 3 versions of a small PyTorch CPU training
script in a git repository of its own, each recorded, then queried; then two hindsight
statements added to the newest version, backfilled by replaying its run, and propagated into
the older versions."""

from __future__ import annotations

import tempfile
from pathlib import Path

from florc.demo.steps import STEPS, Demo


def main(directory: str | Path | None = None) -> int:
    """Run every demo step in ``directory`` (default: a new temporary directory); exit code.

    >>> main("/tmp/florc-demo-doc")  # doctest: +SKIP
    0
    """
    root = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="florc-demo-"))
    demo = Demo(root=root.resolve())
    for step in STEPS:
        step(demo)
    print(f"\nThe example project stays in {demo.root} (git log, .flor/ and `florc runs` there).")
    return 0


__all__ = ["Demo", "STEPS", "main"]
