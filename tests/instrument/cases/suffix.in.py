# replay: skip=case.py::for:epoch
import florc as flor

state = {"w": 0}
for epoch in flor.loop("epoch", range(3)):
    state["w"] += epoch
flor.log("final_w", state["w"])
