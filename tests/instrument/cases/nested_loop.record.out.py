from florc.runtime import blocks as florc_blocks
import florc as flor
import torch

net = torch.nn.Linear(4, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)

for epoch in flor.loop("epoch", range(3)):
    florc_blocks.iteration(
        "case.py::for:epoch", locals(), assigned=("loss",), scratch=("epoch", "step"),
        mutated=("opt",), maybe=("net",), grads=True,
    )
    for step in flor.loop("step", range(10)):
        loss = net(torch.randn(8, 4)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    florc_blocks.end(
        "case.py::for:epoch/for:step", locals(), assigned=("loss",), scratch=("step",),
        mutated=("opt",), maybe=("net",), grads=True,
    )
    flor.log("loss", loss.item())
florc_blocks.end(
    "case.py::for:epoch", locals(), assigned=("loss",), scratch=("epoch", "step"),
    mutated=("opt",), maybe=("net",), grads=True,
)
