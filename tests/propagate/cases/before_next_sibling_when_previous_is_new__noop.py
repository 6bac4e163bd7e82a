# case: already logged: unchanged
# === new
import flor
for epoch in range(epochs):
    train_epoch(model)
    scheduler.step()
    flor.log("lr", optimizer.param_groups[0]["lr"])
    print("epoch", epoch)
# === old
import flor
for epoch in range(epochs):
    train_epoch(model)
    flor.log("lr", optimizer.param_groups[0]["lr"])
    print("epoch", epoch)
# === expected
<unchanged>
# === diagnostics
present lr
