from __future__ import annotations

from florc.syntax import address, build_tree, parse_python


def test_addresses_name_scopes_loops_and_repeated_blocks() -> None:
    parsed = parse_python(
        "def train(model):\n"
        "    for epoch in range(3):\n"
        "        if rank == 0:\n"
        "            a = 1\n"
        "        if rank == 0:\n"
        "            b = 2\n"
        "        else:\n"
        "            c = 3\n"
        "        try:\n"
        "            d = 4\n"
        "        except KeyboardInterrupt:\n"
        "            e = 5\n"
    )
    assert isinstance(parsed, tuple)
    t = build_tree(*parsed)
    by_text = {s.text(): s for s in t.statements}
    assert address(by_text["a = 1"], "train.py") == "train.py::train/for:epoch/if/stmt:0"
    assert address(by_text["b = 2"], "train.py") == "train.py::train/for:epoch/if@1/stmt:0"
    assert address(by_text["c = 3"], "train.py") == "train.py::train/for:epoch/if@1/else/stmt:0"
    assert address(by_text["e = 5"]) == "train/for:epoch/try/except/stmt:0"
    assert address(by_text["def train ( model )"], "t.py") == "t.py::stmt:0"
