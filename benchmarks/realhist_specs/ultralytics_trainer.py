# ultralytics engine/trainer.py (yolo/engine/trainer.py before 8.0.200), PyPI 8.0.0 .. 8.4.190 (v00 .. v08).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ultralytics_trainer" / "versions.json").read_text())
ALL = range(8)
def _same(anchor):
    return {v: ("after", anchor) for v in ALL}
CASE = {
    "name": "ultralytics_trainer",
    "title": "ultralytics BaseTrainer._do_train() across 8.0.0 .. 8.4.190 (for-epoch -> while True, try/except OOM)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", self.loss.item())',
            "intent": "per-batch loss after the backward pass",
            "newest": ("after", "self.scaler.scale(self.loss).backward()"),
            "versions": _same("self.scaler.scale(self.loss).backward()"),
        },
        "tloss": {
            "text": 'flor.log("tloss", self.tloss)',
            "intent": "running mean loss items, inside the autocast block right after the update",
            "newest": ("after", "self.tloss = ("),
            "versions": {v: ("after", "self.tloss = (" if v >= 4 else "self.tloss = (self.tloss * i + self.loss_items)") for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", self.lr)',
            "intent": "learning rates of the epoch, once collected for the loggers",
            "newest": ("after", "self.lr = {"),
            "versions": _same("self.lr = {"),
        },
        "fitness": {
            "text": 'flor.log("fitness", self.fitness)',
            "intent": "validation fitness, in the branch that validates",
            "newest": ("after", "self.metrics, self.fitness = self.validate()"),
            "versions": _same("self.metrics, self.fitness = self.validate()"),
        },
        "epoch_time": {
            "text": 'flor.log("epoch_time", self.epoch_time)',
            "intent": "wall time of the epoch",
            "newest": ("after", "self.epoch_time = t - self.epoch_time_start"),
            "versions": {v: ("after", "self.epoch_time = tnow - self.epoch_time_start" if v < 4 else
                             "self.epoch_time = t - self.epoch_time_start") for v in ALL},
        },
    },
}
