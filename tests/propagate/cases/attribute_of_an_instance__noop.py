# case: an attribute the class keeps that nothing old corresponds to: declined
# === new
import flor


class Trainer:
    def __init__(self, model):
        self.model = model
        self.history = []

    def train_one_epoch(self, loader):
        self.model.train()
        self.history.append(len(loader))


trainer = Trainer(Net())
for epoch in range(10):
    trainer.train_one_epoch(loader)
    flor.log("history", len(trainer.history))
# === old
model = Net()
for epoch in range(10):
    model.train()
# === expected
<declined>
# === diagnostics
declined history: reads `trainer.history`, computed today by the statement at line 14, which has no counterpart in this version
