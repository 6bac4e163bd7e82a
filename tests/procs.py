"""Running florc as a user does, in a child process: the environment (isolated HOME and git
config, a git identity, no FLORC_ variables from outside) and the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
}


def child_env(home: Path) -> dict[str, str]:
    home.mkdir(exist_ok=True)
    e = {k: v for k, v in os.environ.items() if not k.startswith(("FLORC_", "GIT_"))}
    e.update(HOME=str(home), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", **IDENTITY)
    return e


def init_repo(root: Path, env: dict[str, str]) -> Path:
    """A git repository at ``root`` with one commit (a README)."""
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=env, check=True)
    (root / "README").write_text("hi\n")
    subprocess.run(["git", "add", "."], cwd=root, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "init"], cwd=root, env=env, check=True)
    return root


def florc(root: Path, env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "florc", *args], cwd=root, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"florc {' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def florc_json(root: Path, env: dict[str, str], *args: str) -> dict:
    return json.loads(florc(root, env, *args, "--json").stdout)
