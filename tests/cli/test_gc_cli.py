"""`florc gc` from the command line: pruning checkpoints keeps runs replayable, bad input is one
line, a dry run lists and changes nothing."""

from __future__ import annotations

import json

from procs import florc, florc_json
from test_replay_cli import NEW, SCRIPT, git


def logged(root, env, run_id):
    """(name, source) -> values by epoch, of one run."""
    rows = florc_json(
        root, env, "query", f"SELECT name, source, value_num FROM logs WHERE run_id = '{run_id}' ORDER BY i1",
    )["rows"]
    out: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        out.setdefault((r["name"], r["source"]), []).append(r["value_num"])
    return out


def test_a_run_whose_checkpoints_were_pruned_still_replays_to_the_recorded_values(repo, env):
    (repo / "train.py").write_text(SCRIPT)
    git(repo, env, "add", "train.py")
    git(repo, env, "commit", "-q", "-m", "train")
    # Two learning rates: runs of the same arguments checkpoint the same bytes, which they share.
    for lr in ("0.05", "0.1"):
        florc(repo, {**env, "FLORC_CKPT_BUDGET": "inf"}, "run", "train.py", "--kwargs", f"lr={lr}")
    old, _ = (r["run_id"] for r in florc_json(repo, env, "runs")["rows"])

    report = florc_json(repo, env, "gc", "--keep-last", "1")
    assert [p["run_id"] for p in report["pruned"]] == [old] and report["failed"] == []
    assert {r["kind"] for r in report["removed"]} == {"checkpoint"}

    (repo / "train.py").write_text(NEW)
    proc = florc(repo, env, "replay", "w1", "w0", "--runs", old, "--redo", "--yes", "--json", check=False)
    assert proc.returncode == 0, proc.stderr  # 0: replayed, and reproduced what was recorded
    assert "checkpoint file(s) are missing" in proc.stderr
    (outcome,) = json.loads(proc.stdout)["outcomes"]
    loops = {s["address"]: s["actions"] for s in outcome["loops"]}
    assert loops["train.py::for:epoch/for:step"] == {"ran": 3}  # what it cannot restore, it runs
    before = logged(repo, env, old)
    assert len(before["w0", "record"]) == 3 and before["w0", "replay"] == before["w0", "record"]
    assert len(before["w1", "replay"]) == 3

    after = florc_json(repo, env, "gc")  # the replay's published parts are merged, nothing is lost
    assert any(".replay-" in m["writer"] for m in after["merged"])
    assert logged(repo, env, old) == before
    notice = florc_json(repo, env, "query", f"SELECT notice FROM runs WHERE run_id = '{old}'")["rows"][0]["notice"]
    assert "checkpoint files removed by florc gc" in notice


def test_bad_input_is_one_line(repo, env, tmp_path):
    proc = florc(repo, env, "gc", "--keep-last", "-1", check=False)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--keep-last" in proc.stderr
    proc = florc(repo, env, "gc", check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "no florc store" in proc.stderr
    assert not (repo / ".flor").exists()
    proc = florc(repo, env, "gc", "--store", str(tmp_path), check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "not a florc store" in proc.stderr


def test_dry_run_lists_each_step_and_the_default_prints_one_summary(repo, env):
    (repo / "train.py").write_text(SCRIPT)
    for lr in ("0.05", "0.1"):
        florc(repo, {**env, "FLORC_CKPT_BUDGET": "inf", "FLORC_MERGE": "off"}, "run", "train.py", "--kwargs", f"lr={lr}")
    listing = sorted(p.relative_to(repo).as_posix() for p in (repo / ".flor").rglob("*"))

    dry = florc(repo, env, "gc", "--keep-last", "1", "--dry-run").stdout.splitlines()
    assert [line.split()[0] for line in dry[:-1]] == ["merge", "merge", "prune"] + ["remove"] * (len(dry) - 4)
    assert dry[-1].startswith("florc gc: would merge ") and "would prune the checkpoint files of 1 run" in dry[-1]
    assert sorted(p.relative_to(repo).as_posix() for p in (repo / ".flor").rglob("*")) == listing

    done = florc(repo, env, "gc", "--keep-last", "1").stdout.splitlines()
    assert len(done) == 1 and done[0].startswith("florc gc: merged ") and "freed" in done[0]
    assert florc(repo, env, "gc", "--keep-last", "1").stdout == "florc gc: nothing to do\n"
