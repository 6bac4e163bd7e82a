# tf-models-official official/legacy/bert/model_training_utils.py (run_customized_training_loop), PyPI 2.2.0 .. 2.20.0 (v00 .. v07).
# Round 27, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tfmodels_bert_loop" / "versions.json").read_text())
# v00 = 2.2.0 (official/modeling/), v01 = 2.3.0 and v02..v04 = 2.4.0..2.7.0 (official/nlp/bert/),
# v05..v07 = 2.9.0..2.20.0 (official/legacy/bert/).  The loop changes in 2.3.0 (keras CallbackList,
# epoch-begin callback, num_eval_per_epoch / steps_between_evals, train_summary_interval with a
# noop writer instead of `if train_summary_writer:`, learning-rate summary, _run_evaluation returns
# `logs`, eval_loss_metric, checkpoint/eval branch restructured into the else of
# `if current_step % steps_between_evals:`) and in 2.4.0 (metric reset moved before the
# evaluation call); later releases only change imports, tf.keras -> tf_keras and the TPUStrategy
# check.
ALL = range(7)
LATER = range(1, 7)
_LOOP = {"within": "while current_step"}
_FN = "run_customized_training_loop"


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "tfmodels_bert_loop",
    "title": "tf-models-official BERT run_customized_training_loop across 2.2.0 .. 2.20.0 (modeling -> nlp/bert -> "
             "legacy/bert; keras CallbackList, steps_between_evals, summary interval, eval loss and logs in 2.3.0; "
             "eval-metric reset moved before evaluation in 2.4.0)",
    "stories": _V,
    "probes": {
        "steps_per_loop": {
            "text": 'flor.log("steps_per_loop", steps_per_loop)',
            "intent": "effective steps_per_loop after it has been defaulted and clamped",
            "newest": ("after", "if steps_per_loop > steps_between_evals:"),
            "versions": dict(
                [(0, ("after", "if steps_per_loop > steps_per_epoch:", {
                    "note": "2.2.0 clamps steps_per_loop to steps_per_epoch (no steps_between_evals, no "
                            "defaulting block): after that clamp, before `assert tf.executing_eagerly()`"}))] +
                [(v, ("after", "if steps_per_loop > steps_between_evals:")) for v in LATER]),
        },
        "epoch": {
            "text": 'flor.log("epoch", int(current_step / steps_per_epoch) + 1)',
            "intent": "epoch number at the start of each epoch, after the epoch-begin callback",
            "newest": ("after", "callback_list.on_epoch_begin("),
            "versions": dict(
                [(0, ("first_in", "while current_step < total_training_steps:", {
                    "note": "2.2.0 has no epoch-begin block (`if current_step % steps_per_epoch == 0:` at the top "
                            "of the loop); the only such test is the end-of-epoch one after current_step has "
                            "advanced, a different point. No equivalent condition -> unconditional, first in the "
                            "while body (before the train metric reset, as in the newest version)"}))] +
                [(v, ("after", "callback_list.on_epoch_begin(")) for v in LATER]),
        },
        "steps": {
            "text": 'flor.log("steps", steps)',
            "intent": "number of steps run in this host loop iteration",
            "newest": ("after", "steps = steps_to_run("),
            "versions": {v: ("after", "steps = steps_to_run(", {
                "note": "2.2.0 computes it with steps_per_epoch instead of steps_between_evals (same statement)"}
                if v == 0 else {}) for v in ALL},
        },
        "train_loss": {
            "text": 'flor.log("train_loss", train_loss)',
            "intent": "mean training loss over the steps of this host loop iteration",
            "newest": ("after", "train_loss = _float_metric_value(train_loss_metric)"),
            "versions": {v: ("after", "train_loss = _float_metric_value(train_loss_metric)") for v in ALL},
        },
        "learning_rate": {
            "text": 'flor.log("learning_rate", optimizer.learning_rate(current_step))',
            "intent": "learning-rate schedule value at the current step, next to its summary",
            "newest": ("last_in", "if callable(optimizer.learning_rate):"),
            "versions": dict(
                [(0, ("before", "if train_summary_writer:", {
                    "note": "2.2.0 writes no learning-rate summary and has no `callable(...)` test (no equivalent "
                            "condition -> unconditional); its train summaries sit under `if train_summary_writer:`, "
                            "a condition the newest probe is not under (2.3.0+ always has a writer, a noop one "
                            "otherwise), so the probe goes before that if, right after `training_status = ...`, "
                            "keeping its position before the train-loss summary"}))] +
                [(v, ("last_in", "if callable(optimizer.learning_rate):")) for v in LATER]),
        },
        "training_status": {
            "text": 'flor.log("training_status", training_status)',
            "intent": "the training status line after the summaries appended the train metrics to it",
            "newest": ("after", "with summary_writer.as_default():"),
            "versions": dict(
                [(0, ("after", "if train_summary_writer:", {
                    "note": "2.2.0: the summary `with` block is inside `if train_summary_writer:`; the probe goes "
                            "after the whole if (unconditional), before logging.info(training_status)"}))] +
                [(v, ("after", "with summary_writer.as_default():")) for v in LATER]),
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", checkpoint_name.format(step=current_step))',
            "intent": "name of the checkpoint just saved inside the loop (end of an evaluation period)",
            "newest": ("after", "_save_checkpoint(strategy, checkpoint, model_dir,",
                       {"within": "if current_step < total_training_steps"}),
            "versions": {v: ("after", "_save_checkpoint(strategy, checkpoint, model_dir,", _w(
                {"within": "if current_step < total_training_steps"}, **({
                    "note": "2.2.0 saves under `if current_step % steps_per_epoch == 0:` -> "
                            "`if current_step < total_training_steps:` (the newest: else of "
                            "`if current_step % steps_between_evals:`, same end-of-period condition); the "
                            "sub-model save follows the checkpoint here instead of preceding it"} if v == 0 else {})))
                for v in ALL},
        },
        "eval_loss": {
            "text": 'flor.log("eval_loss", eval_loss_metric.result())',
            "intent": "evaluation loss right after the periodic evaluation inside the loop",
            "newest": ("after", "logs = _run_evaluation(", _LOOP),
            "versions": dict(
                [(0, ("na", "missing_dependency", "2.2.0 has no eval_loss_metric (evaluation computes no loss)",
                      {"scope": _FN}))] +
                [(1, ("after", "logs = _run_evaluation(", _w(_LOOP, note=(
                    "2.3.0 resets the eval metrics after the evaluation call, not before: the probe goes right "
                    "after the evaluation (its previous sibling), before the resets, not last in "
                    "`if eval_input_fn:`"))))] +
                [(v, ("after", "logs = _run_evaluation(", _LOOP)) for v in range(2, 7)]),
        },
        "callback_logs": {
            "text": 'flor.log("callback_logs", logs)',
            "intent": "the logs dict (eval results + train loss) handed to on_batch_end at an evaluation period",
            "newest": ("after", "logs['loss'] = train_loss"),
            "versions": dict(
                [(0, ("na", "missing_dependency", "2.2.0 builds no logs dict (plain {'loss': train_loss} literal "
                      "passed to the callbacks, _run_evaluation returns nothing)",
                      {"scope": _FN, "probe_site": ("last_in", "if current_step % steps_per_epoch == 0:")}))] +
                [(v, ("after", "logs['loss'] = train_loss")) for v in LATER]),
        },
        "final_train_loss": {
            "text": 'flor.log("final_train_loss", training_summary[\'train_loss\'])',
            "intent": "final train loss in the training summary, after the model metrics were added to it",
            "newest": ("after", "for metric in model.metrics:"),
            "versions": dict(
                [(0, ("after", "training_summary = {", {
                    "note": "2.2.0 does not add model.metrics to the summary: after the dict is built, before "
                            "`if eval_metrics:`"}))] +
                [(v, ("after", "for metric in model.metrics:")) for v in LATER]),
        },
    },
}
