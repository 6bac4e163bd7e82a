# case: the old version's value has that key: the statement is already there, nothing changes
# === new
import flor


def train_loop(self):
    for batch in self.dataloader:
        total_loss_dict = self.train_batch(batch)
        if total_loss_dict is not None:
            total_loss_dict = {k: loss.item() / self.world_size for k, loss in total_loss_dict.items()}
            self.logger.log_metrics(total_loss_dict)
            flor.log("train_loss", total_loss_dict["loss/train/total"])
        self.scheduler.step()
# === old
import flor


def train_loop(self):
    for batch in self.dataloader:
        total_loss = self.train_batch(batch)
        if total_loss is not None:
            total_loss = {k: loss.item() / self.world_size for k, loss in total_loss.items()}
            self.logger.log_metrics(total_loss)
            flor.log("train_loss", total_loss["loss/train/total"])
        self.scheduler.step()
# === expected
<unchanged>
# === diagnostics
present train_loss
