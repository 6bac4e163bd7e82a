# case: the old version already logs the value: nothing changes
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
import flor
for epoch in range(epochs):
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()
# === expected
<unchanged>
# === diagnostics
present loss
