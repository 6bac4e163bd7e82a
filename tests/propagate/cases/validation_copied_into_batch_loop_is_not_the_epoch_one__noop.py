# case: the per-batch validation and its statement already in the old version: nothing changes
# === new
import flor


class Trainer:
    def validate(self, loader):
        self.model.eval()
        return sum(self.eval_step(batch) for batch in loader)

    def train(self, loader):
        self.model.train()
        for batch_index, batch in enumerate(loader):
            self.train_step(batch)
            self.step += 1
            if self.valid_loader and self.val_strategy == "batch":
                if self.step % self.val_steps == 0:
                    self.validate(self.valid_loader)
                    flor.log("val_at_step", self.step)

    def fit(self, train_dataset, valid_dataset=None, config=None):
        self._init_trainer(train_dataset, valid_dataset, config)
        for _ in range(self.config.epochs):
            self.state = "epoch_start"
            self.train(self.train_loader)
            if self.valid_loader and self.val_strategy == "epoch":
                self.validate(self.valid_loader)
            self._step_scheduler_after_epoch()
            self.state = "epoch_end"
# === old
import flor
class Trainer:
    def validate(self, loader):
        self.model.eval()
        return sum(self.eval_step(batch) for batch in loader)

    def train(self, loader, _tqdm=None):
        self.model.train()
        for batch_index, batch in enumerate(loader):
            self.train_step(batch)
            self.step += 1
            if self.valid_loader and self.val_strategy == "batch":
                if self.step % self.val_steps == 0:
                    self.validate(self.valid_loader)
                    flor.log("val_at_step", self.step)
            if _tqdm is not None:
                _tqdm.update(1)

    def fit(self, train_dataset, valid_dataset=None, epochs=10, batch_size=16, device="cuda"):
        self.train_loader = make_loader(train_dataset, batch_size)
        self.valid_loader = make_loader(valid_dataset, batch_size) if valid_dataset else None
        _tqdm = tqdm(total=epochs * len(self.train_loader))
        for _ in range(epochs):
            self.state = "epoch_start"
            _ = self.train(self.train_loader, _tqdm)
            if self.valid_loader:
                _ = self.validate(self.valid_loader)
            if self.scheduler is not None:
                self.scheduler.step()
            self.state = "epoch_end"
        _tqdm.close()
# === expected
<unchanged>
# === diagnostics
present val_at_step
