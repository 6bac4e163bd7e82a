# case: today the batch is fetched before the hook call, the old version fetched it after; the line is in two functions. The statement reads the batch, so it goes after the old fetch, in the counterpart of its own function
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
class IterRunner:
    def train(self, data_loader):
        self.model.train()
        self.mode = "train"
        self.call_hook("before_train_iter")
        data_batch = next(data_loader)
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
# === diagnostics
placed batch_len at IterRunner/train/stmt:4
