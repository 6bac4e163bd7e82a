# case: one already there, the other declined: nothing changes
# === new
import flor
for x, y in loader:
    loss = step(x, y)
    flor.log("loss", loss)
    flor.log("grad", grad_norm)
# === old
import flor
for x, y in loader:
    loss = step(x, y)
    flor.log("loss", loss)
# === expected
<declined>
# === diagnostics
present loss
declined grad: reads `grad_norm`, which is not bound there in this version
