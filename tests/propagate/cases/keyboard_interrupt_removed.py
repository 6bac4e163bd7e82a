# case: the old version has the try/except, the newest does not: inside the try body
# === new
import flor
for epoch in range(epochs):
    val_loss = evaluate(model)
    flor.log("val_loss", val_loss)
    scheduler.step(val_loss)
# === old
try:
    for epoch in range(epochs):
        val_loss = evaluate(model)
        scheduler.step(val_loss)
except KeyboardInterrupt:
    print("interrupted")
# === expected
import flor
try:
    for epoch in range(epochs):
        val_loss = evaluate(model)
        flor.log("val_loss", val_loss)
        scheduler.step(val_loss)
except KeyboardInterrupt:
    print("interrupted")
# === diagnostics
placed val_loss at try/for:epoch/stmt:1
