# case: a local the old version never binds is not taken for something `from m import *` may bind: declined
# === new
import flor
from mylib.types import *


def fit(model, loader, epochs):
    for epoch in range(epochs):
        train_epoch(model, loader)
        if validate:
            scores = evaluate(model)
            history.append(scores)
            metric = scores["loss"]
        else:
            metric = None
        flor.log("metric", metric)
        callbacks.on_epoch_end(epoch, metric)
# === old
from mylib.types import *


def fit(model, loader, epochs):
    for epoch in range(epochs):
        train_epoch(model, loader)
        if validate:
            scores = evaluate(model)
            history.append(scores)
        callbacks.on_epoch_end(epoch)
# === expected
<declined>
# === diagnostics
declined metric: reads `metric`, which is not bound there in this version
