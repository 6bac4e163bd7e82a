# case: the interrupt handler of the newest version is no place for an epoch value: nothing changes
# === new
import flor
try:
    for epoch in range(epochs):
        val_loss = evaluate(model)
        flor.log("val_loss", val_loss)
except KeyboardInterrupt:
    print("interrupted")
# === old
import flor
try:
    for epoch in range(epochs):
        val_loss = evaluate(model)
        flor.log("val_loss", val_loss)
except KeyboardInterrupt:
    print("interrupted")
# === expected
<unchanged>
# === diagnostics
present val_loss
