"""Which recorded scripts are today's minus some lines, and which statements a replay runs."""

from __future__ import annotations

import textwrap

import pytest

from florc.errors import UserError
from florc.instrument import analyze
from florc.replay.source import compare_versions, find_sites

OLD = textwrap.dedent(
    """\
    import florc as flor
    net = make()
    for epoch in flor.loop("epoch", range(3)):
        for step in flor.loop("step", range(4)):
            loss = train(net,
                         step,
                         )
        flor.log("loss", loss)
    """
)


@pytest.mark.parametrize(
    "new, same, inserted",
    [
        (OLD, True, []),
        (OLD.replace('    flor.log("loss", loss)\n', '    flor.log("loss", loss)\n    flor.log("gn", gn(net))\n'), True, [9]),
        (OLD.replace("net = make()\n", "net = make()\n\n# a comment\n"), True, []),
        (OLD.replace("\n", "\r\n"), True, []),
        (OLD.replace("range(3)", "range(4)"), False, []),  # a changed line: another version
        (OLD.replace("net = make()\n", ""), False, []),  # a deleted line: another version
    ],
)
def test_versions_are_the_same_when_only_lines_were_added(new, same, inserted):
    match = compare_versions(OLD, new)
    assert match.same is same
    if same:
        assert sorted(match.inserted) == inserted
    else:
        assert match.why and "recorded line" in match.why


def test_sites_are_new_statements_and_the_logs_of_the_names():
    new = OLD.replace(
        '    flor.log("loss", loss)\n',
        '    flor.log("loss", loss)\n    g = gn(net)\n    flor.log("gn", g)\n',
    ).replace("step,\n", "step,\n" + " " * 21 + "lr=0.1,\n")
    match = compare_versions(OLD, new)
    analysis = analyze(new, "t.py")
    sites = find_sites(analysis, ["gn"], match.inserted)
    assert sites.logging == ("t.py::for:epoch/stmt:3",)
    # the helper line, the log, and the call that gained an argument line (a changed statement)
    assert set(sites.inserted) == {"t.py::for:epoch/stmt:2", "t.py::for:epoch/stmt:3",
                                   "t.py::for:epoch/for:step/stmt:0"}
    assert set(sites.addresses) == set(sites.inserted)


def test_a_name_no_statement_logs_is_a_user_error():
    with pytest.raises(UserError, match="no flor.log\\('acc', ...\\)"):
        find_sites(analyze(OLD, "t.py"), ["loss", "acc"], ())


def test_a_replay_worker_starts_without_the_compiler_or_the_query_engine():
    import subprocess
    import sys

    code = "import sys, florc.replay.child; print(sorted(m for m in ('libcst', 'duckdb', 'pygit2', 'pyarrow', 'torch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr
