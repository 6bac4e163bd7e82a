# case: the test loop that computes the value was added today; its validation twin is no substitute
# === new
import flor
for epoch in range(epochs):
    train(model)
    loss_sum = 0.0
    for x, y in val_loader:
        loss_sum += criterion(model(x), y).item()
    print("val", loss_sum)
    loss_sum = 0.0
    for x, y in test_loader:
        loss_sum += criterion(model(x), y).item()
    flor.log("test_loss_sum", loss_sum)
# === old
for epoch in range(epochs):
    train(model)
    loss_sum = 0.0
    for x, y in val_loader:
        loss_sum += criterion(model(x), y).item()
    print("val", loss_sum)
# === expected
<declined>
# === diagnostics
declined test_loss_sum: reads `loss_sum`, computed today by the statement at line 9, which has no counterpart in this version
