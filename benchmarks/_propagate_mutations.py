"""Mutation study for benchmarks/propagate.py: a probe propagated into controlled edits.

For a source file F and a one-line assignment S in it (chosen at random), NEW is F with
`flor.log("probe", <target of S>)` after S. EXPECTED is NEW after mutations: a local of the
probe's function renamed everywhere in that function (the probe included), two other statements
deleted, a `print` inserted, constants edited, every line requoted and some commented, the
module-level script moved into `main()`. OLD is EXPECTED without the probe and the import. A
probe passes when florc turns (NEW, OLD) into EXPECTED exactly (import line aside). The edits
avoid S, the probe and every statement that binds the probed name, so a place always exists.

This checks robustness on many random anchors of realistic files; it is not an accuracy figure
for real histories, whose changes are larger and correlated.
"""
# mypy: ignore-errors
import ast
import random
import sys
from pathlib import Path
from collections import Counter

from florc.propagate import propagate_source


def assignments(tree):
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out.append(node)
    return out


def parent_map(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def scope_of(node, parents):
    cur = parents.get(node)
    while cur is not None and not isinstance(cur, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
        cur = parents.get(cur)
    return cur


def simple_lines(tree, lines):
    """Line numbers of simple statements that occupy whole lines alone."""
    starts = Counter()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            starts[node.lineno] += 1
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                                               ast.For, ast.While, ast.If, ast.With, ast.Try,
                                                               ast.AsyncFor, ast.AsyncWith)):
            if node.lineno == node.end_lineno and starts[node.lineno] == 1:
                out.append(node)
    return out


def make_case(text, rng):
    tree = ast.parse(text)
    parents = parent_map(tree)
    cands = [a for a in assignments(tree) if a.lineno == a.end_lineno]
    cands = [a for a in cands if not isinstance(parents.get(a), ast.ClassDef)]
    if not cands:
        return None
    s = rng.choice(cands)
    lines = text.splitlines(keepends=True)
    line = lines[s.lineno - 1]
    indent = line[: len(line) - len(line.lstrip())]
    name = s.targets[0].id
    probe = f'{indent}flor.log("probe", {name})\n'
    new_lines = ["import flor\n"] + lines[: s.end_lineno] + [probe] + lines[s.end_lineno:]
    new = "".join(new_lines)
    return new, s.end_lineno + 1 + 1  # 1-based line of the probe in NEW


def mutate(new, probe_line, rng, kinds):
    """Apply mutations to NEW (a text with the probe at probe_line); returns EXPECTED or None."""
    tree = ast.parse(new)
    parents = parent_map(tree)
    lines = new.splitlines(keepends=True)
    probe_stmt = next(n for n in ast.walk(tree) if isinstance(n, ast.stmt) and n.lineno == probe_line)
    anchor_line = probe_line - 1
    probe_name = probe_stmt.value.args[1].id
    protected = {1, probe_line, anchor_line}
    # statements binding the probe's name are protected too
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.lineno not in protected:
            for t in ast.walk(node):
                if isinstance(t, ast.Name) and t.id == probe_name and isinstance(t.ctx, ast.Store):
                    protected.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    replace = {}   # line index -> new text
    delete = set()
    insert_after = {}
    if "rename" in kinds:
        scope = scope_of(probe_stmt, parents)
        names = sorted({n.id for n in ast.walk(scope) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)})
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names += [a.arg for a in scope.args.args if a.arg != "self"]
        names = [n for n in names if len(n) > 1 and n not in ("flor",)]
        if names:
            victim = rng.choice(names)
            renamed = victim + "_r"
            # replace Name nodes and args within the scope, by position (right to left per line)
            spots = []
            for n in ast.walk(scope):
                if isinstance(n, ast.Name) and n.id == victim:
                    spots.append((n.lineno, n.col_offset, len(victim)))
                elif isinstance(n, ast.arg) and n.arg == victim:
                    spots.append((n.lineno, n.col_offset, len(victim)))
            # nested scopes that rebind the name would be wrong to rename: skip if any nested def binds it
            for n in ast.walk(scope):
                if n is not scope and isinstance(n, (ast.FunctionDef, ast.Lambda, ast.ListComp, ast.GeneratorExp,
                                                     ast.SetComp, ast.DictComp)):
                    for m in ast.walk(n):
                        if isinstance(m, (ast.Name,)) and m.id == victim and isinstance(m.ctx, ast.Store):
                            return None
                        if isinstance(m, ast.arg) and m.arg == victim:
                            return None
            by_line = {}
            for ln, col, length in spots:
                by_line.setdefault(ln, []).append((col, length))
            for ln, items in by_line.items():
                text = lines[ln - 1]
                if not text.isascii():
                    return None
                for col, length in sorted(items, reverse=True):
                    text = text[:col] + renamed + text[col + length:]
                replace[ln - 1] = text
    simple = [n for n in simple_lines(tree, lines) if n.lineno not in protected and n.lineno - 1 not in replace]
    if "delete" in kinds and simple:
        for n in rng.sample(simple, min(2, len(simple))):
            # keep the block non-empty
            parent = parents.get(n)
            if parent is None:
                continue
            siblings = [b for f in ("body", "orelse", "finalbody") for b in (getattr(parent, f, None) or [])
                        if n in (getattr(parent, f, None) or [])]
            if len(siblings) <= 1:
                continue
            if isinstance(n, ast.Expr) and isinstance(getattr(n, "value", None), ast.Constant):
                continue
            delete.add(n.lineno - 1)
    if "insert" in kinds and simple:
        n = rng.choice(simple)
        if n.lineno != anchor_line:
            line = lines[n.lineno - 1]
            indent = line[: len(line) - len(line.lstrip())]
            insert_after[n.lineno - 1] = f'{indent}print("debug {n.lineno}")\n'
    if "edit" in kinds and simple:
        for n in rng.sample(simple, min(3, len(simple))):
            idx = n.lineno - 1
            if idx in delete or idx in replace:
                continue
            text = lines[idx]
            import re
            m = re.search(r"(?<![\w.])(\d+)(?![\w.])", text)
            if m:
                replace[idx] = text[: m.start()] + str(int(m.group()) + 7) + text[m.end():]
    if "wrap" in kinds:
        # module-level code (not imports/defs/classes/docstring) moves into main()
        body = tree.body
        defs = [i for i, n in enumerate(body) if isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef,
                                                                 ast.AsyncFunctionDef, ast.ClassDef))]
        code = body[(defs[-1] + 1 if defs else 0):]
        top = probe_stmt
        while parents.get(top) is not None and not isinstance(parents.get(top), ast.Module):
            top = parents[top]
        if not code or top not in code:
            return None
        first = code[0].lineno
        # only when every later top-level statement is code too
        if any(n.lineno > first and n not in code for n in body):
            return None
        wrapped = lines[: first - 1] + ["def main():\n"]
        for text in lines[first - 1:]:
            wrapped.append(("    " + text) if text.strip() else text)
        if not wrapped[-1].endswith("\n"):
            wrapped[-1] += "\n"
        wrapped += ["\n", "\n", 'if __name__ == "__main__":\n', "    main()\n"]
        lines = wrapped
    if "reformat" in kinds:
        for i, text in enumerate(lines):
            if i == probe_line - 1 or i == 0:
                continue
            t = replace.get(i, text)
            if "'" in t and '"' not in t and '\\' not in t:
                t = t.replace("'", '"')
            if rng.random() < 0.2 and t.rstrip().endswith(")") and "#" not in t and '"""' not in t:
                t = t.rstrip("\n") + "  # reformatted\n"
            replace[i] = t
    out = []
    for i, text in enumerate(lines):
        if i in delete:
            continue
        out.append(replace.get(i, text))
        if i in insert_after:
            out.append(insert_after[i])
    expected = "".join(out)
    try:
        ast.parse(expected)
    except SyntaxError:
        return None
    return expected


def run(files, n_per_file, kinds, seed=0, verbose=False):
    rng = random.Random(seed)
    stats = Counter()
    for f in files:
        try:
            text = Path(f).read_text()
            ast.parse(text)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # versions that do not parse have no anchors
        for _ in range(n_per_file):
            made = make_case(text, rng)
            if made is None:
                continue
            new, probe_line = made
            expected = mutate(new, probe_line, rng, kinds)
            if expected is None:
                continue
            old_lines = expected.splitlines(keepends=True)
            probe_text = next(l for l in old_lines if 'flor.log("probe"' in l)
            old = "".join(l for l in old_lines if 'flor.log("probe"' not in l and l != "import flor\n")
            result = propagate_source(new, old)
            strip = lambda t: None if t is None else "".join(l for l in t.splitlines(True) if l != "import flor\n")
            if strip(result.code) == strip(expected):
                stats["ok"] += 1
            elif result.code is None:
                stats["declined"] += 1
                if verbose:
                    print("DECLINED", f, probe_line, probe_text.strip(), [s.reason for s in result.sites])
            else:
                stats["wrong"] += 1
                if verbose:
                    import difflib
                    print("WRONG", f, probe_line, probe_text.strip())
                    print("".join(difflib.unified_diff(strip(expected).splitlines(True), strip(result.code).splitlines(True), "want", "got", n=1)))
    return stats
