# case: today an `if` without `else` caps a parameter (`epochs = max_epochs`); the old version has no cap, so the parameter itself is the value: placed, not declined as computed today
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
def fit(model, data, epochs=1):
    check_compiled(model)
    iterator = EpochIterator(data)
    for epoch in range(epochs):
        run_epoch(model, iterator, epoch)
# === expected
import flor
def fit(model, data, epochs=1):
    check_compiled(model)
    flor.log("epochs", epochs)
    iterator = EpochIterator(data)
    for epoch in range(epochs):
        run_epoch(model, iterator, epoch)
# === diagnostics
placed epochs at fit/stmt:1
