# pytorch-metric-learning trainers/base_trainer.py (BaseTrainer), PyPI 0.9.60 .. 2.9.0 (v00 .. v05).
# Round 5, held out: written and scored after the round's fixes, before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "pml_trainer" / "versions.json").read_text())
_FB = {"within": "def forward_and_backward("}
_GB = {"within": "def get_batch("}
CASE = {
    "name": "pml_trainer",
    "title": "pytorch-metric-learning BaseTrainer across 0.9.60 .. 2.9.0 (dataloader per train(), per-iteration and "
             "per-epoch schedulers, pre-gradient miner renamed subset batch miner)",
    "stories": _V,
    "probes": {
        "total_loss": {
            "text": 'flor.log("total_loss", self.losses["total_loss"].item())',
            "intent": "total loss of each iteration, after backward",
            "newest": ("after", "self.backward()", _FB),
            "versions": {v: ("after", "self.backward()", _FB) for v in range(5)},
        },
        "epoch": {
            "text": 'flor.log("epoch", self.epoch)',
            "intent": "epoch number, after the end-of-epoch scheduler step",
            "newest": ("after", "self.step_lr_schedulers(end_of_epoch=True)"),
            "versions": dict([(v, ("after", "self.step_lr_schedulers()", {"within": "def train(",
                                   "note": "one scheduler call per epoch before 0.9.85"})) for v in range(2)] +
                             [(v, ("after", "self.step_lr_schedulers(end_of_epoch=True)")) for v in range(2, 5)]),
        },
        "n_labels": {
            "text": 'flor.log("n_labels", len(labels))',
            "intent": "number of labels in each batch once processed",
            "newest": ("after", "labels = c_f.process_label(", _GB),
            "versions": {v: ("after", "labels = c_f.process_label(", _GB) for v in range(5)},
        },
        "n_mined": {
            "text": 'flor.log("n_mined", len(idx))',
            "intent": "number of samples the batch miner keeps (only when a miner is configured)",
            "newest": ("after", "idx = self.mining_funcs["),
            "versions": {v: ("after", "idx = self.mining_funcs[",
                             {"note": "pre_gradient_miner before 0.9.85"} if v < 2 else {}) for v in range(5)},
        },
    },
}
