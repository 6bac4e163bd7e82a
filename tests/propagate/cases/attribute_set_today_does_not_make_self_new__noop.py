# case: the old version already logs the learning rate: nothing changes
# === new
import flor
class Forecaster:
    def __init__(self, model, optimizer, scheduler):
        self.model = model
        self.optimizer = optimizer
        self.scheduler = scheduler

    def train_epoch(self, loader):
        for inputs, targets in loader:
            predicted = self.model(inputs)
            self.last_prediction = predicted
            loss = self.loss_fn(predicted, targets)
            loss.backward()
            self.optimizer.step()
            self.scheduler.step()
            flor.log("lr", self.scheduler.get_last_lr()[0])
# === old
import flor
class Forecaster:
    def __init__(self, model, optimizer, scheduler):
        self.model = model
        self.optimizer = optimizer
        self.scheduler = scheduler

    def train_epoch(self, loader):
        for inputs, targets in loader:
            predicted = self.model(inputs)
            loss = self.loss_fn(predicted, targets)
            loss.backward()
            self.optimizer.step()
            self.scheduler.step()
            flor.log("lr", self.scheduler.get_last_lr()[0])
# === expected
<unchanged>
# === diagnostics
present lr
