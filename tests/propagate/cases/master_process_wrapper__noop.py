# case: the old version never computes lossf: declined
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
    if master_process:
        print("iter", it)
# === expected
<declined>
# === diagnostics
declined lossf: reads `lossf`, computed today by the statement at line 5, which has no counterpart in this version
