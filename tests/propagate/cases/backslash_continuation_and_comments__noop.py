# case: no loss: declined
# === new
import flor
for x, y in loader:
    loss = criterion(model(x), y) \
        + reg * penalty(model)
    flor.log("loss", loss.item())
# === old
for x, y in loader:
    # forward pass
    out = model(x)
# === expected
<declined>
# === diagnostics
declined loss: none of its neighbouring statements has a counterpart
