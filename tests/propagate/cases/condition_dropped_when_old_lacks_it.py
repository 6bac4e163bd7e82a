# case: the old version is single-process: the unconditional equivalent
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
    acc = evaluate(model)
    print(acc)
# === expected
import flor
for epoch in range(epochs):
    train_one_epoch(model)
    acc = evaluate(model)
    flor.log("acc", acc)
    print(acc)
# === diagnostics
placed acc at for:epoch/stmt:2
