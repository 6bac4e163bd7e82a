# A loop that returns from inside can be resumed but not skipped whole; a nested loop whose
# else clause breaks out of the main loop is not skipped.
from florc.runtime import blocks as florc_blocks
import florc as flor


def train(patience):
    bad = 0
    for epoch in flor.loop("epoch", range(100)):
        if florc_blocks.skip_iteration(
            "case.py::train/for:epoch", locals(), assigned=("bad",), maybe=("try_step",),
        ):
            continue
        if florc_blocks.resumed("case.py::train/for:epoch"):
            (bad,) = florc_blocks.restored("case.py::train/for:epoch")
        for attempt in range(3):
            if try_step():
                break
        else:
            break
        bad += 1
        if bad > patience:
            return epoch
    florc_blocks.after("case.py::train/for:epoch")
