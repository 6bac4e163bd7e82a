# case: a `break` check moved from the top of the loop to its end does not cut the optimizer-step `if` out of the alignment
# === new
import flor
for idx, batch in enumerate(loader):
    batch = to_device(batch, device)
    step_loss = loss_step(model, batch) * scale
    running += step_loss
    step_loss.backward()
    flor.log("step_loss", step_loss.item())
    if (idx + 1) % accum == 0:
        optimizer.step()
        optimizer.zero_grad()
        scheduler.step()
        global_step += 1
    if (idx + 1) // accum == max_steps:
        break
# === old
for idx, batch in enumerate(loader):
    if (idx + 1) // accum == max_steps:
        break
    inputs, labels = batch
    logits = model(inputs.to(device))
    loss = loss_fn(logits, labels.to(device))
    loss = loss / accum
    loss.backward()
    if (idx + 1) % accum == 0:
        optimizer.step()
        optimizer.zero_grad()
        scheduler.step()
        global_step += 1
# === expected
import flor
for idx, batch in enumerate(loader):
    if (idx + 1) // accum == max_steps:
        break
    inputs, labels = batch
    logits = model(inputs.to(device))
    loss = loss_fn(logits, labels.to(device))
    loss = loss / accum
    loss.backward()
    flor.log("step_loss", loss.item())
    if (idx + 1) % accum == 0:
        optimizer.step()
        optimizer.zero_grad()
        scheduler.step()
        global_step += 1
# === diagnostics
placed step_loss at for:(idx,batch)/stmt:6 renames step_loss.item->loss.item
