from florc.runtime import blocks as florc_blocks
import florc as flor

for epoch in flor.loop("epoch", range(2)):
    if florc_blocks.skip_iteration("case.py::for:epoch", locals(), mutated=("buffer",)):
        continue
    remaining = 5
    if florc_blocks.skip(
        "case.py::for:epoch/while", locals(), assigned=("remaining",), mutated=("buffer",),
    ):
        (remaining,) = florc_blocks.restored("case.py::for:epoch/while")
    else:
        while remaining > 0:
            remaining -= 1
            buffer.add(remaining)
    flor.log("left", remaining)
florc_blocks.after("case.py::for:epoch")
