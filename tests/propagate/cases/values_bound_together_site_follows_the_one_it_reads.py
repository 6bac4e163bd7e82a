# case: two values bound by one statement today, by two before: the statement goes after the binding of the value it reads
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
def evaluate(model, loader, loss_fn):
    total_loss = 0.0
    for batch in loader:
        total_loss += loss_fn(model(batch), batch).item()
    avg_loss = total_loss / len(loader)

    aux = {
        "loss": avg_loss,
    }
    aux["time"] = time.time()
    return avg_loss, aux
# === expected
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
# === diagnostics
placed eval_loss at evaluate/stmt:3
