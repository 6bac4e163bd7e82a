# pytorch-tabnet abstract_model.py, PyPI 2.0.1 .. 4.1.0 (v00 .. v04).
# Written last, after every fix, and scored once (the final held-out check).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tabnet" / "versions.json").read_text())
ALL = range(4)
CASE = {
    "name": "tabnet",
    "title": "pytorch-tabnet TabModel.fit()/_train_epoch()/_train_batch() across 2.0.1 .. 4.1.0",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "batch loss after backward",
            "newest": ("after", "loss.backward()"),
            "versions": {v: ("after", "loss.backward()") for v in ALL},
        },
        "total_loss": {
            "text": 'flor.log("total_loss", loss.item())',
            "intent": "loss once the sparsity penalty is subtracted (`-=` became `= loss - ...`)",
            "newest": ("after", "loss = loss - self.lambda_sparse * M_loss"),
            "versions": dict([(v, ("after", "loss -= self.lambda_sparse * M_loss")) for v in (0, 1, 2)] +
                             [(3, ("after", "loss = loss - self.lambda_sparse * M_loss"))]),
        },
        "lr": {
            "text": 'flor.log("lr", epoch_logs["lr"])',
            "intent": "learning rate at the end of each training epoch",
            "newest": ("after", "epoch_logs = {"),
            "versions": {v: ("after", "epoch_logs = {") for v in ALL},
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch_idx)',
            "intent": "epoch index once the epoch has trained",
            "newest": ("after", "self._train_epoch(train_dataloader)"),
            "versions": {v: ("after", "self._train_epoch(train_dataloader)") for v in ALL},
        },
        "n_features": {
            "text": 'flor.log("n_features", len(self.feature_importances_))',
            "intent": "size of the feature importances once computed after training",
            "newest": ("after", "self.feature_importances_ = self._compute_feature_importances(X_train)"),
            "versions": dict(
                [(v, ("after", "self._compute_feature_importances(train_dataloader)", {
                    "note": "the method sets self.feature_importances_ itself before 4.0"})) for v in (0, 1, 2)] +
                [(3, ("after", "self.feature_importances_ = self._compute_feature_importances(X_train)", {
                    "note": "4.0 computes it unconditionally; 4.1 only under compute_importance"}))]),
        },
    },
}
