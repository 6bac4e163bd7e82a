# case: the only val_loss of the old version is in the interrupt handler: declined
# === new
import flor
for epoch in range(epochs):
    val_loss = evaluate(model)
    flor.log("val_loss", val_loss)
    scheduler.step(val_loss)
# === old
try:
    for epoch in range(epochs):
        train(model)
except KeyboardInterrupt:
    val_loss = evaluate(model)
    print("interrupted", val_loss)
# === expected
<declined>
# === diagnostics
declined val_loss: none of its neighbouring statements has a counterpart
