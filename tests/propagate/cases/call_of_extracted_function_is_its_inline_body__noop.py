# case: no optimizer in the old version: declined
# === new
import flor


def train_epoch(model, loader):
    total = 0.0
    for x, y in loader:
        loss = step(model, x, y)
        total += loss
    return total


for epoch in range(epochs):
    train_loss = train_epoch(model, loader)
    flor.log("lr", optimizer.param_groups[0]["lr"])
    print(epoch, train_loss)
# === old
for epoch in range(epochs):
    total = 0.0
    for x, y in loader:
        total += step(model, x, y)
    print(epoch, total)
# === expected
<declined>
# === diagnostics
declined lr: reads `optimizer.param_groups`, which is not bound there in this version
