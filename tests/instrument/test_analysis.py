"""Write-set, liveness and placement rules of the analysis, one rule per case."""

from __future__ import annotations

import textwrap

import pytest

from florc.instrument import analyze

NESTED = "t.py::for:epoch/for:i"


def nested(body: str, after: str = "pass", prelude: str = "") -> object:
    """The facts of a loop nested in a main loop: ``body`` inside it, ``after`` following it."""
    source = (
        "import florc as flor\nimport math\nimport torch\n"
        + textwrap.dedent(prelude)
        + 'for epoch in flor.loop("epoch", range(2)):\n'
        + "    for i in range(3):\n"
        + textwrap.indent(textwrap.dedent(body), "        ")
        + textwrap.indent(textwrap.dedent(after), "    ")
    )
    return analyze(source, "t.py").loop(NESTED)


@pytest.mark.parametrize(
    "body, after, field, expected",
    [
        ("x = 1\n", "pass\n", "scratch", ("i", "x")),
        ("x = 1\n", "use(x)\n", "assigned", ("x",)),
        ("x += 1\n", "pass\n", "assigned", ("x",)),  # reads the previous value
        ("use(x)\nx = 1\n", "pass\n", "assigned", ("x",)),  # read before rebound
        ("xs[i] = 1\n", "pass\n", "mutated", ("xs",)),
        ("a.b[i].c = 1\n", "pass\n", "mutated", ("a.b",)),
        ("a.b.c = 1\n", "pass\n", "assigned", ("a.b.c",)),
        ("setattr(obj, 'w', 1)\n", "pass\n", "assigned", ("obj.w",)),
        ("xs.append(i)\n", "pass\n", "mutated", ("xs",)),
        ("opt.step()\n", "pass\n", "mutated", ("opt",)),
        ("t.add_(1)\n", "pass\n", "mutated", ("t",)),
        ("self.opt.step()\n", "pass\n", "mutated", ("self.opt",)),
        ("v = next(it)\n", "pass\n", "mutated", ("it",)),
        ("model(batch)\n", "pass\n", "maybe", ("batch", "model")),
        ("helper(buf, [a, b], key=c)\n", "pass\n", "maybe", ("a", "b", "buf", "c", "helper")),
        ("print(buf, len(xs))\n", "pass\n", "maybe", ()),
        ("math.sqrt(y)\ntorch.relu(z)\n", "pass\n", "maybe", ("y", "z")),
        ("flor.log('x', buf)\n", "pass\n", "maybe", ()),
        ("h = history\nh.append(i)\n", "pass\n", "mutated", ("history",)),
        ("with open(p) as f:\n    f.write(s)\n", "pass\n", "mutated", ()),
        ("for j in it:\n    pass\n", "pass\n", "iterated", ("it",)),
        ("ys = [g(v) for v in vs]\n", "use(ys)\n", "assigned", ("ys",)),
        ("ys = [g(v) for v in vs]\n", "pass\n", "iterated", ("vs",)),
        ("if (n := len(xs)) > 0:\n    pass\n", "pass\n", "scratch", ("i", "n")),
        ("try:\n    go()\nexcept ValueError as e:\n    pass\n", "pass\n", "scratch", ("e", "i")),
    ],
)
def test_write_set_rules(body, after, field, expected):
    facts = nested(body, after)
    assert getattr(facts.writes, field) == expected, str(facts)
    assert facts.skippable


@pytest.mark.parametrize(
    "body, grads",
    [
        ("loss.backward()\n", True),
        ("opt.zero_grad()\n", True),
        ("torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)\n", True),
        ("p.grad = None\n", True),
        ("opt.step()\n", False),
    ],
)
def test_gradient_effects(body, grads):
    assert nested(body).writes.grads is grads


@pytest.mark.parametrize(
    "body, reason",
    [
        ("exec(code)\n", "calls exec()"),
        ("eval(code)\n", "calls eval()"),
        ("globals()['x'] = 1\n", "calls globals()"),
        ("setattr(obj, name, 1)\n", "setattr() with a computed name"),
        ("del cache[i]\n", "del"),
        ("import os\n", "imports inside the loop"),
        ("def f():\n    pass\n", "defines function 'f'"),
        ("class C:\n    pass\n", "defines class 'C'"),
        ("f().x = 1\n", "attribute of a computed object"),
        ("make()[0] = 1\n", "into a computed object"),
    ],
)
def test_effects_that_cannot_be_determined_make_a_loop_opaque(body, reason):
    facts = nested(body)
    assert not facts.skippable and not facts.resumable
    assert any(reason in r for r in facts.opaque), facts.opaque


def test_control_flow_out_of_the_loop_prevents_skipping_but_not_resuming():
    source = textwrap.dedent(
        """\
        import florc as flor
        def train():
            for epoch in flor.loop("epoch", range(5)):
                for i in range(3):
                    if done(i):
                        return i
                for j in range(3):
                    pass
                else:
                    break
        """
    )
    analysis = analyze(source, "t.py")
    main = analysis.loop("t.py::train/for:epoch")
    first = analysis.loop("t.py::train/for:epoch/for:i")
    second = analysis.loop("t.py::train/for:epoch/for:j")
    assert main.resumable and not main.skippable
    assert first.control == ("returns from inside the loop",)
    assert second.control == ("break/continue in the loop's else clause",)


def test_effects_of_script_functions_are_followed_transitively():
    prelude = """\
    counter = 0
    history = []
    def bump():
        global counter
        counter += 1
        record()
    def record():
        history.append(counter)
    def backprop(loss):
        loss.backward()
    """
    facts = nested("bump()\nbackprop(l)\n", prelude=prelude)
    assert facts.writes.assigned == ("counter",)  # a module-level loop rebinds the global
    assert facts.writes.mutated == ("history",)
    assert facts.writes.grads


def test_globals_assigned_by_callees_of_a_function_scoped_loop_are_restored_as_globals():
    source = textwrap.dedent(
        """\
        import florc as flor
        counter = 0
        def bump():
            global counter
            counter += 1
        def train():
            for epoch in flor.loop("epoch", range(2)):
                bump()
        """
    )
    facts = analyze(source, "t.py").loop("t.py::train/for:epoch")
    assert facts.writes.global_names == ("counter",)
    assert "counter" not in facts.writes.assigned


def test_code_and_flor_names_are_not_part_of_a_write_set():
    facts = nested("json.dumps(x)\nflor.log('k', helper(x))\n", prelude="import json\ndef helper(v):\n    return v\n")
    assert facts.writes.maybe == ("x",)


def test_a_name_read_in_a_nested_function_after_the_loop_is_live():
    source = textwrap.dedent(
        """\
        import florc as flor
        def train():
            for epoch in flor.loop("epoch", range(2)):
                for i in range(3):
                    last = i
                def report():
                    return last
                report()
        """
    )
    facts = analyze(source, "t.py").loop("t.py::train/for:epoch/for:i")
    assert facts.writes.assigned == ("last",)


def test_only_the_outermost_flor_loop_and_loops_directly_in_it_are_instrumented():
    source = textwrap.dedent(
        """\
        import florc as flor
        for epoch in flor.loop("epoch", range(2)):
            if epoch:
                for step in flor.loop("step", range(3)):
                    for k in range(2):
                        pass
            while False:
                pass
        for x in range(2):
            pass
        """
    )
    analysis = analyze(source, "t.py")
    assert [(f.address, f.role, f.label) for f in analysis.loops] == [
        ("t.py::for:epoch", "main", "epoch"),
        ("t.py::for:epoch/if/for:step", "nested", "step"),
        ("t.py::for:epoch/while", "nested", "while"),
    ]


PLACEMENT = textwrap.dedent(
    """\
    import florc as flor
    def evaluate(net):
        flor.log("eval", 1)
    def step_hook():
        flor.log("hook", 1)
    def unused():
        flor.log("never", 1)
    def callback():
        flor.log("cb", 1)
    def train(net):
        flor.log("start", 1)
        register(callback)
        for epoch in flor.loop("epoch", range(2)):
            for step in flor.loop("step", range(3)):
                step_hook()
                flor.log("loss", step)
            evaluate(net)
            flor.log("acc", epoch)
        flor.log("done", 1)
    train(None)
    flor.log("after", 1)
    """
)


@pytest.mark.parametrize(
    "line, expected",
    [
        (11, ("prefix", "t.py::train/for:epoch", None)),
        (16, ("inner", "t.py::train/for:epoch", "t.py::train/for:epoch/for:step")),
        (18, ("outer", "t.py::train/for:epoch", None)),
        (19, ("suffix", None, None)),
        (21, ("suffix", None, None)),
        (3, ("outer", "t.py::train/for:epoch", None)),  # evaluate() is called per epoch
        (5, ("inner", "t.py::train/for:epoch", "t.py::train/for:epoch/for:step")),
        (7, ("unknown", None, None)),  # never called
        (9, ("unknown", None, None)),  # passed as a callback
    ],
)
def test_placements(line, expected):
    (facts,) = analyze(PLACEMENT, "t.py").statements_at(line)
    (placement,) = facts.placements
    assert (placement.level, placement.main, placement.block) == expected, str(facts)


def test_placement_through_a_call_names_the_call_site():
    (facts,) = analyze(PLACEMENT, "t.py").statements_at(3)
    assert facts.placements[0].via == ("t.py::train/for:epoch/stmt:1",)


def test_gradient_reads_after_a_loop_are_noticed():
    facts = nested("loss.backward()\n", after="gn = sum(p.grad.norm() for p in net.parameters())\n")
    assert facts.writes.grads and facts.grads_read_after
    assert not nested("loss.backward()\n").grads_read_after


CALLS = textwrap.dedent(
    """\
    import florc as flor
    def train_epoch(net, opt):
        for step in flor.loop("step", range(3)):
            opt.step()
            flor.log("loss", step)
        flor.log("epoch_loss", 1)
        return 0.5
    def fit(net, opt):
        for epoch in flor.loop("epoch", range(2)):
            loss = train_epoch(net, opt)
            flor.log("acc", loss)
    fit(None, None)
    """
)


def test_a_call_of_a_looping_function_in_a_main_loop_is_a_skip_block():
    analysis = analyze(CALLS, "t.py")
    block = "t.py::fit/for:epoch/call:train_epoch"
    assert [(f.address, f.role, f.kind, f.label) for f in analysis.loops] == [
        ("t.py::fit/for:epoch", "main", "loop", "epoch"),
        (block, "nested", "call", "step"),  # the flor.loop inside names it (timings)
    ]
    facts = analysis.loop(block)
    assert facts.writes.assigned == ("loss",) and facts.writes.maybe == ("net", "opt") and facts.skippable
    # What runs inside the call (in its loop or after it) needs the block: the inner level.
    for line in (5, 6):
        (stmt,) = analysis.statements_at(line)
        assert [(p.level, p.block) for p in stmt.placements] == [("inner", block)]
    (acc,) = analysis.statements_at(11)
    assert [p.level for p in acc.placements] == ["outer"]
