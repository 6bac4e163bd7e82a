# case: today the backward pass is `self.scaler.scale(loss).backward()`, which took in the old apex `if self.use_amp:` / `else: loss.backward()`; the statement follows the backward pass, so it goes after the whole old `if`/`else`
# === new
import flor


class Trainer:
    def backward_propagate(self, loss, step):
        if self.global_step % self.log_loss_every == 0:
            tracker.track_metrics({"Train_loss_total": float(loss.detach().cpu().numpy())}, step=self.global_step)
        self.scaler.scale(loss).backward()
        flor.log("backprop_loss", loss.item())
        if step % self.grad_acc_steps == 0:
            self.scaler.step(self.optimizer)
            self.scaler.update()
            self.optimizer.zero_grad()
# === old
class Trainer:
    def backward_propagate(self, loss, step):
        if self.global_step % self.log_loss_every == 0:
            tracker.track_metrics({"Train_loss_total": float(loss.detach().cpu().numpy())}, step=self.global_step)
        if self.use_amp:
            with amp.scale_loss(loss, self.optimizer) as scaled_loss:
                scaled_loss.backward()
        else:
            loss.backward()
        if step % self.grad_acc_steps == 0:
            self.optimizer.step()
            self.optimizer.zero_grad()
# === expected
import flor
class Trainer:
    def backward_propagate(self, loss, step):
        if self.global_step % self.log_loss_every == 0:
            tracker.track_metrics({"Train_loss_total": float(loss.detach().cpu().numpy())}, step=self.global_step)
        if self.use_amp:
            with amp.scale_loss(loss, self.optimizer) as scaled_loss:
                scaled_loss.backward()
        else:
            loss.backward()
        flor.log("backprop_loss", loss.item())
        if step % self.grad_acc_steps == 0:
            self.optimizer.step()
            self.optimizer.zero_grad()
# === diagnostics
placed backprop_loss at Trainer/backward_propagate/stmt:2
