# case: already logged: unchanged
# === new
import flor
for step in range(steps):
    for micro in range(accum):
        x, y = next(batches)
        loss = F.cross_entropy(model(x), y) / accum
        loss.backward()
        flor.log("micro_loss", loss.item())
    optimizer.step()
# === old
import flor
for step in range(steps):
    x, y = next(batches)
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    flor.log("micro_loss", loss.item())
    optimizer.step()
# === expected
<unchanged>
# === diagnostics
present micro_loss
