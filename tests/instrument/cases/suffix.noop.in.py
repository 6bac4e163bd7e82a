# replay: skip=case.py::for:e
import florc as flor

state = {"w": 0}
for e in range(3):
    state["w"] += e
flor.log("final_w", state["w"])
