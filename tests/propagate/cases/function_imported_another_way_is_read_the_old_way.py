# case: Today `monotonic` is imported from `time`; the old version calls `time.monotonic()`: the statement reads it the old way
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
import time


def fit(model, optimizer, loader, maxiter):
    t1 = time.monotonic()
    for i in range(maxiter):
        loss = model.loss(next(loader))
        loss.backward()
        optimizer.step()
    return model
# === expected
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
# === diagnostics
placed wall_time at fit/stmt:2 renames monotonic->time.monotonic
