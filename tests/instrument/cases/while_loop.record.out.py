from florc.runtime import blocks as florc_blocks
import florc as flor

for epoch in flor.loop("epoch", range(2)):
    florc_blocks.iteration(
        "case.py::for:epoch", locals(), scratch=("epoch", "remaining"), mutated=("buffer",),
    )
    remaining = 5
    while remaining > 0:
        remaining -= 1
        buffer.add(remaining)
    florc_blocks.end(
        "case.py::for:epoch/while", locals(), assigned=("remaining",), mutated=("buffer",),
    )
    flor.log("left", remaining)
florc_blocks.end(
    "case.py::for:epoch", locals(), scratch=("epoch", "remaining"), mutated=("buffer",),
)
