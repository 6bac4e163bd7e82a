# case: the old loop already logs where the wrapped code would: nothing changes
# === new
import flor
for i, step in enumerate(steps):
    sync = model.no_sync() if i < len(steps) - 1 else nullcontext()
    with sync:
        with autocast(enabled=amp):
            out = model.forward_loss(step)
        step_loss += out.loss.item()
        flor.log("step_loss", out.loss.item())
        backward(scaler.scale(out.loss))
# === old
import flor
for step in steps:
    out = model.forward_loss(step)
    out.loss.backward()
    step_loss += out.loss.item()
    flor.log("step_loss", out.loss.item())
# === expected
<unchanged>
# === diagnostics
present step_loss
