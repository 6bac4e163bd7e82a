# super-gradients super_gradients/training/sg_trainer/sg_trainer.py (Trainer.train / _train_epoch / _backward_step), PyPI 1.3.0 .. 3.7.1 (v00 .. v09).
# Round 20, held out: written before the round's fixes, scored before any change made for it.
# Before 2.6.0 the file is super_gradients/training/sg_model/sg_model.py (class SgModel); v00 .. v03 come from it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "supergradients_trainer" / "versions.json").read_text())
OLDER = range(9)
# v00-v02: backward_step(); v03-v06: _backward_step(epoch, ...); v07-v09: _train_epoch(context) and
# _backward_step(context.epoch, ...).  v00-v05 fire Phase.TRAIN_BATCH_END right after the loss; 3.1.0 (v06)
# splits it into on_train_batch_start / on_train_batch_loss_end (same spot) / on_train_batch_end (end of the loop).
# Gradient clipping appears in 1.7.5 (v01) right after backward, moves inside the accumulation step in 3.1.0 (v06).
# Checkpoints are saved inside _write_to_disk_operations() up to 3.3.0 (v07), in train() from 3.5.0 (v08).
# Test loaders are evaluated in the epoch loop from 3.3.0 (v07).
_TE = {"within": "def _train_epoch("}
_BS = {"within": "backward_step("}
_TR = {"within": "def train("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "supergradients_trainer",
    "title": "super-gradients SgModel/Trainer train loop across 1.3.0 .. 3.7.1 (sg_model.py -> sg_trainer.py, "
             "backward_step -> _backward_step, gradient clipping added then moved into the accumulation step, "
             "phase callbacks split into on_* hooks, _train_epoch(epoch) -> _train_epoch(context) with a `with tqdm`, "
             "test loaders in the epoch loop, checkpointing moved from _write_to_disk_operations into train)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch index at the start of every epoch that is actually run, after the stop-request check",
            "newest": ("after", "if broadcast_from_master(context.stop_training):"),
            "versions": dict(
                [(v, ("after", "if context.stop_training:", {
                    "note": "before 3.3.0 the stop check reads `if context.stop_training:` (no broadcast); same "
                            "statement: after the whole if"} if v == 0 else {})) for v in range(7)] +
                [(7, ("after", "if broadcast_from_master(context.stop_training):"))] +
                [(8, ("after", "if broadcast_from_master(context.stop_training):"))]),
        },
        "train_epoch": {
            "text": 'flor.log("train_epoch", context.epoch)',
            "intent": "epoch number as _train_epoch sees it, right after the progress bar is labelled",
            "newest": ("after", "progress_bar_train_loader.set_description(", _TE),
            "versions": dict(
                [(v, ("after", "progress_bar_train_loader.set_description(", _w(_TE, renames={"context.epoch": "epoch"}, **({
                    "note": "before 3.3.0 _train_epoch takes `epoch` and builds its own PhaseContext only after "
                            "this point (`context` is not bound yet); the bar is labelled with `epoch`: rename "
                            "context.epoch -> epoch. No `with tqdm(...)` block yet: function level"} if v == 0 else {}))))
                 for v in range(7)] +
                [(v, ("after", "progress_bar_train_loader.set_description(", _TE)) for v in (7, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate at the first batch of every epoch on the main process, where the epoch-start "
                      "learning rates are recorded",
            "newest": ("after", "self._epoch_start_logging_values = self._get_epoch_start_logging_values()"),
            "versions": dict(
                [(v, ("after", "self._write_lrs(epoch)", {
                    "note": "before 3.1.0 the epoch-start LRs are written by self._write_lrs(epoch) in the same "
                            "`if not self.ddp_silent_mode and batch_idx == 0:` branch: same statement's role"}
                      if v == 0 else {})) for v in range(6)] +
                [(v, ("after", "self._epoch_start_logging_values = self._get_epoch_start_logging_values()"))
                 for v in (6, 7, 8)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of every batch right after the backward/optimizer step",
            "newest": ("after", "self._backward_step(loss, context.epoch, batch_idx, context)"),
            "versions": dict(
                [(v, ("after", "self.backward_step(loss, epoch, batch_idx, context)")) for v in (0, 1, 2)] +
                [(v, ("after", "self._backward_step(loss, epoch, batch_idx, context)")) for v in (3, 4, 5, 6)] +
                [(v, ("after", "self._backward_step(loss, context.epoch, batch_idx, context)")) for v in (7, 8)]),
        },
        "pbar": {
            "text": 'flor.log("pbar", pbar_message_dict)',
            "intent": "running train metrics shown in the progress bar, at the end of every batch",
            "newest": ("after", "self.phase_callback_handler.on_train_batch_end(context)"),
            "versions": dict(
                [(v, ("after", "progress_bar_train_loader.set_postfix(**pbar_message_dict)", {
                    "note": "before 3.1.0 there is no end-of-batch hook: the old Phase.TRAIN_BATCH_END call sits "
                            "right after the loss (it became on_train_batch_loss_end), before the batch's "
                            "pbar_message_dict is computed, so it is not the image; after set_postfix, last in the "
                            "loop (v00-v02) or before the infinite-loader break (v03-v05)"} if v in (0, 3) else {}))
                 for v in range(6)] +
                [(v, ("after", "self.phase_callback_handler.on_train_batch_end(context)", {
                    "note": "the max_train_batches/infinite-loader break follows the hook here (moved to the top of "
                            "the loop in 3.5.0): the probe goes before it"} if v == 6 else {})) for v in (6, 7, 8)]),
        },
        "global_step": {
            "text": 'flor.log("global_step", global_step)',
            "intent": "1-based global batch counter used for gradient accumulation, right after it is computed",
            "newest": ("after", "global_step = local_step + len(self.train_loader) * epoch"),
            "versions": dict(
                [(v, ("after", "integrated_batches_num = batch_idx + len(self.train_loader) * epoch + 1", {
                    "renames": {"global_step": "integrated_batches_num"},
                    **({"note": "before 3.1.0 the same counter (batch_idx + 1 + len(train_loader) * epoch) is "
                                "integrated_batches_num, used the same way by the accumulation check and EMA"}
                       if v == 0 else {})})) for v in range(6)] +
                [(v, ("after", "global_step = local_step + len(self.train_loader) * epoch")) for v in (6, 7, 8)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", torch.norm(torch.stack([p.grad.norm() for p in self.net.parameters() '
                    'if p.grad is not None])))',
            "intent": "total gradient norm right after clipping, only when clipping is configured",
            "newest": ("after", "torch.nn.utils.clip_grad_norm_(", _BS),
            "versions": dict(
                [(0, ("na", "no_anchor", "1.3.0 has no gradient clipping (no clip_grad_norm parameter, no "
                      "`if self.training_params.clip_grad_norm:` branch): the event the probe observes and the "
                      "condition it runs under do not exist"))] +
                [(v, ("after", "torch.nn.utils.clip_grad_norm_(", _w(_BS, **({
                    "note": "1.7.5 .. 3.0.0 clip right after backward on every batch, under "
                            "`if self.training_params.clip_grad_norm:` but outside the accumulation `if` (3.1.0 moved "
                            "the clipping inside it, after unscale_): after the clip call in its own branch"}
                    if v == 1 else {})))) for v in range(1, 6)] +
                [(v, ("after", "torch.nn.utils.clip_grad_norm_(", _BS)) for v in (6, 7, 8)]),
        },
        "valid_metrics": {
            "text": 'flor.log("valid_metrics", valid_metrics_dict)',
            "intent": "validation metrics of an epoch, once the validation-end callbacks have run",
            "newest": ("after", "self.phase_callback_handler.on_validation_loader_end(context)", _TR),
            "versions": dict(
                [(v, ("after", "self.phase_callback_handler(Phase.VALIDATION_EPOCH_END, context)", {
                    "note": "before 3.1.0 the validation-end callbacks are fired by "
                            "phase_callback_handler(Phase.VALIDATION_EPOCH_END, context); valid_metrics_dict is "
                            "built from validation_results_tuple just before it"} if v == 0 else {}))
                 for v in range(6)] +
                [(v, ("after", "self.phase_callback_handler.on_validation_loader_end(context)", _TR))
                 for v in (6, 7, 8)]),
        },
        "test_metrics": {
            "text": 'flor.log("test_metrics", test_metrics_dict)',
            "intent": "test-set metrics of the epoch (empty dict on epochs without testing), after the test block",
            "newest": ("after", "if len(self.test_loaders) and (epoch + 1) % self.run_test_freq == 0:"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "no test loaders are evaluated in the epoch loop before 3.3.0; "
                      "test_metrics_dict is not bound", {"scope": "train"})) for v in range(7)] +
                [(v, ("after", "if (epoch + 1) % self.run_test_freq == 0:", {
                    "note": "3.3.0/3.5.0 test without the len(self.test_loaders) guard: same block, after the whole if"}
                      if v == 7 else {})) for v in (7, 8)]),
        },
        "best_metric": {
            "text": 'flor.log("best_metric", self.best_metric)',
            "intent": "best value of the watched metric right after each checkpoint is saved",
            "newest": ("after", "self._save_checkpoint(", {"within": "if should_run_validation and self.training_params.save_model:"}),
            "versions": dict(
                [(v, ("after", "self.save_checkpoint(self.optimizer, epoch + 1, validation_results, context)", {
                    "within": "def _write_to_disk_operations(",
                    **({"note": "up to 3.3.0 the per-epoch checkpoint is saved inside _write_to_disk_operations(), "
                                "under `if self.training_params.save_model:` (called from train() under "
                                "`if not self.ddp_silent_mode:`): after the save call there, which keeps the "
                                "save_model condition (after the _write_to_disk_operations(...) call in train() "
                                "would drop it); the should_run_validation part of the newest condition does not "
                                "exist (old versions save every epoch)"} if v == 0 else {})}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self._save_checkpoint(self.optimizer, epoch + 1, validation_results, context)",
                      {"within": "def _write_to_disk_operations("})) for v in (3, 4, 5, 6)] +
                [(7, ("after", "self._save_checkpoint(self.optimizer, epoch + 1, validation_results_dict, context)",
                      {"within": "def _write_to_disk_operations("}))] +
                [(8, ("after", "self._save_checkpoint(", {"within": "if should_run_validation and self.training_params.save_model:"}))]),
        },
    },
}
