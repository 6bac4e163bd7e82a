# case: `trainer.model` is `self.model` of Trainer, which was the global `model` before the class existed
# === new
import flor


class Trainer:
    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer

    def train_one_epoch(self, loader):
        self.model.train()
        for x, y in loader:
            self.optimizer.zero_grad()
            loss = F.nll_loss(self.model(x), y)
            loss.backward()
            self.optimizer.step()


model = Net()
trainer = Trainer(model, torch.optim.SGD(model.parameters(), lr=0.01))
for epoch in range(10):
    trainer.train_one_epoch(loader)
    flor.log("weight_norm", sum(p.norm().item() for p in trainer.model.parameters()))
# === old
model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)


def train(loader):
    model.train()
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.nll_loss(model(x), y)
        loss.backward()
        optimizer.step()


for epoch in range(10):
    train(loader)
# === expected
import flor
model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)


def train(loader):
    model.train()
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.nll_loss(model(x), y)
        loss.backward()
        optimizer.step()


for epoch in range(10):
    train(loader)
    flor.log("weight_norm", sum(p.norm().item() for p in model.parameters()))
# === diagnostics
placed weight_norm at for:epoch/stmt:1 renames trainer.model.parameters->model.parameters
