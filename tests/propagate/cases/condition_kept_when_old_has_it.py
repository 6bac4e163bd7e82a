# case: under `if rank == 0:` in both versions: it stays under the condition
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
    if rank == 0:
        acc = evaluate(model, val_loader)
        print("acc", acc)
# === expected
import flor
for epoch in range(epochs):
    train_one_epoch(model)
    if rank == 0:
        acc = evaluate(model, val_loader)
        flor.log("acc", acc)
        print("acc", acc)
# === diagnostics
placed acc at for:epoch/if/stmt:1
