# case: the old version has no optimizer at all: declined
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
for x, y in loader:
    loss = F.mse_loss(model(x), y)
    loss.backward()
    manual_update(model)
# === expected
<declined>
# === diagnostics
declined lr: reads `self.optimizer.param_groups`, which is not bound there in this version
