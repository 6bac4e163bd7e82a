# deepctr-torch deepctr_torch/models/basemodel.py (BaseModel.fit / BaseModel.evaluate), PyPI 0.1.0 .. 0.3.0 (v00 .. v09).
# Round 13, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "deepctr_fit" / "versions.json").read_text())
OLDER = range(9)
_FIT = {"within": "def fit"}
_EVAL = {"within": "def evaluate"}
CASE = {
    "name": "deepctr_fit",
    "title": "deepctr-torch BaseModel.fit/evaluate across 0.1.0 .. 0.3.0 (steps_per_epoch hoisted out of the "
             "epoch loop, use_double if/else around the train metric, self.reg_loss -> get_regularization_loss(), "
             "callbacks + epoch_logs + do_validation (validation moved out of the verbose branch), "
             "DataParallel if/else replacing print(self.device), multi-task loss if/else, squeeze -> guarded squeeze)",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "effective batch size (after the per-GPU scaling) right before the DataLoader is built",
            "newest": ("after", "if self.gpus:"),
            "versions": dict(
                [(v, ("after", "print(self.device, end=", {
                    "alt": [("after", "optim = self.optim")],
                    "note": "before 0.2.6 there is no `if self.gpus:` if/else; its ancestor is the single "
                            "`print(self.device, end=\"\\n\")` (the newest else branch), which sits before "
                            "`model = self.train()` / loss_func / optim, while the DataLoader is built before "
                            "all of them. After the print (image of the previous sibling) or after "
                            "`optim = self.optim` (after model/loss_func/optim, as in the newest) are both accepted; "
                            "batch_size is final in both"})) for v in range(7)] +
                [(v, ("after", "if self.gpus:")) for v in (7, 8)]),
        },
        "steps_per_epoch": {
            "text": 'flor.log("steps_per_epoch", steps_per_epoch)',
            "intent": "number of optimizer steps per epoch, right after it is computed",
            "newest": ("after", "steps_per_epoch = (sample_num - 1) // batch_size + 1"),
            "versions": dict(
                [(v, ("after", "steps_per_epoch = (sample_num - 1) // batch_size + 1", {
                    "note": "0.1.0/0.1.2 compute sample_num and steps_per_epoch inside the epoch loop (hoisted in "
                            "0.1.3): the probe follows the statement into the loop"})) for v in (0, 1)] +
                [(v, ("after", "steps_per_epoch = (sample_num - 1) // batch_size + 1")) for v in range(2, 9)]),
        },
        "y_pred_mean": {
            "text": 'flor.log("y_pred_mean", y_pred.mean().item())',
            "intent": "mean prediction of each batch, once y_pred has its final shape",
            "newest": ("after", "if num_tasks == 1 and y_pred.ndim > 1 and y_pred.shape[-1] == 1:"),
            "versions": {v: ("after", "y_pred = model(x).squeeze()", {
                "note": "before 0.3.0 the squeeze is part of the forward statement `y_pred = model(x).squeeze()`: "
                        "the guarded-squeeze `if` has no counterpart, the probe follows the forward"})
                for v in OLDER},
        },
        "reg_loss": {
            "text": 'flor.log("reg_loss", reg_loss.item())',
            "intent": "regularization term added to each batch loss",
            "newest": ("after", "reg_loss = self.get_regularization_loss()"),
            "versions": dict(
                [(v, ("before", "total_loss = loss + self.reg_loss", {
                    "renames": {"reg_loss": "self.reg_loss"},
                    "note": "before 0.2.2 the regularization term is the attribute self.reg_loss (accumulated at "
                            "construction), read directly in `total_loss = loss + self.reg_loss`; there is no "
                            "`reg_loss = self.get_regularization_loss()` statement: between the loss and total_loss"}))
                 for v in range(4)] +
                [(v, ("after", "reg_loss = self.get_regularization_loss()")) for v in range(4, 9)]),
        },
        "total_loss": {
            "text": 'flor.log("total_loss", total_loss.item())',
            "intent": "batch loss incl. regularization and auxiliary loss, right after the backward pass",
            "newest": ("after", "total_loss.backward()"),
            "versions": {v: ("after", "total_loss.backward(", {
                "note": "`total_loss.backward(retain_graph=True)` before 0.2.4: same statement"} if v < 6 else {})
                for v in OLDER},
        },
        "train_metric": {
            "text": 'flor.log("train_metric", train_result[name][-1])',
            "intent": "each training metric of each batch, right after it is appended",
            "newest": ("after", "train_result[name].append(metric_fun(y_true_metric, y_pred_metric))"),
            "versions": dict(
                [(v, ("after", "train_result[name].append(metric_fun(")) for v in (0, 1, 2)] +
                [(v, ("after", "if use_double:", dict(_FIT, note=
                      "0.2.0/0.2.2 append the metric in an `if use_double:` / else pair (float64 or not): the probe "
                      "goes after the whole if/else, not into one branch"))) for v in (3, 4)] +
                [(v, ("after", "train_result[name].append(metric_fun(")) for v in range(5, 9)]),
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", total_loss_epoch / sample_num)',
            "intent": "mean training loss of the epoch, right after the progress bar is closed",
            "newest": ("after", "t.close()", {"n": 2, "of": 2}),
            "versions": {v: ("after", "t.close()", {"n": 2, "of": 2, "note": "the second t.close() (after the try), "
                             "not the one inside `except KeyboardInterrupt:`"} if v == 0 else {"n": 2, "of": 2})
                         for v in OLDER},
        },
        "val_result": {
            "text": 'flor.log("val_result", eval_result)',
            "intent": "validation metrics of each epoch, right after evaluation",
            "newest": ("after", "eval_result = self.evaluate(val_x, val_y, batch_size)"),
            "versions": dict(
                [(v, ("after", "eval_result = self.evaluate(val_x, val_y, batch_size)", {
                    "note": "before 0.2.3 validation is evaluated only inside `if verbose > 0:` > "
                            "`if len(val_x) and len(val_y):` (the equivalent of do_validation); eval_result exists "
                            "nowhere else, so the probe follows the evaluation under the old extra verbose "
                            "condition (the evaluation itself carries it)"})) for v in range(5)] +
                [(v, ("after", "eval_result = self.evaluate(val_x, val_y, batch_size)")) for v in range(5, 9)]),
        },
        "epoch_logs": {
            "text": 'flor.log("epoch_logs", epoch_logs)',
            "intent": "the epoch's logs dict (loss, metrics, val_ metrics) after the epoch-end callbacks ran",
            "newest": ("after", "callbacks.on_epoch_end(epoch, epoch_logs)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.2.3 there are no callbacks and no epoch_logs dict (the epoch's loss and metrics are only "
                      "formatted into eval_str); logging total_loss_epoch etc. instead would be a substitute, not a rename",
                      {"scope": "BaseModel.fit"})) for v in range(5)] +
                [(v, ("after", "callbacks.on_epoch_end(epoch, epoch_logs)")) for v in range(5, 9)]),
        },
        "eval_metrics": {
            "text": 'flor.log("eval_metrics", eval_result)',
            "intent": "the metrics dict evaluate() returns",
            "newest": ("after", "for name, metric_fun in self.metrics.items():", _EVAL),
            "versions": {v: ("after", "for name, metric_fun in self.metrics.items():", dict(_EVAL, note=
                             "in evaluate(), not the same-headed metric loop in fit(); fit() also binds an "
                             "eval_result (the validation result)") if v == 0 else _EVAL)
                         for v in OLDER},
        },
    },
}
