# case: The previous statement today runs before a try; before, it was the try body's first statement: the site stays in the try body, right after it, not after the whole try.
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
class Trainer:
    def training_step(self, model, inputs):
        model.train()
        try:
            inputs = self.prepare(inputs)
            loss = self.compute_loss(model, inputs)
            loss.backward()
            return loss.detach()
        except Exception as e:
            print(e)
            model.zero_grad()
            return 0.0
# === expected
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
# === diagnostics
placed batch_keys at Trainer/training_step/try/stmt:1
