# case: def log(self, **logs): self.accelerator.log(logs, ...) does not call itself: the old self.accelerator.log(...) is what self.log(**logs) took in
# === new
import flor


class Trainer:
    def log(self, **logs):
        self.accelerator.log(logs, step=self.steps)

    def train_step(self, steps):
        logs = {}
        loss, recon_loss = self.model(next(self.dl_iter))
        self.accelerator.backward(loss)
        logs["loss"] = loss.item()
        logs["recon_loss"] = recon_loss.item()
        self.optim.step()
        log_losses = self.log_every > 0 and not (steps % self.log_every)
        if log_losses:
            self.log(**logs)
        flor.log("total_loss", logs["loss"])
        for key, value in logs.items():
            self.print(f"{key}: {value:.3f}")
        return logs

    def validate(self, steps):
        valid_loss = self.evaluate()
        self.accelerator.log({"valid_loss": valid_loss}, step=steps)
        return valid_loss
# === old
class Trainer:
    def train_step(self, steps):
        logs = {}
        loss, recon_loss = self.model(next(self.dl_iter))
        self.accelerator.backward(loss)
        logs["loss"] = loss.item()
        logs["recon_loss"] = recon_loss.item()
        self.optim.step()
        self.accelerator.log({"total_loss": logs["loss"], "recon_loss": logs["recon_loss"]}, step=steps)
        for key, value in logs.items():
            self.print(f"{key}: {value:.3f}")
        return logs

    def validate(self, steps):
        valid_loss = self.evaluate()
        self.accelerator.log({"valid_loss": valid_loss}, step=steps)
        return valid_loss
# === expected
import flor
class Trainer:
    def train_step(self, steps):
        logs = {}
        loss, recon_loss = self.model(next(self.dl_iter))
        self.accelerator.backward(loss)
        logs["loss"] = loss.item()
        logs["recon_loss"] = recon_loss.item()
        self.optim.step()
        self.accelerator.log({"total_loss": logs["loss"], "recon_loss": logs["recon_loss"]}, step=steps)
        flor.log("total_loss", logs["loss"])
        for key, value in logs.items():
            self.print(f"{key}: {value:.3f}")
        return logs

    def validate(self, steps):
        valid_loss = self.evaluate()
        self.accelerator.log({"valid_loss": valid_loss}, step=steps)
        return valid_loss
# === diagnostics
placed total_loss at Trainer/train_step/stmt:7
