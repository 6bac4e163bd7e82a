"""The fidelity check: recomputed values against recorded ones, cell by cell."""

from __future__ import annotations

import math

from florc.replay.fidelity import compare


def row(name, num, i1=None, i2=None, path="epoch", **extra):
    return {"name": name, "ctx_path": path, "i1": i1, "i2": i2, "value_num": num, **extra}


def by_name(fidelity):
    return {n.name: n for n in fidelity.names}


def test_identical_values_are_faithful_and_new_names_are_counted():
    recorded = [row("loss", 0.5, 0), row("loss", 0.25, 1)]
    replayed = [row("loss", 0.5, 0), row("gn", 3.0, 0), row("loss", 0.25, 1), row("gn", 2.0, 1)]
    f = compare(recorded, replayed)
    assert not f.divergent and f.compared == 2
    assert by_name(f)["gn"].new and by_name(f)["gn"].replayed == 2
    assert f.summary().startswith("faithful")


def test_a_difference_is_divergent_with_its_deviation_unless_within_tolerance():
    recorded = [row("loss", 1.0, 0), row("loss", 2.0, 1)]
    replayed = [row("loss", 1.0, 0), row("loss", 2.002, 1)]
    f = compare(recorded, replayed)
    loss = by_name(f)["loss"]
    assert f.divergent and loss.differing == 1
    assert math.isclose(loss.max_abs, 0.002, rel_tol=1e-9) and math.isclose(loss.max_rel, 0.001, rel_tol=1e-9)
    assert "DIVERGENT: loss" in f.summary()
    assert not compare(recorded, replayed, rtol=1e-2).divergent
    assert not compare(recorded, replayed, atol=0.01).divergent


def test_cells_pair_in_order_and_nan_equals_nan():
    recorded = [row("x", 1.0, 0, 0, "epoch/step"), row("x", 2.0, 0, 0, "epoch/step"), row("x", math.nan, 1, 0, "epoch/step")]
    replayed = [row("x", 1.0, 0, 0, "epoch/step"), row("x", 2.0, 0, 0, "epoch/step"), row("x", math.nan, 1, 0, "epoch/step")]
    f = compare(recorded, replayed)
    assert by_name(f)["x"].compared == 3 and not f.divergent
    swapped = [replayed[1], replayed[0], replayed[2]]
    assert compare(recorded, swapped).divergent


def test_text_and_payload_values_must_be_identical():
    recorded = [row("cfg", None, value='{"a": 1}', value_type="json")]
    assert not compare(recorded, [row("cfg", None, value='{"a": 1}', value_type="json")]).divergent
    assert compare(recorded, [row("cfg", None, value='{"a": 2}', value_type="json")]).divergent
