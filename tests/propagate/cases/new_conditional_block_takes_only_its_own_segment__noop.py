# case: The same site already placed: nothing to do.
# === new
import flor


class Trainer:
    def forward(self):
        step = 0
        while step < self.num_train_steps:
            for i in range(self.grad_accum_every):
                with self.accelerator.autocast():
                    total_loss, (recon_loss, commit_loss) = self.model(**self.next_kwargs(), return_breakdown=True)
                    self.accelerator.backward(total_loss / self.grad_accum_every)
            self.print(f"recon loss: {recon_loss.item():.3f} | commit loss: {commit_loss.sum().item():.3f}")
            self.log(total_loss=total_loss.item(), commit_loss=commit_loss.sum().item(), recon_loss=recon_loss.item())
            flor.log("ae_loss", total_loss.item())
            self.optimizer.step()
            self.optimizer.zero_grad()
            step += 1
            if self.is_main and self.should_validate and divisible_by(step, self.val_every):
                total_val_recon_loss = 0.0
                for _ in range(self.val_num_batches):
                    val_loss, (val_recon_loss, val_commit_loss) = self.ema_model(**self.next_val_kwargs())
                    total_val_recon_loss += val_recon_loss / self.val_num_batches
                self.print(f"valid recon loss: {total_val_recon_loss:.3f}")
                self.log(val_loss=total_val_recon_loss)
# === old
import flor
class Trainer:
    def forward(self):
        step = 0
        while step < self.num_train_steps:
            for i in range(self.grad_accum_every):
                with self.accelerator.autocast():
                    loss = self.model(**self.next_kwargs())
                    self.accelerator.backward(loss / self.grad_accum_every)
            self.print(f"loss: {loss.item():.3f}")
            self.log(loss=loss.item())
            flor.log("ae_loss", loss.item())
            if exists(self.max_grad_norm):
                self.accelerator.clip_grad_norm_(self.model.parameters(), self.max_grad_norm)
            self.optimizer.step()
            self.optimizer.zero_grad()
            step += 1
# === expected
<unchanged>
# === diagnostics
present ae_loss
