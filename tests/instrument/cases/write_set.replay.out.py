from florc.runtime import blocks as florc_blocks
import florc as flor

history = []
stats = {}
meter = Meter()
it = iter(stream)
step = 0

for epoch in flor.loop("epoch", range(2)):
    if florc_blocks.skip_iteration(
        "case.py::for:epoch", locals(), assigned=("meter.count", "step"),
        mutated=("history", "it", "scaler", "stats"), maybe=("loss_of", "opt"),
        iterated=("loader",),
    ):
        continue
    if florc_blocks.resumed("case.py::for:epoch"):
        (step,) = florc_blocks.restored("case.py::for:epoch")
    if florc_blocks.skip(
        "case.py::for:epoch/for:batch", locals(), assigned=("meter.count", "step"),
        mutated=("history", "it", "scaler", "stats"), maybe=("loss_of", "opt"),
        iterated=("loader",),
    ):
        (step,) = florc_blocks.restored("case.py::for:epoch/for:batch")
    else:
        for batch in loader:
            step += 1
            history.append(step)
            stats["last"] = step
            meter.count = step
            scaler.scale(loss_of(batch)).backward()
            scaler.step(opt)
            sample = next(it)
            tmp = batch * 2
    flor.log("step", step)
florc_blocks.after("case.py::for:epoch")
