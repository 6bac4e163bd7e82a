from florc.runtime import blocks as florc_blocks
import florc as flor


def train(model, loader, opt, epochs):
    best = float("inf")
    for epoch in flor.loop("epoch", range(epochs)):
        florc_blocks.iteration(
            "case.py::train/for:epoch", locals(), assigned=("best", "loss"),
            scratch=("epoch", "x", "y"), mutated=("opt",), maybe=("model",), iterated=("loader",),
            grads=True,
        )
        for x, y in loader:
            loss = model.loss(x, y)
            loss.backward()
            opt.step()
        florc_blocks.end(
            "case.py::train/for:epoch/for:(x,y)", locals(), assigned=("loss",), scratch=("x", "y"),
            mutated=("opt",), maybe=("model",), iterated=("loader",), grads=True,
        )
        if loss.item() < best:
            best = loss.item()
    florc_blocks.end(
        "case.py::train/for:epoch", locals(), assigned=("best", "loss"),
        scratch=("epoch", "x", "y"), mutated=("opt",), maybe=("model",), iterated=("loader",),
        grads=True,
    )
    return best


if __name__ == "__main__":
    train(*setup())
