# case: The old `self.tr_loader = tr_loader` is today's `self.train_loader = train_loader` (`tr` abbreviates `train`), not `self.valid_loader = valid_loader` with one word swapped: the statement goes after it
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
class Trainer:
    def fit(self, tr_loader, tr_loader_copy, cv_loader):
        self.tr_loader = tr_loader
        self.tr_loader_copy = tr_loader_copy
        self.cv_loader = cv_loader
        for epoch in range(self.num_epoch):
            self.train_epoch()

    def train_epoch(self):
        for batch in self.tr_loader:
            self.model.step(batch)
# === expected
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
# === diagnostics
placed steps_per_epoch at Trainer/fit/stmt:1 renames self.train_loader->self.tr_loader
