# FastNLP fastNLP/core/trainer.py (Trainer.train / _train / _update / _do_validation), PyPI 0.1.0 .. 0.7.0 (v00 .. v09).
# Round 18, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "fastnlp_trainer" / "versions.json").read_text())
# v00 0.1.0  kwargs Trainer: train(network, train_data) runs the epoch loop, _train_step() the batch loop
#            (local per-epoch `step`, self._optimizer, model passed as `network`), no tqdm/callbacks
# v01 0.2.0  Trainer(train_data, model, ...): train() dispatches to _tqdm_train() (use_tqdm, the default) or
#            _print_train(); self.step incremented at the END of the batch loop; `ava_loss` accumulator
# v02 0.3.0  one _train() with inner_tqdm; callbacks before_*/after_*; epoch-end validation folded into the
#            batch-loop validation `if` (validate_every < 0 and step % len(data_iterator) == 0)
# v03 0.3.1  callbacks renamed on_*; data_iterator built once before the epoch loop
# v04 0.3.3  self.step += 1 moved to the START of the batch loop; self.epoch; update_every (gradient
#            accumulation: loss divided, _update() conditional); avg_loss averaged in place
# v05 0.4.1  minor; v06 0.4.9 self.data_iterator, logger, on_exception; v07 0.5.5 resumable epoch/step,
#            loss divided before it is accumulated, best-result reporting moved into `finally`
# v08 0.6.0  separate epoch-end validation block after the batch loop; final model saved when there is no
#            dev data
# v09 0.7.0  auto_cast / grad_scaler (fp16)
# FastNLP 1.0 moved the trainer to fastNLP/core/controllers/trainer.py with the loops in
# fastNLP/core/controllers/loops/: a rewrite, not part of this history.
OLDER = range(9)
_TQDM = {"within": "def _tqdm_train("}
_PRINT = {"within": "def _print_train("}
_V01 = ("0.2.0 has two copies of the loop: _tqdm_train() (use_tqdm=True, the default, and the one the later "
        "single _train() with its inner_tqdm pbar grew from) and _print_train() (use_tqdm=False); the newest "
        "_train() runs in both modes, so the equivalent place in either copy is accepted, _tqdm_train() primary")


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "fastnlp_trainer",
    "title": "FastNLP Trainer across 0.1.0 .. 0.7.0 (kwargs trainer with _train_step -> _tqdm_train/_print_train "
             "-> single _train with callbacks, step counter moved to the start of the batch, gradient "
             "accumulation, separate epoch-end validation, fp16 grad scaler)",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate at the start of each epoch, after the epoch-begin callbacks, before the batches",
            "newest": ("after", "self.callback_manager.on_epoch_begin()"),
            "versions": dict(
                [(0, ("before", "self._train_step(", {
                    "renames": {"self.optimizer": "self._optimizer"},
                    "alt": [("after", 'logger.info("training epoch {}"'),
                            ("after", "self.mode(network, is_test=False)"),
                            ("after", "data_iterator = Batch(train_data")],
                    "note": "0.1.0 runs the epoch loop in train() and the batch loop in _train_step(); the optimizer is "
                            "self._optimizer. The epoch body announces the epoch, sets train mode, builds the "
                            "iterator and calls _train_step(): the last three have no counterpart in the newest "
                            "epoch loop, so anywhere after the announcement and before _train_step() is accepted "
                            "(primary: right before the batches)"}))] +
                [(1, ("after", "pbar.set_description_str(", _w(_TQDM, **{
                    "alt": [("first_in", "while epoch <= self.n_epochs:"),
                            ("after", "data_iterator = Batch(", {"within": "while epoch <= self.n_epochs:"})],
                    "note": "no callbacks in 0.2.0: after the epoch's pbar description, before the batch loop. " + _V01 +
                            "; in _print_train() the per-epoch Batch() has no counterpart: either side of it"}))),
                 (2, ("after", "self.callback_manager.before_epoch(", {
                     "note": "0.3.0 calls the epoch-begin callback before_epoch(epoch, n_epochs)"})),
                 (3, ("after", "self.callback_manager.on_epoch_begin(", {
                     "note": "0.3.1 passes (epoch, self.n_epochs) to on_epoch_begin"}))] +
                [(v, ("after", "self.callback_manager.on_epoch_begin()")) for v in range(4, 9)]),
        },
        "step": {
            "text": 'flor.log("step", self.step)',
            "intent": "global step counter right after it is advanced for the current batch",
            "newest": ("after", "self.step += 1"),
            "versions": dict(
                [(0, ("after", "step += 1", {
                    "renames": {"self.step": "step"},
                    "note": "0.1.0 has no global counter: _train_step() counts batches in the local `step` (reset "
                            "every epoch), printed and used as global_step like self.step later; it is advanced at the "
                            "end of the batch loop"})),
                 (1, ("after", "self.step += 1", _w(_TQDM, **{
                     "alt": [("after", "self.step += 1", _PRINT)],
                     "note": "self.step is advanced at the end of the batch (after the update and the print block) "
                             "until 0.3.1: after that statement. " + _V01}))),
                 (2, ("after", "self.step += 1", {
                     "note": "advanced after the update and print block (before on_batch_end/validation) until 0.3.1; "
                             "the probe follows the increment wherever it is"})),
                 (3, ("after", "self.step += 1", {
                     "note": "advanced after the update and print block until 0.3.1"}))] +
                [(v, ("after", "self.step += 1")) for v in range(4, 9)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "training loss of each batch (as back-propagated: divided by update_every), before backward",
            "newest": ("after", "avg_loss += loss.item()"),
            "versions": dict(
                [(0, ("after", "loss = self.get_loss(prediction, batch_y)", {
                    "note": "0.1.0 computes the loss with get_loss() in _train_step() and goes straight to backward"})),
                 (1, ("after", "ava_loss += loss.item()", {
                     "alt": [("after", "loss = self._compute_loss(prediction, batch_y)", _PRINT)],
                     "note": "the accumulator is `ava_loss` in _tqdm_train(); _print_train() has no accumulator: "
                             "after the loss. " + _V01})),
                 (2, ("after", "avg_loss += loss.item()")),
                 (3, ("after", "avg_loss += loss.item()"))] +
                [(v, ("after", "loss = loss/self.update_every" if v == 4 else "loss = loss / self.update_every", {
                    "note": "0.3.3-0.4.9 accumulate avg_loss BEFORE dividing the loss by update_every (0.5.5 swaps "
                            "them): the probe follows both statements, as in the newest version, i.e. after the "
                            "division (the only place that keeps its order relative to both)"})) for v in (4, 5, 6)] +
                [(v, ("after", "avg_loss += loss.item()")) for v in (7, 8)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", sum(p.grad.norm() ** 2 for p in self.model.parameters() '
                    'if p.grad is not None) ** 0.5)',
            "intent": "global gradient norm after backward and the backward-end callbacks (clipping), before the update",
            "newest": ("after", "self.callback_manager.on_backward_end()"),
            "versions": dict(
                [(0, ("after", "self.grad_backward(loss)", {
                    "renames": {"self.model": "network"},
                    "alt_texts": ['flor.log("grad_norm", sum(p.grad.norm() ** 2 for p in self._model.parameters() '
                                  'if p.grad is not None) ** 0.5)'],
                    "note": "0.1.0 _train_step() receives the model as `network` (also stored as self._model: both "
                            "texts accepted); no callbacks: right after the backward"})),
                 (1, ("after", "self._grad_backward(loss)", _w(_TQDM, **{
                     "alt": [("after", "self._grad_backward(loss)", _PRINT)],
                     "note": "no callbacks in 0.2.0: right after the backward. " + _V01}))),
                 (2, ("after", "self.callback_manager.after_backward(self.model)", {
                     "note": "0.3.0 names the callback after_backward(model)"})),
                 (3, ("after", "self.callback_manager.on_backward_end(self.model)"))] +
                [(v, ("after", "self.callback_manager.on_backward_end()")) for v in range(4, 9)]),
        },
        "update_step": {
            "text": 'flor.log("update_step", self.step)',
            "intent": "step at which the optimizer actually updates the weights (inside _update, after the step)",
            "newest": ("after", "self.grad_scaler.update()"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.0 update() only calls self._optimizer.step(); the trainer has no step counter "
                      "(self.step); the batch count is a local of _train_step(), not visible in update()",
                      {"scope": "update"})),
                 (1, ("after", "self.optimizer.step()", {
                     "note": "no gradient accumulation before 0.3.3: the optimizer steps unconditionally; self.step is "
                             "advanced after the update there, so it is one lower than in the newest version"})),
                 (2, ("after", "self.optimizer.step()", {
                     "note": "unconditional optimizer step (no update_every) in 0.3.0/0.3.1"})),
                 (3, ("after", "self.optimizer.step()"))] +
                [(v, ("after", "self.optimizer.step()", {
                    "note": "inside the update_every condition; 0.3.3/0.4.1 test (self.step + 1) % update_every "
                            "(0.4.1 also `self.optimizer is not None`): still the update branch" if v in (4, 5) else
                            "inside `if self.step % self.update_every == 0:`; no grad scaler before 0.7"}))
                 for v in range(4, 9)]),
        },
        "avg_loss": {
            "text": 'flor.log("avg_loss", avg_loss)',
            "intent": "running training loss at every print_every steps, once it is averaged, before it is shown",
            "newest": ("after", "avg_loss = float(avg_loss) / self.print_every"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.0 prints the current batch's loss; there is no running loss accumulator",
                      {"scope": "_train_step"})),
                 (1, ("first_in", "if (self.step+1) % self.print_every == 0:", _w(_TQDM, **{
                     "renames": {"avg_loss": "ava_loss"},
                     "note": "_tqdm_train() accumulates into `ava_loss` and averages it inline in the postfix: first "
                             "in the print block (the sum, not the average, at that point). _print_train() has no "
                             "accumulator, so it has no alternative"}))),
                 (2, ("first_in", "if (self.step+1) % self.print_every == 0:", {
                     "note": "0.3.0/0.3.1 divide only inside the tqdm branch (the non-tqdm branch prints the sum): "
                             "first in the print block, where avg_loss holds the sum"})),
                 (3, ("first_in", "if (self.step+1) % self.print_every == 0:", {
                     "note": "as 0.3.0: avg_loss is the sum at that point"})),
                 (4, ("after", "avg_loss = avg_loss / self.print_every", {
                     "note": "0.3.3 averages in place without float()"}))] +
                [(v, ("after", "avg_loss = float(avg_loss) / self.print_every")) for v in range(5, 9)]),
        },
        "dev_eval": {
            "text": 'flor.log("dev_eval", eval_res)',
            "intent": "dev-set evaluation results of the end-of-epoch validation (validate_every < 0), once reported",
            "newest": ("last_in", "if self.validate_every<0 and self.dev_data is not None:"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.0 validates with validator.test(network, dev_data) and discards the result",
                      {"scope": "train"})),
                 (1, ("last_in", "if self.validate_every < 0 and self.dev_data:", {
                     "note": "0.2.0 _tqdm_train() has an epoch-end validation block after the batch loop; "
                             "_print_train() calls self._do_validation() without keeping the result (no alternative)"}))] +
                [(v, ("last_in", "if ((self.validate_every > 0 and self.step % self.validate_every == 0) or", {
                    "note": "0.3.0-0.5.5 have no separate epoch-end block: the batch-loop validation `if` also fires "
                            "when validate_every < 0 at the last batch of each epoch "
                            "(`self.step % len(data_iterator) == 0`); that combined branch is the one the "
                            "epoch-end validation runs in, so the probe goes last in it (it then also logs "
                            "step-wise validations, which the newest version logs in a separate block)"}))
                 for v in range(2, 8)] +
                [(8, ("last_in", "if self.validate_every<0 and self.dev_data is not None:"))]),
        },
        "best_metric": {
            "text": 'flor.log("best_metric", self.best_metric_indicator)',
            "intent": "best value of the model-selection metric when a validation improves on it",
            "newest": ("after", "self.best_dev_step = step"),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.1.0 never checks whether a validation is the best one (the validator's result is discarded, "
                      "best_eval_result() is never called); self._best_accuracy is not the same indicator and is "
                      "only set by that dead method", {"scope": "train"})),
                 (1, ("last_in", "if self.save_path is not None and self._better_eval_result(res):", {
                     "note": "0.2.0 _do_validation() only asks _better_eval_result() (which updates "
                             "best_metric_indicator) when save_path is set, and only saves the model in that branch: "
                             "the improvement branch, last in it"}))] +
                [(v, ("after", "self.best_dev_step = step")) for v in range(2, 9)]),
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", self.best_dev_epoch)',
            "intent": "epoch of the best dev result, when train() reports it at the end",
            "newest": ("after", "results['best_epoch'] = self.best_dev_epoch"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "%s does not record the epoch of the best dev result" % ("0.1.0", "0.2.0")[v],
                      {"scope": "train"})) for v in (0, 1)] +
                [(v, ("after", "results['best_epoch'] = self.best_dev_epoch", {
                    "note": "before 0.5.5 the best result is reported inside the try body after training "
                            "(`if self.dev_data is not None[ and ...best_dev_perf...]:`); 0.5.5 moved it into "
                            "`finally`: same statement in its reporting branch"})) for v in range(2, 7)] +
                [(v, ("after", "results['best_epoch'] = self.best_dev_epoch")) for v in (7, 8)]),
        },
        "final_model": {
            "text": 'flor.log("final_model", model_name)',
            "intent": "name of the final model saved at the end of training when there is no dev data",
            "newest": ("after", "self._save_model(self.model, model_name)"),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 0.6.0 the final model is never saved when there is no dev data"
                      + ("; the `model_name` bound in train() is the name of the best model reloaded after "
                         "validation, a different file in a different branch" if v >= 2 else ""),
                      {"scope": "train"})) for v in range(0, 8)] +
                [(8, ("after", "self._save_model(self.model, model_name)"))]),
        },
    },
}
