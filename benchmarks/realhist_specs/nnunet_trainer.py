# nnunet nnunet/training/network_training/network_trainer.py (NetworkTrainer.run_training + run_iteration, maybe_save_checkpoint, manage_patience), PyPI 1.0 .. 1.7.1 (v00 .. v06).
# Round 24, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "nnunet_trainer" / "versions.json").read_text())
OLDER = range(6)
# v00 = 1.0, v01 = 1.1.4.3, v02 = 1.5, v03 = 1.6.2, v04 = 1.6.3, v05 = 1.6.6, newest v06 = 1.7.1.
# v00: one training batch loop `for b in range(self.num_batches_per_epoch):`; from v01 an
#      `if self.use_progress_bar:` (tqdm trange, loop var b) / else (`for _ in range(...)`) pair.
# v00-v01: `epoch_end_time = time()` right after the validation `with` block; from v02 after on_epoch_end().
# v00-v02: apex amp (`with amp.scale_loss`), one `if do_backprop:` after online evaluation;
#      from v03 torch.cuda.amp GradScaler with separate fp16 / fp32 paths inside `if self.fp16:`/else.
# v00-v03: checkpoints saved unconditionally; from v04 save_intermediate/best/final flags.
_RT = {"within": "def run_training("}
_ELSE_LOOP = {"within": "for _ in range(self.num_batches_per_epoch):"}
_TBAR = {"within": "for b in tbar:"}
_V00_LOOP = {"within": "for b in range(self.num_batches_per_epoch):"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "nnunet_trainer",
    "title": "nnU-Net v1 NetworkTrainer.run_training across 1.0 .. 1.7.1 (tqdm progress-bar branch next to the "
             "plain batch loop (1.1.4.3), epoch_end_time moved after on_epoch_end (1.5), apex amp -> GradScaler "
             "with separate fp16/fp32 paths in run_iteration (1.6.2), save_*_checkpoint flags (1.6.3))",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", self.epoch)',
            "intent": "epoch counter at the start of every epoch, after the epoch timer starts",
            "newest": ("after", "epoch_start_time = time()"),
            "versions": {v: ("after", "epoch_start_time = time()") for v in OLDER},
        },
        "batch_idx": {
            "text": 'flor.log("batch_idx", b)',
            "intent": "index of each training batch in the progress-bar loop, after the bar shows its loss",
            "newest": ("after", "tbar.set_postfix(loss=l)", _TBAR),
            "versions": dict(
                [(0, ("after", "l = self.run_iteration(self.tr_gen, True)", _w(_V00_LOOP, **{
                    "note": "1.0 has no progress bar and no `if self.use_progress_bar:`: the only training loop is "
                            "the unconditional equivalent; its loop variable is also `b`. set_postfix does not exist, "
                            "so the probe keeps its place between run_iteration and train_losses_epoch.append(l)"})))] +
                [(v, ("after", "tbar.set_postfix(loss=l)", _TBAR)) for v in range(1, 6)]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", float(l))',
            "intent": "loss of each training batch in the plain (no progress bar) loop, after it is collected",
            "newest": ("after", "train_losses_epoch.append(l)", _ELSE_LOOP),
            "versions": dict(
                [(0, ("after", "train_losses_epoch.append(l)", _w(_V00_LOOP, **{
                    "note": "1.0 has no use_progress_bar condition: the single unconditional batch loop "
                            "(`for b in range(...)`) is the equivalent of the else-branch loop"})))] +
                [(v, ("after", "train_losses_epoch.append(l)", _ELSE_LOOP)) for v in range(1, 6)]),
        },
        "n_train_batches": {
            "text": 'flor.log("n_train_batches", len(train_losses_epoch))',
            "intent": "number of training losses collected in the epoch, after the whole training loop (either branch)",
            "newest": ("after", "if self.use_progress_bar:"),
            "versions": dict(
                [(0, ("after", "for b in range(self.num_batches_per_epoch):", {
                    "note": "after the whole if/else in the newest; 1.0 has just the one loop: after it"}))] +
                [(v, ("after", "if self.use_progress_bar:")) for v in range(1, 6)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", self.all_val_losses[-1])',
            "intent": "mean validation loss of the epoch, after the whole no_grad validation block",
            "newest": ("after", "with torch.no_grad():", _RT),
            "versions": {v: ("after", "with torch.no_grad():", _w(_RT, **({
                "note": "after the `with` block, i.e. before `epoch_end_time = time()` which follows it in 1.0-1.1.4.3"}
                if v < 2 else {}))) for v in OLDER},
        },
        "epoch_time": {
            "text": 'flor.log("epoch_time", epoch_end_time - epoch_start_time)',
            "intent": "wall time of the epoch, right after the end time is taken",
            "newest": ("after", "epoch_end_time = time()"),
            "versions": dict(
                [(v, ("after", "epoch_end_time = time()", {
                    "note": "before 1.5 `epoch_end_time = time()` is taken right after validation, before "
                            "update_train_loss_MA/on_epoch_end (moved statement): the probe follows it there, where "
                            "it observes the value; not after on_epoch_end"})) for v in (0, 1)] +
                [(v, ("after", "epoch_end_time = time()")) for v in range(2, 6)]),
        },
        "ckpt_epoch": {
            "text": 'flor.log("ckpt_epoch", self.epoch + 1)',
            "intent": "epoch number of every scheduled intermediate checkpoint (first in the save branch)",
            "newest": ("first_in", "if self.save_intermediate_checkpoints and (self.epoch % self.save_every"),
            "versions": dict(
                [(v, ("first_in", "if self.epoch % self.save_every == (self.save_every - 1):", {
                    "note": "before 1.6.3 there is no save_intermediate_checkpoints flag (intermediate checkpoints "
                            "are always saved): same branch with the epoch condition only"})) for v in range(4)] +
                [(v, ("first_in", "if self.save_intermediate_checkpoints and (self.epoch % self.save_every"))
                 for v in (4, 5)]),
        },
        "best_val_MA": {
            "text": 'flor.log("best_val_MA", self.best_val_eval_criterion_MA)',
            "intent": "new best moving-average validation criterion, after the best checkpoint is (maybe) saved",
            "newest": ("after", "if self.save_best_checkpoint:"),
            "versions": dict(
                [(v, ("after", 'self.save_checkpoint(join(self.output_folder, "model_best.model"))', {
                    "note": "before 1.6.3 model_best is saved unconditionally (no save_best_checkpoint flag): after "
                            "that save, inside `if self.val_eval_criterion_MA > self.best_val_eval_criterion_MA:`"}))
                 for v in range(4)] +
                [(v, ("after", "if self.save_best_checkpoint:")) for v in (4, 5)]),
        },
        "step_loss": {
            "text": 'flor.log("step_loss", l.item())',
            "intent": "loss of every fp32 training step, after the optimizer step",
            "newest": ("after", "self.optimizer.step()"),
            "versions": dict(
                [(v, ("after", "self.optimizer.step()", {
                    "within": "if do_backprop:",
                    "alt": [("last_in", "if not self.fp16 or amp is None")],
                    "note": "apex versions have one `if do_backprop:` block (after online evaluation) whose "
                            "backward is split by `if not self.fp16 or amp is None[...]:` / else (amp.scale_loss) "
                            "and whose optimizer.step() is shared. After the step (image of the previous sibling, "
                            "runs for fp16 too) and at the end of the non-amp backward branch (keeps the fp32 "
                            "condition, before the step) are both accepted"})) for v in range(3)] +
                [(v, ("after", "self.optimizer.step()")) for v in range(3, 6)]),
        },
        "loss_scale": {
            "text": 'flor.log("loss_scale", self.amp_grad_scaler.get_scale())',
            "intent": "GradScaler loss scale after every fp16 training step",
            "newest": ("after", "self.amp_grad_scaler.update()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.6.2 mixed precision uses apex amp (amp.initialize / amp.scale_loss): there is no "
                      "self.amp_grad_scaler and the apex loss scale is not held by the trainer",
                      {"scope": "run_iteration"})) for v in range(3)] +
                [(v, ("after", "self.amp_grad_scaler.update()")) for v in range(3, 6)]),
        },
    },
}
