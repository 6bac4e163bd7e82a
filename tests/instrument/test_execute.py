"""Running a script with record-mode instrumentation under the runtime core (``florc run``)."""

from __future__ import annotations

import json
import textwrap
import traceback

import pytest

from florc.instrument import Unparseable
from florc.instrument.cache import InstrumentCache
from florc.instrument.execute import compile_recorded, line_map, prepare_recorded, read_source, run_recorded
from florc.query import rows
from florc.runtime import blocks, session

SCRIPT = textwrap.dedent(
    """\
    import florc as flor

    history = []
    for epoch in flor.loop("epoch", range(3)):
        total = 0
        for step in flor.loop("step", range(4)):
            total += step * (epoch + 1)
        history.append(total)
        flor.log("total", total)
    flor.log("final", sum(history))
    """
)


def test_line_map_sends_inserted_lines_to_the_line_before_them():
    original = "a\nb\nc\n"
    instrumented = "a\nx\ny\nb\nc\nz\n"
    assert line_map(original, instrumented)[1:7] == [1, 1, 1, 2, 3, 3]


def test_instrumented_code_reports_the_original_line_numbers(project):
    # `project` runs the script in a temporary directory: the runtime starts a run in the cwd.
    source = SCRIPT.replace('    flor.log("total", total)\n', "    raise ValueError(total)\n")
    line = source.splitlines().index("    raise ValueError(total)") + 1
    code = compile_recorded(source, str(project / "train.py"), "train.py")
    assert "florc_blocks" in code.co_names
    with pytest.raises(ValueError) as info:
        exec(code, {"__name__": "__main__"})
    frame = traceback.extract_tb(info.value.__traceback__)[-1]
    assert frame.lineno == line


@pytest.fixture
def project(run_dir, monkeypatch):
    monkeypatch.setenv("FLORC_CKPT_BUDGET", "inf")
    yield run_dir
    blocks.configure(None)


def test_a_recorded_run_indexes_its_checkpoints_in_the_store(project):
    path = project / "train.py"
    path.write_text(SCRIPT)
    run = session.start(script="train.py")
    namespace = run_recorded(path, "train.py", run)
    session.stop()
    assert namespace["history"] == [6, 12, 18]
    _, found = rows(
        "SELECT loop, kind, i1, path, objects FROM checkpoints ORDER BY kind, loop, i1",
        store=run.store,
    )
    kinds = [(loop, kind, i1) for loop, kind, i1, _, _ in found]
    assert kinds == [
        ("train.py::for:epoch/for:step", "block", 0),
        ("train.py::for:epoch/for:step", "block", 1),
        ("train.py::for:epoch/for:step", "block", 2),
        ("train.py::for:epoch", "final", None),
        ("train.py::for:epoch", "iteration", 1),
        ("train.py::for:epoch", "iteration", 2),
    ]
    for _, _, _, rel, objects in found:
        assert (run.store / rel).is_file()
        assert json.loads(objects)["activation"] == 0
    _, logged = rows("SELECT name, line FROM logs WHERE name IN ('total', 'final')", store=run.store)
    lines = {name: line for name, line in logged}
    assert lines == {"total": 9, "final": 10}  # the lines of the original script


def raising_line(code, namespace):
    with pytest.raises(ValueError) as info:
        exec(code, namespace)
    return traceback.extract_tb(info.value.__traceback__)[-1].lineno


def test_a_cached_script_compiles_to_the_same_lines(project):
    source = SCRIPT.replace('    flor.log("total", total)\n', "    raise ValueError(total)\n")
    line = source.splitlines().index("    raise ValueError(total)") + 1
    cache = InstrumentCache.under(project / ".flor")
    first = compile_recorded(source, str(project / "train.py"), "train.py", cache)
    again = compile_recorded(source, str(project / "train.py"), "train.py", cache)
    assert cache.hits == 1
    assert raising_line(first, {"__name__": "__main__"}) == line
    assert raising_line(again, {"__name__": "__main__"}) == line
    assert "florc_blocks" in again.co_names


@pytest.mark.parametrize(
    "source, position",
    [
        ("x = (1,\ny = 2\n", (1, 5)),  # the parser's error
        ("for i in range(2):\n    pass\nreturn 3\n", (3, 1)),  # the compiler's
    ],
)
def test_a_script_that_is_not_python_is_an_error_at_its_position(tmp_path, source, position):
    path = tmp_path / "bad.py"
    path.write_text(source)
    with pytest.raises(Unparseable) as info:
        prepare_recorded(path, "bad.py")
    assert (info.value.position.line, info.value.position.column) == position


def test_the_script_is_decoded_as_python_decodes_it(tmp_path):
    path = tmp_path / "latin.py"
    path.write_bytes("# -*- coding: latin-1 -*-\nname = 'café'\n".encode("latin-1"))
    assert read_source(path, "latin.py").endswith("name = 'café'\n")
    path.write_bytes(b"name = '\xe9'\n")  # not UTF-8, and no encoding line
    with pytest.raises(Unparseable, match="cannot decode"):
        read_source(path, "latin.py")
