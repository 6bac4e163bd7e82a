# case: A counter advanced in a helper extracted today, under a name whose words contain today's, is the old counter: the read is renamed
# === new
import flor


class Trainer:
    _train_step = 0
    _valid_step = 0

    def _update_loss(self, losses, loss, training):
        losses.append(loss.item())
        if training:
            self._train_step += 1
        else:
            self._valid_step += 1
        return losses

    def train(self, loader):
        losses = []
        for batch in loader:
            loss = self.model(batch)
            losses = self._update_loss(losses, loss, True)
            flor.log("train_step", self._train_step)
        return sum(losses) / len(losses)

    def validate(self, loader):
        losses = []
        for batch in loader:
            loss = self.model(batch)
            losses = self._update_loss(losses, loss, False)
        return sum(losses) / len(losses)
# === old
class Trainer:
    def __init__(self, model):
        self.model = model
        self.current_train_step = 0
        self.current_valid_step = 0

    def train(self, loader):
        losses = []
        for batch in loader:
            loss = self.model(batch)
            losses.append(loss.item())
            self.current_train_step += 1
        return sum(losses) / len(losses)

    def validate(self, loader):
        losses = []
        for batch in loader:
            loss = self.model(batch)
            losses.append(loss.item())
            self.current_valid_step += 1
        return sum(losses) / len(losses)
# === expected
import flor
class Trainer:
    def __init__(self, model):
        self.model = model
        self.current_train_step = 0
        self.current_valid_step = 0

    def train(self, loader):
        losses = []
        for batch in loader:
            loss = self.model(batch)
            losses.append(loss.item())
            self.current_train_step += 1
            flor.log("train_step", self.current_train_step)
        return sum(losses) / len(losses)

    def validate(self, loader):
        losses = []
        for batch in loader:
            loss = self.model(batch)
            losses.append(loss.item())
            self.current_valid_step += 1
        return sum(losses) / len(losses)
# === diagnostics
placed train_step at Trainer/train/for:batch/stmt:3 renames self._train_step->self.current_train_step
