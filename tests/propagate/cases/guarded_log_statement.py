# case: a log statement under its own condition moves with its condition
# === new
import flor
for step in range(steps):
    loss = train_step()
    if step % 100 == 0:
        flor.log("loss", loss)
# === old
for step in range(steps):
    loss = train_step()
# === expected
import flor
for step in range(steps):
    loss = train_step()
    if step % 100 == 0:
        flor.log("loss", loss)
# === diagnostics
placed loss at for:step/stmt:1
