# case: the newest version accumulates over micro-batches; the old one steps every batch
# === new
import flor
for step in range(steps):
    for micro in range(accum):
        x, y = next(batches)
        loss = F.cross_entropy(model(x), y) / accum
        loss.backward()
        flor.log("micro_loss", loss.item())
    optimizer.step()
    optimizer.zero_grad()
# === old
for step in range(steps):
    x, y = next(batches)
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
# === expected
import flor
for step in range(steps):
    x, y = next(batches)
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    flor.log("micro_loss", loss.item())
    optimizer.step()
    optimizer.zero_grad()
# === diagnostics
placed micro_loss at for:step/stmt:3
