# case: last in a block whose counterpart exists, after statements that are all new today: last in the old block
# === new
import flor
for step, batch in enumerate(loader):
    loss = train_step(batch)
    if use_wandb and step % log_every == 0:
        payload = {"train/loss": float(loss)}
        logger.log_data(payload, step=step)
        flor.log("logged_loss", float(loss))
# === old
for step, batch in enumerate(loader):
    loss = train_step(batch)
    if use_wandb and step % log_every == 0:
        wandb.log({"loss": float(loss)}, step=step)
# === expected
import flor
for step, batch in enumerate(loader):
    loss = train_step(batch)
    if use_wandb and step % log_every == 0:
        wandb.log({"loss": float(loss)}, step=step)
        flor.log("logged_loss", float(loss))
# === diagnostics
placed logged_loss at for:(step,batch)/if/stmt:1
