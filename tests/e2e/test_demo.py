from __future__ import annotations

import subprocess
import sys


def test_demo_records_three_versions_and_prints_their_metrics(tmp_path, env):
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
    log = subprocess.run(["git", "log", "--format=%s"], cwd=where, capture_output=True, text=True, env=env).stdout
    assert len(log.splitlines()) == 3
    status = subprocess.run(["git", "status", "--porcelain"], cwd=where, capture_output=True, text=True, env=env)
    assert status.stdout == ""
