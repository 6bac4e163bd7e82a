"""The torch training script the record and replay benchmarks run, in its three guises (flor
calls stubbed out, florc, flordb), and the timing of one process."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

# An MLP on synthetic data, one compute thread: its inner loop over batches is nearly all of an
# epoch, as in real training. `LOOP` is the training loop's wall time, printed for the caller.
SCRIPT = """\
import time
import torch
{import_line}

torch.set_num_threads(1)
torch.manual_seed(0)
epochs = flor.arg("epochs", {epochs})
lr = flor.arg("lr", 0.01)
X = torch.randn(20000, 64)
y = (X[:, :8].sum(dim=1, keepdim=True) > 0).float()
model = torch.nn.Sequential(torch.nn.Linear(64, {width}), torch.nn.ReLU(), torch.nn.Linear({width}, {width}),
                            torch.nn.ReLU(), torch.nn.Linear({width}, 1))
opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
loss_fn = torch.nn.BCEWithLogitsLoss()
t0 = time.perf_counter()
with flor.checkpointing(model=model, optimizer=opt):
    for epoch in flor.loop("epoch", range(epochs)):
        for step in flor.loop("step", range({steps})):
            i = (step * {batch}) % {last_batch}
            xb, yb = X[i:i + {batch}], y[i:i + {batch}]
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            flor.log("loss", loss.item())
        with torch.no_grad():
            acc = ((model(X[:{eval_rows}]) > 0).float() == y[:{eval_rows}]).float().mean().item()
        flor.log("acc", acc)
print("LOOP", time.perf_counter() - t0)
"""

STUB = """\
class _Stub:
    def __enter__(self): return self
    def __exit__(self, *a): return None
class flor:
    arg = staticmethod(lambda name, default=None: default)
    log = staticmethod(lambda name, value: value)
    loop = staticmethod(lambda name, it: it)
    checkpointing = staticmethod(lambda **kw: _Stub())
"""

IMPORTS = {"stub": STUB, "florc": "import florc as flor", "flordb": "import flordb as flor"}


def training_script(kind: str, epochs: int, steps: int, *, width: int, batch: int, eval_rows: int,
                    edits: tuple[tuple[str, str], ...] = ()) -> str:
    """The script with ``kind``'s flor (``stub``, ``florc``, ``flordb``), ``edits`` applied as
    (old text, new text) replacements."""
    text = SCRIPT.format(import_line=IMPORTS[kind], epochs=epochs, steps=steps, width=width, batch=batch,
                         last_batch=20000 - batch, eval_rows=eval_rows)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


def timed(cmd: list[str], cwd: Path, env: dict[str, str], stdin: str | None = None) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """(wall seconds, CPU seconds of the process and its children, the result)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, input=stdin)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-1500:]}\n{proc.stderr[-2500:]}")
    return wall, cpu, proc


def loop_seconds(proc: subprocess.CompletedProcess[str]) -> float:
    return float(next(line.split()[1] for line in proc.stdout.splitlines() if line.startswith("LOOP")))


def checkpoint_cost(repo: Path, env: dict[str, str]) -> tuple[int, float, float]:
    """(checkpoints, bytes written, seconds they cost) of the run recorded in ``repo``, from the
    store's index: blocking copy on the training thread plus the writer's CPU time, the cost the
    adaptive policy charges against its budget (insensitive to the machine's load)."""
    sql = "SELECT count(*) AS n, coalesce(sum(bytes), 0) AS b, coalesce(sum(seconds), 0) AS s FROM checkpoints"
    _, _, proc = timed([sys.executable, "-m", "florc", "query", sql, "--json"], repo, env)
    row = json.loads(proc.stdout)["rows"][0]
    return int(row["n"]), float(row["b"]), float(row["s"])
