# case: the value read was only ever added to an accumulator in the old version: declined, not renamed to the accumulator
# === new
import flor
for epoch in range(epochs):
    total = 0.0
    for batch in loader:
        stop = min(start + size, n)
        batch_loss = forward_pass(batch, start, stop, n, smoothing)
        total += batch_loss
        flor.log("batch_loss", batch_loss)
        callbacks.on_batch(epoch=epoch, batch_loss=batch_loss)
    print(epoch, total)
# === old
for epoch in range(epochs):
    total = 0.0
    for batch in loader:
        stop = min(start + size, n)
        total += forward_pass(batch, start, stop, n, smoothing)
    print(epoch, total)
# === expected
<declined>
# === diagnostics
declined batch_loss: reads `batch_loss`, which is not bound there in this version
