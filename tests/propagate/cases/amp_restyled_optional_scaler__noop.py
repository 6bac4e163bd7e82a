# case: already logged after the unconditional update: unchanged
# === new
import flor
for x, y in loader:
    loss = criterion(model(x), y)
    if scaler is not None:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        flor.log("scale", scaler.get_scale())
# === old
import flor
scaler = torch.cuda.amp.GradScaler(enabled=use_amp)
for x, y in loader:
    loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    flor.log("scale", scaler.get_scale())
# === expected
<unchanged>
# === diagnostics
present scale
