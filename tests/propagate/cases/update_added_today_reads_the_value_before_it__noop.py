# case: the old version already logs the value: nothing changes
# === new
import flor
for epoch in range(epochs):
    train_one_epoch(model, loader)
    with torch.no_grad():
        val_loss, n = evaluate(model, val_loader)
        val_loss = all_reduce_mean(val_loss)
        flor.log("val_loss", val_loss)
        metrics = summarize(val_loss, n)
    scheduler.step(metrics["loss"])
# === old
import flor
for epoch in range(epochs):
    train_one_epoch(model, loader)
    with torch.no_grad():
        val_loss, n = evaluate(model, val_loader)
        flor.log("val_loss", val_loss)
        metrics = summarize(val_loss, n)
    scheduler.step(metrics["loss"])
# === expected
<unchanged>
# === diagnostics
present val_loss
