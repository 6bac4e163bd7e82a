# case: today the loop stores its batch on the runner (`self.data_batch = data_batch`, new) and the statement reads the attribute; the old version has only the loop variable, which holds the same value: the statement reads `data_batch`
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
class Runner:
    def train(self, data_loader):
        self.model.train()
        for i, data_batch in enumerate(data_loader):
            outputs = self.model.train_step(data_batch, self.optimizer)
            self.outputs = outputs
# === expected
import flor
class Runner:
    def train(self, data_loader):
        self.model.train()
        for i, data_batch in enumerate(data_loader):
            flor.log("batch_len", len(data_batch))
            outputs = self.model.train_step(data_batch, self.optimizer)
            self.outputs = outputs
# === diagnostics
placed batch_len at Runner/train/for:(i,data_batch)/stmt:0 renames self.data_batch->data_batch
