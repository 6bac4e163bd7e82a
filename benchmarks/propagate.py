"""Benchmarks of log-statement propagation: accuracy on a corpus, and speed.

    python benchmarks/propagate.py accuracy CORPUS [--out DIR] [--quiet]
        Runs florc on every (case, probe, older version) of a corpus in the dev-corpus format
        (CORPUS/<case>/vNN.py, CORPUS/<case>/probes/<probe>/now.py + expect.json), writes
        DIR/<case>/<probe>/vNN.py or vNN.skip, and scores DIR with the corpus's own check.py.
    python benchmarks/propagate.py speed [--repeat N]
        Milliseconds per (file, version) on synthetic training scripts of 100 to 1,500 lines.
    python benchmarks/propagate.py mutations CORPUS [FILES...] [--per-file N]
        Robustness: a probe after random assignments of every file, old versions made by
        controlled edits (renames, deletions, insertions, reformatting, main()), exact-match rate.
    python benchmarks/propagate.py history [--commits N]
        Wall time of `florc propagate` over a synthetic git history of N commits (default 500).
    python benchmarks/propagate.py [--corpus CORPUS]     (or: all [CORPUS])
        All three (accuracy only with a corpus), then the propagation section of
        docs/benchmarks.md is rewritten (as `make bench` does through run_all.py).

Nothing here reads the corpus from a fixed path: CORPUS is an argument, so the same script
scores a held-out corpus of the same format, such as the real-history evaluation that
benchmarks/_realhist.py rebuilds outside the repository (its numbers are kept as recorded in
docs/benchmarks.md).
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

from _scripts import synthetic_block, synthetic_function

from florc.propagate import prepare, propagate_version
from florc.syntax.parse import Unparseable


# -- accuracy ----------------------------------------------------------------------------------


def accuracy(corpus: Path, out: Path, quiet: bool, chain: bool = False) -> int:
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
        current = new
        for version in sorted(expect["versions"], reverse=True):
            old_source = (case_dir / f"{version}.py").read_bytes()
            start = time.perf_counter()
            result = propagate_version(current if chain else new, old_source, path=f"{version}.py")
            timings.append(time.perf_counter() - start)
            if chain and result.status == "propagated" and result.code is not None:
                prepared = prepare(result.code)
                if not isinstance(prepared, Unparseable):
                    current = prepared
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
    ACCURACY_REPORT.append(proc.stdout)
    return proc.returncode


ACCURACY_REPORT: list[str] = []


# -- synthetic training scripts -------------------------------------------------------------


def synthetic_script(n_lines: int, seed: int, version: int) -> str:
    """A training script of about ``n_lines`` lines; ``version`` changes it the way commits do:
    renamed locals, edited constants, statements added and removed, the loop moved into main().
    The same (seed, version) always gives the same text."""
    import random

    rng = random.Random(seed)
    vr = random.Random(seed * 1000 + version)
    out = ['"""Synthetic training script for benchmarks."""', "import argparse", "import math", "",
           "import numpy as np", "import torch", "import torch.nn as nn", "import torch.nn.functional as F", ""]
    k = 0
    while len(out) < n_lines - 40:
        k += 1
        kind = rng.random()
        if kind < 0.5:
            out += synthetic_block(rng, vr, k, version)
        else:
            out += synthetic_function(rng, vr, k, version)
    loop = [
        "for epoch in range(args.epochs):",
        "    model.train()",
        "    total = 0.0",
        "    for step, (x, y) in enumerate(loader):",
        "        x, y = x.to(device), y.to(device)",
        "        out = model(x)",
        "        loss = F.cross_entropy(out, y)" if version % 3 else "        loss = criterion(out, y)",
        "        optimizer.zero_grad()",
        "        loss.backward()",
        "        optimizer.step()",
        "        total += loss.item()",
        "    val = evaluate(model, val_loader)" if version > 0 else "    val = 0.0",
        "    print(f'epoch {epoch} loss {total:.3f} val {val:.3f}')",
    ]
    setup = ["args = parse_args()", "device = torch.device('cpu')",
             f"model = Block{max(1, k // 2)}(32).to(device)" if version > 1 else f"model = Block{max(1, k // 2)}(32)",
             "optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)",
             "loader, val_loader = make_loaders(args)"]
    if version >= 2:
        out += ["", "def main():"] + ["    " + line if line else "" for line in setup + loop]
        out += ["", "", 'if __name__ == "__main__":', "    main()"]
    else:
        out += [""] + setup + loop
    return "\n".join(out) + "\n"


def with_probe(source: str) -> str:
    """The newest version with a log statement after the backward pass and `import flor`."""
    lines = source.splitlines(keepends=True)
    out: list[str] = []
    for line in lines:
        out.append(line)
        if line.strip() == "import argparse":
            out.append("import flor\n")
        if line.strip() == "loss.backward()":
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}flor.log('loss', loss.item())\n")
    return "".join(out)


SPEED_ROWS: list[tuple[int, int, float, float]] = []
HISTORY_LINE: list[str] = []


def speed(repeat: int) -> None:
    sizes = (100, 250, 500, 750, 1000, 1250, 1500)
    print(f"{'lines':>6} {'versions':>8} {'CPU ms/(file, version)':>23} {'wall ms':>8} {'placed':>7}")
    all_cpu: list[float] = []
    for size in sizes:
        cpu: list[float] = []
        wall: list[float] = []
        placed = 0
        for seed in range(repeat):
            newest = with_probe(synthetic_script(size, seed, 4))
            olds = [synthetic_script(size, seed, v) for v in range(4)]
            new = prepare(newest)
            assert not isinstance(new, Unparseable)
            for old in olds:
                start, start_cpu = time.perf_counter(), time.process_time()
                result = propagate_version(new, old)
                cpu.append(time.process_time() - start_cpu)
                wall.append(time.perf_counter() - start)
                placed += result.status == "propagated"
        all_cpu.extend(cpu)
        SPEED_ROWS.append((size, len(cpu), 1000 * statistics.mean(cpu), 1000 * statistics.mean(wall)))
        print(f"{size:>6} {len(cpu):>8} {1000 * statistics.mean(cpu):>23.1f} {1000 * statistics.mean(wall):>8.1f} "
              f"{placed:>7}")
    print(f"mean over all sizes: {1000 * statistics.mean(all_cpu):.1f} ms CPU per (file, version)")


def _evolve(text: str, rng: object) -> str:
    """One small commit's worth of change: a constant edited, a statement added or removed."""
    import ast
    import random
    import re

    assert isinstance(rng, random.Random)
    lines = text.splitlines(keepends=True)
    for _attempt in range(20):
        index = rng.randrange(len(lines))
        line = lines[index]
        stripped = line.strip()
        if not stripped or stripped.endswith(":") or stripped.startswith(("return", "@", "#", "def", "class")):
            continue
        if stripped in ("loss.backward()", "import argparse"):
            continue  # the anchors of the benchmark's log statement
        indent = line[: len(line) - len(line.lstrip())]
        choice = rng.random()
        if choice < 0.5 and re.search(r"\d", line):
            m = list(re.finditer(r"(?<![\w.])\d+(?![\w.])", line))
            if not m:
                continue
            hit = rng.choice(m)
            candidate = lines[:index] + [line[: hit.start()] + str(int(hit.group()) + 1) + line[hit.end():]] + lines[index + 1:]
        elif choice < 0.8:
            candidate = lines[: index + 1] + [f"{indent}debug_{rng.randrange(10**6)} = {rng.randrange(100)}\n"] + lines[index + 1:]
        else:
            candidate = lines[:index] + lines[index + 1:]
        try:
            ast.parse("".join(candidate))
        except SyntaxError:
            continue
        return "".join(candidate)
    return text


def history(commits: int) -> None:
    import random

    import pygit2

    from florc.commands.propagate import propagate_range

    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="florc-history-") as tmp:
        root = Path(tmp) / "proj"
        repo = pygit2.init_repository(str(root), initial_head="main")
        text = synthetic_script(400, 3, 0)
        parents: list[pygit2.Oid] = []
        distinct = set()
        for k in range(commits):
            if k and rng.random() < 0.6:  # most commits touch the script, some only other files
                text = _evolve(text, rng)
            if k == commits // 2:
                text = synthetic_script(400, 3, 2)  # a refactor: the loop moves into main()
            distinct.add(text)
            index = pygit2.Index()
            index.add(pygit2.IndexEntry("train.py", repo.create_blob(text.encode()), pygit2.enums.FileMode.BLOB))
            index.add(pygit2.IndexEntry("NOTES", repo.create_blob(f"{k}\n".encode()), pygit2.enums.FileMode.BLOB))
            sig = pygit2.Signature("bench", "bench@example.invalid", 1_700_000_000 + 60 * k, 0)
            parents = [repo.create_commit("HEAD", sig, sig, f"commit {k}", index.write_tree(repo), parents)]
        (root / "train.py").write_text(with_probe(text))
        cwd = os.getcwd()
        os.chdir(root)
        saved = sys.stdout
        try:
            sys.stdout = open(os.devnull, "w")
            start = time.perf_counter()
            cpu = time.process_time()
            code = propagate_range(revrange="HEAD", script="train.py")
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        finally:
            sys.stdout.close()
            sys.stdout = saved
            os.chdir(cwd)
        line = (f"{commits} commits ({len(distinct)} distinct versions of a ~400-line script): "
                f"florc propagate HEAD took {wall:.2f} s wall, {cpu:.2f} s CPU, exit {code}")
        HISTORY_LINE.append(line)
        print(line)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path, Path(__file__).resolve().parent.parent)
    except ValueError:
        return str(path)


def write_docs(corpus: Path | None) -> None:
    """The propagation section of docs/benchmarks.md, from the numbers just measured."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import write_section

    lines = ["## Log-statement propagation", ""]
    lines += ["Speed: synthetic training scripts (helpers, model classes, a training loop), the newest "
              "version with a `flor.log` after the backward pass propagated into 4 older versions of "
              "each of 3 seeds per size; time per (file, version), parse of the old version "
              "included, the newest version analysed once per history as `florc propagate` does. "
              "CPU time of the process is the primary number: the machine is shared, and wall time "
              "there includes waiting for a core.", "",
              "Command: `.venv/bin/python benchmarks/propagate.py speed --repeat 3`", "",
              "| lines | (file, version) pairs | mean CPU ms | mean wall ms |", "|---|---|---|---|"]
    for size, n, mean, wall in SPEED_ROWS:
        lines.append(f"| {size} | {n} | {mean:.1f} | {wall:.1f} |")
    if SPEED_ROWS:
        overall = sum(r[1] * r[2] for r in SPEED_ROWS) / sum(r[1] for r in SPEED_ROWS)
        overall_wall = sum(r[1] * r[3] for r in SPEED_ROWS) / sum(r[1] for r in SPEED_ROWS)
        lines += ["", f"Mean over all sizes: **{overall:.1f} ms CPU ({overall_wall:.1f} ms wall) per "
                  "(file, version)** (FlorDB 4.0.1: about 3 s)."]
    if HISTORY_LINE:
        lines += ["", "History: a 500-commit first-parent history built with pygit2 (small edits in "
                  "most commits, a refactor into `main()` halfway), cold cache.", "",
                  "Command: `.venv/bin/python benchmarks/propagate.py history --commits 500`", "",
                  HISTORY_LINE[0] + "."]
    if corpus is not None and ACCURACY_REPORT:
        totals = [line.strip() for line in ACCURACY_REPORT[0].splitlines() if line.startswith("  ")]
        failures = [line for line in ACCURACY_REPORT[0].splitlines()
                    if line.rstrip().endswith(("FAIL",)) or " FAIL " in line]
        lines += ["", f"Accuracy on the development corpus (`{corpus.name}`: 7 synthetic histories, "
                  "208 (statement, version) pairs), scored by the corpus's own `check.py`.", "",
                  f"Command: `.venv/bin/python benchmarks/propagate.py accuracy {_shown(corpus)}`", "",
                  "| case | passed |", "|---|---|"]
        for t in totals:
            name, _, score = t.rpartition(" ")
            lines.append(f"| {name.strip()} | {score} |")
        accuracy_line = next((line for line in ACCURACY_REPORT[0].splitlines() if line.startswith("accuracy:")), "")
        lines += ["", f"**{accuracy_line}** (naive exact-text baseline: 79/208)."]
        if MUTATION_LINES:
            lines += ["", "Mutation study (robustness on random anchors, not an accuracy figure: see "
                      "`benchmarks/_propagate_mutations.py`): every version of the corpus and of "
                      "tests/histories, 15 random one-line assignments each, probe after it, old "
                      "version made by controlled edits.", "",
                      f"Command: `.venv/bin/python benchmarks/propagate.py mutations {_shown(corpus)} "
                      "tests/histories/*/v*.py`", ""]
            lines += [f"- {line}" for line in MUTATION_LINES]
        lines += ["", "What still fails on the development corpus:", ""]
        if failures:
            lines += ["| pair | reason |", "|---|---|"]
            for f in failures:
                parts = f.split()
                lines.append(f"| {' '.join(parts[:3])} | {' '.join(parts[9:])} |")
        else:
            lines.append("nothing; see docs/design/alignment.md for the failure modes known from "
                         "other inputs (and the mutation study there).")
    lines += ["", *real_histories()]
    write_section("propagate", "\n".join(lines) + "\n")


# The real-history evaluation is not in the repository (it is other projects' code): it is
# rebuilt with benchmarks/_realhist.py and scored by hand, so its subsection of the propagation
# section is kept as recorded in docs/benchmarks.md when the section is rewritten.
REAL_HISTORIES = [
    "### Real histories",
    "",
    "Not recorded: rebuild the evaluation with `benchmarks/_realhist.py OUT --tools "
    "../shared/corpus/propagation` and score it with `.venv/bin/python benchmarks/propagate.py "
    "accuracy OUT`.",
]


def real_histories() -> list[str]:
    """The recorded "Real histories" subsection of docs/benchmarks.md (without the section's
    measurement stamp), or a note on how to produce it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import DOC

    text = DOC.read_text() if DOC.exists() else ""
    begin, end = text.find("<!-- BEGIN propagate -->"), text.find("<!-- END propagate -->")
    head = text.find("### Real histories", begin) if begin >= 0 else -1
    if head < 0 or end < 0 or head > end:
        return list(REAL_HISTORIES)
    lines = text[head:end].rstrip().splitlines()
    while lines and (not lines[-1].strip() or lines[-1].startswith("_Measured ")):
        lines.pop()
    return lines


MUTATION_LINES: list[str] = []
MUTATION_KINDS = ("rename,delete,insert,edit", "reformat,rename,delete,insert", "rename,insert,wrap")


def mutations(corpus: Path, extra: list[Path], per_file: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _propagate_mutations import run

    files = sorted(str(p) for p in corpus.glob("*/v*.py")) + [str(p) for p in extra]
    for kinds in MUTATION_KINDS:
        stats = run(files, per_file, kinds.split(","))
        total = sum(stats.values())
        line = (f"{kinds}: {stats.get('ok', 0)}/{total} exact, {stats.get('declined', 0)} declined, "
                f"{stats.get('wrong', 0)} wrong")
        MUTATION_LINES.append(line)
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=None,
                        help="without a subcommand: run everything (accuracy on this corpus too) and "
                             "write the propagation section of docs/benchmarks.md")
    sub = parser.add_subparsers(dest="what", required=False)
    acc = sub.add_parser("accuracy")
    acc.add_argument("corpus", type=Path)
    acc.add_argument("--out", type=Path, default=None)
    acc.add_argument("--quiet", action="store_true")
    acc.add_argument("--chain", action="store_true",
                     help="propagate version by version (newest to oldest), as `florc propagate` does")
    spd = sub.add_parser("speed")
    spd.add_argument("--repeat", type=int, default=3)
    mut = sub.add_parser("mutations")
    mut.add_argument("corpus", type=Path)
    mut.add_argument("extra", type=Path, nargs="*", help="more files to mutate")
    mut.add_argument("--per-file", type=int, default=15)
    his = sub.add_parser("history")
    his.add_argument("--commits", type=int, default=500)
    every = sub.add_parser("all")
    every.add_argument("corpus", type=Path, nargs="?")
    args = parser.parse_args(argv)
    if args.what == "speed":
        speed(args.repeat)
        return 0
    if args.what == "history":
        history(args.commits)
        return 0
    if args.what == "mutations":
        mutations(args.corpus.resolve(), args.extra, args.per_file)
        return 0
    if args.what in ("all", None):
        corpus = args.corpus.resolve() if args.corpus else None
        speed(3)
        history(500)
        code = 0
        if corpus is not None:
            code = accuracy(corpus, Path(tempfile.mkdtemp(prefix="florc-accuracy-")), True)
            extra = sorted(Path(__file__).resolve().parent.parent.glob("tests/histories/*/v*.py"))
            mutations(corpus, extra, 15)
        write_docs(corpus)
        return code
    if args.what == "accuracy":
        out = args.out or Path(tempfile.mkdtemp(prefix="florc-accuracy-"))
        return accuracy(args.corpus.resolve(), out, args.quiet, args.chain)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
