# case: the old loop already logs after its backward: nothing changes
# === new
import flor
for idx, batch in enumerate(loader):
    step_loss = loss_step(model, batch) * scale
    step_loss.backward()
    flor.log("step_loss", step_loss.item())
    if (idx + 1) % accum == 0:
        optimizer.step()
        optimizer.zero_grad()
        scheduler.step()
    if (idx + 1) // accum == max_steps:
        break
# === old
import flor
for idx, batch in enumerate(loader):
    if (idx + 1) // accum == max_steps:
        break
    loss = loss_fn(model(batch[0]), batch[1]) / accum
    loss.backward()
    flor.log("step_loss", loss.item())
    if (idx + 1) % accum == 0:
        optimizer.step()
        optimizer.zero_grad()
        scheduler.step()
# === expected
<unchanged>
# === diagnostics
present step_loss
