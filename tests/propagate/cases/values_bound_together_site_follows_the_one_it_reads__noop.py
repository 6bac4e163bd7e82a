# case: the statement after the binding it reads is found again
# === new
import flor


def evaluate(model, loader, metrics):
    for batch in loader:
        metrics.update(model(batch), batch)
    avg_loss, aux = metrics.compute()
    flor.log("eval_loss", avg_loss)
    aux["time"] = time.time()
    return avg_loss, aux
# === old
import flor


def evaluate(model, loader, loss_fn):
    total_loss = 0.0
    for batch in loader:
        total_loss += loss_fn(model(batch), batch).item()
    avg_loss = total_loss / len(loader)
    flor.log("eval_loss", avg_loss)

    aux = {
        "loss": avg_loss,
    }
    aux["time"] = time.time()
    return avg_loss, aux
# === expected
<unchanged>
# === diagnostics
present eval_loss
