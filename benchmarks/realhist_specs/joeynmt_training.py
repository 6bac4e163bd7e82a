# joeynmt joeynmt/training.py (TrainManager.train_and_validate + _train_step/_validate), PyPI 0.0.2 .. 2.3.0 (v00 .. v07).
# Round 18, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "joeynmt_training" / "versions.json").read_text())
OLDER = range(7)
# v00 (0.0.2): counters on the trainer (self.steps, self.best_ckpt_score), the optimizer step, zero_grad and
#   the step counter live in _train_batch(update=...), validation is inline in train_and_validate.
# v01-v04 (1.0-1.4): TrainStatistics (self.stats.*), accumulation loop `batch_loss += self._train_step(batch)`
#   with an `if (i + 1) % self.batch_multiplier == 0:` update block, validation moved into _validate().
# v05-v06 (2.0.0, 2.1.0): try/except KeyboardInterrupt around the epoch loop, predict() returns valid_scores,
#   _train_step returns (norm_batch_loss, n_correct) in 2.0.0 and norm_batch_loss only in 2.1.0.
# v07 (2.3.0): DDP (self.rank), self.args.*, _train_step returns (batch_loss, correct_tokens), logging in
#   _log_scores, stats.epochs.
_VALIDATE = {"within": "def _validate("}
CASE = {
    "name": "joeynmt_training",
    "title": "joeynmt TrainManager training loop across 0.0.2 .. 2.3.0 (update inside _train_batch -> "
             "accumulation block in the loop, TrainStatistics, inline validation -> _validate(), "
             "valid_scores dict (2.0), GradScaler (2.1), DDP ranks / args / _log_scores (2.3))",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch_no)',
            "intent": "epoch number at the start of every epoch, before the epoch-wise scheduler step",
            "newest": ("after", "self.stats.epochs = epoch_no"),
            "versions": dict(
                [(0, ("after", 'self.logger.info("EPOCH %d"', {
                    "note": "no `self.stats.epochs = epoch_no` before 2.3: keeps its position after the EPOCH log "
                            "line and before the epoch scheduler step. epoch_no is 0-based there (same variable)"}))] +
                [(v, ("after", 'logger.info("EPOCH %d"', {
                    "note": "no `self.stats.epochs = epoch_no` before 2.3: after the EPOCH log line, before the "
                            "epoch scheduler step (epoch_no is 0-based there; same variable)"}))
                 for v in range(1, 7)]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", batch_loss)',
            "intent": "loss returned by the training step for each batch",
            "newest": ("after", "batch_loss, correct_tokens = self._train_step(batch)"),
            "versions": dict(
                [(0, ("after", "batch_loss = self._train_batch(", {
                    "note": "0.0.2 returns the (normalised) loss from _train_batch into batch_loss"}))] +
                [(v, ("after", "batch_loss += self._train_step(batch)", {
                    "note": "1.x accumulates the step's loss into batch_loss (`+=`, reset after each update): "
                            "image of the call, same name; equal to the step's loss when batch_multiplier == 1"}))
                 for v in range(1, 5)] +
                [(5, ("after", "norm_batch_loss, n_correct = self._train_step(batch)", {
                    "renames": {"batch_loss": "norm_batch_loss"}}))] +
                [(6, ("after", "norm_batch_loss = self._train_step(batch)", {
                    "renames": {"batch_loss": "norm_batch_loss"}}))]),
        },
        "correct_tokens": {
            "text": 'flor.log("correct_tokens", correct_tokens)',
            "intent": "number of correctly predicted target tokens of each batch",
            "newest": ("after", "batch_loss, correct_tokens = self._train_step(batch)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 2.0 the training step computes no token accuracy", {
                          "scope": "train_and_validate",
                          "probe_site": ("after", "batch_loss = self._train_batch(" if v == 0
                                         else "batch_loss += self._train_step(batch)")}))
                 for v in range(5)] +
                [(5, ("after", "norm_batch_loss, n_correct = self._train_step(batch)", {
                    "renames": {"correct_tokens": "n_correct"}}))] +
                [(6, ("na", "missing_dependency",
                      "2.1.0 adds the correct-token count to self.stats.total_correct inside _train_step and "
                      "returns only the loss: no per-batch count in train_and_validate (the stats delta would be "
                      "a substitute, not a rename)", {
                          "scope": "train_and_validate",
                          "probe_site": ("after", "norm_batch_loss = self._train_step(batch)")}))]),
        },
        "step": {
            "text": 'flor.log("step", self.stats.steps)',
            "intent": "global update counter right after it is advanced (and the max-updates check)",
            "newest": ("after", "if self.stats.steps >= self.args.max_updates:"),
            "versions": dict(
                [(0, ("after", "self.steps += 1", {
                    "renames": {"self.stats.steps": "self.steps"},
                    "note": "0.0.2 advances the counter inside _train_batch under `if update:` (right after the "
                            "optimizer step): the image of the increment; no max-updates check yet"}))] +
                [(v, ("after", "self.stats.steps += 1", {
                    "note": "no max_updates check before 1.4: after the increment"})) for v in (1, 2, 3)] +
                [(v, ("after", "if self.stats.steps >= self.max_updates:")) for v in (4, 5, 6)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after each update's (optional) per-step scheduler step",
            "newest": ("after", 'if self.scheduler_step_at == "step":'),
            "versions": dict(
                [(0, ("after", "if self.scheduler is not None and \\", {
                    "note": "0.0.2 has no update block in the loop: the scheduler step is guarded by "
                            "`... and update` in its own if; the probe goes after that if, at batch-loop level "
                            "(the old version has no block for the update condition at this point)"}))] +
                [(v, ("after", "if self.scheduler is not None \\", {
                    "within": "for i, batch in enumerate(",
                    "note": "1.x also tests `self.scheduler is not None` (same statement)"})) for v in range(1, 5)] +
                [(v, ("after", 'if self.scheduler_step_at == "step":')) for v in (5, 6)]),
        },
        "elapsed_time": {
            "text": 'flor.log("elapsed_time", elapsed_time)',
            "intent": "training time since the last progress log, each time progress is logged",
            "newest": ("after", "elapsed_time = time.time() - start - total_valid_duration"),
            "versions": {v: ("after", "elapsed = time.time() - start - total_valid_duration", {
                "renames": {"elapsed_time": "elapsed"},
                "note": "inside the logging-frequency if (no rank condition before 2.3)"}) for v in OLDER},
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", epoch_loss)',
            "intent": "total training loss of the epoch, at the end of every completed epoch",
            "newest": ("last_in", "if self.rank == 0:", {"within": "for epoch_no in range(", "n": 6, "of": 6}),
            "versions": {v: ("last_in", "for epoch_no in range(self.epochs):", {
                "note": "last statement of the epoch loop (the epoch-loss log line), unconditional: "
                        "no rank condition before 2.3"}) for v in OLDER},
        },
        "ckpt_score": {
            "text": 'flor.log("ckpt_score", ckpt_score)',
            "intent": "validation score used for early stopping / checkpointing, at every validation",
            "newest": ("after", "ckpt_score = valid_scores[self.args.early_stopping_metric]"),
            "versions": dict(
                [(0, ("after", 'if self.early_stopping_metric == "loss":', {
                    "note": "0.0.2 validates inline in train_and_validate; ckpt_score is chosen by an "
                            "if/elif/else: after the whole if, not in its else branch"}))] +
                [(v, ("after", 'if self.early_stopping_metric == "loss":', {
                    "note": "ckpt_score chosen by an if/elif/else in _validate: after the whole if"}))
                 for v in range(1, 5)] +
                [(v, ("after", "ckpt_score = valid_scores[self.early_stopping_metric]")) for v in (5, 6)]),
        },
        "best_score": {
            "text": 'flor.log("best_score", self.stats.best_ckpt_score)',
            "intent": "best validation score so far, after the new-best update at every validation",
            "newest": ("after", "if new_best:", _VALIDATE),
            "versions": dict(
                [(0, ("after", "if self.is_best(ckpt_score):", {
                    "renames": {"self.stats.best_ckpt_score": "self.best_ckpt_score"},
                    "note": "0.0.2: inline validation, best score on the trainer; the new-best if also saves "
                            "the checkpoint: after the whole if"}))] +
                [(v, ("after", "if self.stats.is_best(ckpt_score):", {
                    "note": "the new-best if (which also saves the checkpoint before 1.4, and has an elif in "
                            "1.3): after the whole if"})) for v in (1, 2, 3)] +
                [(v, ("after", "if new_best:", _VALIDATE)) for v in (4, 5, 6)]),
        },
        "valid_scores": {
            "text": 'flor.log("valid_scores", valid_scores)',
            "intent": "dict of all validation metrics right after prediction on the dev set",
            "newest": ("before", "for eval_metric, score in valid_scores.items():"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.2 gets separate valid_score/valid_loss/valid_ppl from validate_on_data; no dict of "
                      "scores", {"scope": "train_and_validate",
                                 "probe_site": ("after", "valid_score, valid_loss, valid_ppl, valid_sources, \\")}))] +
                [(v, ("na", "missing_dependency",
                      "1.x gets separate valid_score/valid_loss/valid_ppl from validate_on_data; no dict of "
                      "scores", {"scope": "_validate",
                                 "probe_site": ("after", "valid_score, valid_loss, valid_ppl, valid_sources, \\")}))
                 for v in range(1, 5)] +
                [(v, ("before", "valid_duration = time.time() - valid_start_time", dict(_VALIDATE, **{
                    "alt": [("after", "valid_duration = time.time() - valid_start_time", _VALIDATE)],
                    "note": "2.0/2.1 unpack predict() directly and then measure valid_duration, which has no "
                            "counterpart in 2.3's _validate: either side of it"}))) for v in (5, 6)]),
        },
    },
}
