# pytorch-tabular pytorch_tabular/models/base_model.py: BaseModel, the LightningModule every PyTorch Tabular model
# subclasses (__init__, calculate_loss / calculate_metrics, training_step / validation_step, configure_optimizers,
# the validation-epoch-end logits logging), PyPI 0.1.1 .. 1.2.0 (v00 .. v10).
# Round 31, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ptab_base_model" / "versions.json").read_text())
OLDER = range(10)
# v00 0.1.1: calculate_loss(y, y_hat, tag); per-target loss loop only for multi-output regression;
#            training_step: y = batch["target"]; y_hat = self(batch); validation_epoch_end logs a wandb Histogram
#            of flattened_logits; local do_log_logits computed in validation_epoch_end
# v01 0.2.0: torch.clip -> torch.clamp in calculate_metrics
# v02 0.4.0: forward returns a dict (self(batch)["logits"]), custom params written into the config, plotly histogram
#            (logits = torch.cat(logits).detach().cpu())
# v03 0.6.0: torchmetrics instead of pl.metrics, softmax before classification metrics
# v04 0.7.0: per-target metric loop for every regression
# v05 1.0.0: inferred_config / safe_merge_config, self.do_log_logits set in __init__, backbone/head/embedding
#            properties, calculate_loss(output, y, tag) with regularization terms (reg_loss) and a per-target loss
#            loop for every regression, forward_pass(), validation/test steps under torch.no_grad(), _GenericModel
# v06 1.0.1: classification metric task always "multiclass"
# v07 1.0.2: custom_metrics_prob_inputs, prob_inp in the metrics loop, `else:` after the _LRScheduler return removed
# v08 1.1.0: _create_optimizer, validation logits collected per batch (on_validation_batch_end / self._val_logits)
#            and logged in on_validation_epoch_end, feature_importance
# v09 1.1.1: multi-target classification (output_cardinality loops in calculate_loss / calculate_metrics)
# v10 1.2.0: sync_dist, load_from_checkpoint, scheduler dict with interval
_TRAIN = {"within": "def training_step("}
_VAL = {"within": "def validation_step("}
_LOSS = {"within": "def calculate_loss("}
_OPT = {"within": "def configure_optimizers("}
CASE = {
    "name": "ptab_base_model",
    "title": "pytorch-tabular BaseModel (LightningModule) across 0.1.1 .. 1.2.0: loss/metric helpers gain "
             "regularization terms, prob inputs and multi-target classification; training/validation steps move "
             "to forward_pass(); validation logits logging moves from validation_epoch_end to per-batch collection",
    "stories": _V,
    "probes": {
        "n_metrics": {
            "text": 'flor.log("n_metrics", len(self.metrics))',
            "intent": "number of metric functions the model will compute, once they are set up",
            "newest": ("after", "self._setup_metrics()"),
            "versions": {v: ("after", "self._setup_metrics()") for v in OLDER},
        },
        "do_log_logits": {
            "text": 'flor.log("do_log_logits", self.do_log_logits)',
            "intent": "whether validation logits will be logged to wandb, as finally decided at the end of __init__",
            "newest": ("after", "if not PLOTLY_INSTALLED and self.do_log_logits:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.0.0 there is no self.do_log_logits: the decision is a local `do_log_logits` computed "
                      "inside validation_epoch_end at every epoch end, not visible in __init__",
                      {"scope": "__init__"})) for v in range(0, 5)] +
                [(v, ("after", "if not PLOTLY_INSTALLED:", {
                    "note": "1.0.0 .. 1.0.2: the last warning block is `if not PLOTLY_INSTALLED:` (without "
                            "`and self.do_log_logits`); after the whole if, last statement of __init__"}))
                 for v in (5, 6, 7)] +
                [(v, ("after", "if not PLOTLY_INSTALLED and self.do_log_logits:")) for v in (8, 9)]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", y.shape[0])',
            "intent": "number of rows of each training batch, as soon as the target tensor is known",
            "newest": ("after", 'y = batch["target"] if y is None else y', _TRAIN),
            "versions": dict(
                [(v, ("after", 'y = batch["target"]', dict(_TRAIN, note=
                      "before 1.0.0 training_step reads the target first (`y = batch[\"target\"]`) and runs the "
                      "forward after it; the probe follows the statement that binds y (primary); after the "
                      "forward (`y_hat = self(batch)...`) is also accepted: in the newest version the probe runs "
                      "after both the forward and the target read, and it only reads y",
                      alt=[("after", "y_hat = self(batch)", _TRAIN)])))
                 for v in range(0, 5)] +
                [(v, ("after", 'y = batch["target"] if y is None else y', _TRAIN)) for v in range(5, 10)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss)',
            "intent": "training loss of each step, as returned to Lightning",
            "newest": ("after", "loss = self.calculate_loss(", _TRAIN),
            "versions": {v: ("after", "loss = self.calculate_loss(", dict(_TRAIN, note=
                             "calculate_loss(y, y_hat, tag=\"train\") before 1.0.0 (argument order changed)")
                             if v < 5 else _TRAIN) for v in OLDER},
        },
        "reg_loss": {
            "text": 'flor.log("reg_loss", reg_loss)',
            "intent": "sum of the model's regularization terms added to the loss, for every loss computation",
            "newest": ("after", "for t in reg_terms:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "regularization terms in the model output (reg_terms / reg_loss) arrive in 1.0.0; before it "
                      "calculate_loss only receives y_hat and the loss has no regularization part",
                      {"scope": "calculate_loss"})) for v in range(0, 5)] +
                [(v, ("after", "for t in reg_terms:")) for v in range(5, 10)]),
        },
        "target_loss": {
            "text": 'flor.log("target_loss", _loss)',
            "intent": "loss of each regression target separately, inside the per-target loop",
            "newest": ("after", "_loss = self.loss(y_hat[:, i], y[:, i])"),
            "versions": dict(
                [(v, ("after", "_loss = self.loss(y_hat[:, i], y[:, i])", {
                    "note": "before 1.0.0 the per-target loop only exists under "
                            "`if (task == \"regression\") and (output_dim > 1):` (a single-target regression "
                            "computes one loss in the else branch, shared with classification); that loop is the "
                            "old equivalent of the newest regression loop and the only place `_loss` exists"}))
                 for v in range(0, 5)] +
                [(v, ("after", "_loss = self.loss(y_hat[:, i], y[:, i])")) for v in range(5, 10)]),
        },
        "prob_inp": {
            "text": 'flor.log("prob_inp", prob_inp)',
            "intent": "whether the current metric is computed on probabilities, for every metric of every step",
            "newest": ("first_in", "for metric, metric_str, prob_inp, metric_params in zip("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "metrics_prob_input / prob_inp arrive in 1.0.2; before it the metrics loop zips only "
                      "(metric, metric_str, metric_params) and classification metrics always get probabilities "
                      "(0.6.0 .. 1.0.1) or raw outputs (0.1.1 .. 0.4.0)", {"scope": "calculate_metrics"}))
                 for v in range(0, 7)] +
                [(v, ("first_in", "for metric, metric_str, prob_inp, metric_params in zip(")) for v in (7, 8, 9)]),
        },
        "avg_metric": {
            "text": 'flor.log("avg_metric", avg_metric)',
            "intent": "value of each metric (summed over targets) once it is appended to the returned list",
            "newest": ("after", "metrics.append(avg_metric)"),
            "versions": {v: ("after", "metrics.append(avg_metric)") for v in OLDER},
        },
        "val_pred_mean": {
            "text": 'flor.log("val_pred_mean", y_hat.mean().item())',
            "intent": "mean model output of each validation batch",
            "newest": ("after", 'y_hat = output["logits"]', _VAL),
            "versions": dict(
                [(v, ("after", "y_hat = self(batch)", dict(_VAL, note=
                      "before 1.0.0: `y_hat = self(batch)` (0.1.1 .. 0.2.0) / `self(batch)[\"logits\"]` "
                      "(0.4.0 .. 0.7.0) with no torch.no_grad() block; after it, unconditionally")))
                 for v in range(0, 5)] +
                [(v, ("after", 'y_hat = output["logits"]', _VAL)) for v in range(5, 10)]),
        },
        "monitored_scheduler": {
            "text": 'flor.log("monitored_scheduler", self._lr_scheduler.__name__)',
            "intent": "name of the scheduler class when configure_optimizers returns the monitored form (the "
                      "scheduler is not an _LRScheduler, e.g. ReduceLROnPlateau)",
            "newest": ("after", "if isinstance(self._lr_scheduler, torch.optim.lr_scheduler._LRScheduler):"),
            "versions": dict(
                [(v, ("first_in_else", "if isinstance(self._lr_scheduler, torch.optim.lr_scheduler._LRScheduler):", {
                    "note": "until 1.0.1 the monitored return is the `else:` branch of the _LRScheduler check; the "
                            "if branch returns, so first in the else is the same point and condition as after the "
                            "if in the newest version"})) for v in range(0, 7)] +
                [(v, ("after", "if isinstance(self._lr_scheduler, torch.optim.lr_scheduler._LRScheduler):"))
                 for v in (7, 8, 9)]),
        },
        "val_logits_mean": {
            "text": 'flor.log("val_logits_mean", logits.mean().item())',
            "intent": "mean of all validation logits of the epoch, when they are logged to wandb",
            "newest": ("after", "logits = torch.cat(self._val_logits).detach().cpu()"),
            "versions": dict(
                [(v, ("after", "flattened_logits = torch.flatten(torch.cat(logits))", {
                    "renames": {"logits": "flattened_logits"},
                    "note": "0.1.1 .. 0.2.0 concatenate and flatten the per-batch logits into flattened_logits "
                            "(in validation_epoch_end, under `if do_log_logits:`); flattening does not change the "
                            "mean, and `logits` there is still the list of per-batch tensors: rename"}))
                 for v in (0, 1)] +
                [(v, ("after", "logits = torch.cat(logits).detach().cpu()", {
                    "note": "0.4.0 .. 1.0.2: validation_epoch_end(outputs) rebuilds the concatenated logits from "
                            "the outputs, under `if do_log_logits:` / `if self.do_log_logits:`"} if v in (2, 5) else {}))
                 for v in range(2, 8)] +
                [(v, ("after", "logits = torch.cat(self._val_logits).detach().cpu()")) for v in (8, 9)]),
        },
    },
}
