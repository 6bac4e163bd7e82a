# case: the value read renames to one that has no entry under the key read (a summed tensor for today's dict of losses): declined, not renamed
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
def train_loop(self):
    for batch in self.dataloader:
        total_loss = self.train_batch(batch)
        if total_loss is not None:
            total_loss = total_loss.sum() / self.world_size
            self.logger.log_metrics({"loss/train": total_loss.item()})
        self.scheduler.step()
# === expected
<declined>
# === diagnostics
declined train_loss: reads `total_loss_dict['loss/train/total']`, but `total_loss`, its counterpart in this version, has no such key
