# case: two new statements after the same anchor keep their order
# === new
import flor
for x, y in loader:
    loss = step(x, y)
    flor.log("loss", loss)
    flor.log("batch", len(x))
# === old
for x, y in loader:
    loss = step(x, y)
# === expected
import flor
for x, y in loader:
    loss = step(x, y)
    flor.log("loss", loss)
    flor.log("batch", len(x))
# === diagnostics
placed loss at for:(x,y)/stmt:1
placed batch at for:(x,y)/stmt:1
