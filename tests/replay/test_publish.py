"""Staged replays join the store whole; a replay replaces the earlier ones it covers."""

from __future__ import annotations

import os
import subprocess
import sys

from florc.query import rows
from florc.replay.publish import Identity, clean_staging, earlier, publish, staging_dir
from florc.store.parts import write_part


def stage(store, identity, units=2, value=1.0):
    staging = staging_dir(store, identity)
    for unit in range(units):
        writer = identity.writer(unit)
        write_part(staging, "logs", f"{writer}-000001",
                   {"run_id": [identity.run_id], "name": ["gn"], "value_num": [value], "source": ["replay"], "replay_id": [writer]})
    return staging


def count(store):
    return rows("SELECT count(*) FROM logs", store=store)[1][0][0]


def test_identity_covers_same_run_and_script_with_fewer_names_and_iterations():
    base = Identity.new("r1", "train.py", ["gn", "acc"], None)
    assert base.covers(Identity.new("r1", "train.py", ["gn"], [1, 2]))
    assert base.covers(Identity.new("r1", "train.py", ["acc", "gn"], None))
    assert not base.covers(Identity.new("r1", "train.py", ["gn", "other"], None))
    assert not base.covers(Identity.new("r2", "train.py", ["gn"], None))
    some = Identity.new("r1", "train.py", ["gn"], [1, 2])
    assert some.covers(Identity.new("r1", "train.py", ["gn"], [2]))
    assert not some.covers(Identity.new("r1", "train.py", ["gn"], None))
    assert not some.covers(Identity.new("r1", "train.py", ["gn"], [2, 3]))
    assert not base.covers(base)


def test_publish_moves_parts_in_and_replaces_covered_replays(tmp_path):
    store = tmp_path / ".flor"
    first = Identity.new("r1", "train.py", ["gn"], None)
    published = publish(store, stage(store, first), first)
    assert published.parts == 2 and count(store) == 2
    again = Identity.new("r1", "train.py", ["gn"], None)
    published = publish(store, stage(store, again, value=2.0), again)
    assert published.superseded == (first.group,)
    assert rows("SELECT value_num FROM logs", store=store)[1] == [(2.0,), (2.0,)]
    other = Identity.new("r1", "train.py", ["acc"], None)  # not covered, not covering
    publish(store, stage(store, other), other)
    assert count(store) == 4 and {i.group for i in earlier(store)} == {again.group, other.group}
    assert not any((store / "staging").iterdir())


def test_staging_of_a_dead_process_is_cleaned(tmp_path):
    store = tmp_path / ".flor"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (store / "staging" / f"{dead.stdout.strip()}-abc").mkdir(parents=True)
    mine = staging_dir(store, Identity.new("r1", "t.py", ["x"], None))
    assert clean_staging(store) == 1
    assert mine.is_dir() and mine.name.startswith(f"{os.getpid()}-")
