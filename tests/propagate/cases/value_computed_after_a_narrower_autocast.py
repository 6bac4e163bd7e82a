# case: the autocast block wraps only the forward in the old version: after the loss, which is computed after it
# === new
import flor
for x, y in loader:
    with torch.autocast("cuda", dtype=torch.bfloat16):
        out = model(x)
        loss = criterion(out.float(), y)
    flor.log("loss", loss.item())
    loss.backward()
# === old
for x, y in loader:
    with torch.autocast("cuda", dtype=torch.bfloat16):
        out = model(x)
    loss = criterion(out.float(), y)
    loss.backward()
# === expected
import flor
for x, y in loader:
    with torch.autocast("cuda", dtype=torch.bfloat16):
        out = model(x)
    loss = criterion(out.float(), y)
    flor.log("loss", loss.item())
    loss.backward()
# === diagnostics
placed loss at for:(x,y)/stmt:2
