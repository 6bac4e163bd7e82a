# case: The same site already placed: nothing to do.
# === new
import flor


class Trainer:
    def fit(self, data, model):
        self.model = model
        train_loader, valid_loader = data.get_loaders()
        self.train_loader = train_loader
        flor.log("steps_per_epoch", len(self.train_loader))
        self.train_loader_copy = train_loader.copy()
        self.valid_loader = valid_loader
        for epoch in range(self.num_epoch):
            self.train_epoch()

    def train_epoch(self):
        for batch in self.train_loader:
            self.model.step(batch)
# === old
import flor
class Trainer:
    def fit(self, tr_loader, tr_loader_copy, cv_loader):
        self.tr_loader = tr_loader
        flor.log("steps_per_epoch", len(self.tr_loader))
        self.tr_loader_copy = tr_loader_copy
        self.cv_loader = cv_loader
        for epoch in range(self.num_epoch):
            self.train_epoch()

    def train_epoch(self):
        for batch in self.tr_loader:
            self.model.step(batch)
# === expected
<unchanged>
# === diagnostics
present steps_per_epoch
