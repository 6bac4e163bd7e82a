# case: the old version already logs the learning rate after the step: nothing changes
# === new
import flor


class Recipe:
    def train(self):
        for idx, batch in enumerate(self._dataloader):
            loss = self._loss_step(batch)
            loss.backward()
            if (idx + 1) % self._gradient_accumulation_steps == 0:
                self._optimizer.step()
                self._optimizer.zero_grad(set_to_none=True)
                self.global_step += 1
                if self._lr_scheduler is not None:
                    self._lr_scheduler.step()
                    flor.log("lr", self._optimizer.param_groups[0]["lr"])
                self._metric_logger.log_dict({"loss": loss.item()}, step=self.global_step)
# === old
import flor


class Recipe:
    def train(self):
        for idx, batch in enumerate(self._dataloader):
            loss = self._loss_step(batch)
            loss.backward()
            if (idx + 1) % self._gradient_accumulation_steps == 0:
                self._optimizer.step()
                self._optimizer.zero_grad(set_to_none=True)
                self.global_step += 1
                flor.log("lr", self._optimizer.param_groups[0]["lr"])
                self._metric_logger.log_dict({"loss": loss.item()}, step=self.global_step)
# === expected
<unchanged>
# === diagnostics
present lr
