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
declined loss: reads `loss.item`, computed today by the statement at line 3, which has no counterpart in this version
