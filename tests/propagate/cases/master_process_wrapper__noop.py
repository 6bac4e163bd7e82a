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
declined lossf: none of its neighbouring statements has a counterpart
