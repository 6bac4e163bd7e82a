"""Golden case files: one behaviour per file, read top to bottom.

    # case: <the behaviour, one line>
    # options: crlf, no-final-newline          (optional)
    # === new
    <newest version, with the flor.log statement(s)>
    # === old
    <old version>
    # === expected
    <the old version after propagation, or the single line <unchanged> / <declined>>
    # === diagnostics
    <one line per statement: placed/declined/present, with address, renames or reason>

Cases are parsed here, run by test_goldens.py, and rewritten by `pytest --regen-goldens`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from florc.propagate import PropagationResult

CASES = Path(__file__).parent / "cases"
SECTIONS = ("new", "old", "expected", "diagnostics")
UNCHANGED = "<unchanged>"
DECLINED = "<declined>"


@dataclass
class Case:
    path: Path
    description: str
    options: frozenset[str]
    new: str
    old: str
    expected: str
    diagnostics: str

    @property
    def name(self) -> str:
        return self.path.stem

    def source(self, text: str) -> str:
        """A section as the bytes the test feeds in (options applied)."""
        if "crlf" in self.options:
            text = text.replace("\n", "\r\n")
        if "no-final-newline" in self.options:
            text = text.rstrip("\r\n")
        return text


def load(path: Path) -> Case:
    lines = path.read_text().splitlines(keepends=True)
    header: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("# === "):
            current = stripped[len("# === "):].strip()
            sections[current] = []
        elif current is None:
            if stripped.startswith("# ") and ":" in stripped:
                key, value = stripped[2:].split(":", 1)
                header[key.strip()] = value.strip()
        else:
            sections[current].append(line)
    missing = [s for s in SECTIONS if s not in sections]
    if missing:
        raise ValueError(f"{path}: missing sections {missing}")
    options = frozenset(o.strip() for o in header.get("options", "").split(",") if o.strip())
    return Case(path, header.get("case", ""), options, *("".join(sections[s]) for s in SECTIONS))


def render_case(case: Case) -> str:
    head = [f"# case: {case.description}\n"]
    if case.options:
        head.append(f"# options: {', '.join(sorted(case.options))}\n")
    body = []
    for name in SECTIONS:
        text = getattr(case, name)
        if text and not text.endswith("\n"):
            text += "\n"
        body.append(f"# === {name}\n{text}")
    return "".join(head) + "".join(body)


def describe(result: PropagationResult) -> str:
    """The diagnostics section for a result: stable, one line per statement."""
    out: list[str] = []
    for site in result.sites:
        if site.status == "placed":
            renames = "".join(f" {a}->{b}" for a, b in site.renames)
            out.append(f"placed {site.key} at {site.address}{' renames' + renames if renames else ''}")
        elif site.status == "present":
            out.append(f"present {site.key}")
        else:
            out.append(f"declined {site.key}: {site.reason}")
    for d in result.diagnostics:
        if d.severity != "info":
            out.append(f"{d.severity}: {d.message}")
    return "".join(line + "\n" for line in out)


def expected_text(case: Case, result: PropagationResult) -> str:
    """What the expected section holds for a result (options undone)."""
    if result.status in ("declined", "failed"):
        return DECLINED + "\n"
    code = result.code or ""
    if code == case.source(case.old):
        return UNCHANGED + "\n"
    if "crlf" in case.options:
        code = code.replace("\r\n", "\n")
    if "no-final-newline" in case.options and not code.endswith("\n"):
        code += "\n"
    return code


def all_cases() -> list[Path]:
    return sorted(CASES.glob("*.py"))
