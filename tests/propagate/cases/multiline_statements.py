# case: a multi-line anchor and a multi-line statement keep their lines
# === new
import flor
for x, y in loader:
    loss = criterion(
        model(x),
        y,
    )
    flor.log("loss",
             loss.item())
    loss.backward()
# === old
for data, target in loader:
    loss = criterion(
        model(data),
        target,
    )
    loss.backward()
# === expected
import flor
for data, target in loader:
    loss = criterion(
        model(data),
        target,
    )
    flor.log("loss",
             loss.item())
    loss.backward()
# === diagnostics
placed loss at for:(data,target)/stmt:1
