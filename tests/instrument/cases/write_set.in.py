import florc as flor

history = []
stats = {}
meter = Meter()
it = iter(stream)
step = 0

for epoch in flor.loop("epoch", range(2)):
    for batch in loader:
        step += 1
        history.append(step)
        stats["last"] = step
        meter.count = step
        scaler.scale(loss_of(batch)).backward()
        scaler.step(opt)
        sample = next(it)
        tmp = batch * 2
    flor.log("step", step)
