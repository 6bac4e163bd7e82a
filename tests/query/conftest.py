from __future__ import annotations

import pytest

from florc.runtime import hooks, session


@pytest.fixture
def run_dir(tmp_path, monkeypatch):
    """A project directory (not a git repo) as cwd; each test's runs end with the test."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FLORC_QUIET", "1")
    monkeypatch.delenv("FLORC_STORE", raising=False)
    monkeypatch.delenv("FLORC_REPLAY", raising=False)
    session.stop()
    yield tmp_path
    session.stop()
    for obs in hooks.observers():
        hooks.remove_observer(obs)
    hooks.set_controller(None)
