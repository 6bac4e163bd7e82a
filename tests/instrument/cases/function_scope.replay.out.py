from florc.runtime import blocks as florc_blocks
import florc as flor


def train(model, loader, opt, epochs):
    best = float("inf")
    for epoch in flor.loop("epoch", range(epochs)):
        if florc_blocks.skip_iteration(
            "case.py::train/for:epoch", locals(), assigned=("best", "loss"), mutated=("opt",),
            maybe=("model",), iterated=("loader",),
        ):
            continue
        if florc_blocks.resumed("case.py::train/for:epoch"):
            best, loss = florc_blocks.restored("case.py::train/for:epoch")
        if florc_blocks.skip(
            "case.py::train/for:epoch/for:(x,y)", locals(), assigned=("loss",),
            mutated=("opt",), maybe=("model",), iterated=("loader",),
        ):
            (loss,) = florc_blocks.restored("case.py::train/for:epoch/for:(x,y)")
        else:
            for x, y in loader:
                loss = model.loss(x, y)
                loss.backward()
                opt.step()
        if loss.item() < best:
            best = loss.item()
    florc_blocks.after("case.py::train/for:epoch")
    return best


if __name__ == "__main__":
    train(*setup())
