# case: after `train_loss = train_epoch(...)`: after the loop that was inlined there
# === new
import flor


def train_epoch(model, loader):
    total = 0.0
    for x, y in loader:
        loss = step(model, x, y)
        total += loss
    return total


optimizer = make_optimizer(model)
for epoch in range(epochs):
    train_loss = train_epoch(model, loader)
    flor.log("lr", optimizer.param_groups[0]["lr"])
    print(epoch, train_loss)
# === old
optimizer = make_optimizer(model)
for epoch in range(epochs):
    total = 0.0
    for x, y in loader:
        loss = step(model, x, y)
        total += loss
    print(epoch, total)
# === expected
import flor
optimizer = make_optimizer(model)
for epoch in range(epochs):
    total = 0.0
    for x, y in loader:
        loss = step(model, x, y)
        total += loss
    flor.log("lr", optimizer.param_groups[0]["lr"])
    print(epoch, total)
# === diagnostics
placed lr at for:epoch/stmt:2
