# case: the old block already ends with the statement: nothing changes
# === new
import flor
for step, batch in enumerate(loader):
    loss = train_step(batch)
    if use_wandb and step % log_every == 0:
        payload = {"train/loss": float(loss)}
        logger.log_data(payload, step=step)
        flor.log("logged_loss", float(loss))
# === old
import flor
for step, batch in enumerate(loader):
    loss = train_step(batch)
    if use_wandb and step % log_every == 0:
        wandb.log({"loss": float(loss)}, step=step)
        flor.log("logged_loss", float(loss))
# === expected
<unchanged>
# === diagnostics
present logged_loss
