# case: no backward pass and no loss in the old version: declined
# === new
import flor
for x, y in loader:
    loss = criterion(model(x), y)
    (loss / accum).backward()
    flor.log("batch_loss", loss.item())
    optimizer.step()
# === old
for x, y in loader:
    preds = model(x)
    store(preds)
# === expected
<declined>
# === diagnostics
declined batch_loss: none of its neighbouring statements has a counterpart
