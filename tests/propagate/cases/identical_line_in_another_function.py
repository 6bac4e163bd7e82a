# case: today's `main()` has, word for word, a line of the old `fit()` (which today rewrote), and the old `main()` has no final validation: declined, not placed in `fit()`
# === new
import flor


def fit(model, loader, val_loader):
    for step, batch in enumerate(loader, start=1):
        loss = model(batch)
        loss.backward()
        if step % 100 == 0:
            val_loss = validate(model, val_loader, eval_cfg)
            val_loss_tensor = all_reduce(val_loss)
            metrics = {"val_loss": val_loss_tensor}
            log_dict(metrics, step=step)


def main(model, loader, val_loader, final):
    fit(model, loader, val_loader)
    if final:
        val_loss = validate(model, val_loader, full=True)
        flor.log("final_val_loss", val_loss.item())
        metrics = {"val_loss": val_loss}
        log_dict(metrics)
# === old
def fit(model, loader, val_loader):
    for step, batch in enumerate(loader):
        loss = model(batch)
        loss.backward()
        if step % 100 == 0:
            val_loss = validate(model, val_loader)
            metrics = {"val_loss": val_loss}
            log_dict(metrics, step=step)


def main(model, loader, val_loader):
    fit(model, loader, val_loader)
# === expected
<declined>
# === diagnostics
declined final_val_loss: no statement around it and no enclosing block has a counterpart
