from __future__ import annotations

import pytest

from florc.runtime import blocks, hooks, session


@pytest.fixture
def run_dir(tmp_path, monkeypatch):
    """cwd in a temporary project (not a git repo) so runs of flor.loop write there; each
    test's runs end with the test, and the blocks runtime is back to no-ops."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FLORC_QUIET", "1")
    monkeypatch.delenv("FLORC_STORE", raising=False)
    monkeypatch.delenv("FLORC_REPLAY", raising=False)
    session.stop()
    blocks.configure(None)
    yield tmp_path
    blocks.configure(None)
    session.stop()
    for obs in hooks.observers():
        hooks.remove_observer(obs)
    hooks.set_controller(None)
