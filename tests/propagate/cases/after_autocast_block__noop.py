# case: already logged: unchanged
# === new
import flor
for x, y in loader:
    with torch.autocast("cuda"):
        out = model(x)
        loss = criterion(out, y)
    flor.log("loss", loss.item())
    loss.backward()
# === old
import flor
for x, y in loader:
    out = model(x)
    loss = criterion(out, y)
    flor.log("loss", loss.item())
    loss.backward()
# === expected
<unchanged>
# === diagnostics
present loss
