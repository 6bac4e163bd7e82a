# case: the statement after the inline body is found again
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


def take_lbfgs_step(model, loss_fn, batches, optimizer):
    def closure():
        optimizer.zero_grad()
        total = sum(loss_fn(pred=model(b), ref=b) for b in batches)
        total.backward()
        return total

    return optimizer.step(closure)
# === old
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


def take_lbfgs_step(model, loss_fn, batches, optimizer):
    def closure():
        optimizer.zero_grad()
        total = sum(loss_fn(pred=model(b), ref=b) for b in batches)
        total.backward()
        return total

    return optimizer.step(closure)
# === expected
<unchanged>
# === diagnostics
present step_loss
