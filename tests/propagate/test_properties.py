"""Properties on generated modules: round trip, idempotence, exact placement in an unchanged
version, and nothing but the inserted lines changing in an edited one."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from florc.propagate import Plan, analyse, propagate_source
from florc.propagate.apply import apply_plan
from florc.propagate.engine import Version

NAMES = ("x", "y", "loss", "model", "acc", "step")

simple = st.one_of(
    st.builds(lambda a, b: f"{a} = f({b})", st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.builds(lambda a, b: f"{a} += {b} * 2", st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.builds(lambda a: f"{a}.backward()", st.sampled_from(NAMES)),
    st.builds(lambda a: f"print({a!r}, {a})", st.sampled_from(NAMES)),
    st.builds(lambda a, b: f"{a}, {b} = g({a}), h({b})", st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.just("pass  # nothing"),
)


def block(depth: int) -> st.SearchStrategy[list[str]]:
    if depth == 0:
        return st.lists(simple, min_size=1, max_size=4)
    inner = block(depth - 1)
    compound = st.one_of(
        st.builds(lambda n, body: [f"for {n} in range(3):"] + ["    " + line for line in body],
                  st.sampled_from(NAMES), inner),
        st.builds(lambda n, a, b: [f"if {n} > 0:"] + ["    " + line for line in a] + ["else:"]
                  + ["    " + line for line in b], st.sampled_from(NAMES), inner, inner),
        st.builds(lambda body: ["with ctx():"] + ["    " + line for line in body], inner),
    )
    item = st.one_of(simple.map(lambda s: [s]), compound)
    return st.lists(item, min_size=1, max_size=4).map(lambda parts: [line for part in parts for line in part])


def module_lines() -> st.SearchStrategy[list[str]]:
    prologue = [f"{n} = 0" for n in NAMES]
    return block(2).map(lambda body: prologue + body)


def _insert_probe(lines: list[str], index: int) -> list[str]:
    """The module with a probe after statement line ``index`` (a simple statement)."""
    line = lines[index]
    indent = line[: len(line) - len(line.lstrip())]
    probe = f'{indent}flor.log("probe", loss)'
    return ["import flor"] + lines[: index + 1] + [probe] + lines[index + 1 :]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(module_lines(), st.data())
def test_an_unchanged_version_gets_the_statement_exactly_where_it_is(lines: list[str], data: st.DataObject) -> None:
    candidates = [i for i, line in enumerate(lines) if i >= len(NAMES) - 1 and not line.rstrip().endswith(":")
                  and not line.lstrip().startswith(("else", "for", "if", "with"))]
    index = data.draw(st.sampled_from(candidates))
    old = "\n".join(lines) + "\n"
    new = "\n".join(_insert_probe(lines, index)) + "\n"
    result = propagate_source(new, old)
    assert result.status == "propagated", result
    assert result.code == new


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(module_lines(), module_lines(), st.data())
def test_round_trip_rest_untouched_and_idempotence(lines: list[str], other: list[str], data: st.DataObject) -> None:
    candidates = [i for i, line in enumerate(lines) if i >= len(NAMES) - 1 and not line.rstrip().endswith(":")
                  and not line.lstrip().startswith(("else", "for", "if", "with"))]
    index = data.draw(st.sampled_from(candidates))
    new = "\n".join(_insert_probe(lines, index)) + "\n"
    # an "old version": another generated module sharing the prologue, CRLF on purpose sometimes
    newline = data.draw(st.sampled_from(["\n", "\r\n"]))
    old = newline.join(other) + newline
    analysed = analyse(old)
    assert isinstance(analysed, Version)
    assert apply_plan(analysed.tree.lines, analysed.tree.newline, Plan()) == old

    result = propagate_source(new, old)
    if result.code is None or result.status == "unchanged":
        return
    kept = [line for line in result.code.splitlines(keepends=True)
            if "flor" not in line]
    assert "".join(kept) == old
    assert all(line.endswith(newline) for line in result.code.splitlines(keepends=True))
    again = propagate_source(new, result.code)
    assert again.status == "unchanged" and again.code == result.code
