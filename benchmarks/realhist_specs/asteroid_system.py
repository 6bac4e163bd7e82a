# asteroid asteroid/engine/system.py (System, the LightningModule every asteroid recipe trains: __init__,
# common_step / training_step / validation_step, the validation-epoch hook, configure_optimizers, on_save_checkpoint),
# PyPI 0.1.2 .. 0.7.0 (v00 .. v11; 0.6.0 left out, it differs from 0.7.0 only in lr_scheduler_step's signature).
# Round 31, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "asteroid_system" / "versions.json").read_text())
OLDER = range(11)
# v00 0.1.2: common_step(batch, batch_nb); training_step returns {'loss', 'log': tensorboard_logs}; validation_end;
#            hparams = Namespace(**none_to_string(flatten_dict(config))); configure_optimizers returns
#            [optimizer], [scheduler] under `if self.scheduler is not None:`; @pl.data_loader
# v01 0.1.3: common_step(..., train=True) and train=True/False from the steps; config_to_hparams
# v02 0.2.1: validation_epoch_end, no @pl.data_loader
# v03 0.3.1: black; optimizer_step steps batch schedulers; configure_optimizers wraps self.scheduler in a list and
#            keeps the epoch schedulers in epoch_schedulers (for sched ...: assert interval in batch/epoch)
# v04 0.3.2: optimizer_step under `if self.scheduler is not None:` with its own list wrap
# v05 0.3.3: optimizer_step(*args, **kwargs) calls super(); unsqueeze_if_dp_or_ddp removed
# v06 0.3.4: docstrings
# v07 0.4.0: optimizer_step removed; configure_optimizers returns early when there is no scheduler, then wraps,
#            interval 'batch' -> 'step', every dict scheduler appended
# v08 0.4.1: self.config = {} if config is None else config; self.log(...) in training/validation_step (return loss);
#            on_validation_epoch_end logs hp_metric; ReduceLROnPlateau / monitor / frequency defaults
# v09 0.4.2: on_batch_start/... stubs removed; v10 0.5.1: save_hyperparameters(); v11 0.7.0: lr_scheduler_step
_TS = {"within": "def training_step("}
_VS = {"within": "def validation_step("}
_CO = {"within": "def configure_optimizers("}
_NO_SCHED_LOOP = ("before 0.3.1 configure_optimizers returns [self.optimizer], [self.scheduler] as it is: there is no "
                  "loop over schedulers and no epoch_schedulers/sched")


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "asteroid_system",
    "title": "asteroid System (LightningModule) across 0.1.2 .. 0.7.0 (dict-returning steps -> self.log, "
             "validation_end -> validation_epoch_end -> on_validation_epoch_end/hp_metric, scheduler list "
             "handling and batch-scheduler optimizer_step added then moved into configure_optimizers)",
    "stories": _V,
    "probes": {
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in self.model.parameters()))',
            "intent": "number of parameters of the wrapped model, when the system is built",
            "newest": ("after", "self.model = model"),
            "versions": {v: ("after", "self.model = model") for v in OLDER},
        },
        "config": {
            "text": 'flor.log("config", self.config)',
            "intent": "the training config saved with the checkpoints, once it is set on the system",
            "newest": ("after", "self.config = {} if config is None else config"),
            "versions": dict(
                [(v, ("after", "self.config = config", {
                    "note": "before 0.4.1 the default is applied to the local first (`config = {} if config is None "
                            "else config`), then `self.config = config`: after the attribute assignment"}))
                 for v in range(8)] +
                [(v, ("after", "self.config = {} if config is None else config")) for v in range(8, 11)]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", inputs.shape[0])',
            "intent": "size of each batch (train and validation), right after it is unpacked in common_step",
            "newest": ("after", "inputs, targets = batch"),
            "versions": {v: ("after", "inputs, targets = batch") for v in OLDER},
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "training loss of every step, right after training_step computes it",
            "newest": ("after", "loss = self.common_step(", _TS),
            "versions": {v: ("after", "loss = self.common_step(", _w(_TS, note=(
                "0.1.2 calls common_step(batch, batch_nb) without the train flag: same statement"))
                if v == 0 else _TS) for v in OLDER},
        },
        "train_batch_nb": {
            "text": 'flor.log("train_batch_nb", batch_nb)',
            "intent": "index of the training batch, once the step has logged its loss, before it returns",
            "newest": ("after", 'self.log("loss", loss, logger=True)'),
            "versions": dict(
                [(v, ("after", "tensorboard_logs = {", _w(_TS, note=(
                    "before 0.4.1 the loss is logged by building tensorboard_logs = {'train_loss': loss} and "
                    "returning it in the result dict: tensorboard_logs plays the role of self.log('loss', ...), "
                    "the probe goes after it, before the return (tensorboard_logs also exists in the validation "
                    "epoch-end hook: within training_step)"))))
                 for v in range(8)] +
                [(v, ("after", 'self.log("loss", loss, logger=True)')) for v in range(8, 11)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", loss.item())',
            "intent": "validation loss of every validation batch, right after validation_step computes it",
            "newest": ("after", "loss = self.common_step(", _VS),
            "versions": {v: ("after", "loss = self.common_step(", _VS) for v in OLDER},
        },
        "hp_metric": {
            "text": 'flor.log("hp_metric", hp_metric)',
            "intent": "the epoch validation loss as the trainer recorded it (callback_metrics), at the end of every "
                      "validation epoch",
            "newest": ("after", "hp_metric = self.trainer.callback_metrics.get("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.4.1 there is no on_validation_epoch_end and no hp_metric: validation_end / "
                      "validation_epoch_end compute their own avg_loss from the step outputs and return it; the "
                      "probe reads what the trainer recorded (callback_metrics), and avg_loss, though numerically "
                      "close, is a substitute value computed by the module, not a rename",
                      {"scope": "validation_epoch_end" if v >= 2 else "validation_end"}))
                 for v in range(8)] +
                [(v, ("after", "hp_metric = self.trainer.callback_metrics.get(")) for v in range(8, 11)]),
        },
        "n_schedulers": {
            "text": 'flor.log("n_schedulers", len(self.scheduler))',
            "intent": "number of learning-rate schedulers, once configure_optimizers has normalised them into a list "
                      "(only when a scheduler is given)",
            "newest": ("after", "if not isinstance(self.scheduler, (list, tuple)):", _CO),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 0.3.1 configure_optimizers never normalises self.scheduler into a list (it returns "
                      "[self.optimizer], [self.scheduler] as given), so there is no point where len(self.scheduler) "
                      "counts the schedulers", {"scope": "configure_optimizers"}))
                 for v in range(3)] +
                [(v, ("after", "if not isinstance(self.scheduler, (list, tuple)):", _w(_CO, note=(
                    "0.3.1 .. 0.3.4: the wrap is inside `if self.scheduler is not None:` (the newest returns early "
                    "when there is none, then wraps): same condition, the probe goes inside that if, after the "
                    "wrap; optimizer_step has the same wrap from 0.3.2 (within configure_optimizers)"))))
                 for v in range(3, 7)] +
                [(v, ("after", "if not isinstance(self.scheduler, (list, tuple)):", _CO)) for v in range(7, 11)]),
        },
        "sched_interval": {
            "text": 'flor.log("sched_interval", sched["interval"])',
            "intent": "interval of every dict-configured scheduler, once it has been validated",
            "newest": ("after", "assert sched["),
            "versions": dict(
                [(v, ("na", "missing_dependency", _NO_SCHED_LOOP, {"scope": "configure_optimizers"}))
                 for v in range(3)] +
                [(v, ("after", "assert sched[", {
                    "note": "0.3.x accepts 'batch'/'epoch' (no backward-compat rewrite to 'step' before the assert) "
                            "and appends only epoch schedulers after it: the probe still follows the assert, in the "
                            "else (dict) branch of the loop"}))
                 for v in range(3, 7)] +
                [(v, ("after", "assert sched[")) for v in range(7, 11)]),
        },
        "n_epoch_schedulers": {
            "text": 'flor.log("n_epoch_schedulers", len(epoch_schedulers))',
            "intent": "number of schedulers handed to Lightning, after the loop, before configure_optimizers returns",
            "newest": ("before", "return [self.optimizer], epoch_schedulers"),
            "versions": dict(
                [(v, ("na", "missing_dependency", _NO_SCHED_LOOP, {"scope": "configure_optimizers"}))
                 for v in range(3)] +
                [(v, ("before", "return [self.optimizer], epoch_schedulers", {
                    "note": "0.3.x: inside `if self.scheduler is not None:`; epoch_schedulers then holds only the "
                            "epoch-interval schedulers (batch ones are stepped by optimizer_step), same variable "
                            "and place"}))
                 for v in range(3, 7)] +
                [(v, ("before", "return [self.optimizer], epoch_schedulers")) for v in range(7, 11)]),
        },
        "ckpt_epoch": {
            "text": 'flor.log("ckpt_epoch", checkpoint["epoch"])',
            "intent": "epoch of every checkpoint saved, once the training config has been added to it",
            "newest": ("after", 'checkpoint["training_config"] = self.config'),
            "versions": {v: ("after", "checkpoint[") for v in OLDER},
        },
    },
}
