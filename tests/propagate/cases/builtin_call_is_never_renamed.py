# case: float(loss) today, loss.numpy()[0] in the accumulator before: the builtin is the builtin, not renamed to the method
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
def train(model, loader, optimizer):
    avg_loss = 0.0
    for data in loader:
        loss = model.loss(data)
        loss.backward()
        optimizer.step()
        avg_loss += loss.numpy()[0]
    return avg_loss
# === expected
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
# === diagnostics
placed loss at train/for:data/stmt:3
