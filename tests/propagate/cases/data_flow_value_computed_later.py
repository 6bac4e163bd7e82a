# case: the value read is computed only after the place in the old version: declined
# === new
import flor
for epoch in range(epochs):
    for x, y in loader:
        step(x, y)
    val_loss = evaluate(model)
    flor.log("val_loss", val_loss)
    print(epoch)
# === old
for epoch in range(epochs):
    for x, y in loader:
        step(x, y)
    print(epoch)
val_loss = evaluate(model)
# === expected
<declined>
# === diagnostics
declined val_loss: reads `val_loss`, which this version computes only later (line 5)
