# sockeye sockeye/training.py (EarlyStoppingTrainer.fit / _create_checkpoint / _step), PyPI 1.5.1 .. 3.1.34 (v00 .. v09).
# Round 18, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sockeye_training" / "versions.json").read_text())
_NA = lambda why, *o: ("na", "missing_dependency", why) + tuple(o)
_TS = {"self.state": "train_state"}
_CKPT_BLOCK = "self.state.batches % ("
CASE = {
    "name": "sockeye_training",
    "title": "sockeye trainer: TrainingModel._fit (MXNet module, 1.x) -> EarlyStoppingTrainer.fit/_step "
             "(1.18) -> GluonEarlyStoppingTrainer with _create_checkpoint (2.x) -> PyTorch EarlyStoppingTrainer (3.1)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", self.state.epoch)',
            "intent": "epoch counter right after it is advanced, when the training iterator is exhausted",
            "newest": ("after", "self.state.epoch += 1"),
            "versions": dict(
                [(v, ("after", "train_state.epoch += 1", {"renames": _TS, "note":
                      "1.x keeps the counters in a local `train_state` (_TrainingState) inside TrainingModel._fit; "
                      "the epoch check sits at the top of the loop there"})) for v in (0, 1)] +
                [(v, ("after", "self.state.epoch += 1")) for v in range(2, 9)]),
        },
        "updates": {
            "text": 'flor.log("updates", self.state.updates)',
            "intent": "update counter once this batch has (or has not) advanced it; logged on every batch",
            "newest": ("after", "self.state.updates += 1 if is_update_batch else 0"),
            "versions": dict(
                [(v, ("after", "train_state.updates += 1", {"renames": _TS})) for v in (0, 1)] +
                [(2, ("after", "self.state.updates += 1", {
                    "note": "1.18.1 advances the counter in fit(), unconditionally, after _step()"}))] +
                [(3, ("after", "if self.update_interval == 1 or self.state.batches % self.update_interval == 0:", {
                    "note": "the increment is inside the update-batch branch of _step; the probe runs on every batch "
                            "in the newest version, so it goes after the whole branch (before the monitor block)"}))] +
                [(v, ("after", "if self.config.update_interval == 1 or", {
                    "note": "increment inside the update-batch branch; probe after the whole branch"}))
                 for v in (4, 5, 6)] +
                [(v, ("after", "if is_update_batch:", {
                    "note": "increment is the first statement of the update-batch branch (after forward/backward); "
                            "the newest version's unconditional `+= 1 if is_update_batch else 0` maps to after the "
                            "whole branch, not inside it"}))
                 for v in (7, 8)]),
        },
        "batch_samples": {
            "text": 'flor.log("batch_samples", batch.samples)',
            "intent": "number of sentences in the current batch, right after it is added to the sample counter",
            "newest": ("after", "self.state.samples += batch.samples"),
            "versions": dict(
                [(0, ("after", "train_state.samples += train_iter.batch_size", {
                    "renames": {"batch.samples": "train_iter.batch_size"},
                    "note": "1.5.1 counts a fixed train_iter.batch_size per batch; it is the operand of the "
                            "counterpart statement, so it is treated as the renamed value (unsure)"}))] +
                [(1, ("after", "train_state.samples += batch_num_samples", {
                    "renames": {"batch.samples": "batch_num_samples"}}))] +
                [(v, ("after", "self.state.samples += batch_num_samples", {
                    "renames": {"batch.samples": "batch_num_samples"},
                    "note": "MXNet DataBatch has no .samples; fit() computes batch_num_samples = batch.data[0].shape[0] "
                            "and adds it to the counter"})) for v in (2, 3)] +
                [(v, ("after", "self.state.samples += batch.samples")) for v in range(4, 9)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss_func.metric.get())',
            "intent": "running training metric of each loss function after it is updated with the batch's loss",
            "newest": ("after", "loss_func.metric.update("),
            "versions": dict(
                [(v, _NA("MXNet module era: the training metric is updated inside module.update_metric / "
                         "model.run_forward_backward; there are no loss functions with their own metric"))
                 for v in (0, 1, 2, 3)] +
                [(v, ("after", "loss_func.metric.update(")) for v in range(4, 9)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate set for the current update step, before the optimizer step",
            "newest": ("after", "if self.lr_scheduler is not None:", {"within": "is_update_batch"}),
            "versions": dict(
                [(v, _NA("MXNet: no torch optimizer with param_groups; the learning rate is applied inside "
                         "module.update() / model.update() (self.optimizer is not an attribute of the trainer)"))
                 for v in (0, 1, 2, 3)] +
                [(v, _NA("Gluon: the learning rate is applied inside self.trainer.step(); no torch optimizer "
                         "(self.trainer.learning_rate would be a substitute, not a rename)"))
                 for v in (4, 5, 6)] +
                [(v, ("after", "for param_group in self.optimizer.param_groups:", {
                    "note": "3.1.0-3.1.14 set the lr by writing param_group['lr'] from optimizer_config.lr_scheduler; "
                            "that loop plays the role of `self.lr_scheduler.step()`"})) for v in (7, 8)]),
        },
        "time_cost": {
            "text": 'flor.log("time_cost", time_cost)',
            "intent": "seconds spent since the last periodic checkpoint, when the periodic checkpoint is due",
            "newest": ("after", "time_cost = time.time() - tic", {"within": _CKPT_BLOCK}),
            "versions": dict(
                [(v, _NA("1.x computes `toc = time.time()` and logs toc - tic; no time_cost variable"))
                 for v in (0, 1)] +
                [(v, ("after", "time_cost = time.time() - tic")) for v in (2, 3, 4)] +
                [(v, ("after", "time_cost = time.time() - tic", {
                    "within": _CKPT_BLOCK,
                    "note": "four identical `time_cost = ...` lines; only the one in the periodic checkpoint block"}))
                 for v in (5, 6, 7, 8)]),
        },
        "checkpoint": {
            "text": 'flor.log("checkpoint", self.state.checkpoint)',
            "intent": "checkpoint number as soon as a new checkpoint is started",
            "newest": ("after", "self.state.checkpoint += 1"),
            "versions": dict(
                [(v, ("after", "train_state.checkpoint += 1", {"renames": _TS})) for v in (0, 1)] +
                [(v, ("after", "self.state.checkpoint += 1", {
                    "note": "before 2.2 the checkpoint is created inline in fit()'s periodic block, not in "
                            "_create_checkpoint"})) for v in (2, 3, 4)] +
                [(v, ("after", "self.state.checkpoint += 1")) for v in (5, 6, 7, 8)]),
        },
        "has_improved": {
            "text": 'flor.log("has_improved", has_improved)',
            "intent": "whether the early-stopping metric improved at this checkpoint",
            "newest": ("after", "has_improved = self._determine_improvement(val_metrics)"),
            "versions": dict(
                [(v, ("after", "has_improved, best_checkpoint = self._evaluate(train_state, val_iter, metric_val)", {
                    "note": "1.x: _evaluate returns (has_improved, best_checkpoint) from the training monitor"}))
                 for v in (0, 1)] +
                [(v, ("after", "for checkpoint, metric_dict in enumerate(self.state.metrics", {
                    "alt": [("after", "if has_improved:", {"within": "def fit("})],
                    "note": "1.18 computes has_improved inline (`has_improved = False` + a loop over the metrics); "
                            "the value is final after the loop. The following if/else does part of what "
                            "_determine_improvement does now (num_not_improved, log) and part of the later "
                            "best-params update, so after it is accepted too"})) for v in (2, 3)] +
                [(v, ("after", "has_improved = self._determine_improvement(val_metrics)")) for v in range(4, 9)]),
        },
        "best_checkpoint": {
            "text": 'flor.log("best_checkpoint", self.state.best_checkpoint)',
            "intent": "best checkpoint at the end of training",
            "newest": ("after", 'logger.info("Training finished'),
            "versions": dict(
                [(v, _NA("1.x: the best checkpoint lives in self.training_monitor (get_best_checkpoint()); "
                         "there is no self.state")) for v in (0, 1)] +
                [(2, ("after", 'logger.info("Training finished', {
                    "note": "1.18 calls self._cleanup() before the final log; the probe follows the log"}))] +
                [(v, ("after", 'logger.info("Training finished')) for v in range(3, 9)]),
        },
    },
}
