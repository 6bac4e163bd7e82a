# case: self.optim.step() word for word on both sides, though today it runs the step() of a wrapper class new today: still the old optimizer step
# === new
import flor


class WarmupOptimizer:
    def __init__(self, optimizer, scheduler):
        self.optimizer = optimizer
        self.scheduler = scheduler

    def step(self):
        self.optimizer.step()
        self.scheduler.step()


class Trainer:
    def train_step(self, batch):
        loss = self.model(batch, return_loss=True)
        loss.backward()
        self.optim.step()
        flor.log("loss", loss.item())
        self.optim.zero_grad()
        return loss


class FineTrainer:
    def train_step(self, batch):
        loss = self.transformer(batch)
        loss.backward()
        self.optim.step()
        self.optim.zero_grad()
        return loss
# === old
class Trainer:
    def train_step(self, batch):
        loss = self.model(batch)
        loss.backward()
        self.optim.step()
        self.optim.zero_grad()
        return loss


class FineTrainer:
    def train_step(self, batch):
        loss = self.transformer(batch)
        loss.backward()
        self.optim.step()
        self.optim.zero_grad()
        return loss
# === expected
import flor
class Trainer:
    def train_step(self, batch):
        loss = self.model(batch)
        loss.backward()
        self.optim.step()
        flor.log("loss", loss.item())
        self.optim.zero_grad()
        return loss


class FineTrainer:
    def train_step(self, batch):
        loss = self.transformer(batch)
        loss.backward()
        self.optim.step()
        self.optim.zero_grad()
        return loss
# === diagnostics
placed loss at Trainer/train_step/stmt:3
