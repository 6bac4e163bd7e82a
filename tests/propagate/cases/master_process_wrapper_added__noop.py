# case: already logged: unchanged
# === new
import flor
for it in range(max_iters):
    loss = train_step(model, batch)
    if master_process:
        lossf = loss.item()
        flor.log("lossf", lossf)
# === old
import flor
for it in range(max_iters):
    loss = train_step(model, batch)
    lossf = loss.item()
    flor.log("lossf", lossf)
# === expected
<unchanged>
# === diagnostics
present lossf
