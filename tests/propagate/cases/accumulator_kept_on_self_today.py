# case: elapsed += t before, self.elapsed += t today (kept on the object to be checkpointed), at another place in the loop: the same accumulator, renamed
# === new
import flor
from datetime import datetime, timedelta


class Trainer:
    def train(self, epochs, patience):
        self.epoch, self.best_e, self.patience, self.elapsed = 1, 1, patience, timedelta()
        for epoch in range(self.epoch, epochs + 1):
            start = datetime.now()
            self.train_epoch()
            loss = self.evaluate()
            t = datetime.now() - start
            self.elapsed += t
            flor.log("elapsed", self.elapsed.total_seconds())
            if loss < self.best:
                self.best_e, self.patience = epoch, patience
                self.save()
            else:
                self.patience -= 1
# === old
from datetime import datetime, timedelta


class Trainer:
    def train(self, epochs, patience):
        elapsed = timedelta()
        best_e = 1
        for epoch in range(1, epochs + 1):
            start = datetime.now()
            self.train_epoch()
            loss = self.evaluate()
            t = datetime.now() - start
            if loss < self.best:
                best_e = epoch
                self.save()
            elapsed += t
            if epoch - best_e >= patience:
                break
# === expected
import flor
from datetime import datetime, timedelta


class Trainer:
    def train(self, epochs, patience):
        elapsed = timedelta()
        best_e = 1
        for epoch in range(1, epochs + 1):
            start = datetime.now()
            self.train_epoch()
            loss = self.evaluate()
            t = datetime.now() - start
            if loss < self.best:
                best_e = epoch
                self.save()
            elapsed += t
            flor.log("elapsed", elapsed.total_seconds())
            if epoch - best_e >= patience:
                break
# === diagnostics
placed elapsed at Trainer/train/for:epoch/stmt:6 renames self.elapsed.total_seconds->elapsed.total_seconds
