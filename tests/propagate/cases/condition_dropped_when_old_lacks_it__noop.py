# case: the newest condition exists, the value it logs does not: declined
# === new
import flor
for epoch in range(epochs):
    train_one_epoch(model)
    if rank == 0:
        acc = evaluate(model)
        flor.log("acc", acc)
        print(acc)
# === old
for epoch in range(epochs):
    train_one_epoch(model)
    print(epoch)
# === expected
<declined>
# === diagnostics
declined acc: reads `acc`, which is not bound there in this version
