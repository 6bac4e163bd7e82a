# case: the old version already logs the batch size: nothing changes
# === new
import flor


class Runner:
    def train(self, data_loader):
        self.model.train()
        for i, data_batch in enumerate(data_loader):
            self.data_batch = data_batch
            flor.log("batch_len", len(self.data_batch))
            outputs = self.model.train_step(data_batch, self.optimizer)
            self.outputs = outputs
            del self.data_batch
# === old
import flor


class Runner:
    def train(self, data_loader):
        self.model.train()
        for i, data_batch in enumerate(data_loader):
            flor.log("batch_len", len(data_batch))
            outputs = self.model.train_step(data_batch, self.optimizer)
            self.outputs = outputs
# === expected
<unchanged>
# === diagnostics
present batch_len
