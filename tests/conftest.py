"""Fixtures shared across packages of tests."""

from __future__ import annotations

import pytest

from florc.runtime import hooks, session


@pytest.fixture
def run_dir(tmp_path, monkeypatch):
    """A project directory (not a git repo) as cwd; each test's runs end with the test.

    Runs end by ``session.stop`` and merge their parts at once (``FLORC_MERGE=now``), so a test
    sees the store as it stays, without a background process still at work."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FLORC_QUIET", "1")
    monkeypatch.setenv("FLORC_MERGE", "now")
    monkeypatch.delenv("FLORC_STORE", raising=False)
    monkeypatch.delenv("FLORC_REPLAY", raising=False)
    session.stop()
    yield tmp_path
    session.stop()
    for obs in hooks.observers():
        hooks.remove_observer(obs)
    hooks.set_controller(None)
