# case: no loss in the old version: declined
# === new
import flor
for step in range(steps):
    loss = train_step()
    if step % 100 == 0:
        flor.log("loss", loss)
# === old
for step in range(steps):
    train_step()
# === expected
<declined>
# === diagnostics
declined loss: reads `loss`, which is not bound there in this version
