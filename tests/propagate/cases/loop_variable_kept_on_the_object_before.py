# case: Today's loop variable `epoch` was `self.epoch` before (`for self.epoch in ...`); the loop's body setting other attributes of `self` does not make `self` a name the loop binds for a value of its own
# === new
import flor


class Trainer:
    def train(self, loader, max_epochs, epoch=0):
        for epoch in range(epoch + 1, max_epochs + 1):
            flor.log("epoch", epoch)
            self.model.train()
            for batch in loader:
                self.step(batch)
            self.last_epoch_done = epoch
# === old
class Trainer:
    def train(self, loader, max_epochs):
        for self.epoch in range(self.epoch + 1, max_epochs + 1):
            self.model.train()
            for batch in loader:
                self.step(batch)
            self.last_epoch_done = self.epoch
# === expected
import flor
class Trainer:
    def train(self, loader, max_epochs):
        for self.epoch in range(self.epoch + 1, max_epochs + 1):
            flor.log("epoch", self.epoch)
            self.model.train()
            for batch in loader:
                self.step(batch)
            self.last_epoch_done = self.epoch
# === diagnostics
placed epoch at Trainer/train/for:self.epoch/stmt:0 renames epoch->self.epoch
