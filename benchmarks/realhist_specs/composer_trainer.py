# mosaicml composer/trainer/trainer.py (Trainer._train_loop / _train_microbatch), PyPI 0.3.1 .. 0.32.1 (v00 .. v10).
# Round 19, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "composer_trainer" / "versions.json").read_text())
# Versions: v00 0.3.1 (`for _ in range(state.epoch, state.max_epochs)` with the shorthand `state = self.state`,
# counters state.epoch / state.step, loss as a summed tensor `total_loss`, schedulers.step(interval=...),
# microbatch work in _train_batch_inner), v01 0.5.0 (while loop on self.state.timer, timer.on_batch_complete /
# on_epoch_complete, self.state.batch_num_samples), v02 0.7.1 (self.state.timestamp, to_next_batch /
# to_next_epoch, wall-clock timing `batch_time`, finished_epoch_early, _train_batch -> _train_microbatches ->
# _train_microbatch), v03 0.9.0 (local rank_num_samples/rank_num_tokens, no try/except BreakEpochException),
# v04 0.11.1 (total_loss_dict, metrics in state, to_next_batch after the metrics), v05 0.13.5 (to_next_epoch
# after the epoch scheduler step), v06 0.16.4 (time/ logging, previous_timestamp), v07 0.19.1 (try removed
# again), v08 0.23.5 (iterations), v09 0.27.0 (batch_transforms, no-batch warning), v10 0.32.1 (no deepspeed).
_LOOP = {"within": "def _train_loop("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


_TIMER = {"self.state.timestamp": "self.state.timer"}

CASE = {
    "name": "composer_trainer",
    "title": "MosaicML Composer Trainer._train_loop across 0.3.1 .. 0.32.1 (epoch for-loop with state.epoch/"
             "state.step -> while loop on state.timer (0.5) -> state.timestamp with wall-clock timing and "
             "finished_epoch_early (0.7) -> total_loss_dict (0.11) -> time/ logging, iterations, no deepspeed)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", self.state.timestamp.epoch.value)',
            "intent": "epoch counter at the start of each epoch, right after EPOCH_START is fired (only when the "
                      "epoch starts from its first batch)",
            "newest": ("after", "self.engine.run_event(Event.EPOCH_START)"),
            "versions": dict(
                [(0, ("after", "self.engine.run_event(Event.EPOCH_START)", {
                    "renames": {"self.state.timestamp.epoch.value": "self.state.epoch"},
                    "note": "0.3.1 counts epochs in the int `self.state.epoch` (logged right there as "
                            "metric_epoch({'epoch': self.state.epoch})); inside `if self.state.batch_idx == 0:`, "
                            "the old form of `if batch_in_epoch == 0:`"}))] +
                [(1, ("after", "self.engine.run_event(Event.EPOCH_START)", {
                    "renames": _TIMER,
                    "note": "0.5.0 calls the timestamp `self.state.timer` (same Time objects with .value)"}))] +
                [(v, ("after", "self.engine.run_event(Event.EPOCH_START)")) for v in range(2, 10)]),
        },
        "rank_num_samples": {
            "text": 'flor.log("rank_num_samples", rank_num_samples)',
            "intent": "number of samples in this rank's batch, right after the sample/token counts are computed",
            "newest": ("after", "rank_num_tokens = self._train_data_spec.get_num_tokens_in_batch(", _LOOP),
            "versions": dict(
                [(0, ("after", "state.last_batch_size = self._get_batch_size(state.batch)", {
                    "renames": {"rank_num_samples": "self.state.last_batch_size"},
                    "alt_texts": ['flor.log("rank_num_samples", state.last_batch_size)'],
                    "note": "0.3.1 stores the rank's batch size as `state.last_batch_size = "
                            "self._get_batch_size(state.batch)` at the same point (the precursor of "
                            "get_num_samples_in_batch); no token count. `state` is the local shorthand for "
                            "self.state, so both spellings are accepted"}))] +
                [(1, ("after", "self.state.batch_num_tokens = self._train_data_spec.get_num_tokens_in_batch(",
                      _w(_LOOP, renames={"rank_num_samples": "self.state.batch_num_samples"},
                         note="0.5.0 keeps the counts in self.state.batch_num_samples / batch_num_tokens "
                              "(also assigned per microbatch in _train_batch_inner: the _train_loop one)")))] +
                [(2, ("after", "rank_num_tokens = self.state.batch_num_tokens", _w(_LOOP, **{
                    "alt": [("after", "self.state.batch_num_tokens = self._train_data_spec.get_num_tokens_in_batch(",
                             _w(_LOOP, renames={"rank_num_samples": "self.state.batch_num_samples"}))],
                    "note": "0.7.1 computes self.state.batch_num_samples/_tokens right after the transforms and "
                            "copies them to rank_num_samples/_tokens only after the train-metrics block: after the "
                            "copy (image of the previous sibling, reading rank_num_samples) or right after the "
                            "computation reading self.state.batch_num_samples (same value, same relative position "
                            "to the transforms and the deepspeed fix as in 0.9+) are both right"})))] +
                [(v, ("after", "rank_num_tokens = self._train_data_spec.get_num_tokens_in_batch(", _LOOP))
                 for v in range(3, 10)]),
        },
        "loss_scale": {
            "text": 'flor.log("loss_scale", self.state.scaler.get_scale())',
            "intent": "grad scaler's scale right after it is updated (only when grad scaling is used)",
            "newest": ("after", "self.state.scaler.update()"),
            "versions": dict(
                [(0, ("after", "state.scaler.update()", {
                    "alt_texts": ['flor.log("loss_scale", state.scaler.get_scale())'],
                    "note": "0.3.1 writes `state.scaler.update()` with the local shorthand `state = self.state`; "
                            "self.state.scaler is the same object (both spellings accepted); inside "
                            "`if use_grad_scaling:`"}))] +
                [(v, ("after", "self.state.scaler.update()")) for v in range(1, 10)]),
        },
        "train_loss": {
            "text": "flor.log(\"train_loss\", total_loss_dict['loss/train/total'])",
            "intent": "rank-averaged total training loss of the batch, after it is all-reduced and logged "
                      "(inside `if total_loss_dict is not None:`)",
            "newest": ("after", "self.logger.log_metrics(total_loss_dict)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.11 there is no total_loss_dict: the loss is the summed tensor `total_loss` and "
                      "its rank-averaged value is only formed inside the logging call "
                      "(`full_loss / %s`); a rewritten expression would be a guessed substitute, not a rename"
                      % ("state.world_size" if v == 0 else "dist.get_world_size()"),
                      {"scope": "_train_loop"})) for v in range(0, 4)] +
                [(v, ("after", "self.logger.log_metrics(total_loss_dict)", {
                    "note": "in 0.11.1 the log call is the last statement of `if total_loss_dict is not None:`; "
                            "from 0.13 `self.state.total_loss_dict = total_loss_dict` precedes it"} if v == 4 else {}))
                 for v in range(4, 10)]),
        },
        "batch_time": {
            "text": 'flor.log("batch_time", batch_time.total_seconds())',
            "intent": "wall-clock time of the batch (reduced across ranks), right after last_wct is reset",
            "newest": ("after", "last_wct = now", _LOOP),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.3.1 / 0.5.0 measure no wall-clock time in the training loop (batch_time, last_wct and "
                      "_accumulate_time_across_ranks arrive in 0.7)", {"scope": "_train_loop"})) for v in (0, 1)] +
                [(v, ("after", "last_wct = now", _LOOP)) for v in range(2, 10)]),
        },
        "lr": {
            "text": "flor.log(\"lr\", self.state.optimizers[0].param_groups[0]['lr'])",
            "intent": "learning rate after the per-batch scheduler step (after the whole if; unconditional)",
            "newest": ("after", "if self._scheduler_step_frequency == TimeUnit.BATCH:"),
            "versions": dict(
                [(0, ("after", "state.schedulers.step(interval='batch')", {
                    "alt_texts": ["flor.log(\"lr\", state.optimizers[0].param_groups[0]['lr'])"],
                    "note": "0.3.1 steps the schedulers unconditionally with schedulers.step(interval='batch'), "
                            "after BATCH_END and before the batch evaluation; the probe follows it"}))] +
                [(1, ("after", "if self._step_schedulers_every_batch:", {
                    "note": "0.5.0: the batch scheduler step is `if self._step_schedulers_every_batch:` (after "
                            "timer.on_batch_complete); after the whole if"}))] +
                [(v, ("after", "if self._scheduler_step_frequency == TimeUnit.BATCH:", {
                    "note": "0.7.1 / 0.9.0 step the schedulers after to_next_batch, 0.11+ before it; the probe "
                            "follows the scheduler if in both orders"} if v in (2, 3) else {}))
                 for v in range(2, 10)]),
        },
        "batch": {
            "text": 'flor.log("batch", self.state.timestamp.batch.value)',
            "intent": "global batch counter right after it is advanced",
            "newest": ("after", "self.state.timestamp = self.state.timestamp.to_next_batch("),
            "versions": dict(
                [(0, ("after", "state.step += 1", {
                    "renames": {"self.state.timestamp.batch.value": "self.state.step"},
                    "alt_texts": ['flor.log("batch", state.step)'],
                    "note": "0.3.1 counts batches in `state.step` and advances it after BATCH_END, the scheduler "
                            "step and the batch evaluation; the probe follows the advance (before the checkpoint "
                            "if). Both `state.step` (local shorthand) and `self.state.step` are accepted"}))] +
                [(1, ("after", "self.state.timer.on_batch_complete(", {
                    "renames": _TIMER,
                    "note": "0.5.0 advances `self.state.timer` with on_batch_complete(samples=..., tokens=...)"}))] +
                [(v, ("after", "self.state.timestamp = self.state.timestamp.to_next_batch(")) for v in range(2, 10)]),
        },
        "stop_batch": {
            "text": 'flor.log("stop_batch", self.state.timestamp.batch.value)',
            "intent": "batch at which max_duration is reached mid-epoch, inside that if, just before the break",
            "newest": ("after", "finished_epoch_early = True"),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.3.1 runs whole epochs (`for _ in range(state.epoch, state.max_epochs)`): there is no "
                      "max_duration check and no early break in the batch loop", {"scope": "_train_loop"}))] +
                [(1, ("before", "break", {
                    "within": "if self.state.timer >= self.state.max_duration:",
                    "renames": _TIMER,
                    "note": "0.5.0 has the check `if self.state.timer >= self.state.max_duration:` with only "
                            "`break` (no finished_epoch_early flag): inside it, before the break"}))] +
                [(v, ("after", "finished_epoch_early = True")) for v in range(2, 10)]),
        },
        "epoch_end": {
            "text": 'flor.log("epoch_end", self.state.timestamp.epoch.value)',
            "intent": "epoch counter right after it is advanced at the end of an exhausted epoch (inside "
                      "`if not finished_epoch_early or ...`)",
            "newest": ("after", "self.state.timestamp = self.state.timestamp.to_next_epoch()"),
            "versions": dict(
                [(0, ("after", "state.epoch += 1", {
                    "renames": {"self.state.timestamp.epoch.value": "self.state.epoch"},
                    "alt_texts": ['flor.log("epoch_end", state.epoch)'],
                    "note": "0.3.1 advances `state.epoch` after EPOCH_END and the epoch evaluation, "
                            "unconditionally (no early finish); both spellings accepted"}))] +
                [(1, ("after", "self.state.timer.on_epoch_complete()", {
                    "renames": _TIMER,
                    "note": "0.5.0 advances the timer unconditionally after the try/except (no "
                            "finished_epoch_early condition exists)"}))] +
                [(v, ("after", "self.state.timestamp = self.state.timestamp.to_next_epoch()", {
                    "note": "first statement of the `if not finished_epoch_early ...` block before 0.13; from "
                            "0.13 after the epoch scheduler step"} if v in (2, 3, 4) else {}))
                 for v in range(2, 10)]),
        },
        "loss": {
            "text": 'flor.log("loss", self.state.loss)',
            "intent": "raw loss of each microbatch right after the model's loss is computed (after its "
                      "precision-context with block)",
            "newest": ("after", "with get_precision_context(", {"within": "def _train_microbatch(", "n": 2, "of": 2}),
            "versions": dict(
                [(0, ("after", "with state.precision_context(state.precision):", {
                    "within": "def _train_batch_inner(", "n": 2, "of": 2,
                    "alt_texts": ['flor.log("loss", state.loss)'],
                    "note": "0.3.1 / 0.5.0 run the microbatch loop inside _train_batch_inner; the loss is then "
                            "scaled in place by the microbatch fraction, after the probe; `state` is the local "
                            "shorthand for self.state (both spellings accepted)"}))] +
                [(1, ("after", "with self.state.precision_context:", {
                    "within": "def _train_batch_inner(", "n": 2, "of": 2}))] +
                [(v, ("after", "with get_precision_context(", {"within": "def _train_microbatch(", "n": 2, "of": 2}))
                 for v in range(2, 5)] +
                [(v, ("after", "with _get_precision_context(", {"within": "def _train_microbatch(", "n": 2, "of": 2}))
                 for v in range(5, 10)]),
        },
    },
}
