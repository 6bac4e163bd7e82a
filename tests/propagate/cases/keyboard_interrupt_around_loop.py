# case: a try/except KeyboardInterrupt around the loop today; the loop was bare before
# === new
import flor
try:
    for epoch in range(epochs):
        val_loss = evaluate(model)
        flor.log("val_loss", val_loss)
        scheduler.step(val_loss)
except KeyboardInterrupt:
    print("interrupted")
# === old
for epoch in range(epochs):
    val_loss = evaluate(model)
    scheduler.step(val_loss)
# === expected
import flor
for epoch in range(epochs):
    val_loss = evaluate(model)
    flor.log("val_loss", val_loss)
    scheduler.step(val_loss)
# === diagnostics
placed val_loss at for:epoch/stmt:1
