"""The examples in florc's docstrings are run, so that they stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import florc

# `florc.__main__` runs the CLI when imported.
MODULES = sorted(m.name for m in pkgutil.walk_packages(florc.__path__, "florc.") if m.name != "florc.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failed == 0, name
