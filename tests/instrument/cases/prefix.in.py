# replay: stop=case.py::train/for:epoch
import florc as flor


def train(n):
    seed = flor.arg("seed", 0)
    flor.log("seed", seed)
    for epoch in flor.loop("epoch", range(n)):
        work(epoch)


train(3)
