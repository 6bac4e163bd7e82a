import florc as flor


def train(model, loader, opt, epochs):
    best = float("inf")
    for epoch in range(epochs):
        for x, y in loader:
            loss = model.loss(x, y)
            loss.backward()
            opt.step()
        if loss.item() < best:
            best = loss.item()
        flor.log("best", best)
    return best
