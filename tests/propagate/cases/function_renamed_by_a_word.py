# case: A method renamed by a word taken out (train_one_step before, train_step today), same parameters, is the same function: its copy of a line shared with the validation step is the training step's
# === new
import flor


class Trainer:
    def model_fn(self, data):
        data = {k: v.to(self.device) for k, v in data.items()}
        return self.model(**data)

    def train_step(self, data):
        with self.accelerator.accumulate(self.model):
            _, loss, metrics = self.model_fn(data)
            flor.log("loss", loss.item())
            self._backward(loss)
            self._step()
            self._zero_grad()
        return loss, metrics

    def predict_step(self, data):
        _, loss, metrics = self.model_fn(data)
        return loss, metrics

    def _backward(self, loss):
        self.accelerator.backward(loss)

    def _step(self):
        self.accelerator.step(self.optimizer, self.scheduler)

    def _zero_grad(self):
        self.optimizer.zero_grad()
# === old
class Model(nn.Module):
    def model_fn(self, data):
        for key, value in data.items():
            data[key] = value.to(self.device)
        return self(**data)

    def train_one_step(self, data):
        self.optimizer.zero_grad()
        _, loss, metrics = self.model_fn(data)
        if self.fp16:
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
        else:
            loss.backward()
            self.optimizer.step()
        if self.scheduler:
            self.scheduler.step()
        return loss, metrics

    def validate_one_step(self, data):
        _, loss, metrics = self.model_fn(data)
        return loss, metrics
# === expected
import flor
class Model(nn.Module):
    def model_fn(self, data):
        for key, value in data.items():
            data[key] = value.to(self.device)
        return self(**data)

    def train_one_step(self, data):
        self.optimizer.zero_grad()
        _, loss, metrics = self.model_fn(data)
        flor.log("loss", loss.item())
        if self.fp16:
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
        else:
            loss.backward()
            self.optimizer.step()
        if self.scheduler:
            self.scheduler.step()
        return loss, metrics

    def validate_one_step(self, data):
        _, loss, metrics = self.model_fn(data)
        return loss, metrics
# === diagnostics
placed loss at Model/train_one_step/stmt:2
