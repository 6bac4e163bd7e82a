# case: `val_loss = all_reduce_mean(val_loss)` is new; the old version has the value before the update: after the statement that computes it
# === new
import flor
for epoch in range(epochs):
    train_one_epoch(model, loader)
    with torch.no_grad():
        val_loss, n = evaluate(model, val_loader)
        if distributed:
            barrier()
        val_loss = all_reduce_mean(val_loss)
        flor.log("val_loss", val_loss)
        metrics = summarize(val_loss, n)
    scheduler.step(metrics["loss"])
# === old
for epoch in range(epochs):
    train_one_epoch(model, loader)
    with torch.no_grad():
        val_loss, n = evaluate(model, val_loader)
        metrics = summarize(val_loss, n)
    scheduler.step(metrics["loss"])
# === expected
import flor
for epoch in range(epochs):
    train_one_epoch(model, loader)
    with torch.no_grad():
        val_loss, n = evaluate(model, val_loader)
        flor.log("val_loss", val_loss)
        metrics = summarize(val_loss, n)
    scheduler.step(metrics["loss"])
# === diagnostics
placed val_loss at for:epoch/with/stmt:1
