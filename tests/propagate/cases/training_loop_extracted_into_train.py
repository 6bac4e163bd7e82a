# case: the loop body moved into train(): the statement follows its anchor into the inline loop
# === new
import flor


def train(model, loader, optimizer):
    model.train()
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.nll_loss(model(x), y)
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()


def main():
    model = Net()
    optimizer = optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(1, 11):
        train(model, loader, optimizer)
        test(model)
# === old
def main():
    model = Net()
    optimizer = optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(1, 11):
        model.train()
        for data, target in loader:
            optimizer.zero_grad()
            output = model(data)
            loss = F.nll_loss(output, target)
            loss.backward()
            optimizer.step()
        test(model)
# === expected
import flor
def main():
    model = Net()
    optimizer = optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(1, 11):
        model.train()
        for data, target in loader:
            optimizer.zero_grad()
            output = model(data)
            loss = F.nll_loss(output, target)
            loss.backward()
            flor.log("loss", loss.item())
            optimizer.step()
        test(model)
# === diagnostics
placed loss at main/for:epoch/for:(data,target)/stmt:4
