from __future__ import annotations

import pytest

from florc.errors import UserError
from florc.runtime.kwargs import cast, split


def test_pairs_are_taken_and_the_scripts_own_flags_left():
    argv = ["train.py", "--epochs", "3", "--kwargs", "lr=0.1", "name=a=b", "--verbose", "x"]
    assert split(argv) == (["train.py", "--epochs", "3", "--verbose", "x"], {"lr": "0.1", "name": "a=b"})


def test_argv_without_kwargs_is_unchanged():
    argv = ["train.py", "--lr=0.1", "pos", "k=v"]
    assert split(argv) == (argv, {})


def test_kwargs_stops_at_a_token_that_is_not_a_pair():
    assert split(["t.py", "--kwargs", "a=1", "data.csv"]) == (["t.py", "data.csv"], {"a": "1"})


def test_kwargs_equals_form():
    assert split(["t.py", "--kwargs=a=1", "b=2"]) == (["t.py"], {"a": "1", "b": "2"})


def test_cast_follows_the_default():
    assert cast("a", "0.5", 1.0) == 0.5
    assert cast("a", "4", 1) == 4
    assert cast("a", "false", True) is False
    assert cast("a", "[1, 2]", [0]) == [1, 2]
    assert cast("a", "text", None) == "text"


def test_cast_error_names_the_flag():
    with pytest.raises(UserError, match=r"--kwargs epochs=many: expected int"):
        cast("epochs", "many", 10)
