# case: an attribute of self set today (self.last_prediction = ...) is no new definition of self or of its other attributes
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
# === expected
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
# === diagnostics
placed lr at Forecaster/train_epoch/for:(inputs,targets)/stmt:5
