# case: an optional scaler today (`if scaler is not None:`), unconditional before
# === new
import flor
for x, y in loader:
    loss = criterion(model(x), y)
    if scaler is not None:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        flor.log("scale", scaler.get_scale())
    else:
        loss.backward()
        optimizer.step()
# === old
scaler = torch.cuda.amp.GradScaler(enabled=use_amp)
for x, y in loader:
    loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
# === expected
import flor
scaler = torch.cuda.amp.GradScaler(enabled=use_amp)
for x, y in loader:
    loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    flor.log("scale", scaler.get_scale())
# === diagnostics
placed scale at for:(x,y)/stmt:4
