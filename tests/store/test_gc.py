"""`florc gc` on stores written by real runs: killed, live, interrupted, pruned, twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

import florc as flor
from florc.errors import UserError
from florc.query import query
from florc.runtime import session
from florc.store.gc import NOTICE, gc
from florc.store.layout import visible_parts

SCRIPT = textwrap.dedent(
    """\
    import sys
    import florc as flor

    total = 0
    for epoch in flor.loop("epoch", range(3)):
        for step in flor.loop("step", range(4)):
            total += epoch * step
            flor.log("total", total)
            flor.commit()  # a part per row: a run with many parts
        flor.log("epoch_total", total)
    if "--wait" in sys.argv:
        flor.commit()
        print("ready", flush=True)
        sys.stdin.readline()  # a live run: it waits until told to go on
    """
)


def script_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLORC_")}
    return {**env, "FLORC_QUIET": "1", "FLORC_CKPT_BUDGET": "inf", **extra}


def record(run_dir, script="train.py", **env):
    (run_dir / script).write_text(SCRIPT)
    subprocess.run([sys.executable, script], cwd=run_dir, env=script_env(**env), check=True)


def start_waiting(run_dir, script="train.py"):
    (run_dir / script).write_text(SCRIPT)
    proc = subprocess.Popen(
        [sys.executable, script, "--wait"], cwd=run_dir, env=script_env(FLORC_FLUSH_SECONDS="3600"),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def rows(store):
    sql = "SELECT run_id, name, i1, i2, value_num, seq FROM logs ORDER BY run_id, seq"
    return query(sql, store=store).values.tolist()


def statuses(store):
    return dict(query("SELECT run_id, status FROM runs", store=store).values.tolist())


def files(store):
    return {p.relative_to(store).as_posix(): p.stat().st_mtime_ns for p in store.rglob("*") if p.is_file()}


def writer_files(store, writer):
    return sorted(p.relative_to(store).as_posix() for p in store.glob(f"*/{writer}-*.parquet"))


def dead_pid():
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout)


def test_a_killed_run_is_merged_keeping_every_row_and_stays_incomplete(run_dir):
    proc = start_waiting(run_dir)
    proc.kill()
    proc.wait()
    store = run_dir / ".flor"
    [rid] = statuses(store)
    before = rows(store)
    assert len(before) == 15 and statuses(store) == {rid: "incomplete"}
    assert len(writer_files(store, rid)) > 15

    report = gc(store)

    assert [m.writer for m in report.merged] == [rid] and report.parts_merged > 15
    assert {r.kind for r in report.removed} == {"heartbeat"}
    assert rows(store) == before
    assert statuses(store) == {rid: "incomplete"}
    assert [f.split("/")[0] for f in writer_files(store, rid)] == ["checkpoints", "logs", "runs", "timings"]


def test_a_live_run_is_left_alone_while_an_ended_one_is_merged(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_MERGE", "off")
    for e in flor.loop("epoch", range(3)):
        flor.log("x", e)
        flor.commit()
    ended = session.stop().run_id
    proc = start_waiting(run_dir, "live.py")
    try:
        store = run_dir / ".flor"
        [live_id] = set(statuses(store)) - {ended}
        in_use = store / "logs" / f".{live_id}-000099.parquet.{proc.pid}.tmp"
        in_use.write_bytes(b"PAR1 being written")
        # Its parts and temp file, unchanged; its heartbeat is touched as it beats, but stays.
        theirs = {f: t for f, t in files(store).items() if live_id in f and not f.startswith("live/")}

        report = gc(store, keep_last=0, grace=0)

        assert [m.writer for m in report.merged] == [ended]
        assert {f: t for f, t in files(store).items() if live_id in f and not f.startswith("live/")} == theirs
        assert (store / "live" / live_id).exists()
        assert not any(r.kind == "checkpoint" for r in report.removed) and report.pruned == ()
        assert any("checkpoint files left alone" in n for n in report.notes)
        assert statuses(store) == {ended: "complete", live_id: "running"}
    finally:
        proc.stdin.close()
        proc.wait()
    assert statuses(store)[live_id] == "complete"


def test_leftovers_of_interrupted_writes_merges_and_replays_go(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_MERGE", "off")
    record(run_dir, FLORC_MERGE="off")
    store = run_dir / ".flor"
    [rid] = statuses(store)
    before = rows(store)
    logs = sorted((store / "logs").glob("*.parquet"))
    saved = {p: p.read_bytes() for p in logs}
    gc(store)
    for p, data in saved.items():  # a merge that died before deleting the parts it replaced
        p.write_bytes(data)
    gone = dead_pid()
    leftovers = [
        store / "logs" / f".{rid}-m000001-000015.parquet.{gone}.tmp",  # a merge killed before its rename
        store / "checkpoints" / "ab" / f".ab12.pkl.{gone}.140001.tmp",  # a checkpoint file half written
        store / "staging" / f"{gone}-a1b2c3" / "logs" / f"{rid}.replay-x-y-u0-000001.parquet",  # a dead replay
    ]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"PAR1 half")
    mine = store / "timings" / f".{rid}-000099.parquet.{os.getpid()}.tmp"  # a process still writing it
    mine.write_bytes(b"PAR1")

    report = gc(store, grace=0)

    assert sorted(r.kind for r in report.removed) == ["hidden part"] * len(logs) + ["staging", "temp", "temp"]
    assert not any(p.exists() for p in leftovers) and not (store / "staging" / f"{gone}-a1b2c3").exists()
    assert mine.exists() and any("1 temp file(s)" in n for n in report.notes)
    assert visible_parts(store / "logs") == sorted((store / "logs").glob("*.parquet"))
    assert rows(store) == before


def test_a_second_collection_finds_nothing_to_do(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_MERGE", "off")
    for _ in range(3):
        record(run_dir, FLORC_MERGE="off")
    store = run_dir / ".flor"
    first = gc(store, keep_last=1, grace=0)
    assert first.merged and first.removed and len(first.pruned) == 2
    snapshot = files(store)
    second = gc(store, keep_last=1, grace=0)
    assert (second.merged, second.removed, second.pruned, second.failed) == ((), (), (), ())
    assert files(store) == snapshot


def manifests(store):
    found = query("SELECT run_id, digest FROM checkpoints", store=store).values.tolist()
    out: dict[str, set[str]] = {}
    for rid, digest in found:
        out.setdefault(rid, set()).add(digest)
    return out


def on_disk(store, name):
    return (store / "checkpoints" / name[:2] / name).is_file()


def test_keep_last_removes_old_checkpoint_files_per_script_and_keeps_the_logs(run_dir):
    for _ in range(3):
        record(run_dir, "a.py")
    record(run_dir, "b.py")
    store = run_dir / ".flor"
    runs = query("SELECT run_id, script FROM runs ORDER BY started_at", store=store).values.tolist()
    a1, a2, a3 = (rid for rid, script in runs if script == "a.py")
    [b1] = [rid for rid, script in runs if script == "b.py"]
    index = manifests(store)
    before = rows(store)
    from florc.runtime.checkpoint import CheckpointStore

    orphan, _ = CheckpointStore(store / "checkpoints").put(b"parts of a checkpoint nobody indexed", ".pkl")

    dry = gc(store, keep_last=1, dry_run=True, grace=0)
    assert {p.run_id for p in dry.pruned} == {a1, a2} and on_disk(store, orphan)

    report = gc(store, keep_last=1, grace=0)

    assert {p.run_id for p in report.pruned} == {a1, a2}
    assert not on_disk(store, orphan)
    # Content-addressed files shared with a kept run stay; every kept checkpoint reads whole.
    ck = CheckpointStore(store / "checkpoints")
    for rid in (a3, b1):
        for name in index[rid]:
            ck.read(name)
    assert all(not on_disk(store, m) for rid in (a1, a2) for m in index[rid] - index[a3] - index[b1])
    assert rows(store) == before and manifests(store) == index  # logs and index rows are history
    notices = dict(query("SELECT run_id, notice FROM runs", store=store).values.tolist())
    assert {rid for rid, n in notices.items() if n and NOTICE in n} == {a1, a2}
    pruned = gc(store, keep_last=0, grace=0)
    assert {p.run_id for p in pruned.pruned} == {a3, b1} and not any((store / "checkpoints").glob("??/*"))


def test_a_dry_run_changes_nothing(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_MERGE", "off")
    record(run_dir, FLORC_MERGE="off")
    record(run_dir, FLORC_MERGE="off")
    store = run_dir / ".flor"
    snapshot = files(store)
    report = gc(store, keep_last=0, dry_run=True)
    assert report.merges and report.removed and report.pruned and report.merged == ()
    assert files(store) == snapshot
    assert json.loads(json.dumps(report.to_json()))["dry_run"] is True


def test_what_is_not_a_store_is_refused(tmp_path):
    (tmp_path / ".gitignore").write_text("*.pyc\n")
    (tmp_path / f".notes.{dead_pid()}.tmp").write_text("the user's")
    with pytest.raises(UserError, match="not a florc store"):
        gc(tmp_path, grace=0)
    with pytest.raises(UserError, match="no florc store"):
        gc(tmp_path / "missing")
    with pytest.raises(UserError, match="--keep-last"):
        gc(tmp_path, keep_last=-1)
    assert len(list(tmp_path.iterdir())) == 2
