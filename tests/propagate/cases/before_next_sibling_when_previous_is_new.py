# case: the previous sibling is new today: right before the image of the next one
# === new
import flor
optimizer = make_optimizer(model)
for epoch in range(epochs):
    train_epoch(model)
    scheduler.step()
    flor.log("lr", optimizer.param_groups[0]["lr"])
    print("epoch", epoch)
# === old
optimizer = make_optimizer(model)
for epoch in range(epochs):
    train_epoch(model)
    print("epoch", epoch)
# === expected
import flor
optimizer = make_optimizer(model)
for epoch in range(epochs):
    train_epoch(model)
    flor.log("lr", optimizer.param_groups[0]["lr"])
    print("epoch", epoch)
# === diagnostics
placed lr at for:epoch/stmt:1
