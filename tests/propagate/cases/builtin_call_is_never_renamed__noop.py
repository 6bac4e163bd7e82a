# case: the statement calling the builtin is found again
# === new
import flor


def train(model, loader, optimizer):
    avg_loss = 0.0
    for data in loader:
        loss = model.loss(data)
        loss.backward()
        optimizer.step()
        flor.log("loss", float(loss))
        avg_loss += float(loss)
    return avg_loss
# === old
import flor


def train(model, loader, optimizer):
    avg_loss = 0.0
    for data in loader:
        loss = model.loss(data)
        loss.backward()
        optimizer.step()
        flor.log("loss", float(loss))
        avg_loss += loss.numpy()[0]
    return avg_loss
# === expected
<unchanged>
# === diagnostics
present loss
