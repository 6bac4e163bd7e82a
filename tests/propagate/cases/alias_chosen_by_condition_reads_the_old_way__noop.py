# case: The same site already placed: nothing to do.
# === new
import flor


class Trainer:
    def train_step(self):
        discr = self.vae.module.discr if self.is_distributed else self.vae.discr
        loss = self.vae(next(self.dl), return_loss=True)
        self.accelerator.backward(loss)
        self.optim.step()
        if exists(discr):
            loss = self.vae(next(self.dl), return_discr_loss=True)
            self.accelerator.backward(loss)
            self.accelerator.clip_grad_norm_(discr.parameters(), self.max_norm)
            flor.log("discr_params", len(list(discr.parameters())))
            self.discr_optim.step()
# === old
import flor
class Trainer:
    def train_step(self):
        loss = self.vae(next(self.dl), return_loss=True)
        self.accelerator.backward(loss)
        self.optim.step()
        if exists(self.vae.discr):
            loss = self.vae(next(self.dl), return_discr_loss=True)
            self.accelerator.backward(loss)
            self.accelerator.clip_grad_norm_(self.vae.discr.parameters(), self.max_norm)
            flor.log("discr_params", len(list(self.vae.discr.parameters())))
            self.discr_optim.step()
# === expected
<unchanged>
# === diagnostics
present discr_params
