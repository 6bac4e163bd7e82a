"""The content-addressed cache of instrumented scripts."""

from __future__ import annotations

import json

import pytest

from florc.instrument import ReplayDirectives, Unparseable, instrument_record, instrument_replay
from florc.instrument import cache as cache_module
from florc.instrument.cache import InstrumentCache, cache_key

SOURCE = (
    "import florc as flor\n"
    "total = 0\n"
    "for epoch in flor.loop('epoch', range(2)):\n"
    "    for step in range(3):\n"
    "        total += step\n"
    "print(total)\n"
)
NESTED = ReplayDirectives(skip=frozenset({"t.py::for:epoch/for:step"}), select=frozenset({"t.py::for:epoch"}))


def entries(cache: InstrumentCache) -> list[str]:
    assert cache.directory is not None
    return sorted(p.name for p in cache.directory.iterdir()) if cache.directory.exists() else []


@pytest.fixture
def cache(tmp_path):
    return InstrumentCache.under(tmp_path / "store")


def test_a_second_call_reads_what_the_first_wrote(cache):
    first = cache.record(SOURCE, "t.py")
    assert cache.hits == 0 and len(entries(cache)) == 1
    assert cache.record(SOURCE, "t.py") == first
    assert cache.hits == 1
    fresh = instrument_record(SOURCE, "t.py")
    assert (first.code, first.lines, first.notes) == (fresh.code, fresh.lines, fresh.notes)


def test_replay_entries_are_the_pass_output_for_their_directives(cache):
    first = cache.replay(SOURCE, "t.py", NESTED)
    assert cache.replay(SOURCE, "t.py", NESTED) == first and cache.hits == 1
    assert first.code == instrument_replay(SOURCE, "t.py", NESTED).code


@pytest.mark.parametrize(
    "other",
    [
        ("record", SOURCE + "\n", "t.py", None),  # the text
        ("record", SOURCE, "u.py", None),  # the path: addresses embed it
        ("replay", SOURCE, "t.py", NESTED),  # the mode
        ("replay", SOURCE, "t.py", ReplayDirectives(stop=frozenset({"t.py::for:epoch"}))),  # the plan
    ],
)
def test_the_key_covers_everything_the_output_depends_on(other):
    assert cache_key(*other) != cache_key("record", SOURCE, "t.py")


def test_the_key_covers_the_pass_itself(monkeypatch):
    before = cache_key("record", SOURCE, "t.py")
    monkeypatch.setattr(cache_module, "_PASS", ["another pass"])
    assert cache_key("record", SOURCE, "t.py") != before


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: "not json",
        lambda text: json.dumps({**json.loads(text), "key": "0" * 64}),  # another entry's
        lambda text: json.dumps({**json.loads(text), "lines": "12"}),  # the wrong shape
    ],
)
def test_a_damaged_entry_is_ignored_and_written_again(cache, damage):
    first = cache.record(SOURCE, "t.py")
    (entry,) = cache.directory.iterdir()
    entry.write_text(damage(entry.read_text()))
    assert cache.record(SOURCE, "t.py") == first
    assert cache.hits == 0
    assert json.loads(entry.read_text())["key"] == entry.stem  # rewritten whole
    assert cache.record(SOURCE, "t.py") == first and cache.hits == 1


def test_writes_leave_no_temporary_file(cache):
    cache.record(SOURCE, "t.py")
    cache.replay(SOURCE, "t.py", NESTED)
    assert all(name.endswith(".json") and not name.startswith(".") for name in entries(cache))


def test_the_oldest_entries_go_beyond_the_limit(cache, monkeypatch):
    monkeypatch.setattr(cache_module, "LIMIT", 3)
    for n in range(5):
        cache.record(SOURCE + f"# version {n}\n", "t.py")
    assert len(entries(cache)) == 3
    cache.record(SOURCE + "# version 4\n", "t.py")  # the newest is still there
    assert cache.hits == 1


def test_a_store_that_cannot_be_written_only_costs_the_pass(tmp_path):
    blocker = tmp_path / "store"
    blocker.write_text("a file where the store's directory would be")
    cache = InstrumentCache.under(blocker)
    assert cache.record(SOURCE, "t.py").code == instrument_record(SOURCE, "t.py").code
    assert cache.record(SOURCE, "t.py").code == instrument_record(SOURCE, "t.py").code
    assert cache.hits == 0


def test_a_script_that_does_not_parse_is_an_error_not_an_entry(cache):
    with pytest.raises(Unparseable) as info:
        cache.record("for x in (:\n", "t.py")
    assert (info.value.position.line, info.value.position.column) == (1, 11)
    assert entries(cache) == []


def test_without_a_directory_nothing_is_cached():
    cache = InstrumentCache(None)
    cache.record(SOURCE, "t.py")
    cache.record(SOURCE, "t.py")
    assert cache.hits == 0
