# case: the old version already logs after its EMA update: nothing changes
# === new
import flor


class Trainer:
    def train(self):
        while self.step < self.total:
            for _ in range(self.accum):
                loss = self.model(next(self.dl))
                self.accelerator.backward(loss / self.accum)
            self.opt.step()
            self.opt.zero_grad()
            self.step += 1
            if self.accelerator.is_main_process:
                self.ema.update()
                flor.log("ema_norm", self.ema.ema_model.weight.norm().item())
                if self.step % self.save_every == 0:
                    self.ema.ema_model.eval()
                    self.save(self.step // self.save_every)
# === old
import flor


class Trainer:
    def train(self):
        while self.step < self.total:
            for _ in range(self.accum):
                loss = self.model(next(self.dl))
                self.scaler.scale(loss / self.accum).backward()
            self.scaler.step(self.opt)
            self.scaler.update()
            self.opt.zero_grad()
            if self.step % self.update_ema_every == 0:
                self.ema.update_model_average(self.ema_model, self.model)
            flor.log("ema_norm", self.ema_model.weight.norm().item())
            if self.step % self.save_every == 0:
                self.ema_model.eval()
                self.save(self.step // self.save_every)
            self.step += 1
# === expected
<unchanged>
# === diagnostics
present ema_norm
