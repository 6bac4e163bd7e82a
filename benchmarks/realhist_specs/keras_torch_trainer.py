# keras keras/src/backend/torch/trainer.py (TorchTrainer.train_step / fit / evaluate), PyPI keras 3.0.0 .. 3.15.1 (v00 .. v08).
# Round 9, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "keras_torch_trainer" / "versions.json").read_text())
ALL = range(8)
_TS = {"within": "def train_step"}
_FIT = {"within": "def fit"}
CASE = {
    "name": "keras_torch_trainer",
    "title": "Keras 3 TorchTrainer (train_step, fit epoch/step loops, evaluate) across 3.0.0 .. 3.15.1 "
             "(compute_loss -> _compute_loss, logs pythonified per step then not, step -> begin_step/end_step, "
             "debug epoch cap)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of each training step, right after it is computed in train_step",
            "newest": ("after", "loss = self._compute_loss(", _TS),
            "versions": dict(
                [(v, ("after", "loss = self.compute_loss(", dict(_TS, note=
                      "before 3.5 the loss is computed by the public self.compute_loss(...) without "
                      "training=True; same statement"))) for v in (0, 1, 2)] +
                [(v, ("after", "loss = self._compute_loss(", _TS)) for v in range(3, 8)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", torch.norm(torch.stack([g.norm() for g in gradients if g is not None])).item())',
            "intent": "global gradient norm of each training step, once the gradients are collected",
            "newest": ("after", "gradients = [v.value.grad for v in trainable_weights]"),
            "versions": {v: ("after", "gradients = [v.value.grad for v in trainable_weights]") for v in ALL},
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", logs["loss"])',
            "intent": "loss entry of the step logs returned by each training step in fit()",
            "newest": ("after", "logs = self.train_function(data)"),
            "versions": dict(
                [(v, ("after", "logs = self.train_function(data)")) for v in (0, 1, 4, 5, 6, 7)] +
                [(v, ("after", "logs = self.train_function(data)", {
                    "alt": [("after", "logs = self._pythonify_logs(logs)", _FIT)],
                    "note": "3.3.3/3.5.0 pythonify the step logs in a separate statement right after "
                            "train_function (no counterpart in the newest version): either side accepted"}))
                 for v in (2, 3)]),
        },
        "batch_step": {
            "text": 'flor.log("batch_step", end_step)',
            "intent": "index of the training step just finished, after the batch-end callbacks",
            "newest": ("after", "callbacks.on_train_batch_end(end_step, logs)"),
            "versions": dict(
                [(v, ("after", "callbacks.on_train_batch_end(", {
                    "renames": {"end_step": "step"},
                    "note": "before 3.11 the step loop yields one `step` (begin_step == end_step with "
                            "steps_per_execution == 1, which the torch backend enforces)"}))
                 for v in range(6)] +
                [(v, ("after", "callbacks.on_train_batch_end(end_step, logs)")) for v in (6, 7)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch number at the start of each epoch, after the epoch-begin callbacks",
            "newest": ("after", "callbacks.on_epoch_begin(epoch)"),
            "versions": {v: ("after", "callbacks.on_epoch_begin(epoch)") for v in ALL},
        },
        "epoch_logs": {
            "text": 'flor.log("epoch_logs", epoch_logs)',
            "intent": "epoch logs (training metrics plus val_ metrics) after the validation block, "
                      "before the epoch-end callbacks",
            "newest": ("after", "if validation_data is not None and self._should_eval("),
            "versions": dict(
                [(0, ("after", "if validation_data and self._should_eval(", {
                    "note": "3.0 tests `if validation_data and ...`; after the whole validation if, "
                            "not inside it (the probe runs every epoch)"}))] +
                [(v, ("after", "if validation_data is not None and self._should_eval(")) for v in range(1, 8)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_logs["val_loss"])',
            "intent": "validation loss of each validated epoch, once the val_ prefix is added (inside the validation if)",
            "newest": ("after", "val_logs = {"),
            "versions": {v: ("after", "val_logs = {", {
                "note": "before 3.13 the prefix is built as \"val_\" + name; same statement"} if v < 7 else {})
                for v in ALL},
        },
        "epochs": {
            "text": 'flor.log("epochs", epochs)',
            "intent": "number of epochs fit() will run, after the debug epoch cap is applied",
            "newest": ("after", "if max_epochs and max_epochs < epochs:"),
            "versions": dict(
                [(v, ("after", "if not self.compiled:", {
                    "note": "no config.max_epochs() cap before 3.11: epochs is the argument, unchanged; "
                            "the probe keeps its place after the compile check and before "
                            "self._eval_epoch_iterator = None"})) for v in range(6)] +
                [(v, ("after", "if max_epochs and max_epochs < epochs:", {
                    "note": "after the whole cap block, not inside it (the probe runs unconditionally)"}))
                 for v in (6, 7)]),
        },
    },
}
