# pytorch-forecasting pytorch_forecasting/models/base_model.py (0.2.0 .. 1.3.0; pytorch_forecasting/models/base/_base_model.py
# in 1.8.0): BaseModel, the LightningModule every model subclasses (training_step / validation_step / step,
# epoch-end hooks, gradient-flow logging, configure_optimizers, the prediction loop / predict_step),
# PyPI 0.2.0 .. 1.8.0 (v00 .. v11).
# Round 30, held out: written before the round's fixes, scored before any change made for it.
# (versions.json names the 1.8.0 path for every version: the downloader labels each version with the first path.)
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ptf_base_model" / "versions.json").read_text())
OLDER = range(11)
# v00 0.2.0 / v01 0.3.0: step(..., label="train"), returns a log dict {f"{label}_loss", "log", "n_samples"} (+ "loss"
#           only for label == "train"); training_epoch_end -> epoch_end averages; _log_gradient_flow; predict() runs
#           its own `for x, _ in dataloader:` loop; configure_optimizers builds the optimizer in each branch of
#           `if isinstance(self.hparams.learning_rate, (list, tuple)):` (schedule / ReduceLROnPlateau).
# v02 0.4.0: packed y sequences, MASE loss kwargs.
# v03 0.5.0: self.log(...) in training/validation_step, log = {"loss", "n_samples"}, epoch_end is a no-op hook.
# v04 0.6.0 / v05 0.7.0: step(**kwargs), _log_metrics.
# v06 0.8.0: label argument dropped (self.training), multi-target monotone gradient, log_gradient_flow (public),
#            device move in the prediction loop.
# v07 0.9.0: create_log(), loss logged inside step, optimizer_params.
# v08 0.10.0: configure_optimizers rewritten: lr = lrs[0] / lrs, one optimizer chain, scheduler_config.
# v09 1.1.0: Lightning 2: on_train_epoch_end over self.training_step_outputs, predict_step + trainer.predict
#            (the explicit prediction loop is gone), loss None while predicting, pytorch_optimizer.
# v10 1.3.0: black at 88 columns, monotone_constraints spelled right; v11 1.8.0: moved to models/base/_base_model.py.
_TS = {"within": "def training_step("}
_VS = {"within": "def validation_step("}
_ST = {"within": "def step("}
_CO = {"within": "def configure_optimizers("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


def _mono(v):
    if v <= 5:
        return 'if label == "train" and len(self.hparams.monotone_constaints) > 0:'
    if v <= 9:
        return "if self.training and len(self.hparams.monotone_constaints) > 0:"
    return "if self.training and len(self.hparams.monotone_constraints) > 0:"


CASE = {
    "name": "ptf_base_model",
    "title": "pytorch-forecasting BaseModel (LightningModule) training/validation step, gradient-flow logging, "
             "optimizer setup and prediction across 0.2.0 .. 1.8.0 (label argument -> self.training, tensorboard "
             "log dicts -> self.log, _log_gradient_flow -> log_gradient_flow, configure_optimizers rewritten around "
             "lr, Lightning 2 epoch hooks over *_step_outputs, explicit predict loop -> predict_step)",
    "stories": _V,
    "probes": {
        "train_loss": {
            "text": 'flor.log("train_loss", log["loss"].item())',
            "intent": "training loss of every batch, right after the shared step() returns it",
            "newest": ("after", "log, out = self.step(x, y, batch_idx)", _TS),
            "versions": {v: ("after", "log, ", _w(_TS, **({"note": "0.2-0.7 call step(..., label=\"train\") and discard "
                                                               "the output (`log, _ = ...`); log[\"loss\"] is set for "
                                                               "training there too"} if v < 6 else {})))
                         for v in OLDER},
        },
        "val_loss": {
            "text": 'flor.log("val_loss", log["loss"].item())',
            "intent": "validation loss of every validation batch, right after step() returns it",
            "newest": ("after", "log, out = self.step(x, y, batch_idx)", _VS),
            "versions": dict(
                [(v, ("after", "log, ", _w(_VS, text='flor.log("val_loss", log["val_loss"].item())', note=
                      "0.2-0.4 return {f\"{label}_loss\": loss, ...} and add the \"loss\" key only for label == "
                      "\"train\": the same validation loss is log[\"val_loss\"] here (log[\"loss\"] would raise)")))
                 for v in (0, 1, 2)] +
                [(v, ("after", "log, ", _VS)) for v in range(3, 11)]),
        },
        "mono_penalty": {
            "text": 'flor.log("mono_penalty", monotinicity_loss)',
            "intent": "monotonicity penalty of the batch, inside the monotone-constraints branch, once it is squared",
            "newest": ("after", "monotinicity_loss = 10 * torch.pow(monotinicity_loss, 2)", _ST),
            "versions": {v: ("after", "monotinicity_loss = 10 * torch.pow(monotinicity_loss, 2)", _ST) for v in OLDER},
        },
        "step_loss": {
            "text": 'flor.log("step_loss", loss)',
            "intent": "loss of every step (train and validation), once both the monotone and the plain branch have computed it",
            "newest": ("after", _mono(11), _ST),
            "versions": {v: ("after", _mono(v), _w(_ST, **({"note": "0.2-0.7 test `label == \"train\"` instead of "
                                                                    "self.training; after the whole if/else"}
                                                              if v < 6 else {})))
                         for v in OLDER},
        },
        "avg_grad": {
            "text": 'flor.log("avg_grad", ave_grads[-1])',
            "intent": "mean absolute gradient of each (non-bias) layer, inside the gradient-flow loop",
            "newest": ("after", "ave_grads.append(p.grad.abs().cpu().mean())"),
            "versions": dict(
                [(v, ("after", "ave_grads.append(p.grad.abs().mean())", {"note":
                      "before 1.1 the mean stays on the device (no .cpu()); _log_gradient_flow before 0.8"}))
                 for v in range(0, 9)] +
                [(v, ("after", "ave_grads.append(p.grad.abs().cpu().mean())")) for v in (9, 10)]),
        },
        "n_grad_layers": {
            "text": 'flor.log("n_grad_layers", len(layers))',
            "intent": "number of layers whose gradients were logged, once the gradient-flow loop is over",
            "newest": ("after", "for name, p in named_parameters:"),
            "versions": {v: ("after", "for name, p in named_parameters:", {"note":
                             "the figure is drawn right after the loop (no matplotlib guard before 1.1)"} if v < 9 else {})
                         for v in OLDER},
        },
        "n_train_batches": {
            "text": 'flor.log("n_train_batches", len(self.training_step_outputs))',
            "intent": "number of training batches collected in the epoch, at the epoch-end hook before it is handled",
            "newest": ("before", "self.on_epoch_end(self.training_step_outputs)"),
            "versions": dict(
                [(v, ("before", "log, _ = self.epoch_end(outputs, label=\"train\")", {
                    "renames": {"self.training_step_outputs": "outputs"},
                    "note": "Lightning 1 hands training_epoch_end the step outputs as `outputs`"}))
                 for v in (0, 1, 2)] +
                [(v, ("before", "self.epoch_end(outputs", {"within": "def training_epoch_end(",
                                                          "renames": {"self.training_step_outputs": "outputs"}}))
                 for v in range(3, 9)] +
                [(v, ("before", "self.on_epoch_end(self.training_step_outputs)")) for v in (9, 10)]),
        },
        "init_lr": {
            "text": 'flor.log("init_lr", lr)',
            "intent": "initial learning rate the optimizer is built with (first of a schedule)",
            "newest": ("after", "if isinstance(lrs, list | tuple):", _CO),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.10 there is no `lr` variable: each branch passes lrs[0] or self.hparams.learning_rate "
                      "straight to the optimizer", {"scope": "configure_optimizers",
                                                    "probe_site": ("after", "if isinstance(self.hparams.learning_rate, (list, tuple)):", _CO)}))
                 for v in range(0, 8)] +
                [(8, ("after", "if isinstance(lrs, (list, tuple)):", _CO))] +
                [(v, ("after", "if isinstance(lrs, (list, tuple)):", _w(_CO, n=1, of=2, note=
                      "the second `if isinstance(lrs, (list, tuple)):` (with a comment) chooses the scheduler")))
                 for v in (9, 10)]),
        },
        "optimizer_name": {
            "text": 'flor.log("optimizer_name", type(optimizer).__name__)',
            "intent": "class of the optimizer actually built, once it exists",
            "newest": ("after", "if callable(self.optimizer):", _CO),
            "versions": dict(
                [(v, ("after", "if isinstance(self.hparams.learning_rate, (list, tuple)):", _w(_CO, note=
                      "before 0.10 each branch of the schedule-vs-plateau if/else builds the optimizer and then its "
                      "scheduler: after the whole if/else (inside one branch would add a condition), before the "
                      "return; the scheduler does not change the optimizer")))
                 for v in range(0, 8)] +
                [(v, ("after", "if callable(self.optimizer):", _CO)) for v in (8, 9, 10)]),
        },
        "predict_batch_size": {
            "text": 'flor.log("predict_batch_size", len(x["decoder_lengths"]))',
            "intent": "number of samples in every prediction batch, as soon as the batch is unpacked",
            "newest": ("after", "x, y = batch", {"within": "def predict_step("}),
            "versions": dict(
                [(v, ("first_in", "for x, _ in dataloader:", {"note":
                      "before 1.1 predict() runs its own loop over the dataloader (Lightning's predict loop with "
                      "predict_step replaces it): first in that loop, where the batch is unpacked"}))
                 for v in range(0, 6)] +
                [(v, ("first_in", "for x, _ in dataloader:", {
                    "alt": [("after", "if data_device != self.device:")],
                    "note": "before 1.1 predict() runs its own loop over the dataloader: first in it; 0.8-0.10 then "
                            "move x to the model's device (predict_step gets the batch already moved): the size does "
                            "not depend on the device, so after that move is also accepted"}))
                 for v in (6, 7, 8)] +
                [(v, ("after", "x, y = batch", {"within": "def predict_step("})) for v in (9, 10)]),
        },
    },
}
