# Nested loops without flor.loop: no main loop, nothing to checkpoint.
import florc as flor
import torch

net = torch.nn.Linear(4, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)

for epoch in range(3):
    for step in range(10):
        loss = net(torch.randn(8, 4)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    flor.log("loss", loss.item())
