# case: the statement reads the scaler, which the fp32 version lacks: declined
# === new
import flor
for x, y in loader:
    with torch.autocast("cuda", dtype=torch.float16):
        loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    flor.log("scale", scaler.get_scale())
# === old
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
# === expected
<declined>
# === diagnostics
declined scale: reads `scaler.get_scale`, which is not bound there in this version
