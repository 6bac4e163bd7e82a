# case: today the statement is under `if self._lr_scheduler is not None:`, a feature the old version lacks entirely; the old version has no such condition, so the statement is unconditional where that `if` would be
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
class Recipe:
    def train(self):
        for idx, batch in enumerate(self._dataloader):
            loss = self._loss_step(batch)
            loss.backward()
            if (idx + 1) % self._gradient_accumulation_steps == 0:
                self._optimizer.step()
                self._optimizer.zero_grad(set_to_none=True)
                self.global_step += 1
                self._metric_logger.log_dict({"loss": loss.item()}, step=self.global_step)
# === expected
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
# === diagnostics
placed lr at Recipe/train/for:(idx,batch)/if/stmt:3
