# case: the old inline code already logs the value: nothing changes
# === new
import flor


def evaluate_epoch(model, loader):
    model.eval()
    total = 0.0
    for x, y in loader:
        total += criterion(model(x), y).item()
    val_loss = total / len(loader)
    flor.log("val_loss", val_loss)
    return val_loss


def fit(model, loader, val_loader, epochs, every):
    for epoch in range(epochs):
        train_epoch(model, loader)
        logs = {"epoch": epoch}
        if val_loader is not None and epoch % every == 0:
            metric = evaluate_epoch(model, val_loader)
        else:
            metric = None
        callbacks.on_epoch_end(epoch, logs, metric)
# === old
import flor


def fit(model, loader, epochs, every):
    for epoch in range(epochs):
        train_epoch(model, loader)
        if eval_set is not None and epoch % every == 0:
            val_loader = make_loader(eval_set)
            model.eval()
            total = 0.0
            for x, y in val_loader:
                total += criterion(model(x), y).item()
            val_loss = total / len(val_loader)
            flor.log("val_loss", val_loss)
            print(epoch, val_loss)
        if scheduler is not None:
            scheduler.step()
        callbacks.on_epoch_end(epoch)
# === expected
<unchanged>
# === diagnostics
present val_loss
