# replay: stop=case.py::train/for:epoch
from florc.runtime import blocks as florc_blocks
import florc as flor


def train(n):
    seed = flor.arg("seed", 0)
    flor.log("seed", seed)
    for epoch in flor.loop("epoch", range(n)):
        florc_blocks.iteration(
            "case.py::train/for:epoch", locals(), scratch=("epoch",), maybe=("work",),
        )
        work(epoch)
    florc_blocks.end("case.py::train/for:epoch", locals(), scratch=("epoch",), maybe=("work",))


train(3)
