# rasa rasa/utils/tensorflow/models.py (RasaModel.fit / _batch_loop / train_on_batch), PyPI 1.6.0 .. 2.3.5 (v00 .. v07).
# Round 24, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "rasa_models" / "versions.json").read_text())
# v00 (1.6.0) is rasa/utils/train_utils.py (the TF1 module before rasa/utils/tensorflow/models.py
# existed; versions.json names the first path for every version): the loop is the module function
# train_tf_dataset(), which runs `session.run(train_op, loss, acc)` in a `while True: try: ...
# except OutOfRangeError: break` loop and evaluates in output_validation_stat().  From 1.8.0 (v01) the
# loop is RasaModel.fit (TF2), with the per-batch loop in RasaModel._batch_loop (shared by training and
# evaluation) and the training step in RasaModel.train_on_batch.  1.9.0 (v02) adds tensorboard logging
# and the cumulative `training_steps` returned by _batch_loop; 1.10.0 (v03) computes prediction and
# regularization gradients separately in train_on_batch; 1.10.10 (v04) adds the `loading` argument;
# 2.0.0 (v05) adds model checkpointing (_save_model_checkpoint, best_model_epoch); 2.2.0/2.3.5 (v06,
# v07) only reformat.  From 2.4.0 RasaModel is a keras model trained by keras fit (train_step): the loop
# disappears there, so the history stops at 2.3.5.
_FIT = {"within": "def fit("}
_TUD = {"within": "def train_tf_dataset("}
_TOB = {"within": "def train_on_batch("}
_BL = {"within": "def _batch_loop("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "rasa_models",
    "title": "rasa RasaModel.fit across 1.6.0 .. 2.3.5 (TF1 train_utils.train_tf_dataset -> TF2 RasaModel.fit "
             "with _batch_loop/train_on_batch (1.8), tensorboard + training_steps (1.9), split "
             "prediction/regularization gradients (1.10), model checkpointing (2.0))",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", epoch_batch_size)',
            "intent": "batch size of the epoch (linearly increasing) right after it is computed at the start of "
                      "the epoch",
            "newest": ("after", "epoch_batch_size = self.linearly_increasing_batch_size(", _FIT),
            "versions": dict(
                [(0, ("after", "ep_batch_size = linearly_increasing_batch_size(", _w(_TUD, **{
                    "renames": {"epoch_batch_size": "ep_batch_size"},
                    "note": "1.6.0 calls the module function linearly_increasing_batch_size and names the "
                            "result ep_batch_size"})))] +
                [(v, ("after", "epoch_batch_size = self.linearly_increasing_batch_size(", _FIT))
                 for v in range(1, 7)]),
        },
        "training_steps": {
            "text": 'flor.log("training_steps", training_steps)',
            "intent": "cumulative number of training batches, right after the epoch's training batch loop",
            "newest": ("after", "training_steps = self._batch_loop(", _FIT),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.6.0 counts only the batches of the current epoch (batches_per_epoch, reset every "
                      "epoch); no cumulative step counter exists", {"scope": "train_tf_dataset"})),
                 (1, ("na", "missing_dependency",
                      "1.8.0's _batch_loop returns nothing and fit keeps no step counter (training_steps "
                      "comes with tensorboard logging in 1.9.0)", {"scope": "fit"}))] +
                [(v, ("after", "training_steps = self._batch_loop(", _FIT)) for v in range(2, 7)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch index once the epoch's training metrics have been written to tensorboard (after "
                      "the whole `if self.tensorboard_log_on_epochs:` block), before the metrics are collected "
                      "for the progress bar",
            "newest": ("after", "if self.tensorboard_log_on_epochs:", _w(_FIT, n=1, of=2)),
            "versions": dict(
                [(0, ("before", "postfix_dict = {", _w(_TUD, **{
                    "renames": {"epoch": "ep"},
                    "alt": [("after", "while True:", _w(_TUD, renames={"epoch": "ep"}))],
                    "note": "no tensorboard in 1.6.0: after the training batch loop, before the progress-bar "
                            "dict is built; the epoch's mean train_loss/train_acc are computed between the two "
                            "(in the newest version _get_metric_results computes them after the probe), so "
                            "right after the while loop is equally right"})))] +
                [(1, ("before", "postfix_dict = self._get_metric_results()", _w(_FIT, **{
                    "note": "no tensorboard in 1.8.0: after the training _batch_loop call, before "
                            "postfix_dict is built"})))] +
                [(v, ("after", "if self.tensorboard_log_on_epochs:", _w(_FIT, n=1, of=2))) for v in range(2, 7)]),
        },
        "train_metrics": {
            "text": 'flor.log("train_metrics", postfix_dict)',
            "intent": "the epoch's training metrics (progress-bar dict) right after they are collected",
            "newest": ("after", "postfix_dict = self._get_metric_results()", _FIT),
            "versions": dict(
                [(0, ("after", "postfix_dict = {", _w(_TUD, **{
                    "note": "1.6.0 builds the dict from train_loss/train_acc by hand (same name)"})))] +
                [(v, ("after", "postfix_dict = self._get_metric_results()", _FIT)) for v in range(1, 7)]),
        },
        "eval_batch_size": {
            "text": 'flor.log("eval_batch_size", epoch_batch_size)',
            "intent": "batch size used for evaluation, first thing in the branch that evaluates this epoch",
            "newest": ("first_in", "if self._should_evaluate(", _FIT),
            "versions": dict(
                [(0, ("first_in", "if (ep + 1) % evaluate_every_num_epochs == 0", _w(_TUD, **{
                    "renames": {"epoch_batch_size": "ep_batch_size"},
                    "note": "1.6.0 tests the evaluation epoch inline ((ep + 1) % evaluate_every_num_epochs == 0 "
                            "or last epoch) inside `if eval_init_op is not None:`; same branch as "
                            "_should_evaluate"})))] +
                [(v, ("first_in", "if self._should_evaluate(", _FIT)) for v in range(1, 7)]),
        },
        "val_results": {
            "text": 'flor.log("val_results", val_results)',
            "intent": "validation metrics dict right after it is computed (in the evaluation branch, before the "
                      "checkpoint is saved)",
            "newest": ("after", 'val_results = self._get_metric_results(prefix="val_")', _FIT),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.6.0 keeps the validation results in two floats val_loss, val_acc (returned by "
                      "output_validation_stat); there is no dict of validation results",
                      {"scope": "train_tf_dataset"}))] +
                [(v, ("after", 'val_results = self._get_metric_results(prefix="val_")', _FIT))
                 for v in range(1, 7)]),
        },
        "best_model_epoch": {
            "text": 'flor.log("best_model_epoch", self.best_model_epoch)',
            "intent": "best (checkpointed) epoch so far, right after the checkpoint step of an evaluation epoch",
            "newest": ("after", "self._save_model_checkpoint(", _FIT),
            "versions": dict(
                [(0, ("na", "missing_dependency", "no model checkpointing before 2.0.0 (self.best_model_epoch)",
                      {"scope": "train_tf_dataset"}))] +
                [(v, ("na", "missing_dependency", "no model checkpointing before 2.0.0 (self.best_model_epoch)",
                      {"scope": "fit"})) for v in range(1, 5)] +
                [(v, ("after", "self._save_model_checkpoint(", _FIT)) for v in (5, 6)]),
        },
        "running_loss": {
            "text": 'flor.log("running_loss", self.total_loss.result())',
            "intent": "running mean of the total loss after every batch (training and evaluation batches, in the "
                      "shared batch loop)",
            "newest": ("after", "call_model_function(batch_in)", _BL),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.6.0 has no loss metric object (self.total_loss); it sums batch losses into "
                      "ep_train_loss / ep_val_loss in two separate loops", {"scope": "train_tf_dataset"}))] +
                [(v, ("after", "call_model_function(batch_in)", _BL)) for v in range(1, 7)]),
        },
        "total_loss": {
            "text": 'flor.log("total_loss", total_loss)',
            "intent": "total (prediction + regularization) loss of each training batch, after it is computed and "
                      "added to the loss metric, before the gradients are taken",
            "newest": ("after", "self.total_loss.update_state(total_loss)", _TOB),
            "versions": dict(
                [(0, ("after", "try:", _w(_TUD, **{
                    "renames": {"total_loss": "batch_train_loss"},
                    "alt": [("after", "_, batch_train_loss, batch_train_acc = session.run(",
                             {"renames": {"total_loss": "batch_train_loss"}})],
                    "note": "1.6.0 runs the training step as one session.run inside `while True: try: ... except "
                            "OutOfRangeError: break`; the fetched `loss` already includes the regularization "
                            "loss, so batch_train_loss is the batch's total loss.  After the whole try (reached "
                            "only when the batch ran, since the except breaks) keeps the probe out of the try; "
                            "right after the session.run inside the try runs under exactly the same condition, "
                            "so both are accepted"})))] +
                [(v, ("after", "with tf.GradientTape() as tape:", _w(_TOB, **{
                    "note": "before 1.10.0 the loss is computed and added to the metric by "
                            "self._total_batch_loss inside the tape block: after the with block (the metric "
                            "update inside _total_batch_loss is also used by evaluation, so it is not the "
                            "place)"}))) for v in (1, 2)] +
                [(v, ("after", "self.total_loss.update_state(total_loss)", _TOB)) for v in range(3, 7)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", tf.linalg.global_norm(gradients))',
            "intent": "global norm of the gradients of each training batch, once they are complete, before they "
                      "are applied",
            "newest": ("after", "for pred_grad, reg_grad in zip(", _TOB),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.6.0 minimizes inside the graph (train_op); no gradients are visible in the loop",
                      {"scope": "train_tf_dataset"}))] +
                [(v, ("after", "gradients = tape.gradient(total_loss", _w(_TOB, **{
                    "note": "before 1.10.0 the gradients come from one tape.gradient call (no separate "
                            "regularization gradients): after it, before apply_gradients"})))
                 for v in (1, 2)] +
                [(v, ("after", "for pred_grad, reg_grad in zip(", _TOB)) for v in range(3, 7)]),
        },
    },
}
