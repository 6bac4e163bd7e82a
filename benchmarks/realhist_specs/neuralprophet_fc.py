# neuralprophet forecaster.py (NeuralProphet._train_epoch / _evaluate_epoch / _train), PyPI 0.2.5 .. 0.4.2 (v00 .. v05).
# Round 6: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "neuralprophet_fc" / "versions.json").read_text())
_TE = {"within": "def _train_epoch("}
_EE = {"within": "def _evaluate_epoch("}
CASE = {
    "name": "neuralprophet_fc",
    "title": "NeuralProphet training loop across 0.2.5 .. 0.4.2 (train config renamed, sample weighting, "
             "regularisation helper's typo fixed, global/local models)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of each batch after backward",
            "newest": ("after", "loss.backward()", _TE),
            "versions": {v: ("after", "loss.backward()", _TE) for v in range(5)},
        },
        "reg_loss": {
            "text": 'flor.log("reg_loss", reg_loss.item())',
            "intent": "regularisation term of each batch",
            "newest": ("after", "loss, reg_loss = self._add_batch_regularizations(", _TE),
            "versions": dict([(v, ("after", "loss, reg_loss = self._add_batch_regualarizations(", _TE)) for v in range(4)] +
                             [(4, ("after", "loss, reg_loss = self._add_batch_regularizations(", _TE))]),
        },
        "lr": {
            "text": 'flor.log("lr", self.scheduler.get_last_lr()[0])',
            "intent": "learning rate after each scheduler step",
            "newest": ("after", "self.scheduler.step()", _TE),
            "versions": {v: ("after", "self.scheduler.step()", _TE) for v in range(5)},
        },
        "local": {
            "text": 'flor.log("local", meta_name_tensor is not None)',
            "intent": "whether the batch goes through a local (per-series) model",
            "newest": ("after", 'if self.model.config_trend.trend_global_local == "local":', _TE),
            "versions": {v: ("na", "missing_dependency", "global/local models only from 0.5") for v in range(5)},
        },
        "val_metrics": {
            "text": 'flor.log("val_metrics", val_epoch_metrics)',
            "intent": "validation metrics of each epoch, when a validation set is given",
            "newest": ("after", "val_epoch_metrics = self._evaluate_epoch(", {"within": "def _train("}),
            "versions": {v: ("after", "val_epoch_metrics = self._evaluate_epoch(", {"within": "def _train("}) for v in range(5)},
        },
        "val_pred": {
            "text": 'flor.log("val_pred", list(predicted.shape))',
            "intent": "shape of the predictions of each validation batch",
            "newest": ("after", "predicted = self.model.forward(", _EE),
            "versions": {v: ("after", "predicted = self.model.forward(", _EE) for v in range(5)},
        },
    },
}
