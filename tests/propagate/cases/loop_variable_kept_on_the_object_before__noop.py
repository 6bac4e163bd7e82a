# case: The same site already placed: nothing to do.
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
import flor
class Trainer:
    def train(self, loader, max_epochs):
        for self.epoch in range(self.epoch + 1, max_epochs + 1):
            flor.log("epoch", self.epoch)
            self.model.train()
            for batch in loader:
                self.step(batch)
            self.last_epoch_done = self.epoch
# === expected
<unchanged>
# === diagnostics
present epoch
