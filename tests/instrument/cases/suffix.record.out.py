# replay: skip=case.py::for:epoch
from florc.runtime import blocks as florc_blocks
import florc as flor

state = {"w": 0}
for epoch in flor.loop("epoch", range(3)):
    florc_blocks.iteration("case.py::for:epoch", locals(), scratch=("epoch",), mutated=("state",))
    state["w"] += epoch
florc_blocks.end("case.py::for:epoch", locals(), scratch=("epoch",), mutated=("state",))
flor.log("final_w", state["w"])
