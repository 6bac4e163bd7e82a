# case: the old version binds the local itself and already logs it: nothing changes
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
import flor
from mylib.types import *


def fit(model, loader, epochs):
    for epoch in range(epochs):
        train_epoch(model, loader)
        metric = None
        if validate:
            scores = evaluate(model)
            history.append(scores)
            metric = scores["loss"]
        flor.log("metric", metric)
        callbacks.on_epoch_end(epoch, metric)
# === expected
<unchanged>
# === diagnostics
present metric
