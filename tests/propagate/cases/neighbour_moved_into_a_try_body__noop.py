# case: The same site already placed: nothing to do.
# === new
import flor


class Trainer:
    def training_step(self, model, inputs):
        model.train()
        inputs = self.prepare(inputs)
        flor.log("batch_keys", sorted(inputs.keys()))
        if "labels" not in inputs:
            raise KeyError("no labels")
        try:
            loss = self.compute_loss(model, inputs)
            loss.backward()
            return loss.detach()
        except MemoryError as e:
            model.zero_grad()
            return 0.0
# === old
import flor
class Trainer:
    def training_step(self, model, inputs):
        model.train()
        try:
            inputs = self.prepare(inputs)
            flor.log("batch_keys", sorted(inputs.keys()))
            loss = self.compute_loss(model, inputs)
            loss.backward()
            return loss.detach()
        except Exception as e:
            print(e)
            model.zero_grad()
            return 0.0
# === expected
<unchanged>
# === diagnostics
present batch_keys
