# case: already logged: unchanged
# === new
import flor
for x, y in loader:
    loss = criterion(model(x), y)
    flor.log("loss",
             loss.item())
# === old
import flor
for x, y in loader:
    loss = criterion(model(x), y)
    flor.log("loss", loss.item())
# === expected
<unchanged>
# === diagnostics
present loss
