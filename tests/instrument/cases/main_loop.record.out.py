from florc.runtime import blocks as florc_blocks
import florc as flor

total = 0
for epoch in flor.loop("epoch", range(3)):
    florc_blocks.iteration("case.py::for:epoch", locals(), assigned=("total",), scratch=("epoch",))
    total += epoch
    flor.log("total", total)
florc_blocks.end("case.py::for:epoch", locals(), assigned=("total",), scratch=("epoch",))
print(total)
