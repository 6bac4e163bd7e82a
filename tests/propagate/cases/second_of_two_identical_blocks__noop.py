# case: only a validation block in the old version: no place after a test loop, declined
# === new
import flor
for epoch in range(epochs):
    if rank == 0:
        loss_sum = 0.0
        for x, y in val_loader:
            loss_sum += criterion(model(x), y).item()
        print("val", loss_sum)
    if rank == 0:
        loss_sum = 0.0
        for x, y in test_loader:
            loss_sum += criterion(model(x), y).item()
        flor.log("test_loss_sum", loss_sum)
        print("test", loss_sum)
# === old
for epoch in range(epochs):
    train(model)
# === expected
<declined>
# === diagnostics
declined test_loss_sum: no statement around it and no enclosing block has a counterpart
