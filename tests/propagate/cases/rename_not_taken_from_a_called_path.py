# case: `{loss_to_log}` where the old f-string has `{loss.item()}`: a value that became a call is no rename, the name is unbound: declined
# === new
import flor
running_loss = 0.0
for idx, batch in enumerate(loader):
    loss = step(model, batch)
    running_loss += loss
    if (idx + 1) % accum == 0:
        optimizer.step()
        loss_to_log = running_loss.item() / accum
        flor.log("loss", loss_to_log)
        pbar.set_description(f"{epoch}|{idx}|Loss: {loss_to_log}")
        running_loss = 0.0
# === old
for idx, batch in enumerate(loader):
    loss = step(model, batch)
    if (idx + 1) % accum == 0:
        optimizer.step()
        pbar.set_description(f"{epoch}|{idx}|Loss: {loss.item()}")
# === expected
<declined>
# === diagnostics
declined loss: reads `loss_to_log`, computed today by the statement at line 8, which has no counterpart in this version
