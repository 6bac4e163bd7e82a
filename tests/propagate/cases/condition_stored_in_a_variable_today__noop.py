# case: the old version already logs under the written-out condition: nothing changes
# === new
import flor
scheduler = make_scheduler(optimizer)
for epoch in range(epochs):
    for step, batch in enumerate(loader):
        loss = compute(model, batch)
        loss.backward()
        last = step + 1 == len(loader)
        do_step = (step + 1) % accum == 0 or last
        if do_step:
            optimizer.step()
            scheduler.step()
            flor.log("lr", scheduler.get_last_lr()[0])
            optimizer.zero_grad()
            state.global_step += 1
            state.epoch = epoch + (step + 1) / len(loader)
            control = callbacks.on_step_end(state, control)
            maybe_log_save_evaluate(tr_loss, model, epoch)
# === old
import flor
scheduler = make_scheduler(optimizer)
for epoch in range(epochs):
    for step, batch in enumerate(loader):
        loss = compute(model, batch)
        loss.backward()
        if (step + 1) % accum == 0 or step + 1 == len(loader):
            optimizer.step()
            scheduler.step()
            flor.log("lr", scheduler.get_last_lr()[0])
            optimizer.zero_grad()
            if logging_steps > 0 and global_step % logging_steps == 0:
                logs = {"loss": (tr_loss - logging_loss) / logging_steps}
                logging_loss = tr_loss
                writer.add_scalar("loss", logs["loss"], global_step)
            if save_steps > 0 and global_step % save_steps == 0:
                torch.save(model.state_dict(), "model.pt")
# === expected
<unchanged>
# === diagnostics
present lr
