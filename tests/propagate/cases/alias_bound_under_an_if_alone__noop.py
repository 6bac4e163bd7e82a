# case: The same site already placed: nothing to do.
# === new
import flor


class Trainer:
    def train_step(self):
        if self.use_ema:
            ema = self.ema.module if self.is_distributed else self.ema
        loss = self.model(next(self.dl))
        loss.backward()
        self.optim.step()
        if self.use_ema:
            ema.update()
            flor.log("ema_step", int(ema.step.item()))
# === old
import flor
class Trainer:
    def train_step(self):
        loss = self.model(next(self.dl))
        loss.backward()
        self.optim.step()
        if self.is_main and self.use_ema:
            self.ema.update()
            flor.log("ema_step", int(self.ema.step.item()))
# === expected
<unchanged>
# === diagnostics
present ema_step
