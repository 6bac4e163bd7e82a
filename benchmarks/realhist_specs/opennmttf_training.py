# OpenNMT-tf opennmt/training.py (Trainer.__call__ / Trainer._steps), PyPI 2.0.0 .. 2.32.0 (v00 .. v09).
# Round 22, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "opennmttf_training" / "versions.json").read_text())
OLD = range(9)
_CALL = {"within": "def __call__("}
_STEPS = {"within": "def _steps("}
_NA = lambda why: ("na", "missing_dependency", why)


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "opennmttf_training",
    "title": "OpenNMT-tf Trainer training loop across 2.0.0 .. 2.32.0 (closures inside __call__ -> abstract "
             "Trainer with _steps generators per strategy (2.5), moving average + early stop (2.6), "
             "TrainingStats (2.13), black formatting (2.15), NaN check moved into _steps (2.22), single "
             "_steps with grouped batches (2.32))",
    "stories": _V,
    "probes": {
        "raw_loss": {
            "text": 'flor.log("raw_loss", loss)',
            "intent": "loss of the step right after the NaN check, before the gradients are applied",
            "newest": ("after", "if tf.math.is_nan(loss):", _STEPS),
            "versions": dict(
                [(v, ("after", "if tf.math.is_nan(loss):", _w(_CALL, note=(
                    "before 2.22 the NaN check that all trainers go through is in __call__ on the loss "
                    "the step generator yields; the probe follows the check")))) for v in (0, 1, 5, 6, 7)] +
                [(v, ("after", "if tf.math.is_nan(loss):", _w(_CALL, **{
                    "alt": [("after", "if tf.math.is_nan(loss):", _STEPS)],
                    "note": "2.5/2.6: the NaN check is in __call__ (all trainers) and again in "
                            "DistributionStrategyTrainer._steps before the gradients are applied, like the "
                            "newest _steps; both accepted"})) ) for v in (2, 3)] +
                [(4, ("after", "if tf.math.is_nan(loss):", _w(_CALL, **{
                    "alt": [("after", "_assert_loss_is_finite(loss)", {"n": 1, "of": 2}),
                            ("after", "_assert_loss_is_finite(loss)", {"n": 2, "of": 2})],
                    "note": "2.9: __call__ check (all trainers) or the _assert_loss_is_finite(loss) of the "
                            "Horovod / DistributionStrategy _steps loops; all accepted"}))),
                 (8, ("after", "if tf.math.is_nan(loss):", _STEPS))]),
        },
        "step": {
            "text": 'flor.log("step", step)',
            "intent": "optimizer step right after it is read in the training loop",
            "newest": ("after", "step = iterations.numpy()"),
            "versions": dict(
                [(v, ("after", "step = self._optimizer.iterations.numpy()", {
                    "alt": [("after", "last_step = step")],
                    "note": "2.0/2.3 iterate over batches and skip repeated steps with `if step == last_step: "
                            "continue` right after reading the step: after the read (previous sibling) or "
                            "after the skip (once per step like the newest) both accepted"})) for v in (0, 1)] +
                [(v, ("after", "step = iterations.numpy()")) for v in range(2, 9)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss)',
            "intent": "reported loss of each step after the training stats are updated, before the report branch",
            "newest": ("after", "self._training_stats.update_on_step(step, loss)"),
            "versions": dict(
                [(v, ("after", "last_step = step", {
                    "note": "no TrainingStats: after reading the step and the same-step skip, before the "
                            "report branch (a place before the `continue` would log non-step batches)"}))
                 for v in (0, 1)] +
                [(v, ("after", "step = iterations.numpy()", {
                    "note": "no TrainingStats before 2.13: between the step read and the report branch"}))
                 for v in range(2, 6)] +
                [(v, ("after", "self._training_stats.update_on_step(step, loss")) for v in (6, 7, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", self._optimizer.learning_rate)',
            "intent": "learning rate in the report branch, right after the training status is logged",
            "newest": ("after", "self._training_stats.log(self.is_master)"),
            "versions": dict(
                [(v, ("after", "last_report_time = _report_training_status(")) for v in (0, 1)] +
                [(v, ("after", "_report_training_status(", {
                    "alt": [("last_in", "if step % report_steps == 0:")],
                    "note": "after the report call; the bookkeeping `last_report_step/last_report_time` "
                            "assignments after it have no counterpart, so the end of the branch is accepted"}))
                 for v in (2, 3)] +
                [(v, ("last_in", "if step % report_steps == 0:", {
                    "note": "the report is under `if self._is_master:`; the newest log() call is unconditional "
                            "in the branch, so after the whole master if (end of the report branch)"}))
                 for v in (4, 5)] +
                [(v, ("after", "self._training_stats.log(")) for v in (6, 7, 8)]),
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", step)',
            "intent": "step of each checkpoint saved inside the loop",
            "newest": ("after", "self._save_checkpoint(step", {"within": "if step == 1 or"}),
            "versions": dict(
                [(v, ("after", "self._checkpoint.save(step)", {
                    "within": "if save_steps is not None and step % save_steps == 0:",
                    "note": "2.0/2.3 save in the loop only every save_steps (no step == 1)"})) for v in (0, 1)] +
                [(v, ("after", "self._save_checkpoint(step", {"within": "if step == 1 or"})) for v in range(2, 9)]),
        },
        "early_stop": {
            "text": 'flor.log("early_stop", early_stop)',
            "intent": "early-stopping decision returned by the evaluation in the loop",
            "newest": ("after", "early_stop = self._evaluate("),
            "versions": dict(
                [(v, _NA("`early_stop` does not exist: the loop calls the evaluator and tests "
                         "evaluator.should_stop() directly (a substitute, not a rename)")) for v in (0, 1, 2)] +
                [(v, ("after", "early_stop = self._evaluate(")) for v in range(3, 9)]),
        },
        "ema_decay": {
            "text": 'flor.log("ema_decay", moving_average_decay)',
            "intent": "moving-average decay each step, after the moving average is updated (master only)",
            "newest": ("after", "self._update_moving_average(moving_average)"),
            "versions": dict(
                [(v, _NA("no moving average before 2.6: `moving_average_decay` is not a parameter"))
                 for v in (0, 1, 2)] +
                [(v, ("last_in", "if moving_average_decay is not None", {
                    "note": "2.6-2.13 update in the `else:` of `if moving_average is None:`; the newest update "
                            "runs every time, so after the whole inner if/else, still under the outer "
                            "decay/master condition"})) for v in (3, 4, 5, 6)] +
                [(v, ("after", "self._update_moving_average(moving_average)")) for v in (7, 8)]),
        },
        "final_step": {
            "text": 'flor.log("final_step", step)',
            "intent": "last step reached, after the loop and the empty-training check",
            "newest": ("after", "if step is None:"),
            "versions": dict(
                [(0, ("after", "for i, (loss, num_words) in enumerate(", {
                    "note": "no empty-training check: right after the loop (inside the summary writer block, "
                            "before the final checkpoint)"})),
                 (1, ("after", "for i, (loss, num_words, skipped) in enumerate(", {
                    "note": "right after the loop, before the final evaluation and checkpoint"}))] +
                [(v, ("after", "for loss in self._steps(", {
                    "note": "no `if step is None` check yet: right after the loop, before the final "
                            "evaluation/checkpoint"})) for v in (2, 3, 4)] +
                [(v, ("after", "if step is None:")) for v in range(5, 9)]),
        },
        "summary": {
            "text": 'flor.log("summary", summary)',
            "intent": "global training summary returned by the trainer",
            "newest": ("after", "summary = self._training_stats.get_global_summary()"),
            "versions": dict(
                [(v, _NA("no training summary before 2.13 (__call__ returns nothing)")) for v in range(0, 6)] +
                [(v, ("after", "summary = self._training_stats.get_global_summary()")) for v in (6, 7, 8)]),
        },
    },
}
