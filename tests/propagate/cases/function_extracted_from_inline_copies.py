# case: a function new today runs code that was inline at its calls: the statement goes into the copy at the first call
# === new
import flor


def run_epoch(model, loader, step_fn):
    for batch in loader:
        out = step_fn(model, batch)
        flor.log("out", out)
        history.append(out)


def fit(model, train_loader, valid_loader, epochs):
    for epoch in range(epochs):
        notify("epoch_begin", epoch)
        run_epoch(model, train_loader, train_step)
        run_epoch(model, valid_loader, valid_step)
        notify("epoch_end", epoch)
# === old
def fit(model, train_loader, valid_loader, epochs):
    for epoch in range(epochs):
        notify("epoch_begin", epoch)
        for batch in train_loader:
            out = train_step(model, batch)
            history.append(out)
        for batch in valid_loader:
            out = valid_step(model, batch)
            history.append(out)
        notify("epoch_end", epoch)
# === expected
import flor
def fit(model, train_loader, valid_loader, epochs):
    for epoch in range(epochs):
        notify("epoch_begin", epoch)
        for batch in train_loader:
            out = train_step(model, batch)
            flor.log("out", out)
            history.append(out)
        for batch in valid_loader:
            out = valid_step(model, batch)
            history.append(out)
        notify("epoch_end", epoch)
# === diagnostics
placed out at fit/for:epoch/for:batch/stmt:1
