# case: a `with` added today around the step (gradient sync) is transparent: its body corresponds to the old loop body
# === new
import flor
for i, step in enumerate(steps):
    sync = model.no_sync() if i < len(steps) - 1 else nullcontext()
    with sync:
        with autocast(enabled=amp):
            out = model.forward_loss(step)
        seen += out.count
        step_loss += out.loss.item()
        flor.log("step_loss", out.loss.item())
        backward(scaler.scale(out.loss))
# === old
for step in steps:
    out = model.forward_loss(step)
    if amp:
        with amp_scale(out.loss) as scaled:
            scaled.backward()
    else:
        out.loss.backward()
    step_loss += out.loss.item()
# === expected
import flor
for step in steps:
    out = model.forward_loss(step)
    if amp:
        with amp_scale(out.loss) as scaled:
            scaled.backward()
    else:
        out.loss.backward()
    step_loss += out.loss.item()
    flor.log("step_loss", out.loss.item())
# === diagnostics
placed step_loss at for:step/stmt:3
