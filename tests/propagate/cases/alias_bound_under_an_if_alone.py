# case: Today binds ema only under if self.use_ema: (a choice of two ways of reaching the EMA), and reads it under the same condition later; the old version reads self.ema in place: the site reads self.ema.
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
class Trainer:
    def train_step(self):
        loss = self.model(next(self.dl))
        loss.backward()
        self.optim.step()
        if self.is_main and self.use_ema:
            self.ema.update()
# === expected
import flor
class Trainer:
    def train_step(self):
        loss = self.model(next(self.dl))
        loss.backward()
        self.optim.step()
        if self.is_main and self.use_ema:
            self.ema.update()
            flor.log("ema_step", int(self.ema.step.item()))
# === diagnostics
placed ema_step at Trainer/train_step/if/stmt:1 renames ema.step.item->self.ema.step.item
