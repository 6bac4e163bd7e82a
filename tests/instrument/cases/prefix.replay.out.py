# replay: stop=case.py::train/for:epoch
from florc.runtime import blocks as florc_blocks
import florc as flor


def train(n):
    seed = flor.arg("seed", 0)
    flor.log("seed", seed)
    florc_blocks.finish("case.py::train/for:epoch")
    for epoch in flor.loop("epoch", range(n)):
        work(epoch)


train(3)
