"""Multi-commit scenarios, built into real git repositories, propagated with `florc propagate`.

Each directory here is one history: ``v1.py``, ``v2.py``, ... committed in order (at the path
``history.txt`` gives for that version, ``train.py`` by default, which exercises rename
following), and ``newest.py`` left in the working tree with the statements to propagate.
``expected/vN.py`` is the propagated version N, ``expected/vN.skip`` says it has none, and
``expected/declined.txt`` lists ``vN key`` for every statement a version declines.

Regenerate the expectations with ``pytest tests/histories --regen-goldens`` (then read the diff).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pygit2
import pytest

from florc.commands.propagate import propagate_range

HERE = Path(__file__).parent
HISTORIES = sorted(p for p in HERE.iterdir() if p.is_dir() and (p / "newest.py").exists())


@pytest.fixture
def isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    for key in list(os.environ):
        if key.startswith(("GIT_", "FLORC_")):
            monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return tmp_path


def _versions(history: Path) -> list[tuple[str, Path, str]]:
    paths: dict[str, str] = {}
    spec = history / "history.txt"
    if spec.exists():
        for line in spec.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                version, path = line.split()
                paths[version] = path
    files = sorted((p for p in history.glob("v*.py")), key=lambda p: int(p.stem[1:]))
    files += sorted((p for p in history.glob("v*.bin")), key=lambda p: int(p.stem[1:]))
    files.sort(key=lambda p: int(p.stem[1:]))
    out = []
    current = "train.py"
    for f in files:
        current = paths.get(f.stem, current)
        out.append((f.stem, f, current))
    return out


def build_repo(root: Path, history: Path) -> tuple[pygit2.Repository, dict[str, str], str]:
    """Commit each version (removing the previous path on a rename); returns commit per version
    and the path of the newest version."""
    repo = pygit2.init_repository(str(root), initial_head="main")
    sig = pygit2.Signature("t", "t@example.invalid", 1_700_000_000, 0)
    parents: list[pygit2.Oid] = []
    commits: dict[str, str] = {}
    previous: str | None = None
    path = "train.py"
    t = 0
    for version, source, path in _versions(history):
        index = repo.index
        if previous and previous != path:
            (root / previous).unlink()
            index.remove(previous)
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(source.read_bytes())
        (root / "notes.txt").write_text(f"version {version}\n")  # another file changes too
        index.add_all()
        index.write()
        tree = index.write_tree()
        t += 60
        sig = pygit2.Signature("t", "t@example.invalid", 1_700_000_000 + t, 0)
        oid = repo.create_commit("HEAD", sig, sig, f"{version}", tree, parents)
        parents = [oid]
        commits[version] = str(oid)
        previous = path
        # a commit that does not touch the script: same blob, propagated once
        (root / "notes.txt").write_text(f"version {version}, second thoughts\n")
        index.add_all()
        index.write()
        t += 60
        sig = pygit2.Signature("t", "t@example.invalid", 1_700_000_000 + t, 0)
        parents = [repo.create_commit("HEAD", sig, sig, f"{version} notes", index.write_tree(), parents)]
    (root / path).write_bytes((history / "newest.py").read_bytes())
    return repo, commits, path


@pytest.mark.parametrize("history", HISTORIES, ids=[h.name for h in HISTORIES])
def test_history(history: Path, isolated_git: Path, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str], regen: bool) -> None:
    root = isolated_git / "proj"
    root.mkdir()
    repo, commits, path = build_repo(root, history)
    head_before = str(repo.head.target)
    status_before = repo.status()
    out = isolated_git / "out"
    monkeypatch.chdir(root)

    code = propagate_range(revrange="HEAD", script=path, out=str(out), as_json=True)
    table = capsys.readouterr().out
    report = json.loads(table)
    by_commit = {row["commit"]: row for row in report["versions"]}

    # florc never touches the working tree, the index or HEAD
    assert str(repo.head.target) == head_before
    assert repo.status() == status_before
    assert (root / path).read_bytes() == (history / "newest.py").read_bytes()

    expected_dir = history / "expected"
    declined: list[str] = []
    for version, _source, vpath in _versions(history):
        short = commits[version][:10]
        produced = out / short / vpath
        row = by_commit[commits[version]]
        for statement in row.get("statements", []):
            if statement["status"] == "declined":
                declined.append(f"{version} {statement['key']}")
        if regen:
            expected_dir.mkdir(exist_ok=True)
            for stale in expected_dir.glob(f"{version}.*"):
                stale.unlink()
            if produced.exists():
                (expected_dir / f"{version}.py").write_bytes(produced.read_bytes())
            else:
                (expected_dir / f"{version}.skip").write_text("no statement has a place in this version\n")
            continue
        if (expected_dir / f"{version}.skip").exists():
            assert not produced.exists(), f"{version}: expected no output"
        else:
            assert produced.exists(), f"{version}: expected an output\n{table}"
            assert produced.read_bytes() == (expected_dir / f"{version}.py").read_bytes(), f"{version} differs"
    declined_file = expected_dir / "declined.txt"
    if regen:
        declined_file.write_text("".join(f"{d}\n" for d in sorted(declined)))
        return
    assert sorted(declined) == sorted(declined_file.read_text().split("\n")[:-1]), table
    assert code == (3 if declined or any(expected_dir.glob("*.skip")) else 0)


def test_the_table_lists_every_commit_once(isolated_git: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = isolated_git / "proj"
    root.mkdir()
    history = HERE / "mnist_style"
    repo, commits, path = build_repo(root, history)
    monkeypatch.chdir(root)
    propagate_range(revrange="HEAD", script=path)
    table = capsys.readouterr().out
    rows = [line for line in table.splitlines()[2:] if line.strip()]
    assert len(rows) == 2 * len(commits)  # every version has a notes-only commit after it
    assert not (root / "out").exists()
    cached = list((root / ".flor" / "propagated").rglob("*.py"))
    assert len(cached) == len(commits)  # one entry per distinct content, not per commit
    del repo
