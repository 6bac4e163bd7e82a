"""Real (small, CPU) torch training under florc, end to end: record, then query."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import numpy as np

from procs import florc, florc_json

SCRIPT = """\
import torch
import florc as flor

torch.manual_seed(0)
model = torch.nn.Linear(4, 1)
opt = torch.optim.SGD(model.parameters(), lr=flor.arg("lr", 0.1))
X, y = torch.randn(64, 4), torch.randn(64, 1)
with flor.checkpointing(model=model, optimizer=opt):
    for epoch in flor.loop("epoch", range(3)):
        for step in flor.loop("step", range(4)):
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(X[step * 16:(step + 1) * 16]), y[step * 16:(step + 1) * 16])
            loss.backward()
            opt.step()
            flor.log("step_loss", loss)  # a one-element tensor: stored as its number
        flor.log("weights", torch.arange(3000, dtype=torch.float32) / 3)  # past torch's print threshold
flor.log("final", model.weight.detach().clone())
"""


def test_torch_training_is_recorded_typed_and_lossless(repo, env):
    (repo / "train.py").write_text(SCRIPT)
    florc(repo, env, "run", "train.py", "--kwargs", "lr=0.05")
    df = florc_json(repo, env, "dataframe", "lr", "step_loss")
    rows = df["rows"]
    assert len(rows) == 12 and {r["lr"] for r in rows} == {0.05}
    assert [(r["epoch"], r["step"]) for r in rows][:5] == [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0)]
    assert all(isinstance(r["step_loss"], float) for r in rows)

    from florc.query import connect

    con = connect(repo / ".flor")
    payload, meta = con.execute("SELECT payload, value FROM logs WHERE name = 'weights' AND i1 = 2").fetchone()
    arr = np.load(io.BytesIO(payload), allow_pickle=False)
    assert json.loads(meta) == {"dtype": "torch.float32", "shape": [3000]}
    assert np.array_equal(arr, np.arange(3000, dtype=np.float32) / 3)
    vtypes = dict(con.execute("SELECT name, any_value(value_type) FROM logs GROUP BY name").fetchall())
    assert vtypes == {"lr": "float", "step_loss": "float", "weights": "tensor", "final": "tensor"}
    timings = con.execute("SELECT loop, count(*) FROM timings GROUP BY loop ORDER BY loop").fetchall()
    assert timings == [("epoch", 3), ("step", 12)]


def test_import_of_florc_does_not_import_torch_into_the_script(repo, env):
    code = "import sys, florc as flor\nflor.log('x', 1.0)\nflor.commit()\nprint('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr
