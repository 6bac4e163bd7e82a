import florc as flor


def train(model, loader, opt, epochs):
    best = float("inf")
    for epoch in flor.loop("epoch", range(epochs)):
        for x, y in loader:
            loss = model.loss(x, y)
            loss.backward()
            opt.step()
        if loss.item() < best:
            best = loss.item()
    return best


if __name__ == "__main__":
    train(*setup())
