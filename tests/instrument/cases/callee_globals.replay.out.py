from florc.runtime import blocks as florc_blocks
import florc as flor

counter = 0


def bump():
    global counter
    counter += 1


def train():
    for epoch in flor.loop("epoch", range(2)):
        if florc_blocks.skip_iteration(
            "case.py::train/for:epoch", locals(), global_names=("counter",),
        ):
            continue
        if not florc_blocks.skip(
            "case.py::train/for:epoch/for:step", locals(), global_names=("counter",),
        ):
            for step in range(3):
                bump()
    florc_blocks.after("case.py::train/for:epoch")
    flor.log("counter", counter)


train()
