# A loop that returns from inside can be resumed but not skipped whole; a nested loop whose
# else clause breaks out of the main loop is not skipped.
from florc.runtime import blocks as florc_blocks
import florc as flor


def train(patience):
    bad = 0
    for epoch in flor.loop("epoch", range(100)):
        florc_blocks.iteration(
            "case.py::train/for:epoch", locals(), assigned=("bad",), scratch=("attempt", "epoch"),
            maybe=("try_step",),
        )
        for attempt in range(3):
            if try_step():
                break
        else:
            break
        bad += 1
        if bad > patience:
            return epoch
    florc_blocks.end("case.py::train/for:epoch")
