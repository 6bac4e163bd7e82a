# mmengine runner/loops.py (EpochBasedTrainLoop, IterBasedTrainLoop, ValLoop), PyPI 0.1.0 .. 0.10.7 (v00 .. v04).
# Round 6: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mmengine_loops" / "versions.json").read_text())
_VAL = {"within": "class ValLoop("}
CASE = {
    "name": "mmengine_loops",
    "title": "mmengine training and validation loops across 0.1.0 .. 0.10.7 (early stopping flag, resumed "
             "iteration loops skip data, validation losses collected)",
    "stories": _V,
    "probes": {
        "train_keys": {
            "text": 'flor.log("train_keys", sorted(outputs))',
            "intent": "names of the losses of each epoch-based training iteration",
            "newest": ("after", "outputs = self.runner.model.train_step(", {"within": "def run_iter(self, idx"}),
            "versions": {v: ("after", "outputs = self.runner.model.train_step(", {"within": "def run_iter(self, idx"})
                         for v in range(4)},
        },
        "epoch": {
            "text": 'flor.log("epoch", self._epoch)',
            "intent": "epoch counter after each training epoch",
            "newest": ("after", "self._epoch += 1", {"within": "def run_epoch("}),
            "versions": {v: ("after", "self._epoch += 1", {"within": "def run_epoch("}) for v in range(4)},
        },
        "iter": {
            "text": 'flor.log("iter", self._iter)',
            "intent": "iteration counter after each iteration-based training step",
            "newest": ("after", "self.run_iter(data_batch)", {"within": "while self._iter < self._max_iters"}),
            "versions": {v: ("after", "self.run_iter(data_batch)", {"within": "while self._iter < self._max_iters"})
                         for v in range(4)},
        },
        "val_metrics": {
            "text": 'flor.log("val_metrics", metrics)',
            "intent": "validation metrics once evaluated",
            "newest": ("after", "metrics = self.evaluator.evaluate(", _VAL),
            "versions": {v: ("after", "metrics = self.evaluator.evaluate(", _VAL) for v in range(4)},
        },
        "val_loss": {
            "text": 'flor.log("val_loss", loss_dict["val_loss"])',
            "intent": "mean validation loss, when the model returns losses",
            "newest": ("after", "metrics.update(loss_dict)", _VAL),
            "versions": {v: ("na", "missing_dependency", "validation losses are not collected before 0.10.7")
                         for v in range(4)},
        },
        "n_val_outputs": {
            "text": 'flor.log("n_val_outputs", len(outputs))',
            "intent": "number of predictions of each validation batch, once the loss element is split off",
            "newest": ("after", "outputs, self.val_loss = _update_losses(", _VAL),
            "versions": {v: ("after", "with autocast(enabled=self.fp16):", dict(_VAL, note=
                             "no loss element to split off before 0.10.7: after the val_step block"))
                         for v in range(4)},
        },
    },
}
