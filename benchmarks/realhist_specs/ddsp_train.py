# ddsp ddsp/training/train_util.py (train), PyPI 0.0.6 .. 3.7.0 (v00 .. v09).
# Round 28, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ddsp_train" / "versions.json").read_text())
OLDER = range(9)
_LOOP = range(1, 9)          # v01-v08: hand-written step loop (v00 0.0.6 only calls estimator.train)
_TRAIN = {"within": "def train("}
_V00_LOOP = ("na", "no_anchor",
             "0.0.6 train() builds a tf.estimator and calls estimator.train(input_fn, max_steps); "
             "the step loop runs inside TensorFlow, the file has no statement corresponding to it",
             {"scope": "train"})
CASE = {
    "name": "ddsp_train",
    "title": "ddsp train_util.train across 0.0.6 .. 3.7.0 (Estimator -> custom loop, model_dir -> "
             "save_dir/restore_dir, metrics created before the loop -> on the first iteration, "
             "`for iteration in range` -> `while trainer.step < num_steps` + first_step flag, "
             "save_dir guards, early stopping, try/except restore, final checkpoint moved out of the loop)",
    "stories": _V,
    "probes": {
        "total_loss": {
            "text": 'flor.log("total_loss", float(losses["total_loss"]))',
            "intent": "total loss of every training step, right after the step",
            "newest": ("after", "losses = trainer.train_step(dataset_iter)"),
            "versions": dict([(0, _V00_LOOP)] +
                             [(v, ("after", "losses = trainer.train_step(dataset_iter)")) for v in _LOOP]),
        },
        "step": {
            "text": 'flor.log("step", int(step.numpy()))',
            "intent": "global step at the start of every iteration",
            "newest": ("after", "step = trainer.step"),
            "versions": dict([(0, _V00_LOOP)] +
                             [(v, ("after", "step = trainer.step")) for v in _LOOP]),
        },
        "loss_names": {
            "text": 'flor.log("loss_names", loss_names)',
            "intent": "names of the losses for which metrics are created, when the metrics are created",
            "newest": ("after", "avg_losses = {name:"),
            "versions": dict(
                [(0, ("na", "missing_dependency", "no metrics and no loss_names in the Estimator version",
                      {"scope": "train"}))] +
                [(v, ("na", "missing_dependency",
                      "0.0.7/0.0.10 create the metrics before the loop from trainer.model.loss_names; no "
                      "variable loss_names exists (list(trainer.model.loss_names) would be a substitute "
                      "expression, not a rename)", {"scope": "train"})) for v in (1, 2)] +
                [(v, ("after", "avg_losses = {name:", {
                    "note": "inside `if iteration == 0:` (the older form of `if first_step:`), as its last "
                            "statement; there is no `first_step = False` after it"})) for v in range(3, 9)]),
        },
        "summary_dir": {
            "text": 'flor.log("summary_dir", summary_dir)',
            "intent": "where the training summaries are written",
            "newest": ("after", "summary_dir = os.path.join("),
            "versions": dict(
                [(0, ("na", "missing_dependency", "the Estimator version has no summary_dir",
                      {"scope": "train"}))] +
                [(v, ("after", "summary_dir = os.path.join(", {
                    "note": "unconditional: before 0.13 there is no `if save_dir:` guard around the writer setup"}
                      if v < 6 else {"note": "inside `if save_dir is not None:`, the older form of `if save_dir:`"}
                      if v == 6 else {})) for v in _LOOP]),
        },
        "start_step": {
            "text": 'flor.log("start_step", int(trainer.step.numpy()))',
            "intent": "step training starts from, right after the (attempted) checkpoint restore",
            "newest": ("after", "try:", _TRAIN),
            "versions": dict(
                [(0, ("na", "missing_dependency", "0.0.6 has no trainer object (Estimator restores internally)",
                      {"scope": "train"}))] +
                [(v, ("after", "trainer.restore(", {
                    "note": "restore is not wrapped in try/except before 1.3: after the bare call"}))
                 for v in (1, 2, 3, 5, 6, 7)] +
                [(4, ("after", "trainer.restore(", {
                    "alt": [("after", "trainer.build(next(dataset_iter))")],
                    "note": "0.4.0 restores BEFORE building the model; primary: right after restore (its "
                            "previous sibling); also accepted: after build, which keeps it before the summary "
                            "setup and after both restore and build as in the newest version"}))] +
                [(8, ("after", "try:", _TRAIN))]),
        },
        "steps_per_sec": {
            "text": 'flor.log("steps_per_sec", steps_per_sec)',
            "intent": "training speed, each time summaries are written",
            "newest": ("after", "steps_per_sec = steps_per_summary / (time.time() - tick)"),
            "versions": dict(
                [(0, _V00_LOOP)] +
                [(1, ("na", "missing_dependency", "0.0.7 does not measure speed (no tick, no steps_per_sec)",
                      {"scope": "train"}))] +
                [(v, ("after", "steps_per_sec = steps_per_summary / (time.time() - tick)", {
                    "note": "under `if step % steps_per_summary == 0:` (no save_dir guard yet): equivalent condition"}
                      if v < 6 else {})) for v in range(2, 9)]),
        },
        "avg_loss": {
            "text": 'flor.log("avg_loss", float(metric.result()))',
            "intent": "each averaged loss metric when it is written to the summary, before it is reset",
            "newest": ("before", "metric.reset_states()"),
            "versions": dict([(0, _V00_LOOP)] +
                             [(v, ("before", "metric.reset_states()")) for v in _LOOP]),
        },
        "stop_loss": {
            "text": 'flor.log("stop_loss", float(losses["total_loss"]))',
            "intent": "total loss at which early stopping fires",
            "newest": ("after", "logging.info('Total loss reached early stopping value of %s',"),
            "versions": dict(
                [(0, _V00_LOOP)] +
                [(v, ("na", "no_anchor",
                      "no early stopping before 0.13: the branch does not exist and logging the loss "
                      "unconditionally would drop the probe's condition", {"scope": "train"}))
                 for v in range(1, 6)] +
                [(v, ("after", "logging.info('Total loss reached early stopping value of %s',", {
                    "note": "before 3.4 the branch also writes a final checkpoint between the log line and "
                            "`break`; the probe stays right after the log line"})) for v in (6, 7, 8)]),
        },
        "ckpt_dir": {
            "text": 'flor.log("ckpt_dir", save_dir)',
            "intent": "directory of every periodic checkpoint, right after it is saved",
            "newest": ("after", "trainer.save(save_dir)", {"within": "steps_per_save"}),
            "versions": dict(
                [(0, _V00_LOOP)] +
                [(v, ("after", "trainer.save(model_dir)", {
                    "within": "steps_per_save", "renames": {"save_dir": "model_dir"},
                    "note": "before 0.4 one model_dir serves for saving and restoring; 0.4 splits it into "
                            "save_dir/restore_dir and save_dir takes model_dir's saving role: rename"}))
                 for v in (1, 2, 3)] +
                [(v, ("after", "trainer.save(save_dir)", {"within": "steps_per_save"})) for v in range(4, 9)]),
        },
        "final_step": {
            "text": 'flor.log("final_step", int(trainer.step.numpy()))',
            "intent": "step reached when training ends, after the final checkpoint",
            "newest": ("after", "if save_dir:", {"n": 2, "of": 2}),
            "versions": dict(
                [(0, ("na", "missing_dependency", "0.0.6 has no trainer object", {"scope": "train"}))] +
                [(v, ("before", "logging.info('Training Finished!')", {
                    "note": "no final checkpoint after the loop before 3.4: after the whole "
                            "`with summary_writer.as_default():` block, before the final log line"}))
                 for v in _LOOP]),
        },
    },
}
