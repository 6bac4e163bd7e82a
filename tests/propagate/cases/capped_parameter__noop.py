# case: the old version already logs the epochs it was given: nothing changes
# === new
import flor


def fit(model, data, epochs=1):
    check_compiled(model)
    max_epochs = config.max_epochs()
    if max_epochs and max_epochs < epochs:
        warn("Limiting epochs to %d" % max_epochs)
        epochs = max_epochs
    flor.log("epochs", epochs)
    iterator = EpochIterator(data)
    for epoch in range(epochs):
        run_epoch(model, iterator, epoch)
# === old
import flor


def fit(model, data, epochs=1):
    check_compiled(model)
    flor.log("epochs", epochs)
    iterator = EpochIterator(data)
    for epoch in range(epochs):
        run_epoch(model, iterator, epoch)
# === expected
<unchanged>
# === diagnostics
present epochs
