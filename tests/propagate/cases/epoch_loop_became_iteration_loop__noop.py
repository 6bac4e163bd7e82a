# case: the old version never validates: declined
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
    print(epoch)
# === expected
<declined>
# === diagnostics
declined val_acc: reads `val_acc`, computed today by the statement at line 8, which has no counterpart in this version
