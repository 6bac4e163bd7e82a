# case: The same site already placed: nothing to do.
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
# === expected
<unchanged>
# === diagnostics
present ckpt_dir
