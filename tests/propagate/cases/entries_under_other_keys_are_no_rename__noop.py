# case: the statement already in the old version, under the old name: nothing changes
# === new
import flor


class Trainer:
    def __init__(self, config):
        self.config = config
        self.current_epoch = 0

    def save(self, path):
        model_dict = {}
        model_dict["state_dict"] = self.model.state_dict()
        model_dict["config"] = self.config
        torch.save(model_dict, path)

    def train_one_step(self, data):
        loss = self.model(**data)
        loss.backward()
        clip_grad_norm_(self.model.parameters(), self.config.clip_grad_norm)
        flor.log("max_grad_norm", self.config.clip_grad_norm)
        self.optimizer.step()
# === old
import flor
class Trainer:
    def __init__(self, clip_grad_norm=None):
        self.clip_grad_norm = clip_grad_norm
        self.current_epoch = 0

    def save(self, path):
        model_dict = {}
        model_dict["state_dict"] = self.model.state_dict()
        model_dict["epoch"] = self.current_epoch
        torch.save(model_dict, path)

    def train_one_step(self, data):
        loss = self.model(**data)
        loss.backward()
        flor.log("max_grad_norm", self.clip_grad_norm)
        self.optimizer.step()
# === expected
<unchanged>
# === diagnostics
present max_grad_norm
