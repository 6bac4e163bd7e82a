# case: after the `with autocast` block that computes the loss; inline forward before
# === new
import flor
for x, y in loader:
    with torch.autocast("cuda"):
        out = model(x)
        loss = criterion(out, y)
    flor.log("loss", loss.item())
    loss.backward()
# === old
for x, y in loader:
    out = model(x)
    loss = criterion(out, y)
    loss.backward()
# === expected
import flor
for x, y in loader:
    out = model(x)
    loss = criterion(out, y)
    flor.log("loss", loss.item())
    loss.backward()
# === diagnostics
placed loss at for:(x,y)/stmt:2
