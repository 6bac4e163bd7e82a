# case: Today saves with self.accelerator.save(state, path) where the old version called torch.save(state, path), and the class has a save method of its own: a module's function is no other object's state, so with the same arguments the two saves are one step, and the site follows the model's save, not the EMA copy's.
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
            if self.use_ema:
                ema_state = self.ema.state_dict()
                path = str(self.folder / f"model.{steps}.ema.pt")
                torch.save(ema_state, path)
        self.steps += 1
# === expected
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
# === diagnostics
placed ckpt_path at Trainer/train_step/if/stmt:3
