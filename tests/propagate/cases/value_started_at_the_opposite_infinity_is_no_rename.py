# case: Today's `self._val_loss` starts at `float("Inf")`; the old `self._val_log_prob` starts at `float("-Inf")` and holds the negated value: not one value renamed, and the loss does not exist in the old version
# === new
import flor


class Inference:
    def train(self, train_loader, val_loader, max_num_epochs):
        self.epoch, self._val_loss = 0, float("Inf")
        while self.epoch <= max_num_epochs and not self._converged(self.epoch):
            for batch in train_loader:
                self.optimizer.zero_grad()
                loss = self._loss(batch).mean()
                loss.backward()
                self.optimizer.step()
            self.epoch += 1
            val_loss_sum = 0
            for batch in val_loader:
                val_loss_sum += self._loss(batch).sum().item()
            self._val_loss = val_loss_sum / len(val_loader.dataset)
            flor.log("val_loss", self._val_loss)
        return self._neural_net
# === old
class Inference:
    def train(self, train_loader, val_loader, max_num_epochs):
        epoch, self._val_log_prob = 0, float("-Inf")
        while epoch <= max_num_epochs and not self._converged(epoch):
            for batch in train_loader:
                self.optimizer.zero_grad()
                loss = self._loss(batch).mean()
                loss.backward()
                self.optimizer.step()
            epoch += 1
            log_prob_sum = 0
            for batch in val_loader:
                log_prob_sum += -self._loss(batch).sum().item()
            self._val_log_prob = log_prob_sum / len(val_loader.dataset)
        return self._neural_net
# === expected
<declined>
# === diagnostics
declined val_loss: reads `self._val_loss`, which is not bound there in this version
