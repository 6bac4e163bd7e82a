# case: no loss in the old version: declined
# === new
import flor
for x, y in loader:
    with torch.autocast("cuda", dtype=torch.bfloat16):
        out = model(x)
        loss = criterion(out.float(), y)
    flor.log("loss", loss.item())
# === old
for x, y in loader:
    with torch.autocast("cuda", dtype=torch.bfloat16):
        out = model(x)
    save(out)
# === expected
<declined>
# === diagnostics
declined loss: reads `loss.item`, which is not bound there in this version
