# case: the wrapper is new today: the old version logs unconditionally
# === new
import flor
for it in range(max_iters):
    loss = train_step(model, batch)
    if master_process:
        lossf = loss.item()
        flor.log("lossf", lossf)
# === old
for it in range(max_iters):
    loss = train_step(model, batch)
    lossf = loss.item()
    print(it, lossf)
# === expected
import flor
for it in range(max_iters):
    loss = train_step(model, batch)
    lossf = loss.item()
    flor.log("lossf", lossf)
    print(it, lossf)
# === diagnostics
placed lossf at for:it/stmt:2
