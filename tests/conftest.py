"""Fixtures shared across packages of tests."""

from __future__ import annotations

import pytest

from florc.runtime import hooks, session
from procs import child_env, init_repo


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


@pytest.fixture
def env(tmp_path):
    """Environment for florc run as a child process (``procs.child_env``)."""
    return child_env(tmp_path / "home")


@pytest.fixture
def repo(tmp_path, env):
    """A git repository with one commit, for commands run as a child process."""
    return init_repo(tmp_path / "proj", env)
