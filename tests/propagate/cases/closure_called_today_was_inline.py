# case: a step written as a closure today and inline before: the statement after the closure's call goes after all of the old inline body, not after the old binding of the value it reads
# === new
import flor


def take_step(model, loss_fn, batch, optimizer, max_grad_norm):
    def closure():
        optimizer.zero_grad(set_to_none=True)
        output = model(batch, training=True)
        loss = loss_fn(pred=output, ref=batch)
        loss.backward()
        if max_grad_norm is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_grad_norm)
        return loss

    loss = closure()
    flor.log("step_loss", loss.item())
    optimizer.step()
    return loss
# === old
def take_step(model, loss_fn, batch, optimizer, max_grad_norm):
    optimizer.zero_grad()
    output = model(batch, training=True)
    loss = loss_fn(pred=output, ref=batch)
    loss.backward()
    if max_grad_norm is not None:
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_grad_norm)
    optimizer.step()
    return loss
# === expected
import flor
def take_step(model, loss_fn, batch, optimizer, max_grad_norm):
    optimizer.zero_grad()
    output = model(batch, training=True)
    loss = loss_fn(pred=output, ref=batch)
    loss.backward()
    if max_grad_norm is not None:
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_grad_norm)
    flor.log("step_loss", loss.item())
    optimizer.step()
    return loss
# === diagnostics
placed step_loss at take_step/stmt:5
