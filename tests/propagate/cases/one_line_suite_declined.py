# case: the place is inside a one-line `if x: y` block, where no line fits: declined
# === new
import flor
for step in range(steps):
    loss = train_step()
    if step % 10 == 0:
        report(loss)
        flor.log("loss", loss)
# === old
for step in range(steps):
    loss = train_step()
    if step % 10 == 0: report(loss)
# === expected
<declined>
# === diagnostics
declined loss: its place is inside a one-line block (`if x: y`), where no line fits
