# e2-tts-pytorch e2_tts_pytorch/trainer.py (E2Trainer: __init__, save_checkpoint, and train() with the epoch and
# batch loops), PyPI 0.0.16 .. 1.6.0 (v00 .. v11; the file is unchanged from 1.6.0 to 2.2.2).
# Round 33, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "e2tts_trainer" / "versions.json").read_text())
OLDER = range(11)
# v00 0.0.16: MelSpec defined here, std logging with self.logger, plain batch loop (forward, backward, clip, step),
#             `if self.duration_predictor is not None:` with target_duration=, torch.save checkpoints, no scheduler
# v01 0.0.24: loguru logger, Accelerator(**accelerate_kwargs), default(checkpoint_path, 'model.pth')
# v02 0.0.33: warmup + linear decay LinearLR/SequentialLR scheduler (self.scheduler), scheduler.step() and lr scalar
# v03 0.0.40: EMA built and updated only `if self.is_main:`; unwrap_model(self.optimizer) in checkpoints
# v04 0.1.5: gradient accumulation moved into Accelerator; the step body inside `with self.accelerator.accumulate(...)`
# v05 0.1.7: checkpoint only `if self.is_main and global_step % save_step == 0:`
# v06 0.1.8: save_checkpoint waits for everyone and saves with accelerator.save under `if self.is_main:`;
#            the call-site condition back to `if global_step % save_step == 0:`
# v07 0.2.6: model returns (loss, cond, pred); mel spectrogram figures written at checkpoint steps
# v08 0.2.8: clip only `if self.max_grad_norm > 0 and self.accelerator.sync_gradients:`; DDP kwargs
# v09 1.0.6: model returns (loss, cond, pred, pred_data); the prediction figure plots pred_data
# v10 1.2.2: EMA on every process and prepared by accelerate; velocity-consistency model from the EMA;
#            exists(self.duration_predictor); multi-line forward call
# v11 1.6.0: default Adopt optimizer when none is given (`if not exists(optimizer):`), use_switch_ema
_NO_SCHED = (0, 1)             # v00-v01: no self.scheduler
_TORCH_SAVE = range(0, 6)      # v00-v05: unconditional torch.save in save_checkpoint
CASE = {
    "name": "e2tts_trainer",
    "title": "e2-tts-pytorch E2Trainer across 0.0.16 .. 1.6.0: LR scheduler, EMA (main-process only, then on every "
             "process), accelerate gradient accumulation block, checkpoint saving moved under is_main, model "
             "outputs (loss -> loss, cond, pred -> + pred_data), velocity consistency, default optimizer",
    "stories": _V,
    "probes": {
        "base_lr": {
            "text": 'flor.log("base_lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of the optimizer the trainer uses (given or default), before it is prepared",
            "newest": ("after", "if not exists(optimizer):"),
            "versions": {v: ("before", "self.optimizer = optimizer", {
                "note": "before 1.6.0 the optimizer is a required argument and there is no default-optimizer `if`: "
                        "the probe keeps its place right before `self.optimizer = optimizer` (after "
                        "self.duration_predictor is stored)"} if v == 0 else {}) for v in OLDER},
        },
        "start_step": {
            "text": 'flor.log("start_step", start_step)',
            "intent": "global step the run starts (or resumes) from, after the checkpoint is loaded",
            "newest": ("after", "start_step = self.load_checkpoint()"),
            "versions": {v: ("after", "start_step = self.load_checkpoint()") for v in OLDER},
        },
        "dur_loss": {
            "text": 'flor.log("dur_loss", dur_loss.item())',
            "intent": "duration-predictor loss of every batch, when a duration predictor is trained alongside",
            "newest": ("after", "dur_loss = self.duration_predictor(mel_spec, lens=batch.get('durations'))"),
            "versions": {v: ("after", "dur_loss = self.duration_predictor(mel_spec, ", {
                "note": {0: "inside `if self.duration_predictor is not None:` (the equivalent of "
                            "`if exists(self.duration_predictor):`) directly in the batch loop (no accumulate block "
                            "before 0.1.x); called with target_duration= before 0.0.41",
                         4: "inside the accumulate block from 0.1.x"}[v]} if v in (0, 4) else {})
                for v in OLDER},
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "flow-matching loss of every batch, right after the forward pass (before backward)",
            "newest": ("after", "loss, cond, pred, pred_data = self.model("),
            "versions": dict(
                [(v, ("after", "loss = self.model(mel_spec, text=text_inputs, lens=mel_lengths)", {
                    "note": "before 0.2.x the model returns only the loss; before 0.1.x the step is not inside "
                            "`with self.accelerator.accumulate(...)`"} if v == 0 else {})) for v in range(0, 7)] +
                [(v, ("after", "loss, cond, pred = self.model(mel_spec, text=text_inputs, lens=mel_lengths)", {
                    "note": "0.2.x: the model returns (loss, cond, pred)"} if v == 7 else {})) for v in (7, 8)] +
                [(9, ("after", "loss, cond, pred, pred_data = self.model(mel_spec, text=text_inputs, lens=mel_lengths)",
                      {"note": "1.0.6: one-line call without velocity_consistency_model"}))] +
                [(10, ("after", "loss, cond, pred, pred_data = self.model("))]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", torch.stack([p.grad.norm() for p in self.model.parameters() '
                    'if p.grad is not None]).norm().item())',
            "intent": "global gradient norm after clipping, whenever gradients are clipped",
            "newest": ("after", "self.accelerator.clip_grad_norm_(self.model.parameters(), self.max_grad_norm)"),
            "versions": {v: ("after", "self.accelerator.clip_grad_norm_(self.model.parameters(), self.max_grad_norm)", {
                "note": "inside `if self.max_grad_norm > 0:`, the old equivalent of the newest "
                        "`if self.max_grad_norm > 0 and self.accelerator.sync_gradients:` (the sync_gradients "
                        "guard arrives in 0.2.8)"} if v in (0, 4) else {}) for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", self.scheduler.get_last_lr()[0])',
            "intent": "learning rate of every optimizer step, right after the scheduler steps",
            "newest": ("after", "self.scheduler.step()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no LR scheduler before 0.0.33 (self.scheduler is never set; the optimizer keeps its "
                      "initial lr)", {"scope": "train"})) for v in _NO_SCHED] +
                [(v, ("after", "self.scheduler.step()")) for v in range(2, 11)]),
        },
        "velocity_consistency": {
            "text": 'flor.log("velocity_consistency", velocity_consistency_model is not None)',
            "intent": "whether this batch's loss uses the EMA model for the velocity-consistency term",
            "newest": ("after", "if self.need_velocity_consistent_loss and self.ema_model.initted:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "velocity consistency arrives in 1.2.x: before it there is no velocity_consistency_model "
                      "(the model is called without one)", {"scope": "train"})) for v in range(0, 10)] +
                [(10, ("after", "if self.need_velocity_consistent_loss and self.ema_model.initted:"))]),
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", global_step)',
            "intent": "global step at which a checkpoint is saved",
            "newest": ("after", "self.save_checkpoint(global_step)"),
            "versions": {v: ("after", "self.save_checkpoint(global_step)", {
                "note": {0: "inside `if global_step % save_step == 0:`",
                         5: "0.1.7 saves under `if self.is_main and global_step % save_step == 0:`, the old "
                            "equivalent of the checkpoint condition: the probe goes under it",
                         7: "from 0.2.x the figures follow the save in the same block; the probe stays right "
                            "after the save"}[v]} if v in (0, 5, 7) else {}) for v in OLDER},
        },
        "pred_mel_mean": {
            "text": 'flor.log("pred_mel_mean", pred_data[0].mean().item())',
            "intent": "mean of the predicted (data-space) mel spectrogram of the first sample, at checkpoint "
                      "steps, right after it is plotted",
            "newest": ("after", 'self.writer.add_figure("mel/prediction", plot_spectrogram(pred_data[0,:,:]), global_step)'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.0.x the model returns no data-space prediction (no pred_data); the loss alone "
                      "before 0.2.x", {"scope": "train"})) for v in range(0, 7)] +
                [(v, ("na", "missing_dependency",
                      "0.2.x returns (loss, cond, pred) and plots `pred` as \"mel/prediction\", but that pred is "
                      "the flow (velocity) prediction, which the newest version still returns as `pred`; "
                      "pred_data = x0 + pred arrives in 1.0.x and x0 is not returned: `pred` is a different value, "
                      "not a rename", {"scope": "train"})) for v in (7, 8)] +
                [(v, ("after", 'self.writer.add_figure("mel/prediction", plot_spectrogram(pred_data[0,:,:]), global_step)'))
                 for v in (9, 10)]),
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", self.checkpoint_path)',
            "intent": "path the checkpoint was written to, right after it is written",
            "newest": ("after", "self.accelerator.save(checkpoint, self.checkpoint_path)"),
            "versions": dict(
                [(v, ("after", "torch.save(checkpoint, self.checkpoint_path)", {
                    "note": "before 0.1.8 save_checkpoint writes with torch.save on every process that calls it "
                            "(no `if self.is_main:` inside it): the probe goes unconditionally after the write"
                            + ("; 0.0.16 first defaults self.checkpoint_path to 'model.pth' in the same function"
                               if v == 0 else "")} if v in (0, 5) else {})) for v in _TORCH_SAVE] +
                [(v, ("after", "self.accelerator.save(checkpoint, self.checkpoint_path)")) for v in range(6, 11)]),
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", epoch_loss)',
            "intent": "average training loss of each epoch, once it is averaged",
            "newest": ("after", "epoch_loss /= len(train_dataloader)"),
            "versions": {v: ("after", "epoch_loss /= len(train_dataloader)") for v in OLDER},
        },
    },
}
