# pytorch-widedeep: models/wide_deep.py (0.4.x, fit() on the model) then training/trainer.py (1.x, Trainer),
# PyPI 0.4.5 .. 1.7.0 (v00 .. v10).
# Round 5, held out: written and scored after all of the round's fixes, before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "widedeep_trainer" / "versions.json").read_text())
_NO_METRIC = "0.4.x hands no metric to the epoch-end callbacks: there is no on_epoch_end_metric"
CASE = {
    "name": "widedeep_trainer",
    "title": "pytorch-widedeep across 0.4.5 .. 1.7.0 (fit() moves from the model into a Trainer, ReduceLROnPlateau "
             "metric, epoch loops extracted into _train_epoch/_eval_epoch)",
    "stories": _V,
    "probes": {
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss.item())',
            "intent": "training loss of each batch, after backward",
            "newest": ("after", "loss.backward()"),
            "versions": {v: ("after", "loss.backward()") for v in range(10)},
        },
        "train_avg_loss": {
            "text": 'flor.log("train_avg_loss", avg_loss)',
            "intent": "running average of the training loss",
            "newest": ("after", "avg_loss = self.train_running_loss / (batch_idx + 1)"),
            "versions": {v: ("after", "avg_loss = self.train_running_loss / (batch_idx + 1)") for v in range(10)},
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "validation loss of the epoch, after the validation batch loop",
            "newest": ("after", "with trange(eval_steps"),
            "versions": {v: ("after", "with trange(eval_steps") for v in range(10)},
        },
        "val_metric": {
            "text": 'flor.log("val_metric", on_epoch_end_metric)',
            "intent": "the metric handed to the epoch-end callbacks (ReduceLROnPlateau)",
            "newest": ("after", "if eval_loader is not None and epoch % validation_freq == ("),
            "versions": dict([(v, ("na", "missing_dependency", _NO_METRIC)) for v in (0, 1)] +
                             [(v, ("after", "if eval_set is not None and epoch % validation_freq == (")) for v in range(2, 10)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch number, after the epoch-end callbacks",
            "newest": ("after", "self.callback_container.on_epoch_end("),
            "versions": {v: ("after", "self.callback_container.on_epoch_end(") for v in range(10)},
        },
    },
}
