# case: today's `self.ema.update()` is not the old `self.scaler.update()` (the old version has a `self.ema` of its own): the statement goes where the rest of the loop puts it
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
            if self.step % self.save_every == 0:
                self.ema_model.eval()
                self.save(self.step // self.save_every)
            self.step += 1
# === expected
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
# === diagnostics
placed ema_norm at Trainer/train/while/stmt:5 renames self.ema.ema_model.weight.norm->self.ema_model.weight.norm
