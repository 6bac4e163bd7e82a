# ludwig ludwig/trainers/trainer.py, ludwig/models/trainer.py before 0.6 (Trainer.train / _train_loop / train_step / run_evaluation), PyPI 0.4 .. 0.11.0 (v00 .. v09).
# Round 15, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ludwig_trainer" / "versions.json").read_text())
# v00 = 0.4 (TensorFlow): one Trainer.train() with the epoch loop, the batch loop, the evaluation and the
#       checkpointing inline; the optimisation step is model.train_step(...) in the model's file.
# v01 = 0.5 (PyTorch): Trainer.train_step(), run_evaluation(), and the batch loop moved into _train_loop(),
#       step-based training (total_steps, checkpoint every final_steps_per_checkpoint steps).
# v02 = 0.5.5 (total_steps -> self.total_steps), v03 = 0.6.4 (model_weights_path removed, model.save(save_path)),
# v04 = 0.7.5 (LR scheduler object, AMP autocast, dist_model; lr read from the optimizer),
# v05 = 0.8 (gradient accumulation, should_resume, checkpoint after eval, CheckpointManager.save_best),
# v06 = 0.8.6 (profiler, set_postfix, epoch increment moved into _train_loop at the end of the last batch),
# v07 = 0.9 (epoch incremented before the evaluation, checkpoint_number/on_checkpoint),
# v08 = 0.9.3 (used tokens, save_checkpoint(), NaN/Inf weight check), v09 = 0.11.0.
ALL = range(9)
_LOOP = {"within": "def _train_loop("}
_TRAIN = {"within": "def train("}
_STEP = {"within": "def train_step("}
_EVAL = {"within": "def run_evaluation("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "ludwig_trainer",
    "title": "Ludwig ECD Trainer across 0.4 .. 0.11.0: inline TensorFlow epoch/batch loops in train() -> PyTorch "
             "train_step/_train_loop/run_evaluation (0.5), LR scheduler + AMP (0.7), gradient accumulation and "
             "best-checkpoint manager (0.8), epoch counter moved into the batch loop (0.8.6/0.9), token usage and "
             "save_checkpoint() (0.9.3)",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", progress_tracker.learning_rate)',
            "intent": "learning rate used for the current batch, right after it is determined at the start of the "
                      "batch",
            "newest": ("after", "progress_tracker.learning_rate = self.optimizer.param_groups[0]", _LOOP),
            "versions": dict(
                [(0, ("after", "self.optimizer.set_learning_rate(current_learning_rate)", _w(_TRAIN, **{
                    "renames": {"progress_tracker.learning_rate": "current_learning_rate"},
                    "note": "0.4 computes the batch's learning rate (decay + warmup of the base rate "
                            "progress_tracker.learning_rate) into the local current_learning_rate and sets it on the "
                            "optimizer; that local is what write_step_summary(learning_rate=...) receives, as "
                            "progress_tracker.learning_rate does in the newest version: a rename. Unrenamed, "
                            "progress_tracker.learning_rate would be the base rate, another value"})))] +
                [(v, ("after", "self.set_optimizer_learning_rate(current_learning_rate)", _w(_LOOP, **{
                    "renames": {"progress_tracker.learning_rate": "current_learning_rate"},
                    "note": "0.5-0.6 compute the batch's rate into current_learning_rate (passed to "
                            "write_step_summary as learning_rate, like progress_tracker.learning_rate later) and set "
                            "it on the optimizer after the on_batch_start callback; the probe follows that set"})))
                 for v in (1, 2, 3)] +
                [(v, ("after", "progress_tracker.learning_rate = self.optimizer.param_groups[0]", _LOOP))
                 for v in range(4, 9)]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", float(loss))',
            "intent": "training loss of each batch, after the step counter is advanced and shown on the progress bar",
            "newest": ("after", "progress_bar.set_postfix(", _LOOP),
            "versions": dict(
                [(0, ("after", "progress_tracker.steps += 1", _w(_TRAIN, **{
                    "note": "no set_postfix before 0.8.6: the probe keeps its place between the step increment and "
                            "the progress-bar update (which is inside `if self.is_coordinator():` here), so after "
                            "`progress_tracker.steps += 1`, unconditionally"})))] +
                [(1, ("after", "progress_tracker.steps += 1", _w(_LOOP, **{
                    "note": "no set_postfix: after the step increment, before the coordinator-only "
                            "progress_bar.update(1) block"})))] +
                [(v, ("after", "progress_tracker.steps += 1", _w(_LOOP, **{
                    "note": "no set_postfix before 0.8.6: between `progress_tracker.steps += 1` and "
                            "`progress_bar.update(1)`, as in the newest version"})))
                 for v in (2, 3, 4, 5)] +
                [(v, ("after", "progress_bar.set_postfix(", _LOOP)) for v in (6, 7, 8)]),
        },
        "used_tokens": {
            "text": 'flor.log("used_tokens", used_tokens)',
            "intent": "tokens used by the batch, right after the progress tracker records them",
            "newest": ("after", "progress_tracker.set_token_usage_for_this_step(used_tokens)", _LOOP),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "train_step returns no token usage before 0.9.3 (`loss, all_losses = ...`): used_tokens does "
                      "not exist", {"scope": "train" if v == 0 else "_train_loop"})) for v in range(0, 8)] +
                [(8, ("after", "progress_tracker.set_token_usage_for_this_step(used_tokens)", _LOOP))]),
        },
        "epoch": {
            "text": 'flor.log("epoch", progress_tracker.epoch)',
            "intent": "epoch counter right after it is advanced at the end of an epoch",
            "newest": ("after", "progress_tracker.epoch += 1", _LOOP),
            "versions": dict(
                [(0, ("after", "progress_tracker.epoch += 1", _w(_TRAIN, **{
                    "note": "0.4 advances the epoch in train() after the batch loop, before the inline evaluation: "
                            "after that statement (unconditional: there is no `if batcher.last_batch():`)"})))] +
                [(v, ("after", "progress_tracker.epoch += 1", _w(_TRAIN, **{
                    "note": "0.5-0.8 advance the epoch in train() right after _train_loop() returns (Post Training "
                            "Epoch), not in the batch loop under `if batcher.last_batch():`; the probe follows the "
                            "increment, unconditionally"})))
                 for v in (1, 2, 3, 4, 5)] +
                [(6, ("after", "progress_tracker.epoch += 1", _w(_LOOP, **{
                    "note": "0.8.6 increments the epoch inside _train_loop at the end of the last batch (after "
                            "evaluation and checkpoint), together with on_epoch_end, in one `if batcher.last_batch():`; "
                            "the probe follows the increment, inside that if"})))] +
                [(v, ("after", "progress_tracker.epoch += 1", _LOOP)) for v in (7, 8)]),
        },
        "loss_terms": {
            "text": 'flor.log("loss_terms", {k: float(v) for k, v in all_losses.items()})',
            "intent": "per-output-feature losses of the training step, right after the forward pass and loss "
                      "computation (before the backward pass)",
            "newest": ("after", "with torch.amp.autocast(", _STEP),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.4 (TensorFlow) has no Trainer.train_step: forward, loss, backward and optimizer step are "
                      "one call model.train_step(...) in the model's file, so this file has no point between the "
                      "loss computation and the backward pass", {"scope": "train"}))] +
                [(v, ("after", "loss, all_losses = self.model.train_loss(", _w(_STEP, **{
                    "note": "no autocast context before 0.7: after the plain loss computation"})))
                 for v in (1, 2, 3)] +
                [(v, ("after", "with torch.cuda.amp.autocast()", _w(_STEP, **{
                    "note": "after the whole autocast `with` of the regular (non-L-BFGS) path"})))
                 for v in range(4, 9)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", progress_tracker.validation_metrics["combined"][LOSS][-1])',
            "intent": "latest combined validation loss, right after the validation set is evaluated",
            "newest": ("after", "self.evaluation(", {"within": "if validation_set is not None:"}),
            "versions": dict(
                [(0, ("after", "self.evaluation(", {
                    "within": "if validation_set is not None and len(validation_set) > 0:",
                    "renames": {"progress_tracker.validation_metrics": "progress_tracker.vali_metrics"},
                    "note": "0.4 evaluates inline in train() after every epoch, into progress_tracker.vali_metrics "
                            "(renamed validation_metrics in 0.5)"}))] +
                [(v, ("after", "self.evaluation(", {"within": "if validation_set is not None:"}))
                 for v in (1, 2, 3)] +
                [(v, ("after", "validation_metrics_log = self.evaluation(", _EVAL)) for v in (4, 5)] +
                [(v, ("after", "self.evaluation(", {"within": "if validation_set is not None:"}))
                 for v in (6, 7, 8)]),
        },
        "start_step": {
            "text": 'flor.log("start_step", progress_tracker.steps)',
            "intent": "step the run starts from, once the progress tracker is resumed or created",
            "newest": ("after", "if should_resume:", _TRAIN),
            "versions": dict(
                [(v, ("after", "if self.resume:", _w(_TRAIN, **{
                    "note": "after the whole resume if/else (the progress tracker is bound in both branches)"})))
                 for v in (0, 1, 2, 3)] +
                [(4, ("after", "if self.resume and self.resume_files_exist(", _w(_TRAIN, **{
                    "note": "after the whole resume if/else"})))] +
                [(v, ("after", "if should_resume:", _TRAIN)) for v in range(5, 9)]),
        },
        "total_steps": {
            "text": 'flor.log("total_steps", self.total_steps)',
            "intent": "total number of training steps, right after it is computed",
            "newest": ("after", "self.total_steps = get_total_steps(", _TRAIN),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.4 trains for self.epochs epochs; there is no step budget (total_steps appears in 0.5), and "
                      "self.epochs is another value, not a rename", {"scope": "train"}))] +
                [(1, ("after", "total_steps = get_total_steps(", _w(_TRAIN, **{
                    "renames": {"self.total_steps": "total_steps"},
                    "note": "0.5 keeps the step budget in the local total_steps (self.total_steps from 0.5.5)"})))] +
                [(v, ("after", "self.total_steps = get_total_steps(", _TRAIN)) for v in range(2, 9)]),
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", progress_tracker.steps)',
            "intent": "step of the end-of-epoch training checkpoint, right after it is saved (in train())",
            "newest": ("after", "self.save_checkpoint(", _TRAIN),
            "versions": dict(
                [(v, ("after", "progress_tracker.save(", _w(_TRAIN, **{
                    "note": "the end-of-epoch save (checkpoint_manager.save + progress_tracker.save) is under "
                            "`if not self.skip_save_progress:` nested in `if self.is_coordinator():` before 0.8 "
                            "(only the coordinator saved): the probe goes after progress_tracker.save inside both, "
                            "the equivalent of the newest `if not self.skip_save_progress:`" +
                            ("; 0.4 has no step checkpoints inside the batch loop, this per-epoch save "
                             "corresponds to the newest train()'s one" if v == 0 else "")})))
                 for v in (0, 1, 2, 3, 4)] +
                [(v, ("last_in", "if not self.skip_save_progress:", _w(_TRAIN, **{
                    "n": 1, "of": 2,
                    "note": "0.8/0.8.6 save inline: checkpoint_manager.save(...) then a coordinator-only "
                            "progress_tracker.save; the probe is the last statement of `if not "
                            "self.skip_save_progress:`, after the coordinator if"})))
                 for v in (5, 6)] +
                [(7, ("after", "self.callback(lambda c: c.on_checkpoint(", _w(_TRAIN, **{
                    "note": "0.9 inlines what save_checkpoint() does later (checkpoint_number, save, progress save, "
                            "on_checkpoint callback): after its last statement"})))] +
                [(8, ("after", "self.save_checkpoint(", _TRAIN))]),
        },
        "best_ckpt_step": {
            "text": 'flor.log("best_ckpt_step", progress_tracker.steps)',
            "intent": "step at which the model is saved as best when there is no validation set (inside that "
                      "branch, right after the save)",
            "newest": ("after", "checkpoint_manager.save_best(progress_tracker.steps)", _EVAL),
            "versions": dict(
                [(0, ("after", "model.save_weights(model_weights_path)", _w(_TRAIN, **{
                    "note": "0.4: the `else` (no validation) branch of train()'s inline validation logic saves the "
                            "weights under `if self.is_coordinator() and not self.skip_save_model:`; after that save"})))] +
                [(v, ("after", "torch.save(self.model.state_dict(), model_weights_path)", _w(_EVAL, **{
                    "note": "saved under `if self.is_coordinator() and not self.skip_save_model:` in the else branch; "
                            "after the save"})))
                 for v in (1, 2)] +
                [(v, ("after", "self.model.save(save_path)", _w(_EVAL, **{
                    "note": "saved under `if self.is_coordinator() and not self.skip_save_model:` in the else branch; "
                            "after the save"})))
                 for v in (3, 4)] +
                [(v, ("after", "checkpoint_manager.save_best(progress_tracker.steps)", _EVAL)) for v in range(5, 9)]),
        },
    },
}
