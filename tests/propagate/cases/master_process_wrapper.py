# case: `if master_process:` around logging in both versions, different bodies
# === new
import flor
for it in range(max_iters):
    loss = train_step(model, batch)
    if master_process:
        lossf = loss.item()
        flor.log("lossf", lossf)
        print(f"iter {it}: loss {lossf:.4f}")
# === old
for it in range(max_iters):
    loss = train_step(model, batch)
    if master_process:
        lossf = loss.item()
        print("iter %d: loss %.4f" % (it, lossf))
# === expected
import flor
for it in range(max_iters):
    loss = train_step(model, batch)
    if master_process:
        lossf = loss.item()
        flor.log("lossf", lossf)
        print("iter %d: loss %.4f" % (it, lossf))
# === diagnostics
placed lossf at for:it/if/stmt:1
