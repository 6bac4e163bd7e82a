# case: after `scaler.update()` today; the fp32 version steps the optimizer itself
# === new
import flor
for x, y in loader:
    with torch.autocast("cuda", dtype=torch.float16):
        loss = criterion(model(x), y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    flor.log("loss", loss.item())
    optimizer.zero_grad()
# === old
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
# === expected
import flor
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    flor.log("loss", loss.item())
    optimizer.zero_grad()
# === diagnostics
placed loss at for:(x,y)/stmt:3
