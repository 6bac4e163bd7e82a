"""Each third-party library has one home package, and the runtime stays light to import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import florc

SRC = Path(florc.__file__).parent

# library -> packages (under florc/) allowed to import it at all
HOMES = {
    "pygit2": ("git",),
    "duckdb": ("query", "commands"),  # commands only to translate duckdb errors, lazily
    "pyarrow": ("store",),
    "libcst": ("syntax", "propagate", "instrument"),
}
# never imported at module level anywhere in florc (lazily, inside functions, is allowed)
LAZY_ONLY = ("torch",)


def imports(path: Path) -> list[tuple[str, bool]]:
    """(top-level module, at module level?) of every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    top_level = {id(n) for n in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name.split(".")[0], id(node) in top_level) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module.split(".")[0], id(node) in top_level))
    return found


def sources() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "demo/versions" not in p.as_posix()]


def test_each_library_is_imported_only_in_its_home():
    wrong = []
    for path in sources():
        package = path.relative_to(SRC).parts[0]
        for module, _ in imports(path):
            homes = HOMES.get(module)
            if homes is not None and package not in homes:
                wrong.append(f"{path.relative_to(SRC)} imports {module}")
    assert wrong == []


def test_torch_is_only_ever_imported_lazily():
    eager = [
        f"{p.relative_to(SRC)}" for p in sources() for module, top in imports(p) if module in LAZY_ONLY and top
    ]
    assert eager == []


def test_import_florc_and_logging_load_no_heavy_library(tmp_path):
    code = (
        "import sys, florc as flor\n"
        "after_import = sorted(m for m in ('duckdb','libcst','pygit2','pyarrow','torch','numpy','pandas') if m in sys.modules)\n"
        "for e in flor.loop('epoch', range(2)):\n"
        "    flor.log('x', 1.0)\n"
        "after_log = sorted(m for m in ('duckdb','libcst','pygit2','torch','pandas') if m in sys.modules)\n"
        "print(after_import, after_log)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env={"FLORC_QUIET": "1", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[] []"
