from __future__ import annotations

import ast

import pytest

from florc.syntax import flor_calls, flor_imports


@pytest.mark.parametrize(
    "source",
    [
        "import florc as flor\nflor.log('k', 1)\n",
        "import flordb as flor\nflor.log('k', 1)\n",
        "import flor\nflor.log('k', 1)\n",
        "import florc\nflorc.log('k', 1)\n",
        "from florc import log\nlog('k', 1)\n",
        "from flordb import log as record\nrecord('k', 1)\n",
        "def main():\n    import florc as fl\n    fl.log('k', 1)\n",
    ],
)
def test_log_calls_are_recognised_under_any_alias(source: str) -> None:
    module = ast.parse(source)
    calls = list(flor_calls(module, flor_imports(module)))
    assert [(c.function, c.key) for c in calls] == [("log", "k")]


@pytest.mark.parametrize(
    "source",
    [
        "import logging as flor\nflor.log('k', 1)\n",  # not a flor module
        "import flor\nflor.logg('k', 1)\n",  # not a surface function
        "from florc import arg\nlog('k', 1)\n",  # `log` was never imported
        "log('k', 1)\n",
    ],
)
def test_other_calls_are_not_flor_calls(source: str) -> None:
    module = ast.parse(source)
    assert [c for c in flor_calls(module, flor_imports(module)) if c.function == "log"] == []


def test_a_key_that_is_not_a_literal_has_no_key_but_a_position() -> None:
    module = ast.parse("import flor\nname = 'k'\nflor.log(name, 1)\n")
    (call,) = flor_calls(module, flor_imports(module))
    assert call.key is None
    assert (call.line, call.column) == (3, 1)
