# case: the statement is already after the old accumulation: nothing changes
# === new
import flor
for batch in loader:
    out = model(batch)
    loss = criterion(out, batch.y)
    backward(scaler.scale(loss))
    batch_train_loss += loss.item()
    flor.log("loss", loss.item())
    release(batch, mode)
# === old
import flor
for batch in loader:
    out = model(batch)
    loss = criterion(out, batch.y)
    loss.backward()
    train_loss += loss.item()
    flor.log("loss", loss.item())
    seen_batches += 1
    release(batch, mode)
# === expected
<unchanged>
# === diagnostics
present loss
