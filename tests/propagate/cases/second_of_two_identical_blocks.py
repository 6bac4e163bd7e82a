# case: validation and test blocks look alike: the statement goes with the test block
# === new
import flor
for epoch in range(epochs):
    train(model)
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
    if rank == 0:
        loss_sum = 0.0
        for x, y in val_loader:
            loss_sum += criterion(model(x), y).item()
        print("val", loss_sum)
    if rank == 0:
        loss_sum = 0.0
        for x, y in test_loader:
            loss_sum += criterion(model(x), y).item()
        print("test", loss_sum)
# === expected
import flor
for epoch in range(epochs):
    train(model)
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
# === diagnostics
placed test_loss_sum at for:epoch/if@1/stmt:2
