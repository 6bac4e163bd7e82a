"""Benchmark of the loop instrumentation pass (what `florc run` does to a script before running
it, and what each replay work unit does): milliseconds per script on synthetic training scripts
of 100 to 1,500 lines, in record and replay mode, cold (parse, analyse, rewrite) and cached (a
read of the content-addressed cache under the store), with libcst's bare parse of the same
script measured alongside as the yardstick (the pass used to be built on libcst).

    python benchmarks/instrument.py [--repeat N] [--no-doc]

Medians of N runs per (size, mode), the variants of one size measured in alternation so that the
machine's load affects all of them alike. Rewrites the instrumentation section of
docs/benchmarks.md unless --no-doc.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import command_line, write_section  # noqa: E402
from _scripts import synthetic_block, synthetic_function  # noqa: E402

SIZES = (100, 500, 1000, 1500)

_PRELUDE = '''"""Synthetic training script for the instrumentation benchmark."""
import argparse
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import florc as flor

'''

_TRAIN = '''def train_epoch(model, loader, optimizer, device, log_every=10):
    model.train()
    total, seen = 0.0, 0
    for step, (x, y) in enumerate(flor.loop("step", loader)):
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        out = model(x)
        loss = F.cross_entropy(out, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item()
        seen += 1
        if step % log_every == 0:
            flor.log("loss", loss.item())
    return total / max(seen, 1)


def evaluate(model, loader, device):
    model.eval()
    correct, count = 0, 0
    with torch.no_grad():
        for x, y in loader:
            pred = model(x.to(device)).argmax(dim=1)
            correct += (pred == y.to(device)).sum().item()
            count += len(y)
    return correct / max(count, 1)


def make_loaders(args):
    xs = torch.randn(args.n, 32)
    ys = torch.randint(0, 10, (args.n,))
    data = list(zip(xs.split(args.batch), ys.split(args.batch)))
    return data[: len(data) * 4 // 5], data[len(data) * 4 // 5 :]


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--n", type=int, default=1024)
    return parser.parse_args()


def main():
    args = parse_args()
    device = torch.device("cpu")
    model = {model}(32).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=flor.arg("lr", 0.01))
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.9)
    loader, val_loader = make_loaders(args)
    best = 0.0
    history = []
    for epoch in flor.loop("epoch", range(args.epochs)):
        loss = train_epoch(model, loader, optimizer, device)
        for group in optimizer.param_groups:
            group["weight_decay"] = 1e-4 * (epoch + 1)
        acc = evaluate(model, val_loader, device)
        scheduler.step()
        history.append((loss, acc))
        if acc > best:
            best = acc
        flor.log("acc", acc)
    flor.log("best", best)


if __name__ == "__main__":
    main()
'''


def training_script(n_lines: int, seed: int = 0) -> str:
    """A training script of about ``n_lines`` lines: helpers and model blocks, a train_epoch
    with a ``flor.loop`` over batches (a call block of the main loop), an evaluation loop, and
    a main ``flor.loop`` over epochs. The same (size, seed) always gives the same text."""
    rng = random.Random(seed)
    tail = _TRAIN.count("\n")
    out = _PRELUDE.splitlines()
    k = 0
    while len(out) < n_lines - tail:
        k += 1
        out += synthetic_function(rng, rng, k) if rng.random() < 0.5 else synthetic_block(rng, rng, k)
    blocks = [i for i in range(1, k + 1) if any(line.startswith(f"class Block{i}(") for line in out)]
    model = f"Block{blocks[-1]}" if blocks else "nn.Linear"
    return "\n".join(out) + "\n" + _TRAIN.replace("{model}", model)


def _median_ms(samples: list[float]) -> float:
    return 1000 * statistics.median(samples)


def measure(repeat: int) -> list[dict[str, float]]:
    import libcst

    from florc.instrument import ReplayDirectives, analyze, instrument_record, instrument_replay
    from florc.instrument.cache import InstrumentCache
    from florc.instrument.execute import compile_recorded

    rows = []
    for size in SIZES:
        source = training_script(size)
        lines = source.count("\n")
        analysis = analyze(source, "train.py")
        directives = ReplayDirectives(
            skip=frozenset(f.address for f in analysis.loops if f.role == "nested"),
            select=frozenset(f.address for f in analysis.main_loops),
        )
        with tempfile.TemporaryDirectory() as tmp:
            cache = InstrumentCache(Path(tmp))
            cache.record(source, "train.py")
            cache.replay(source, "train.py", directives)
            nothing = InstrumentCache(None)
            calls = (
                ("parse", lambda: libcst.parse_module(source)),
                ("record", lambda: instrument_record(source, "train.py")),
                ("replay", lambda: instrument_replay(source, "train.py", directives)),
                ("record_cached", lambda: cache.record(source, "train.py")),
                ("replay_cached", lambda: cache.replay(source, "train.py", directives)),
                ("python_compile", lambda: compile(source, "train.py", "exec", dont_inherit=True)),
                ("run_cold", lambda: compile_recorded(source, "train.py", "train.py", nothing)),
                ("run_cached", lambda: compile_recorded(source, "train.py", "train.py", cache)),
            )
            samples: dict[str, list[float]] = {k: [] for k, _ in calls}
            for _ in range(repeat):
                for key, fn in calls:
                    start = time.perf_counter()
                    fn()
                    samples[key].append(time.perf_counter() - start)
        row = {"lines": float(lines), **{k: _median_ms(v) for k, v in samples.items()}}
        rows.append(row)
        print(f"{lines:>5} lines: libcst parse {row['parse']:7.1f} ms | record {row['record']:6.1f} ms "
              f"(cached {row['record_cached']:5.2f}) | replay {row['replay']:6.1f} ms (cached {row['replay_cached']:5.2f}) "
              f"| compile: python {row['python_compile']:5.1f}, florc run {row['run_cold']:5.1f} "
              f"(cached {row['run_cached']:5.1f})", flush=True)
    return rows


def section(rows: list[dict[str, float]], repeat: int) -> str:
    out = [
        "## Loop instrumentation",
        "",
        "What `florc run` does to a script before running it (record mode: checkpoint calls at loop "
        "ends) and what a replay does once per work unit (replay mode: guards around the loops it "
        "may skip). Synthetic training scripts (helpers, model classes, a `train_epoch` with a "
        "`flor.loop` over batches called from the main `flor.loop` over epochs, an evaluation "
        f"loop); median of {repeat} runs per cell, all variants of a size measured in alternation. "
        "*Cold* is the whole `instrument_record` / `instrument_replay` call (parse, analysis, "
        "rewrite); *cached* is `InstrumentCache.record` / `.replay` finding the result under the "
        "store (a file read and a JSON decode). The libcst parse of the same script is the "
        "yardstick: the pass was built on libcst before and took 1.8 s on a 974-line file.",
        "",
        f"Command: `{command_line()}`",
        "",
        "| lines | libcst parse (ms) | record cold (ms) | record cached (ms) | replay cold (ms) | replay cached (ms) | record cold / libcst parse | replay cold / libcst parse |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {int(r['lines']):,} | {r['parse']:.1f} | {r['record']:.1f} | {r['record_cached']:.2f} | "
            f"{r['replay']:.1f} | {r['replay_cached']:.2f} | {r['record'] / r['parse']:.2f} | {r['replay'] / r['parse']:.2f} |"
        )
    out += [
        "",
        "What `florc run` compiles, end to end (`execute.compile_recorded`: instrumentation, then the "
        "script's tree with the inserted statements compiled), against what `python SCRIPT` does "
        "(`compile()` of the text): cold is a script run for the first time, cached a script run "
        "again.",
        "",
        "| lines | python compile (ms) | florc run compile, cold (ms) | florc run compile, cached (ms) | cached / python |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {int(r['lines']):,} | {r['python_compile']:.1f} | {r['run_cold']:.1f} | {r['run_cached']:.1f} | "
            f"{r['run_cached'] / r['python_compile']:.2f} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/benchmarks.md")
    ns = parser.parse_args(argv)
    rows = measure(ns.repeat)
    if not ns.no_doc:
        write_section("instrument", section(rows, ns.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
