# case: A _save() new today, called by save_model(), writes the unwrapped model; before, save_model() wrote self.model itself: the statement goes before that write, and a look-alike kwargs line in training_step() says nothing.
# === new
import os

import flor


class Trainer:
    def training_step(self, model, batch):
        loss = model(batch)
        kwargs = {}
        loss.backward(**kwargs)
        return loss

    def _save(self, output_dir=None):
        output_dir = output_dir or self.args.output_dir
        os.makedirs(output_dir, exist_ok=True)
        flor.log("ckpt_dir", output_dir)
        model_to_save = self.accelerator.unwrap_model(self.model)
        kwargs = {}
        if self.args.safe:
            kwargs["safe_serialization"] = True
        model_to_save.save_pretrained(output_dir, **kwargs)

    def save_model(self, output_dir=None):
        self._save(output_dir)
# === old
class Trainer:
    def training_step(self, model, batch):
        loss = model(batch)
        kwargs = {}
        loss.backward(**kwargs)
        return loss

    def save_model(self, output_dir=None):
        self.model.save_pretrained(output_dir)
# === expected
import flor
class Trainer:
    def training_step(self, model, batch):
        loss = model(batch)
        kwargs = {}
        loss.backward(**kwargs)
        return loss

    def save_model(self, output_dir=None):
        flor.log("ckpt_dir", output_dir)
        self.model.save_pretrained(output_dir)
# === diagnostics
placed ckpt_dir at Trainer/save_model/stmt:0
