# tensorlayer tensorlayer/utils.py (fit + train_epoch/_train_step), PyPI 1.2 .. 2.2.3 (v00 .. v07).
# Round 23, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tensorlayer_fit" / "versions.json").read_text())
OLDER = range(7)
_TF1 = range(6)          # v00-v05: TF1 session loop, everything inline in fit()
_TB = range(1, 6)        # v01-v05: TF1 tensorboard summaries (sess.run(merged) per batch)
# v06 (2.0.0) has the newest structure: fit() calls train_epoch(), which calls the @tf.function _train_step().
# 2.2.5 is 2.2.3 with CRLF line ends only, so the history stops at 2.2.3.
_FIT = {"within": "def fit("}
_TE = {"within": "def train_epoch("}
_PRINT = {"within": "% print_freq"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


def _tb_freq(v):
    return ("if epoch+1 == 1 or (epoch+1) % tensorboard_epoch_freq == 0:" if v < 3 else
            "if epoch + 1 == 1 or (epoch + 1) % tensorboard_epoch_freq == 0:")


CASE = {
    "name": "tensorlayer_fit",
    "title": "tensorlayer tl.utils.fit across 1.2 .. 2.2.3 (TF1 session loop inline in fit, tensorboard "
             "summaries (1.4), validation guard (1.5), logging (1.8), tensorboard_dir (1.10), TF2 rewrite with "
             "train_epoch/run_epoch/_train_step helpers (2.0))",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch index at the start of every epoch, after the epoch timer starts",
            "newest": ("after", "start_time = time.time()", _FIT),
            "versions": {v: ("after", "start_time = time.time()", _FIT) for v in OLDER},
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", _loss)',
            "intent": "training loss of every mini-batch, right after the training step returns it",
            "newest": ("after", "_loss, _acc = _train_step(", _TE),
            "versions": dict(
                [(v, ("after", "loss, _ = sess.run([cost, train_op]", _w(_FIT, **{
                    "renames": {"_loss": "loss"},
                    "note": "before 2.0 there is no train_epoch/_train_step: the batch loop is inline in fit() and "
                            "the batch loss comes from `loss, _ = sess.run([cost, train_op], ...)`; same value, "
                            "named `loss`"}))) for v in _TF1] +
                [(6, ("after", "_loss, _acc = _train_step(", _TE))]),
        },
        "batch_acc": {
            "text": 'flor.log("batch_acc", _acc)',
            "intent": "training metric of every mini-batch, when a metric is given (inside `if acc is not None:`)",
            "newest": ("after", "acc_ep += _acc", _TE),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 2.0 the training step runs only [cost, train_op]: no metric is computed on the "
                      "training batches (no `_acc`, no `if acc is not None:` in the batch loop)",
                      {"scope": "fit"})) for v in _TF1] +
                [(6, ("after", "acc_ep += _acc", _TE))]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", tf.linalg.global_norm(grad))',
            "intent": "global gradient norm of every training step, right after the gradients are taken",
            "newest": ("after", "grad = tape.gradient("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 2.0 the gradients live inside the TF1 graph op `train_op` run by sess.run; no "
                      "Python value holds them", {"scope": "fit"})) for v in _TF1] +
                [(6, ("after", "grad = tape.gradient(", {
                    "note": "2.0.0 takes the gradient w.r.t. network.weights (later trainable_weights); same statement"}))]),
        },
        "n_step": {
            "text": 'flor.log("n_step", n_step)',
            "intent": "number of training steps of the epoch, once the epoch averages are computed",
            "newest": ("after", "acc_ep = acc_ep / n_step if acc", _TE),
            "versions": dict(
                [(v, ("after", "loss_ep = loss_ep", _w(_FIT, **{
                    "note": "before 2.0 the step counter n_step is a local of fit(); there is no epoch metric "
                            "average (acc_ep), so the place keeps its position after the loss average "
                            "`loss_ep = loss_ep / n_step` right after the batch loop"}))) for v in _TF1] +
                [(6, ("after", "acc_ep = acc_ep / n_step if acc", _TE))]),
        },
        "loss_ep": {
            "text": 'flor.log("loss_ep", loss_ep)',
            "intent": "mean training loss of the epoch, in fit(), right after the epoch's training",
            "newest": ("after", "loss_ep, _, __ = train_epoch(", _FIT),
            "versions": dict(
                [(v, ("after", "loss_ep = loss_ep", _w(_FIT, **{
                    "note": "before 2.0 fit() trains the epoch inline; the epoch mean is ready after "
                            "`loss_ep = loss_ep / n_step` (after the batch loop)"}))) for v in _TF1] +
                [(6, ("after", "loss_ep, _, __ = train_epoch(", _FIT))]),
        },
        "tensorboard_dir": {
            "text": 'flor.log("tensorboard_dir", tensorboard_dir)',
            "intent": "tensorboard log folder, once the train/validation summary writers are created",
            "newest": ("after", "val_writer = tf.summary.create_file_writer("),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.2 has no tensorboard support at all (no tensorboard_dir, no writers)", {"scope": "fit"}))] +
                [(v, ("na", "missing_dependency",
                      "1.4-1.9 take a boolean `tensorboard` and always write to the fixed folder 'logs/'; no "
                      "variable holds the folder (a boolean flag is not a rename of the path)",
                      {"scope": "fit"})) for v in range(1, 5)] +
                [(5, ("after", "if tensorboard_graph_vis:", _w(_FIT, **{
                    "note": "1.10 creates the FileWriters in both branches of `if tensorboard_graph_vis: ... "
                            "else: ...` (with or without the graph); the newest creates them unconditionally and "
                            "then tests tensorboard_graph_vis: after the whole if/else, last in the "
                            "`if hasattr(tf.summary, 'FileWriter'):` block"})))] +
                [(6, ("after", "val_writer = tf.summary.create_file_writer("))]),
        },
        "tb_epoch": {
            "text": 'flor.log("tb_epoch", epoch + 1)',
            "intent": "epoch at which tensorboard summaries are written (first in the tensorboard_epoch_freq if)",
            "newest": ("first_in", "if epoch + 1 == 1 or (epoch + 1) % tensorboard_epoch_freq == 0:"),
            "versions": dict(
                [(0, ("na", "no_anchor", "1.2 writes no tensorboard summaries: there is no per-epoch tensorboard "
                                         "block", {"scope": "fit"}))] +
                [(v, ("first_in", _tb_freq(v), {
                    "note": "TF1 versions write per-batch merged summaries in the same `if` (first statement is "
                            "the training-summary loop, not `if eval_train is True:`)"})) for v in _TB] +
                [(6, ("first_in", _tb_freq(6)))]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "validation loss at each printed epoch, once it is computed (after `if val_loss is None:`)",
            "newest": ("after", "if val_loss is None:"),
            "versions": dict(
                [(v, ("after", "for X_val_a, y_val_a in", _w(_PRINT, **{
                    "note": "before 2.0 the printed validation loss is accumulated by the inline validation loop "
                            "in the print block; right after that loop (before the `val loss` print). There "
                            "`val_loss` holds the sum over batches (the mean is only printed as "
                            "val_loss / n_batch); same variable, no rename, so the text is kept"})))
                 for v in _TF1] +
                [(6, ("after", "if val_loss is None:"))]),
        },
        "epoch_time": {
            "text": 'flor.log("epoch_time", time.time() - start_time)',
            "intent": "epoch duration at a printed epoch without validation data (else branch of the X_val check)",
            "newest": ("first_in_else", "if (X_val is not None) and (y_val is not None):", _PRINT),
            "versions": {v: ("first_in_else", "if (X_val is not None) and (y_val is not None):", _PRINT)
                         for v in OLDER},
        },
    },
}
