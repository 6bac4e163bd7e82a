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
declined acc: reads `acc`, computed today by the statement at line 5, which has no counterpart in this version
