"""Shared plumbing of the benchmarks: the docs section writer, scratch git repos, and the
separate virtual environment holding ``flordb==4.0.1`` for side-by-side numbers."""

from __future__ import annotations

import os
import platform
import re
import shlex
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOC = ROOT / "docs" / "benchmarks.md"
VENVS = HERE / ".venvs"
FLORDB = "flordb==4.0.1"


def git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="bench@example.invalid",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="bench@example.invalid",
        FLORC_QUIET="1",
    )
    env.pop("FLORC_STORE", None)
    return env


def scratch_repo(files: dict[str, str], prefix: str = "florc-bench-") -> Path:
    """A fresh git repository holding ``files``, committed; FlorDB insists on one."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    env = git_env()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=env, check=True)
    subprocess.run(["git", "config", "user.name", "bench"], cwd=root, env=env, check=True)
    subprocess.run(["git", "config", "user.email", "bench@example.invalid"], cwd=root, env=env, check=True)
    for name, text in files.items():
        (root / name).write_text(text)
    subprocess.run(["git", "add", "."], cwd=root, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "bench"], cwd=root, env=env, check=True)
    return root


def flordb_python() -> Path:
    """The interpreter of a venv with flordb 4.0.1, created on first use.

    torch comes from this project's environment through a ``.pth`` placed *after* the venv's
    own site-packages, so flordb's own dependencies (pandas, GitPython, ...) are the ones it
    pins and torch is not downloaded twice.
    """
    venv = VENVS / "flordb-4.0.1"
    py = venv / "bin" / "python"
    stamp = venv / ".installed"
    if stamp.exists():
        return py
    VENVS.mkdir(parents=True, exist_ok=True)
    (VENVS / ".gitignore").write_text("# benchmark environments, created by benchmarks/_common.py\n*\n")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", FLORDB], check=True)
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    (Path(site) / "zz_florc_bench_torch.pth").write_text(ours + "\n")
    stamp.write_text(FLORDB + "\n")
    return py


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load {load:.2f} at start"


def command_line() -> str:
    return " ".join(shlex.quote(a) for a in [".venv/bin/python", os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]])


def write_section(name: str, body: str) -> None:
    """Replace (or append) the section ``name`` of docs/benchmarks.md, leaving others intact."""
    begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    block = f"{begin}\n{body.rstrip()}\n\n_Measured {stamp} on {machine()}._\n{end}"
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n\nNumbers from `make bench`; each section names the command that produced it.\n"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text)


def median(xs: list[float]) -> float:
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
