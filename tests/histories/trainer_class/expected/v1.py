"""Regression with a module-level loop."""
import flor
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
if torch.cuda.is_available():
    model = model.cuda()
flor.log("n_params", sum(p.numel() for p in model.parameters()))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(20):
    model.train()
    train_loss = 0.0
    for x, y in train_batches():
        pred = model(x)
        loss = nn.functional.mse_loss(pred, y)
        optimizer.zero_grad()
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()
        train_loss += loss.item()
    flor.log("lr", optimizer.param_groups[0]["lr"])
    print("epoch %d train %.4f" % (epoch, train_loss))
