# case: a name the statement reads is bound nowhere in the old version
# === new
import flor
scaler = torch.cuda.amp.GradScaler()
for x, y in loader:
    with torch.autocast("cuda"):
        loss = model(x, y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    flor.log("scale", scaler.get_scale())
# === old
for x, y in loader:
    loss = model(x, y)
    loss.backward()
    optimizer.step()
# === expected
<declined>
# === diagnostics
declined scale: reads `scaler.get_scale`, computed today by the statement at line 2, which has no counterpart in this version
