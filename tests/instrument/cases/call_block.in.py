import florc as flor
import torch


def train_epoch(net, opt, batches):
    for x, y in flor.loop("step", batches):
        loss = (net(x) - y).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return loss.item()


def evaluate(net, batches):
    total = 0.0
    for x, y in batches:
        total += (net(x) - y).abs().sum().item()
    return total


def lr_of(opt):
    return opt.param_groups[0]["lr"]


net = torch.nn.Linear(4, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
batches = [(torch.randn(8, 4), torch.randn(8, 1)) for _ in range(5)]
for epoch in flor.loop("epoch", range(3)):
    last = train_epoch(net, opt, batches)  # a call block: train_epoch loops
    if epoch % 2 == 0:
        err = evaluate(net, batches)
    flor.log("lr", lr_of(opt))  # calls no looping function and logs: not a block
    flor.log("err", evaluate(net, batches))  # logs: never skipped whole
