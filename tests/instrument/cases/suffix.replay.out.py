# replay: skip=case.py::for:epoch
from florc.runtime import blocks as florc_blocks
import florc as flor

state = {"w": 0}
if not florc_blocks.skip("case.py::for:epoch", locals(), mutated=("state",)):
    for epoch in flor.loop("epoch", range(3)):
        state["w"] += epoch
florc_blocks.after("case.py::for:epoch")
flor.log("final_w", state["w"])
