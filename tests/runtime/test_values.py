from __future__ import annotations

import io
import json
import math

import numpy as np
import pytest
import torch
from hypothesis import given, strategies as st

from florc.runtime.values import capture, encode, iteration_value


def decode_npy(payload: bytes) -> np.ndarray:
    return np.load(io.BytesIO(payload), allow_pickle=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.25, (0.25, None, "float", None)),
        (3, (3.0, None, "int", None)),
        (True, (1.0, None, "bool", None)),
        (2**60 + 1, (float(2**60 + 1), str(2**60 + 1), "int", None)),
        ("hi", (None, '"hi"', "str", None)),
        (None, (None, "null", "none", None)),
        ({"a": [1, 2.5]}, (None, '{"a": [1, 2.5]}', "json", None)),
    ],
)
def test_plain_values_are_typed(value, expected):
    assert encode(value) == expected


def test_numpy_scalars_and_one_element_tensors_are_numbers():
    assert encode(np.float32(0.5))[:3] == (0.5, None, "float")
    assert encode(np.int64(7))[:3] == (7.0, None, "int")
    assert encode(torch.tensor(1.5))[:3] == (1.5, None, "float")
    assert encode(torch.tensor([4]))[:3] == (4.0, None, "int")


def test_large_tensor_is_stored_losslessly_past_the_print_threshold():
    t = torch.arange(5000, dtype=torch.float64) / 7
    num, text, vtype, payload = encode(capture(t))
    assert (num, vtype) == (None, "tensor")
    assert json.loads(text) == {"dtype": "torch.float64", "shape": [5000]}
    assert np.array_equal(decode_npy(payload), t.numpy())


def test_tensor_is_copied_at_log_time_not_at_flush():
    t = torch.zeros(3)
    held = capture(t)
    t += 1  # the training loop updates it in place after logging
    assert np.array_equal(decode_npy(encode(held)[3]), np.zeros(3, dtype=np.float32))


def test_bfloat16_tensor_round_trips_through_float32():
    t = torch.tensor([1.5, -2.0, 3.25], dtype=torch.bfloat16)
    num, text, vtype, payload = encode(capture(t))
    assert json.loads(text)["dtype"] == "torch.bfloat16"
    assert decode_npy(payload).tolist() == [1.5, -2.0, 3.25]


def test_ndarray_is_stored_losslessly():
    a = np.random.default_rng(0).normal(size=(4, 3))
    assert np.array_equal(decode_npy(encode(capture(a))[3]), a)


class Hostile:
    def __repr__(self):
        raise RuntimeError("no repr for you")

    def __getattr__(self, name):
        raise RuntimeError("nothing here")


def test_no_value_makes_encoding_raise():
    for value in (Hostile(), object(), {1: Hostile()}, [Hostile()], float("nan"), b"\x00\xff"):
        num, text, vtype, payload = encode(capture(value))
        assert vtype in ("repr", "json", "float")


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(), c, max_size=3), max_leaves=8))
def test_json_values_round_trip(value):
    num, text, vtype, payload = encode(value)
    if vtype in ("float", "int", "bool"):
        back = json.loads(text) if text is not None else num
        assert back == value or (isinstance(value, float) and math.isclose(back, value))
    else:
        assert json.loads(text) == (list(value) if isinstance(value, tuple) else value)


def test_iteration_value_only_when_it_says_more_than_the_index():
    assert iteration_value(3, 3) is None
    assert iteration_value(4, 3) == "4"
    assert iteration_value("cifar", 0) == '"cifar"'
    assert iteration_value((1, 2), 0) is None
