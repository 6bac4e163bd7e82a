"""The example project: a git repository whose history holds the 3 versions of ``train.py``.

Built with the git command line under an isolated configuration (no global or system config,
a fixed identity, no hooks, no signing), so the user's settings neither leak in nor matter. The
repository is the demo's own, in a directory it created (or the one given with ``--dir``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from florc.errors import UserError

SCRIPT = "train.py"
VERSIONS = ("v1", "v2", "v3")
MESSAGES = {
    "v1": "Train a small classifier with SGD",
    "v2": "Add momentum, widen the hidden layer, log accuracy",
    "v3": "Switch to Adam; rename net to model",
}


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def script(self) -> Path:
        return self.root / SCRIPT


def git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="florc demo",
        GIT_AUTHOR_EMAIL="demo@florc.invalid",
        GIT_COMMITTER_NAME="florc demo",
        GIT_COMMITTER_EMAIL="demo@florc.invalid",
    )
    return env


def git(root: Path, *args: str) -> str:
    if shutil.which("git") is None:
        raise UserError("the demo needs the git command line, which is not on PATH")
    cmd = ["git", "-c", "core.hooksPath=" + os.devnull, "-c", "commit.gpgsign=false", *args]
    proc = subprocess.run(cmd, cwd=root, env=git_env(), capture_output=True, text=True)
    if proc.returncode != 0:
        raise UserError(f"git {' '.join(args)} in {root}: {proc.stderr.strip() or proc.stdout.strip()}")
    return proc.stdout


def version_source(version: str) -> str:
    return (resources.files("florc.demo") / "versions" / f"{version}.py").read_text(encoding="utf-8")


def init(root: Path) -> Project:
    """An empty repository at ``root`` (which must be empty or not exist yet)."""
    root.mkdir(parents=True, exist_ok=True)
    if any(root.iterdir()):
        raise UserError(f"{root}: not empty; give --dir a new or empty directory")
    git(root, "init", "-q", "-b", "main")
    # Repository-local identity: the code snapshots florc takes use it too.
    git(root, "config", "user.name", "florc demo")
    git(root, "config", "user.email", "demo@florc.invalid")
    (root / ".gitignore").write_text("__pycache__/\n")
    return Project(root)


def commit_version(project: Project, version: str) -> str:
    """Write ``version`` of the script and commit it; returns the commit id."""
    project.script.write_text(version_source(version), encoding="utf-8")
    git(project.root, "add", SCRIPT, ".gitignore")
    git(project.root, "commit", "-q", "-m", MESSAGES[version])
    return git(project.root, "rev-parse", "HEAD").strip()


__all__ = ["MESSAGES", "Project", "SCRIPT", "VERSIONS", "commit_version", "git", "init", "version_source"]
