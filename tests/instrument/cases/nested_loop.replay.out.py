from florc.runtime import blocks as florc_blocks
import florc as flor
import torch

net = torch.nn.Linear(4, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)

for epoch in flor.loop("epoch", range(3)):
    if florc_blocks.skip_iteration(
        "case.py::for:epoch", locals(), assigned=("loss",), mutated=("opt",), maybe=("net",),
    ):
        continue
    if florc_blocks.resumed("case.py::for:epoch"):
        (loss,) = florc_blocks.restored("case.py::for:epoch")
    if florc_blocks.skip(
        "case.py::for:epoch/for:step", locals(), assigned=("loss",), mutated=("opt",),
        maybe=("net",),
    ):
        (loss,) = florc_blocks.restored("case.py::for:epoch/for:step")
    else:
        for step in flor.loop("step", range(10)):
            loss = net(torch.randn(8, 4)).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
    flor.log("loss", loss.item())
florc_blocks.after("case.py::for:epoch")
