# case: evaluation every N iterations today, every epoch before: the unconditional equivalent
# === new
import flor
for it in range(1, max_iters + 1):
    x, y = next(batches)
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    if it % eval_every == 0:
        val_acc = evaluate(model, val_loader)
        flor.log("val_acc", val_acc)
        print(it, val_acc)
# === old
for epoch in range(epochs):
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    val_acc = evaluate(model, val_loader)
    print(epoch, val_acc)
# === expected
import flor
for epoch in range(epochs):
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    val_acc = evaluate(model, val_loader)
    flor.log("val_acc", val_acc)
    print(epoch, val_acc)
# === diagnostics
placed val_acc at for:epoch/stmt:2
