# case: Today `fit()` fills `self.optimizers` inline; the old `fit()` calls `self._init_optimizers()`, which fills it: the value exists, and the statement goes after that call
# === new
import flor


class Trainer:
    def fit(self, data, model, optimizers):
        train_loader = data.get_loaders()
        self.state = TrainerState(train_loader, num_epoch=self.num_epoch)
        keys = sorted(optimizers)
        prepared = self.accelerator.prepare(model, *[optimizers[k] for k in keys])
        self.optimizers = {k: prepared[1 + i] for i, k in enumerate(keys)}
        flor.log("optimizers", sorted(self.optimizers))
        self.model._init_with_trainer(self)
        for epoch in range(self.state.num_epoch):
            self.train_epoch(train_loader)
# === old
class Trainer:
    def _init_optimizers(self):
        self.optimizers = {}
        for pack in self.optimizer_packs:
            self.optimizers[pack.scope] = self.make_optimizer(pack)

    def fit(self, data, model):
        train_loader = data.get_loaders()
        self.state = TrainerState(train_loader, num_epoch=self.num_epoch)
        self._init_optimizers()
        self.model._init_with_trainer(self)
        for epoch in range(self.state.num_epoch):
            self.train_epoch(train_loader)
# === expected
import flor
class Trainer:
    def _init_optimizers(self):
        self.optimizers = {}
        for pack in self.optimizer_packs:
            self.optimizers[pack.scope] = self.make_optimizer(pack)

    def fit(self, data, model):
        train_loader = data.get_loaders()
        self.state = TrainerState(train_loader, num_epoch=self.num_epoch)
        self._init_optimizers()
        flor.log("optimizers", sorted(self.optimizers))
        self.model._init_with_trainer(self)
        for epoch in range(self.state.num_epoch):
            self.train_epoch(train_loader)
# === diagnostics
placed optimizers at Trainer/fit/stmt:3
