from florc.runtime import blocks as florc_blocks
import florc as flor

history = []
stats = {}
meter = Meter()
it = iter(stream)
step = 0

for epoch in flor.loop("epoch", range(2)):
    florc_blocks.iteration(
        "case.py::for:epoch", locals(), assigned=("meter.count", "step"),
        scratch=("batch", "epoch", "sample", "tmp"), mutated=("history", "it", "scaler", "stats"),
        maybe=("loss_of", "opt"), iterated=("loader",), grads=True,
    )
    for batch in loader:
        step += 1
        history.append(step)
        stats["last"] = step
        meter.count = step
        scaler.scale(loss_of(batch)).backward()
        scaler.step(opt)
        sample = next(it)
        tmp = batch * 2
    florc_blocks.end(
        "case.py::for:epoch/for:batch", locals(), assigned=("meter.count", "step"),
        scratch=("batch", "sample", "tmp"), mutated=("history", "it", "scaler", "stats"),
        maybe=("loss_of", "opt"), iterated=("loader",), grads=True,
    )
    flor.log("step", step)
florc_blocks.end(
    "case.py::for:epoch", locals(), assigned=("meter.count", "step"),
    scratch=("batch", "epoch", "sample", "tmp"), mutated=("history", "it", "scaler", "stats"),
    maybe=("loss_of", "opt"), iterated=("loader",), grads=True,
)
