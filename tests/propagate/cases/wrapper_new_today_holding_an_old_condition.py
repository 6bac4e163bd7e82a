# case: today the optimizer step is under `if not self._optimizer_in_bwd:`, new, which holds new statements and the old `if self._clip_grad_norm is not None:`; the new `if` is no counterpart of the old clipping `if`, and the statement, first after the new all-reduce, goes first in the old step block
# === new
import flor


class Recipe:
    def train(self):
        for curr_epoch in range(self.epochs_run, self.total_epochs):
            for idx, batch in enumerate(self._dataloader):
                num_tokens = (batch["labels"] != self._loss_fn.ignore_index).sum()
                loss = self._loss_step(batch)
                loss.backward()
                if (idx + 1) % self._gradient_accumulation_steps == 0:
                    if not self._optimizer_in_bwd:
                        torch.distributed.all_reduce(num_tokens)
                        flor.log("num_tokens", int(num_tokens))
                        torch.distributed.all_reduce(running_loss)
                        training.scale_grads(self._model, self.world_size / num_tokens)
                        if self._clip_grad_norm is not None:
                            grad_norm = torch.nn.utils.clip_grad_norm_(
                                self._model.parameters(),
                                max_norm=float(self._clip_grad_norm),
                            )
                        self._optimizer.step()
                        self._optimizer.zero_grad(set_to_none=True)
                    self.global_step += 1
# === old
class Recipe:
    def train(self):
        for curr_epoch in range(self.epochs_run, self.total_epochs):
            for idx, batch in enumerate(self._dataloader):
                num_tokens = batch["tokens"].numel()
                loss = self._loss_step(batch)
                loss.backward()
                if (idx + 1) % self._gradient_accumulation_steps == 0:
                    if self._clip_grad_norm is not None:
                        grad_norm = torch.nn.utils.clip_grad_norm_(
                            self._model.parameters(),
                            max_norm=float(self._clip_grad_norm),
                        )
                    self._optimizer.step()
                    self._optimizer.zero_grad(set_to_none=True)
                    self.global_step += 1
# === expected
import flor
class Recipe:
    def train(self):
        for curr_epoch in range(self.epochs_run, self.total_epochs):
            for idx, batch in enumerate(self._dataloader):
                num_tokens = batch["tokens"].numel()
                loss = self._loss_step(batch)
                loss.backward()
                if (idx + 1) % self._gradient_accumulation_steps == 0:
                    flor.log("num_tokens", int(num_tokens))
                    if self._clip_grad_norm is not None:
                        grad_norm = torch.nn.utils.clip_grad_norm_(
                            self._model.parameters(),
                            max_norm=float(self._clip_grad_norm),
                        )
                    self._optimizer.step()
                    self._optimizer.zero_grad(set_to_none=True)
                    self.global_step += 1
# === diagnostics
placed num_tokens at Recipe/train/for:curr_epoch/for:(idx,batch)/if/stmt:0
