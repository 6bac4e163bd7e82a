from florc.runtime import blocks as florc_blocks
import florc as flor

total = 0
for epoch in flor.loop("epoch", range(3)):
    if florc_blocks.skip_iteration("case.py::for:epoch", locals(), assigned=("total",)):
        continue
    if florc_blocks.resumed("case.py::for:epoch"):
        (total,) = florc_blocks.restored("case.py::for:epoch")
    total += epoch
    flor.log("total", total)
florc_blocks.after("case.py::for:epoch")
print(total)
