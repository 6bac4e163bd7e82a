"""A small classifier on synthetic data: the first version of the example project."""

import torch

import florc as flor

torch.manual_seed(0)
lr = flor.arg("lr", 0.05)
epochs = flor.arg("epochs", 5)
hidden = flor.arg("hidden", 16)

X = torch.randn(512, 8)
w_true = torch.randn(8, 1)
y = ((X @ w_true + 0.1 * torch.randn(512, 1)) > 0).float()

net = torch.nn.Sequential(torch.nn.Linear(8, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1))
optimizer = torch.optim.SGD(net.parameters(), lr=lr)
loss_fn = torch.nn.BCEWithLogitsLoss()

with flor.checkpointing(model=net, optimizer=optimizer):
    for epoch in flor.loop("epoch", range(epochs)):
        for step in flor.loop("step", range(16)):
            xb, yb = X[step * 32 : (step + 1) * 32], y[step * 32 : (step + 1) * 32]
            optimizer.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            optimizer.step()
        flor.log("loss", loss.item())
