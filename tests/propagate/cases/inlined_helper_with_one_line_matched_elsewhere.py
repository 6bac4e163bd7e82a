# case: A function new today whose body was inline at its call, one line of which the old caller ran after the call, still finds the rest of its body there: after the old metrics update
# === new
import flor


class Model:
    def _set_training_epoch_end(self, losses, monitor):
        self.update_metrics(losses=losses, monitor=monitor)
        self.train_state = "train_epoch_end"

    def _set_validation_epoch_end(self, losses, monitor):
        self.update_metrics(losses=losses, monitor=monitor)
        self.train_state = "valid_epoch_end"
        if self.val_strategy == "batch":
            self.model_state = "train"

    def validate(self, loader):
        losses = AverageMeter()
        for batch in loader:
            loss, metrics = self.validate_step(batch)
            losses.update(loss.item())
        self._set_validation_epoch_end(losses, metrics)
        flor.log("valid_loss", losses.avg)

    def train(self, loader):
        losses = AverageMeter()
        for batch in loader:
            loss, metrics = self.train_step(batch)
            losses.update(loss.item())
        self._set_training_epoch_end(losses, metrics)

    def fit(self, train_loader, valid_loader, epochs):
        for _ in range(epochs):
            self.train(train_loader)
            self.validate(valid_loader)
# === old
class Model:
    def validate_one_epoch(self, loader):
        losses = AverageMeter()
        tk0 = tqdm(loader)
        for batch in tk0:
            loss, metrics = self.validate_step(batch)
            losses.update(loss.item())
        tk0.close()
        self.update_metrics(losses=losses, monitor=metrics)
        return losses.avg

    def train_one_epoch(self, loader):
        losses = AverageMeter()
        for batch in loader:
            loss, metrics = self.train_step(batch)
            losses.update(loss.item())
        self.update_metrics(losses=losses, monitor=metrics)
        return losses.avg

    def fit(self, train_loader, valid_loader, epochs):
        for _ in range(epochs):
            self.train_one_epoch(train_loader)
            self.train_state = "train_epoch_end"
            self.validate_one_epoch(valid_loader)
            self.train_state = "valid_epoch_end"
# === expected
import flor
class Model:
    def validate_one_epoch(self, loader):
        losses = AverageMeter()
        tk0 = tqdm(loader)
        for batch in tk0:
            loss, metrics = self.validate_step(batch)
            losses.update(loss.item())
        tk0.close()
        self.update_metrics(losses=losses, monitor=metrics)
        flor.log("valid_loss", losses.avg)
        return losses.avg

    def train_one_epoch(self, loader):
        losses = AverageMeter()
        for batch in loader:
            loss, metrics = self.train_step(batch)
            losses.update(loss.item())
        self.update_metrics(losses=losses, monitor=metrics)
        return losses.avg

    def fit(self, train_loader, valid_loader, epochs):
        for _ in range(epochs):
            self.train_one_epoch(train_loader)
            self.train_state = "train_epoch_end"
            self.validate_one_epoch(valid_loader)
            self.train_state = "valid_epoch_end"
# === diagnostics
placed valid_loss at Model/validate_one_epoch/stmt:5
