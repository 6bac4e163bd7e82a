# pypots pypots/imputation/base.py (BaseNNImputer._train_model), PyPI 0.0.6 .. 0.12 (v00 .. v11).
# Round 19, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "pypots_imputer" / "versions.json").read_text())
# v00 0.0.6, v01 0.0.7, v02 0.0.10, v03 0.0.11, v04 0.1.1, v05 0.2.1, v06 0.3, v07 0.4, v08 0.8.1,
# v09 0.10, v10 0.11, v11 0.12 (newest).
OLDER = range(11)
_NOGRAD = {"within": "with torch.no_grad()"}
_NA = lambda why: ("na", "missing_dependency", why, {"scope": "BaseNNImputer._train_model"})
CASE = {
    "name": "pypots_imputer",
    "title": "pypots BaseNNImputer._train_model across 0.0.6 .. 0.12 (self.logger lists -> tensorboard, "
             "nni/enable_tuning/ENABLE_HPO reporting, early-stop check moved out of the else branch, "
             "whole-set cal_mae validation -> per-batch calc_mse -> val_metric_func/validation_metric, "
             "imputation_mse -> imputation_error, auto-save moved out of the best-loss branch, "
             "ENABLE_AMP if/else -> with autocast(enabled=...))",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", results["loss"].sum().item())',
            "intent": "training loss of every batch, right after backward",
            "newest": ("after", 'results["loss"].sum().backward()'),
            "versions": dict(
                [(v, ("after", "results['loss'].backward()" if v < 2 else 'results["loss"].backward()', {
                    "note": "before 0.1 the loss is a scalar and backward() is called on it directly; same "
                            "statement (the probe's .sum() is a no-op on a scalar, no rename)"}))
                 for v in (0, 1, 2, 3)] +
                [(v, ("after", 'results["loss"].sum().backward()')) for v in range(4, 10)] +
                [(10, ("after", 'results["loss"].sum().backward()', {
                    "n": 2, "of": 2,
                    "alt": [("after", 'results["loss"].sum().backward()', {"n": 1, "of": 2})],
                    "note": "0.11 duplicates the step in `if ENABLE_AMP: with autocast(): ...` and `else: ...`; "
                            "0.12 merges both into `with autocast(enabled=self.amp_enabled):`, so the probe's "
                            "place (inside that with, after backward) corresponds to both branches: either accepted"}))]),
        },
        "training_step": {
            "text": 'flor.log("training_step", training_step)',
            "intent": "global step counter, right after it is advanced for each training batch",
            "newest": ("after", "training_step += 1"),
            "versions": dict(
                [(v, _NA("the global training_step counter arrives in 0.0.11 (with tensorboard logging); "
                         "the per-epoch enumerate index idx is not the same value")) for v in (0, 1, 2)] +
                [(v, ("after", "training_step += 1")) for v in range(3, 11)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", mean_train_loss)',
            "intent": "mean training loss of each epoch, after the batch loop",
            "newest": ("after", "mean_train_loss = np.mean("),
            "versions": dict(
                [(v, ("after", "mean_train_loss = np.mean(", {
                    "alt": [("after", "self.logger['training_loss'].append(" if v < 2 else
                             'self.logger["training_loss"].append(')],
                    "note": "before 0.0.11 the epoch loss is also appended to self.logger['training_loss'], a "
                            "statement with no counterpart in the newest version: before or after it"}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "mean_train_loss = np.mean(")) for v in range(3, 11)]),
        },
        "val_batch_size": {
            "text": 'flor.log("val_batch_size", len(data[0]))',
            "intent": "size of each validation batch, right after the validation forward pass",
            "newest": ("after", "with autocast(enabled=self.amp_enabled):", _NOGRAD),
            "versions": dict(
                [(v, ("after", "results = self.model.forward(inputs)", dict(_NOGRAD, note=
                      "0.0.6/0.0.7 run model.forward on the validation batch (the first `results = "
                      "self.model.forward(inputs)` is the training one)"))) for v in (0, 1)] +
                [(2, ("after", "imputed_data, _ = self.model.impute(inputs)", {
                    "note": "0.0.10 validates through model.impute(), which returns a tuple"}))] +
                [(3, ("after", "imputed_data = self.model.impute(inputs)"))] +
                [(v, ("after", "results = self.model.forward(inputs, training=False)", {
                    "alt": [("after", 'imputed_data = results["imputed_data"]')],
                    "note": "`imputed_data = results[\"imputed_data\"]` has no counterpart in the newest version "
                            "(the metric reads results directly): before or after it"})) for v in (4, 5)] +
                [(v, ("after", "results = self.model.forward(inputs, training=False)")) for v in (6, 7, 8)] +
                [(9, ("after", "results = self.model.forward(inputs)", _NOGRAD))] +
                [(10, ("after", 'if os.getenv("ENABLE_AMP", False) and self.enable_amp:', dict(_NOGRAD, note=
                       "0.11 chooses between `with autocast(): forward` and a plain forward with an if/else; "
                       "0.12 replaced the whole if/else by `with autocast(enabled=...)`: after the whole if/else")))]),
        },
        "val_batch_error": {
            "text": 'flor.log("val_batch_error", imputation_error)',
            "intent": "validation metric of each validation batch, right after it is computed",
            "newest": ("after", "imputation_error = ("),
            "versions": dict(
                [(v, _NA("before 0.3 validation collects the imputations of all batches and computes one cal_mae "
                         "over the whole set afterwards; there is no per-batch error")) for v in range(6)] +
                [(v, ("after", "imputation_mse = (", {
                    "renames": {"imputation_error": "imputation_mse"},
                    "note": "0.3 .. 0.9 compute the per-batch calc_mse into imputation_mse (renamed when the "
                            "metric became configurable in 0.10)"})) for v in (6, 7, 8)] +
                [(v, ("after", "imputation_error = (")) for v in (9, 10)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", mean_val_loss)',
            "intent": "validation loss of each epoch, right after it is computed",
            "newest": ("after", "mean_val_loss = np.mean(imputation_loss_collector)"),
            "versions": dict(
                [(v, ("after", "mean_val_loss = cal_mae(", {
                    "alt": [("after", "self.logger['validating_loss'].append(" if v < 2 else
                             'self.logger["validating_loss"].append(')],
                    "note": "before 0.3 the validation loss is cal_mae over the concatenated imputations; the "
                            "following self.logger['validating_loss'].append(...) has no counterpart: before or "
                            "after it"})) for v in (0, 1, 2)] +
                [(v, ("after", "mean_val_loss = cal_mae(", {
                    "note": "whole-set cal_mae instead of the mean of per-batch errors; same variable"}))
                 for v in (3, 4, 5)] +
                [(v, ("after", "mean_val_loss = np.mean(imputation_loss_collector)")) for v in range(6, 11)]),
        },
        "best_loss": {
            "text": 'flor.log("best_loss", self.best_loss)',
            "intent": "new best loss, each time the epoch improves on it (end of the improvement branch)",
            "newest": ("after", "self.patience = self.original_patience"),
            "versions": dict(
                [(v, ("after", "self.patience = self.original_patience", {
                    "note": "0.1.x/0.2.x also auto-save inside this branch, after the patience reset; that "
                            "save is after the whole if/else in the newest version, so the probe stays before it"}
                      if v in (4, 5) else {})) for v in OLDER]),
        },
        "patience": {
            "text": 'flor.log("patience", self.patience)',
            "intent": "remaining patience after every epoch's improvement check (after the whole if/else)",
            "newest": ("after", "if mean_loss < self.best_loss:"),
            "versions": dict(
                [(0, ("after", "if mean_loss < self.best_loss:", {
                    "note": "0.0.6 has the early-stop `if self.patience == 0: break` nested in the else branch; "
                            "the probe goes after the whole if/else (last statement of the epoch loop), not into "
                            "either branch"}))] +
                [(v, ("after", "if mean_loss < self.best_loss:")) for v in range(1, 11)]),
        },
        "hpo_loss": {
            "text": 'flor.log("hpo_loss", mean_loss)',
            "intent": "loss reported to the hyper-parameter tuner, only when tuning is enabled",
            "newest": ("first_in", 'if os.getenv("ENABLE_HPO", False):'),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.0.6 has no NNI/hyper-parameter-tuning mode at all; the probe runs only when tuning is "
                      "enabled, so there is no corresponding point (placing it unconditionally would log on every "
                      "epoch of every run)"))] +
                [(1, ("first_in", "if os.getenv('enable_nni', False):", {
                    "note": "the tuning switch is the env var enable_nni (0.0.7 .. 0.1.x), enable_tuning (0.2 .. "
                            "0.10), ENABLE_HPO (0.11+): same condition"}))] +
                [(v, ("first_in", 'if os.getenv("enable_nni", False):')) for v in (2, 3, 4)] +
                [(v, ("first_in", 'if os.getenv("enable_tuning", False):')) for v in range(5, 10)] +
                [(10, ("first_in", 'if os.getenv("ENABLE_HPO", False):'))]),
        },
        "early_stop_epoch": {
            "text": 'flor.log("early_stop_epoch", epoch)',
            "intent": "epoch at which patience ran out, right before training stops",
            "newest": ("first_in", "if self.patience == 0:"),
            "versions": dict(
                [(0, ("first_in", "if self.patience == 0:", {
                    "note": "in 0.0.6 the patience check is nested in the else branch of the best-loss if; it is "
                            "the same condition (patience only drops there): first statement of that if"}))] +
                [(v, ("first_in", "if self.patience == 0:")) for v in range(1, 11)]),
        },
    },
}
