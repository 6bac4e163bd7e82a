# pytorch-lightning pytorch_lightning/trainer/training_loop.py (TrainLoop.run_training_epoch / run_training_batch / training_step / optimizer_step), PyPI 0.7.1 .. 1.2.10 (v00 .. v09).
# Round 14, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "lightning_loop" / "versions.json").read_text())
# v00 0.7.1, v01 0.7.6, v02 0.8.5, v03 0.9.0: TrainerTrainLoopMixin (a mixin of Trainer: the trainer is `self`),
#   with train() (epoch loop), run_training_epoch(), run_training_batch() (closure `optimizer_closure` nested in
#   it in v00/v01; split into optimizer_closure / run_batch_backward_pass / call_optimizer_step methods in v02/v03).
# v04 0.10.0 .. v09 1.2.10: class TrainLoop holding `self.trainer`; the epoch loop moved to trainer.py, the
#   per-epoch setup to on_train_epoch_start(epoch); training_step / training_step_and_backward / optimizer_step /
#   on_before_backward (v04/v05) -> track_and_norm_grad (v06+); accumulation branch + _process_closure_result (v06+).
# Renames of the trainer's attributes follow the code: `self.trainer.X` (TrainLoop) is `self.X` in the mixin.
_TR = {"self.trainer.current_epoch": "self.current_epoch"}
_GS = {"self.trainer.global_step": "self.global_step"}
_MIXIN = range(4)
_LOOP = range(4, 9)
_EPOCH = {"within": "def run_training_epoch("}
_BATCH = {"within": "def run_training_batch("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "lightning_loop",
    "title": "pytorch-lightning training loop across 0.7.1 .. 1.2.10 (Trainer mixin with inline closure -> "
             "helper methods (0.8.5) -> TrainLoop class with self.trainer (0.10), manual optimization (1.0), "
             "accumulation branch + closure result processing (1.0.8), epoch-end validation outside the batch "
             "loop (1.1), accelerator/plugins and zero_grad in training_step_and_backward (1.2))",
    "stories": _V,
    "probes": {
        "is_last_batch": {
            "text": 'flor.log("is_last_batch", is_last_batch)',
            "intent": "whether the current batch is the last one of the dataloader, at the start of each batch",
            "newest": ("after", "self.trainer.batch_idx = batch_idx"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.7.1 iterates enumerate(train_dataloader) without the _with_is_last wrapper: no "
                      "is_last_batch flag exists", {"scope": "run_training_epoch"}))] +
                [(v, ("after", "self.batch_idx = batch_idx", {
                    "note": "the mixin stores the batch index on self (the trainer)"})) for v in (1, 2, 3)] +
                [(v, ("after", "self.trainer.batch_idx = batch_idx")) for v in _LOOP]),
        },
        "epoch": {
            "text": 'flor.log("epoch", self.trainer.current_epoch)',
            "intent": "current epoch at the start of each training epoch, right after the trainer's counter is set",
            "newest": ("after", "self.trainer.current_epoch = epoch"),
            "versions": dict(
                [(v, ("after", "self.current_epoch = epoch", {
                    "within": "def train(", "renames": _TR,
                    "note": "before 0.10 the per-epoch setup is inline in the epoch loop of train() "
                            "(for epoch in range(...)), not in on_train_epoch_start(epoch); that loop is wrapped whole in "
                            "`try: ... except KeyboardInterrupt` (as the newest caller in trainer.py is), which is "
                            "not a branch around the probe"})) for v in _MIXIN] +
                [(v, ("after", "self.trainer.current_epoch = epoch")) for v in _LOOP]),
        },
        "n_splits": {
            "text": 'flor.log("n_splits", len(splits))',
            "intent": "number of truncated-BPTT splits of each batch, once the batch has been split",
            "newest": ("after", "splits = self.tbptt_split_batch(batch)"),
            "versions": dict(
                [(v, ("after", "if self.truncated_bptt_steps is not None:", _w(_BATCH, **{
                    "alt": [("after", "self.hiddens = None", _BATCH)],
                    "note": "before 0.10 the split is inline: `splits = [batch]` then an "
                            "`if self.truncated_bptt_steps is not None:` that re-splits; the probe goes after "
                            "that if. `self.hiddens = None` comes before the split in the newest version but after "
                            "it here, so after it is equally right"}))) for v in _MIXIN] +
                [(v, ("after", "splits = self.tbptt_split_batch(batch)")) for v in _LOOP]),
        },
        "loss": {
            "text": 'flor.log("loss", untouched_loss)',
            "intent": "the (accumulation-scaled) training-step loss, detached, right after it is computed",
            "newest": ("after", "untouched_loss = closure_loss.detach().clone()", {"within": "def training_step("}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.7.x's nested optimizer_closure divides closure_loss by accumulate_grad_batches but keeps "
                      "no detached copy; closure_loss still exists next to untouched_loss in later versions, so "
                      "it is not a rename of it", {"scope": "run_training_batch"})) for v in (0, 1)] +
                [(v, ("after", "untouched_loss = closure_loss.detach().clone()", {
                    "within": "def optimizer_closure(",
                    "note": "0.8.5/0.9.0 compute the loss in the method optimizer_closure (forward + backward); "
                            "no manual optimization yet, so unconditional"})) for v in (2, 3)] +
                [(4, ("after", "untouched_loss = closure_loss.detach().clone()", {
                    "within": "def training_step(",
                    "note": "0.10.0 has no automatic_optimization flag: unconditional"}))] +
                [(v, ("after", "untouched_loss = closure_loss.detach().clone()", {"within": "def training_step("}))
                 for v in range(5, 9)]),
        },
        "step_loss": {
            "text": 'flor.log("step_loss", opt_closure_result.loss)',
            "intent": "loss of each training step as it is added to the accumulated loss for the running loss",
            "newest": ("after", "self.accumulated_loss.append(opt_closure_result.loss)"),
            "versions": dict(
                [(0, ("after", "self.batch_loss_value += loss.item()", {
                    "renames": {"opt_closure_result.loss": "loss"},
                    "note": "0.7.1: `loss = optimizer_closure()` is the closure's loss, accumulated as a float into "
                            "self.batch_loss_value"}))] +
                [(1, ("after", "self.batch_loss_value.append(loss)", {
                    "renames": {"opt_closure_result.loss": "loss"},
                    "note": "0.7.6: `loss, batch_output = optimizer_closure()`"}))] +
                [(v, ("after", "self.batch_loss_value.append(opt_closure_result.loss)", {
                    "note": "the accumulator is self.batch_loss_value before 0.10 (the probe does not read it)"}))
                 for v in (2, 3)] +
                [(4, ("after", "self.accumulated_loss.append(opt_closure_result.loss)"))] +
                [(5, ("after", "self.accumulated_loss.append(opt_closure_result.loss)", {
                    "note": "1.0.0 reaches it only in automatic optimization (`if not self.automatic_optimization: "
                            "continue` just before), like the newest `if self.automatic_optimization:`"}))] +
                [(v, ("after", "self.accumulated_loss.append(opt_closure_result.loss)", {
                    "note": "from 1.0.8 the append is in _process_closure_result, run after the optimizer step "
                            "(before it in older versions): the probe follows the append"}))
                 for v in (6, 7, 8)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm_dic)',
            "intent": "gradient norms tracked before clipping, each time gradients are complete (accumulation done)",
            "newest": ("after", "grad_norm_dic = self._track_gradient_norm()"),
            "versions": dict(
                [(v, ("after", "if batch_idx % self.row_log_interval == 0:", _w(_BATCH, **{
                    "note": "0.7.x computes the norms inline in run_training_batch, inside the "
                            "accumulation-done if (the newest calls track_and_norm_grad only when "
                            "not should_accumulate()): after that if, before clipping"}))) for v in (0, 1)] +
                [(v, ("after", "if batch_idx % self.row_log_interval == 0:", {
                    "within": "def run_batch_backward_pass(",
                    "note": "0.8.5/0.9.0 compute the norms in run_batch_backward_pass before clipping"}))
                 for v in (2, 3)] +
                [(v, ("after", "grad_norm_dic = self._track_gradient_norm()", {
                    "note": "in on_before_backward (renamed track_and_norm_grad in 1.0.8)"})) for v in (4, 5)] +
                [(v, ("after", "grad_norm_dic = self._track_gradient_norm()")) for v in (6, 7, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of the stepped optimizer, right after each optimizer step",
            "newest": ("after", "model_ref.optimizer_step(", {"within": "def optimizer_step("}),
            "versions": dict(
                [(v, ("after", "model.optimizer_step(", _w(_BATCH, **{
                    "alt": [("after", "with self.profiler.profile('optimizer_step'):", _BATCH)],
                    "note": "0.7.x steps inline in run_training_batch, alone inside "
                            "`with self.profiler.profile('optimizer_step'):`: after the step in the with, or after "
                            "the whole with"})))
                 for v in (0, 1)] +
                [(2, ("after", "if self.use_tpu and XLA_AVAILABLE:", {
                    "within": "def call_optimizer_step(",
                    "alt": [("after", "if self.use_amp and NATIVE_AMP_AVALAIBLE and not self.use_tpu:",
                             {"within": "def call_optimizer_step("})],
                    "note": "the step is an if/elif/else (TPU / LBFGS / other) calling model.optimizer_step: after "
                            "the whole if; the following native-AMP scaler.update() has no counterpart in the "
                            "newest file (done inside the step there), so after it is equally right; before "
                            "on_before_zero_grad / optimizer_zero_grad"}))] +
                [(3, ("after", "if self.use_tpu and XLA_AVAILABLE:", {
                    "within": "def call_optimizer_step(",
                    "alt": [("after", "if self.amp_backend == AMPType.NATIVE and not self.use_tpu:",
                             {"within": "def call_optimizer_step("})],
                    "note": "as in 0.8.5: after the TPU/LBFGS/other if, or after the scaler.update() if"}))] +
                [(v, ("after", "self.trainer.accelerator_backend.optimizer_step(", {
                    "within": "def optimizer_step(",
                    "alt": [("after", "with self.trainer.profiler.profile(", {"within": "def optimizer_step("})],
                    "note": "0.10-1.0.x delegate the step to the accelerator backend, alone inside "
                            "`with self.trainer.profiler.profile('optimizer_step'):`: after it in the with, or "
                            "after the whole with (the end of the method)"})) for v in (4, 5, 6)] +
                [(v, ("after", "model_ref.optimizer_step(", {"within": "def optimizer_step("})) for v in (7, 8)]),
        },
        "val_batch": {
            "text": 'flor.log("val_batch", batch_idx)',
            "intent": "batch index at which a mid-epoch validation run happened, right after it",
            "newest": ("after", "self.trainer.run_evaluation()", _EPOCH),
            "versions": dict(
                [(v, ("after", "self.run_evaluation(test_mode=self.testing)", _w(_EPOCH, **{
                    "note": "0.7.x: inside `if self.fast_dev_run or should_check_val:` (the same check, plus "
                            "fast_dev_run), after the evaluation and before the checkpoint calls"})))
                 for v in (0, 1)] +
                [(v, ("after", "self.run_evaluation(test_mode=False)", _EPOCH)) for v in (2, 3)] +
                [(v, ("after", "self.trainer.run_evaluation(test_mode=False)", _w(_EPOCH, **{
                    "note": "before 1.1 the in-loop check also covers the epoch's last val-check batch, which "
                            "1.1+ validates after the loop (on_epoch=True); the in-loop evaluation is the "
                            "equivalent place"}))) for v in (4, 5, 6)] +
                [(v, ("after", "self.trainer.run_evaluation()", _EPOCH)) for v in (7, 8)]),
        },
        "global_step": {
            "text": 'flor.log("global_step", self.trainer.global_step)',
            "intent": "global step at the end of each batch iteration, after it is advanced by the grad-accumulation rule",
            "newest": ("after", "self.increment_accumulated_grad_global_step()", {"within": "for batch_idx"}),
            "versions": dict(
                [(0, ("after", "if (self.batch_idx + 1) % self.accumulate_grad_batches == 0:", _w(_EPOCH, **{
                    "renames": _GS,
                    "alt": [("after", "self.total_batch_idx += 1", _EPOCH)],
                    "note": "0.7.x increments inline: `if (batch_idx + 1) % accumulate == 0: self.global_step += 1` "
                            "then `self.total_batch_idx += 1` (which comes before the increment in the newest "
                            "version): after the if, or after the total_batch_idx update, both follow the "
                            "increment; unconditional, before the max_steps/early-stop breaks"})))] +
                [(1, ("after", "if (self.batch_idx + 1) % self.accumulate_grad_batches == 0:", _w(_EPOCH, **{
                    "n": 2, "of": 2, "renames": _GS,
                    "alt": [("after", "self.total_batch_idx += 1", _EPOCH)],
                    "note": "the first such if in the loop updates the lr; the second advances global_step"})))] +
                [(v, ("after", "self.increment_accumulated_grad_global_step()", {
                    "within": "for batch_idx", "renames": _GS,
                    "note": "0.8.5/0.9.0 advance global_step (and total_batch_idx) in the helper before the "
                            "max_steps / should_stop breaks; from 0.10 it is the last statement of the loop"}))
                 for v in (2, 3)] +
                [(v, ("after", "self.increment_accumulated_grad_global_step()", {"within": "for batch_idx"}))
                 for v in _LOOP]),
        },
        "ckpt_epoch": {
            "text": 'flor.log("ckpt_epoch", self.trainer.current_epoch)',
            "intent": "epoch at which the end-of-epoch checkpoint callback runs when there is no validation loop",
            "newest": ("after", "self.check_checkpoint_callback(True)", {"within": "if should_train_only:"}),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.7.1 has no end-of-epoch checkpoint: without a validation_step the checkpoint callback "
                      "runs inside the batch loop, once per batch (merged with the after-validation call)",
                      {"scope": "run_training_epoch"}))] +
                [(1, ("after", "self.call_checkpoint_callback()", {
                    "within": "if not self.is_overridden('validation_step')", "renames": _TR,
                    "note": "0.7.6 has the same condition as an if after the batch loop (no validation_step and no "
                            "in-loop val check)"}))] +
                [(v, ("after", "self.check_checkpoint_callback(should_check_val)", {
                    "renames": _TR,
                    "note": "0.8.5/0.9.0 call check_checkpoint_callback(should_check_val) unconditionally and "
                            "test the no-validation condition inside it: unconditional equivalent, after the call"}))
                 for v in (2, 3)] +
                [(v, ("after", "self.check_checkpoint_callback(not (should_check_val", {
                    "note": "0.10-1.0.x pass the no-validation condition as the argument (no if in the loop "
                            "function): unconditional equivalent, after the call"})) for v in (4, 5, 6)] +
                [(v, ("after", "self.check_checkpoint_callback(True)", {"within": "if should_train_only:"}))
                 for v in (7, 8)]),
        },
    },
}
