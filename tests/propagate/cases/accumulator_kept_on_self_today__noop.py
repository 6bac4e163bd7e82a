# case: no-op twin of accumulator_kept_on_self_today
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
# === expected
<unchanged>
# === diagnostics
present elapsed
