# case: `self.optimizer` in a method was the module-level `optimizer` before
# === new
import flor


class Trainer:
    def __init__(self, model, lr):
        self.model = model
        self.optimizer = torch.optim.SGD(model.parameters(), lr=lr)

    def step(self, x, y):
        loss = F.mse_loss(self.model(x), y)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        flor.log("lr", self.optimizer.param_groups[0]["lr"])
        return loss
# === old
model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = F.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
# === expected
import flor
model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = F.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    flor.log("lr", optimizer.param_groups[0]["lr"])
# === diagnostics
placed lr at for:(x,y)/stmt:4 renames self.optimizer.param_groups->optimizer.param_groups
