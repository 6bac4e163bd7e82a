# nequip nequip/train/trainer.py (Trainer.train / epoch_step / batch_step / init / end_of_epoch_save), PyPI 0.5.4 .. 0.6.2 (v00 .. v04).
# Round 19, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "nequip_trainer" / "versions.json").read_text())
# v00 0.5.4, v01 0.5.5, v02 0.5.6, v03 0.6.0, v04 0.6.1/0.6.2 (newest).
# 0.6.0 (v03) replaced the per-layer rescaling loops over self.rescale_layers by GraphModel.unscale/scale
# (data_unscaled -> data_for_loss, scaled_out -> normalized_units_out), added start-of-epoch callbacks,
# the PartialSampler (self.dl_train_sampler) and the post-init callback; 0.5.5 (v01) renamed the epoch's
# `datasets` list to `dataloaders` and guarded the ReduceLROnPlateau step with `self.iepoch > 0`;
# 0.5.6 (v02) added the "Number of trainable weights" log line.
OLD = range(4)
_PRE060 = (0, 1, 2)
_BS = {"within": "def batch_step("}
_EP = {"within": "def epoch_step("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "nequip_trainer",
    "title": "nequip Trainer loops across 0.5.4 .. 0.6.2 (validation_batch_size and guarded plateau scheduler "
             "(0.5.5), trainable-weights log (0.5.6), GraphModel unscale/scale instead of rescale_layers loops, "
             "PartialSampler, start-of-epoch and post-init callbacks (0.6.0))",
    "stories": _V,
    "probes": {
        "target_energy": {
            "text": 'flor.log("target_energy", data_for_loss[AtomicDataDict.TOTAL_ENERGY_KEY].mean().item())',
            "intent": "mean (normalised) reference energy of each batch as fed to the model and the loss, right "
                      "after the targets are rescaled",
            "newest": ("after", "data_for_loss = self.model.unscale(data, force_process=True)", _BS),
            "versions": dict(
                [(v, ("after", "for layer in self.rescale_layers:", _w(_BS, n=1, of=2, **{
                    "renames": {"data_for_loss": "data_unscaled"},
                    "note": "before 0.6.0 the targets are rescaled by `data_unscaled = data` followed by a loop "
                            "over self.rescale_layers; the variable is renamed data_for_loss in 0.6.0 (the "
                            "comments and the model/loss calls that read it change with it): after the whole "
                            "(first) loop. In eval mode the old unscale is a no-op, the new one is forced; "
                            "same variable, same role"})))
                 for v in _PRE060] +
                [(3, ("after", "data_for_loss = self.model.unscale(data, force_process=True)", _BS))]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "training loss of each batch, right after the backward pass",
            "newest": ("after", "loss.backward()", _BS),
            "versions": {v: ("after", "loss.backward()", _BS) for v in OLD},
        },
        "val_pred_energy": {
            "text": 'flor.log("val_pred_energy", normalized_units_out[AtomicDataDict.TOTAL_ENERGY_KEY].mean().item())',
            "intent": "mean predicted energy in normalised units of each validation batch, right after the "
                      "validation loss is computed from it",
            "newest": ("after", "loss, loss_contrib = self.loss(", _w(_BS, within="if validation:")),
            "versions": dict(
                [(v, ("after", "loss, loss_contrib = self.loss(pred=scaled_out", _w(_BS, **{
                    "renames": {"normalized_units_out": "scaled_out"},
                    "note": "before 0.6.0 the validation branch unscales the prediction into `scaled_out` by a "
                            "loop over self.rescale_layers (the same normalised-units prediction that 0.6.0 "
                            "calls normalized_units_out) and the loss call is the branch's last statement: "
                            "inside `if validation:`, after the loss call"})))
                 for v in _PRE060] +
                [(3, ("after", "loss, loss_contrib = self.loss(", _w(_BS, within="if validation:")))]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", self.batch_losses["loss"])',
            "intent": "loss statistics of each train/validation batch, right after batch_step returns",
            "newest": ("after", "self.batch_step(", _EP),
            "versions": {v: ("after", "self.batch_step(", _EP) for v in OLD},
        },
        "epoch": {
            "text": 'flor.log("epoch", self.iepoch)',
            "intent": "epoch counter at the start of each epoch step, after the start-of-epoch callbacks",
            "newest": ("after", "for callback in self._start_of_epoch_callbacks:", _EP),
            "versions": dict(
                [(v, ("first_in", "def epoch_step(self):", {
                    "note": "no start-of-epoch callbacks before 0.6.0: the probe keeps its place before the "
                            "dataloader/category setup, i.e. first statement of epoch_step"}))
                 for v in _PRE060] +
                [(3, ("after", "for callback in self._start_of_epoch_callbacks:", _EP))]),
        },
        "train_samples": {
            "text": 'flor.log("train_samples", self.dl_train_sampler.num_samples_per_epoch)',
            "intent": "number of training frames drawn this epoch, right after the train sampler is stepped "
                      "(only when the epoch trains)",
            "newest": ("after", "self.dl_train_sampler.step_epoch(self.iepoch)", _EP),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "PartialSampler / self.dl_train_sampler (n_train_per_epoch) only exist from 0.6.0; before "
                      "it the train DataLoader shuffles itself and there is no per-epoch sample count "
                      "(len(self.dataset_train) would be a substitute, not a rename)",
                      {"scope": "epoch_step"})) for v in _PRE060] +
                [(3, ("after", "self.dl_train_sampler.step_epoch(self.iepoch)", _EP))]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optim.param_groups[0]["lr"])',
            "intent": "learning rate at the end of every epoch step, after the (conditional) plateau scheduler "
                      "step",
            "newest": ("after", 'if self.iepoch > 0 and self.lr_scheduler_name == "ReduceLROnPlateau":', _EP),
            "versions": dict(
                [(0, ("after", 'if self.lr_scheduler_name == "ReduceLROnPlateau":', _w(_EP, **{
                    "note": "0.5.4 steps the plateau scheduler without the `self.iepoch > 0` guard; same if "
                            "statement: after it, not inside it (the probe runs every epoch)"})))] +
                [(v, ("after", 'if self.iepoch > 0 and self.lr_scheduler_name == "ReduceLROnPlateau":', _EP))
                 for v in (1, 2, 3)]),
        },
        "start_epoch": {
            "text": 'flor.log("start_epoch", self.iepoch)',
            "intent": "epoch the training starts (or restarts) from, once metrics and the post-init callback "
                      "are set up, right before the epoch loop",
            "newest": ("after", 'if getattr(self, "_post_init_callback", None) is not None:', {"within": "def train("}),
            "versions": dict(
                [(v, ("after", "self.init_metrics()", {
                    "within": "def train(",
                    "note": "no post-init callback before 0.6.0: after self.init_metrics(), right before "
                            "`while not self.stop_cond:`"})) for v in _PRE060] +
                [(3, ("after", 'if getattr(self, "_post_init_callback", None) is not None:',
                      {"within": "def train(", "note": "after the whole if, not inside it"}))]),
        },
        "n_trainable": {
            "text": 'flor.log("n_trainable", sum(p.numel() for p in self.model.parameters() if p.requires_grad))',
            "intent": "number of trainable weights, once the model is on the device and the weight counts are "
                      "logged, before the optimizer etc. are built",
            "newest": ("after", "self.logger.info(", {"within": "def init(self)", "n": 2, "of": 2}),
            "versions": dict(
                [(v, ("after", 'self.logger.info(f"Number of weights', {
                    "within": "def init(self)",
                    "alt": [("after", 'while hasattr(outer_layer, "unscale"):', {"within": "def init(self)"})],
                    "note": "0.5.4/0.5.5 do not log the trainable weights: after the total-weights log line. "
                            "The rescale_layers collection that follows (gone in 0.6.0, no counterpart in the "
                            "newest version) may be on either side of the probe: after its while loop is also "
                            "accepted"})) for v in (0, 1)] +
                [(2, ("after", "self.logger.info(", {
                    "within": "def init(self)", "n": 2, "of": 2,
                    "alt": [("after", 'while hasattr(outer_layer, "unscale"):', {"within": "def init(self)"})],
                    "note": "after the trainable-weights log line; the rescale_layers collection that follows "
                            "(no counterpart in the newest version) may be on either side of the probe"}))] +
                [(3, ("after", "self.logger.info(", {"within": "def init(self)", "n": 2, "of": 2}))]),
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", ckpt_path)',
            "intent": "path of each periodic (non-EMA) checkpoint, right after it is saved",
            "newest": ("after", "self.save_model(ckpt_path, blocking=False)", {"within": "def end_of_epoch_save("}),
            "versions": {v: ("after", "self.save_model(ckpt_path, blocking=False)",
                             {"within": "def end_of_epoch_save("}) for v in OLD},
        },
    },
}
