# case: the old version binds the value before adding it: the statement is already there, nothing changes
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
import flor
for epoch in range(epochs):
    total = 0.0
    for batch in loader:
        stop = min(start + size, n)
        loss = forward_pass(batch, start, stop, n, smoothing)
        total += loss
        flor.log("batch_loss", loss)
    print(epoch, total)
# === expected
<unchanged>
# === diagnostics
present batch_loss
