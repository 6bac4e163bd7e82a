# case: the old version already logs the batch size after the fetch: nothing changes
# === new
import flor


class IterRunner:
    def train(self, data_loader):
        self.model.train()
        self.mode = "train"
        data_batch = next(data_loader)
        flor.log("batch_len", len(data_batch))
        self.call_hook("before_train_iter")
        outputs = self.model.train_step(data_batch, self.optimizer)
        self.outputs = outputs
        self.call_hook("after_train_iter")

    def val(self, data_loader):
        self.model.eval()
        self.mode = "val"
        data_batch = next(data_loader)
        self.call_hook("before_val_iter")
        outputs = self.model.val_step(data_batch)
        self.outputs = outputs
        self.call_hook("after_val_iter")
# === old
import flor


class IterRunner:
    def train(self, data_loader):
        self.model.train()
        self.mode = "train"
        self.call_hook("before_train_iter")
        data_batch = next(data_loader)
        flor.log("batch_len", len(data_batch))
        outputs = self.model.train_step(data_batch, self.optimizer)
        self.outputs = outputs
        self.call_hook("after_train_iter")

    def val(self, data_loader):
        self.model.eval()
        self.mode = "val"
        self.call_hook("before_val_iter")
        data_batch = next(data_loader)
        outputs = self.model.val_step(data_batch)
        self.outputs = outputs
        self.call_hook("after_val_iter")
# === expected
<unchanged>
# === diagnostics
present batch_len
