# gluonts gluonts/mx/trainer/_base.py (Trainer.__call__ with its epoch loop and nested loop()), PyPI 0.4.0 .. 0.12.0 (v00 .. v09).
# Round 14, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "gluonts_trainer" / "versions.json").read_text())
OLDER = range(9)
# v00 0.4.0 (gluonts/trainer/_base.py): batch loop inline in the epoch loop, BestEpochInfo namedtuple, lr_scheduler
# v01 0.4.3: batch loop moved into a nested loop(epoch_no, batch_iter, is_training) + optional validation pass
# v02 0.5.0: lv = loss_value(...) per batch, lr_scheduler.step() returns should_continue (early stopping)
# v03 0.6.0 (gluonts/mx/trainer/_base.py): avg_strategy, first_forward, NaN batches skipped, epoch_info dicts
# v04 0.6.9: train/predict mode(), halt removed;  v05 0.7.0: batch.values(), num_batches_to_use, batch_size per batch
# v06 0.8.0: callbacks replace lr_scheduler/avg_strategy, HybridContext merged into the outer with, loop() de-indented
# v07 0.10.0: per-batch callbacks return should_continue, halt;  v08 0.10.10: epoch loop in try/except KeyboardInterrupt
_EPOCH = {"within": "for epoch_no in range"}
_VAL = {"within": "if is_validation_available"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "gluonts_trainer",
    "title": "gluonts mx Trainer.__call__ across 0.4.0 .. 0.12.0 (inline batch loop -> nested loop() with validation "
             "(0.4.3), early stopping via lr_scheduler (0.5), model averaging and epoch_info dicts (0.6), per-batch "
             "batch_size (0.7), callbacks (0.8), per-batch should_continue (0.10), try/except KeyboardInterrupt (0.10.10))",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "size of each batch, inside the autograd record block once the loss is known",
            "newest": ("after", "batch_size = loss.shape[0]"),
            "versions": dict(
                [(v, ("after", "if isinstance(output, (list, tuple)):", {
                    "alt": [("after", "batch_size = train_iter.batch_size")],
                    "note": "before 0.7 batch_size is the loader's fixed batch size, bound once before training "
                            "(`batch_size = train_iter.batch_size`), and visible in the batch loop; the newest "
                            "previous sibling `batch_size = loss.shape[0]` does not exist, so the probe keeps its "
                            "place in the record block after the loss if/else (per batch). Also accepted: right "
                            "after the statement that binds batch_size (once per training run)"}))
                 for v in range(5)] +
                [(v, ("after", "batch_size = loss.shape[0]")) for v in range(5, 9)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.mean().asscalar())',
            "intent": "mean loss of each training batch, right after the optimizer step",
            "newest": ("after", "trainer.step(batch_size)"),
            "versions": dict(
                [(0, ("after", "trainer.step(batch_size)", {
                    "note": "0.4.0 trains unconditionally (no is_training flag, no NaN check): unconditional "
                            "equivalent in the inline batch loop"}))] +
                [(v, ("after", "trainer.step(batch_size)", {
                    "note": "inside `if is_training:`; no NaN-loss else branch before 0.6"})) for v in (1, 2)] +
                [(v, ("after", "trainer.step(batch_size)")) for v in range(3, 9)]),
        },
        "avg_epoch_loss": {
            "text": 'flor.log("avg_epoch_loss", lv)',
            "intent": "running average epoch loss after each batch",
            "newest": ("after", "lv = loss_value(epoch_loss)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.4.x computes loss_value(epoch_loss) inline in it.set_postfix(...); nothing binds `lv`",
                      {"scope": "__call__" if v == 0 else "loop"})) for v in (0, 1)] +
                [(2, ("after", "lv = loss_value(epoch_loss)", {
                    "note": "0.5.0 computes lv right after epoch_loss.update, before the `if not np.isfinite(lv):` "
                            "early return"}))] +
                [(v, ("after", "lv = loss_value(epoch_loss)")) for v in range(3, 9)]),
        },
        "lr": {
            "text": 'flor.log("lr", curr_lr)',
            "intent": "learning rate at the start of each epoch",
            "newest": ("after", "curr_lr = trainer.learning_rate"),
            "versions": {v: ("after", "curr_lr = trainer.learning_rate") for v in OLDER},
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss_value(epoch_loss))',
            "intent": "training epoch loss right after the training pass of each epoch",
            "newest": ("after", "epoch_loss = loop(", {"n": 1, "of": 2}),
            "versions": dict(
                [(0, ("before", "lr_scheduler.step(loss_value(epoch_loss))", {
                    "note": "0.4.0 has no loop() function: the training pass is inline in the epoch loop (tic, "
                            "epoch_loss.reset(), the tqdm batch loop, the timing and metric logging); the image of "
                            "`epoch_loss = loop(...)` is that whole sequence, so the probe goes after the metric "
                            "logging, right before lr_scheduler.step"}))] +
                [(v, ("after", "epoch_loss = loop(epoch_no, train_iter)")) for v in range(1, 5)] +
                [(v, ("after", "epoch_loss = loop(", {"n": 1, "of": 2})) for v in range(5, 9)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", loss_value(epoch_loss))',
            "intent": "validation loss right after the validation pass, when a validation set is given",
            "newest": ("after", "epoch_loss = loop(", _VAL),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.4.0 has no validation pass (no validation_iter, no is_validation_available)"))] +
                [(v, ("after", "epoch_loss = loop(", _VAL)) for v in range(1, 9)]),
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", best_epoch_info["epoch_no"])',
            "intent": "best epoch so far, after the best-epoch update of each epoch",
            "newest": ("after", "if loss_value(epoch_loss) < cast("),
            "versions": dict(
                [(v, ("after", "if loss_value(epoch_loss) < best_epoch_info.metric_value:", {
                    "renames": {'best_epoch_info["epoch_no"]': "best_epoch_info.epoch_no"},
                    "note": "before 0.6 best_epoch_info is a BestEpochInfo NamedTuple (field epoch_no); the "
                            "update also saves the parameters inside the if; the probe goes after the whole if"}))
                 for v in range(3)] +
                [(v, ("after", "if loss_value(epoch_loss) < best_epoch_info[\"score\"]:")) for v in range(3, 7)] +
                [(v, ("after", "if loss_value(epoch_loss) < cast(")) for v in (7, 8)]),
        },
        "should_continue": {
            "text": 'flor.log("should_continue", should_continue)',
            "intent": "final early-stopping decision of each epoch, right before the stop check",
            "newest": ("before", "if not should_continue:", _EPOCH),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.4.x has no early stopping: lr_scheduler.step(...) returns nothing that is kept and "
                      "nothing binds `should_continue`", {"scope": "__call__"})) for v in (0, 1)] +
                [(2, ("before", "if not should_continue:", _w(_EPOCH, note=(
                    "0.5.0: the decision is `should_continue = lr_scheduler.step(...)` and the stop check "
                    "follows it directly, before the best-epoch update (the order changed in 0.8)"))))] +
                [(v, ("before", "if not should_continue:", _w(_EPOCH, note=(
                    "0.6.x/0.7.0: after the `if isinstance(self.avg_strategy, IterationAveragingStrategy):` "
                    "override (which may set should_continue = True), i.e. the final decision, right before "
                    "`if not should_continue:`"))))
                 for v in (3, 4, 5)] +
                [(v, ("before", "if not should_continue:", _EPOCH)) for v in (6, 7, 8)]),
        },
        "params_path": {
            "text": 'flor.log("params_path", epoch_info["params_path"])',
            "intent": "path of the parameters saved at the end of each epoch",
            "newest": ("after", "save_epoch_info(bp, epoch_info)", _EPOCH),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.6 parameters are saved only when the epoch improves, into "
                      "best_epoch_info.params_path; there is no per-epoch epoch_info (a different value "
                      "under a different condition, not a rename)", {"scope": "__call__"})) for v in range(3)] +
                [(v, ("after", "save_epoch_info(bp, epoch_info)", _EPOCH)) for v in range(3, 9)]),
        },
    },
}
