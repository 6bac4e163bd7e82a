# case: The same site already placed: nothing to do.
# === new
import flor
from time import monotonic


def fit(model, optimizer, loader, maxiter):
    t1 = monotonic()
    for i in range(maxiter):
        loss = model.loss(next(loader))
        loss.backward()
        optimizer.step()
    flor.log("wall_time", monotonic() - t1)
    return model
# === old
import flor
import time


def fit(model, optimizer, loader, maxiter):
    t1 = time.monotonic()
    for i in range(maxiter):
        loss = model.loss(next(loader))
        loss.backward()
        optimizer.step()
    flor.log("wall_time", time.monotonic() - t1)
    return model
# === expected
<unchanged>
# === diagnostics
present wall_time
