# case: the previous sibling changed its text (scaled backward): still its image
# === new
import flor
for x, y in loader:
    loss = criterion(model(x), y)
    (loss / accum).backward()
    flor.log("batch_loss", loss.item())
    optimizer.step()
# === old
for x, y in loader:
    loss = criterion(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
# === expected
import flor
for x, y in loader:
    loss = criterion(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    flor.log("batch_loss", loss.item())
    optimizer.step()
# === diagnostics
placed batch_loss at for:(x,y)/stmt:3
