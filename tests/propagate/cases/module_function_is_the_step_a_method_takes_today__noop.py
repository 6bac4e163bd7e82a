# case: The same site already placed: nothing to do.
# === new
import flor
import torch


class Trainer:
    def __init__(self, model):
        self.accelerator = Accelerator()
        self.model = self.accelerator.prepare(model)

    def save(self, path):
        self.accelerator.save(self.model.state_dict(), path)

    def train_step(self, steps):
        self.optim.step()
        if not (steps % self.save_every):
            state = self.accelerator.unwrap_model(self.model).state_dict()
            path = str(self.folder / f"model.{steps}.pt")
            self.accelerator.save(state, path)
            flor.log("ckpt_path", path)
            if self.use_ema:
                ema_state = self.accelerator.unwrap_model(self.ema).state_dict()
                path = str(self.folder / f"model.{steps}.ema.pt")
                self.accelerator.save(ema_state, path)
        self.steps += 1
# === old
import flor
import torch

class Trainer:
    def __init__(self, model):
        self.accelerator = Accelerator()
        self.model = self.accelerator.prepare(model)

    def save(self, path):
        torch.save(self.model.state_dict(), path)

    def train_step(self, steps):
        self.optim.step()
        if not (steps % self.save_every):
            state = self.model.state_dict()
            path = str(self.folder / f"model.{steps}.pt")
            torch.save(state, path)
            flor.log("ckpt_path", path)
            if self.use_ema:
                ema_state = self.ema.state_dict()
                path = str(self.folder / f"model.{steps}.ema.pt")
                torch.save(ema_state, path)
        self.steps += 1
# === expected
<unchanged>
# === diagnostics
present ckpt_path
