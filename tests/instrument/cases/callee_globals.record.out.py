from florc.runtime import blocks as florc_blocks
import florc as flor

counter = 0


def bump():
    global counter
    counter += 1


def train():
    for epoch in flor.loop("epoch", range(2)):
        florc_blocks.iteration(
            "case.py::train/for:epoch", locals(), scratch=("epoch", "step"),
            global_names=("counter",),
        )
        for step in range(3):
            bump()
        florc_blocks.end(
            "case.py::train/for:epoch/for:step", locals(), scratch=("step",),
            global_names=("counter",),
        )
    florc_blocks.end(
        "case.py::train/for:epoch", locals(), scratch=("epoch", "step"), global_names=("counter",),
    )
    flor.log("counter", counter)


train()
