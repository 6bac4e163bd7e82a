from __future__ import annotations

import subprocess
import sys


def test_demo_records_three_versions_replays_and_propagates(tmp_path, env):
    where = tmp_path / "demo"
    proc = subprocess.run(
        [sys.executable, "-m", "florc", "demo", "--dir", str(where)], env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.count("recorded run ") == 3
    table = out.split("flor.dataframe(")[1].splitlines()[1:17]
    header, rows = table[0].split(), [line.split() for line in table[1:16]]
    assert header == ["run_id", "commit", "epoch", "lr", "hidden", "loss", "acc"]
    assert len({r[0] for r in rows}) == 3 and [r[2] for r in rows] == [str(e) for e in range(5)] * 3
    assert [r[6] for r in rows[:5]] == ["NaN"] * 5  # v1 did not log acc
    # The hindsight step: both replays reproduced the recorded values, and the new columns exist.
    assert out.count("reproduced exactly") == 2
    grad = out.split("next to the replayed grad_norm:")[1].splitlines()[1:7]
    assert grad[0].split() == ["epoch", "loss", "acc", "grad_norm"]
    assert all(float(line.split()[3]) > 0 for line in grad[1:])
    assert "batch_loss, 80 values" in out
    # The propagation step: one line per committed version; v1 and v2 see `net` for `model`.
    versions = out.split("florc propagate HEAD")[1].split("commit      status")[1].splitlines()[1:4]
    assert [line.split()[1] for line in versions] == ["propagated"] * 3
    assert all("placed batch_loss" in line and "placed grad_norm" in line for line in versions)
    assert [("model.parameters -> net.parameters" in line) for line in versions] == [True, True, False]
    assert "declined acc" in versions[0]  # v1 never computed an accuracy
    log = subprocess.run(["git", "log", "--format=%s"], cwd=where, capture_output=True, text=True, env=env).stdout
    assert len(log.splitlines()) == 3
    status = subprocess.run(["git", "status", "--porcelain"], cwd=where, capture_output=True, text=True, env=env)
    assert status.stdout == ""
