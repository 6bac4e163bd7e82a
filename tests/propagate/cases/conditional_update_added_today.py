# case: the value is only rescaled today under a new condition: the old value before the update is the same value
# === new
import flor
for epoch in range(epochs):
    for x, y in loader:
        loss = criterion(model(x), y)
        if accum_steps > 1:
            loss = loss / accum_steps
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()
# === old
for epoch in range(epochs):
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
# === expected
import flor
for epoch in range(epochs):
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()
# === diagnostics
placed loss at for:epoch/for:(x,y)/stmt:2
