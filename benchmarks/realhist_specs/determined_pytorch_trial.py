# determined determined/pytorch/_pytorch_trial.py (PyTorchTrialController._train_for_step / _train_with_boundaries / _train_batch / _compute_validation_metrics / _validate / _checkpoint), PyPI 0.12.0 .. 0.38.1 (v00 .. v08).
# Round 29, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "determined_pytorch_trial" / "versions.json").read_text())
# v00 0.12.0: workload loop in run(); _train_for_step does forward/backward/optimizer/lr_helper itself.
# v01 0.13.0, v02 0.15.0: train_batch steps the optimizers itself; lr schedulers stepped per batch;
#   v02 adds epoch-start callbacks (is_epoch_start), has_param(evaluate_batch, batch_idx), reducers.
# v03 0.17.0: profiler timing blocks, samples_per_second, _run() with storage manager checkpoint.
# v04 0.18.0: steps_completed counter, epoch_idx variable, validation timing; v05 0.20.0: training metrics
#   broadcast in _run, checkpoint uuid broadcast.
# v06 0.22.0, v07 0.31.0: batch loop split into _train_with_boundaries / _train_batch / _step_batch,
#   _train_for_op, _validate, _checkpoint, _TrialState; v08 0.38.1: _train instead of _train_for_op.
_NA = lambda why, **kw: ("na", "missing_dependency", why, kw) if kw else ("na", "missing_dependency", why)
_TS = {"within": "def _train_for_step("}
_CVM = {"within": "def _compute_validation_metrics("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "determined_pytorch_trial",
    "title": "determined PyTorchTrialController training/validation/checkpoint loop across 0.12.0 .. 0.38.1 "
             "(workload-driven _train_for_step -> _train_with_boundaries/_train_batch/_step_batch, "
             "_compute_validation_metrics -> _validate, checkpoint workload -> _checkpoint)",
    "stories": _V,
    "probes": {
        "epoch_idx": {
            "text": 'flor.log("epoch_idx", epoch_idx)',
            "intent": "index of the epoch that starts, on the first batch of each epoch (inside the epoch-start "
                      "branch, before the epoch-start callbacks)",
            "newest": ("first_in", "if batch_in_epoch_idx == 0:"),
            "versions": dict(
                [(v, _NA("no epoch-start branch and no `epoch_idx` variable: the epoch index is only passed "
                         "inline as `self.get_epoch_idx(batch_idx)` to train_batch (an expression, not a rename)",
                         probe_site=("before", "tr_metrics = self.trial.train_batch(", _TS)))
                 for v in (0, 1)] +
                [(v, _NA("`if self.context.is_epoch_start():` exists, but the epoch index is not bound to a "
                         "variable before 0.18 (only `self.get_epoch_idx(batch_idx)` inline)",
                         probe_site=("first_in", "if self.context.is_epoch_start():")))
                 for v in (2, 3)] +
                [(v, ("first_in", "if self.context.is_epoch_start():", {
                    "note": "0.18/0.20 compute `epoch_idx = self.get_epoch_idx(batch_idx)` just before and test "
                            "epoch start with context.is_epoch_start(): first in that branch"})) for v in (4, 5)] +
                [(v, ("first_in", "if batch_in_epoch_idx == 0:")) for v in (6, 7)]),
        },
        "batch_metrics": {
            "text": 'flor.log("batch_metrics", batch_metrics)',
            "intent": "per-batch training metrics (converted to numpy) right after the batch is trained, before "
                      "they are appended to the step's list",
            "newest": ("after", "batch_metrics = self._train_batch("),
            "versions": dict(
                [(0, ("before", "metrics.append(tr_metrics)", _w(_TS, **{
                    "renames": {"batch_metrics": "tr_metrics"},
                    "note": "before 0.22 the batch is trained inline in _train_for_step and its metrics dict is "
                            "`tr_metrics`; the image of `batch_metrics = self._train_batch(...)` is the end of that "
                            "inline block, i.e. right before the append to the step's list"})))] +
                [(v, ("before", "per_batch_metrics.append(tr_metrics)", {
                    "renames": {"batch_metrics": "tr_metrics"},
                    "note": "inline batch training in _train_for_step: right before the append (after the "
                            "numpy conversion and, from 0.17, the samples_per_second computation, which are the "
                            "tail of _train_batch in the newest version)"}))
                 for v in range(1, 6)] +
                [(v, ("after", "batch_metrics = self._train_batch(")) for v in (6, 7)]),
        },
        "batches_trained": {
            "text": 'flor.log("batches_trained", self.state.batches_trained)',
            "intent": "number of batches trained so far, right after the counter is advanced",
            "newest": ("after", "self.state.batches_trained += 1"),
            "versions": dict(
                [(v, _NA("no batch counter before 0.18 (the loop index batch_idx + 1 would be a substitute, "
                         "not a rename)")) for v in range(0, 4)] +
                [(v, ("after", "self.steps_completed += 1", {
                    "renames": {"self.state.batches_trained": "self.steps_completed"},
                    "note": "0.18/0.20 count batches in self.steps_completed and advance it at the top of the "
                            "batch loop (before the batch is trained) instead of in _step_batch after it: the "
                            "probe follows the counter increment"})) for v in (4, 5)] +
                [(v, ("after", "self.state.batches_trained += 1")) for v in (6, 7)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.context.optimizers[0].param_groups[0]["lr"])',
            "intent": "learning rate of the first optimizer after the per-batch LR scheduler step, before the "
                      "metrics are moved to numpy",
            "newest": ("after", "for lr_scheduler in self.context.lr_schedulers:"),
            "versions": dict(
                [(0, ("after", "if communicate_and_update:", _w(_TS, **{
                    "renames": {"self.context.optimizers[0]": "self.optimizer"},
                    "note": "0.12 has one optimizer `self.optimizer` and steps `self.lr_helper` inside "
                            "`if communicate_and_update:` (with the optimizer step); the newest version loops over "
                            "the schedulers unconditionally, so the probe goes after the whole if, before the "
                            "numpy conversion loop"})))] +
                [(v, ("after", "for lr_scheduler in self.context.lr_schedulers:")) for v in (1, 2)] +
                [(v, ("after", "for lr_scheduler in self.context.lr_schedulers:", {
                    "alt": [("after", 'with self.prof.record_timing("step_lr_schedulers"):')],
                    "note": "0.17-0.22 wrap the scheduler loop in `with self.prof.record_timing(...)`: after the "
                            "loop inside the with, or after the with (both between the scheduler step and the "
                            "numpy conversion)"})) for v in range(3, 7)] +
                [(7, ("after", "for lr_scheduler in self.context.lr_schedulers:"))]),
        },
        "samples_per_second": {
            "text": 'flor.log("samples_per_second", samples_per_second)',
            "intent": "training throughput of the batch, once computed (scaled by the number of workers)",
            "newest": ("after", "samples_per_second *= self.context.distributed.size"),
            "versions": dict(
                [(v, _NA("no throughput computation before 0.17")) for v in (0, 1, 2)] +
                [(3, ("after", "samples_per_second = batch_inputs / batch_dur", {
                    "note": "0.17 does not scale by the number of workers yet: after the computation, before "
                            "it is recorded by the profiler"}))] +
                [(v, ("after", "samples_per_second *= self.context.distributed.size")) for v in range(4, 8)]),
        },
        "train_avg_metrics": {
            "text": 'flor.log("train_avg_metrics", metrics["avg_metrics"])',
            "intent": "averaged training metrics of a training period, once aggregated and broadcast to all "
                      "workers (before the workload-end callbacks)",
            "newest": ("after", "metrics = self.context.distributed.broadcast(metrics)", {"within": "def _train("}),
            "versions": dict(
                [(v, _NA("before 0.20 the aggregated training metrics are only returned by _train_for_step and "
                         "passed straight into the response (inline); no variable in the workload loop holds "
                         "them and they are not broadcast (response[\"metrics\"] would be a substitute)",
                         probe_site=("first_in", "if w.kind == workload.Workload.Kind.RUN_STEP:")))
                 for v in range(0, 5)] +
                [(5, ("after", "metrics = self.context.distributed.broadcast(metrics)", {
                    "within": "def _run(",
                    "note": "0.20 broadcasts the training metrics in the RUN_STEP branch of the workload loop "
                            "in _run"}))] +
                [(v, ("after", "metrics = self.context.distributed.broadcast(metrics)",
                      {"within": "def _train_for_op("})) for v in (6, 7)]),
        },
        "vld_metrics": {
            "text": 'flor.log("vld_metrics", vld_metrics)',
            "intent": "metrics of each validation batch right after evaluate_batch returns",
            "newest": ("after", 'if util.has_param(self.trial.evaluate_batch, "batch_idx", 2):'),
            "versions": dict(
                [(v, ("after", "vld_metrics = self.trial.evaluate_batch(", {
                    "note": "before 0.15 evaluate_batch is called once, without the has_param if/else"}))
                 for v in (0, 1)] +
                [(v, ("after", 'if has_param(self.trial.evaluate_batch, "batch_idx", 2):', {
                    "note": "after the whole if/else of the two evaluate_batch calls"})) for v in range(2, 6)] +
                [(v, ("after", 'if util.has_param(self.trial.evaluate_batch, "batch_idx", 2):',
                      {"note": "after the whole if/else of the two evaluate_batch calls"})) for v in (6, 7)]),
        },
        "val_metrics": {
            "text": 'flor.log("val_metrics", metrics)',
            "intent": "validation metrics once reduced (evaluate_batch or evaluate_full_dataset) and merged with "
                      "the custom reducers, before the validation-end callbacks",
            "newest": ("after", "metrics.update(", {"within": "def _validate("}),
            "versions": dict(
                [(v, ("after", "if self._evaluate_batch_defined():", _w(_CVM, **{
                    "note": "no custom reducers before 0.15: after the whole evaluate_batch / "
                            "evaluate_full_dataset if/else"}))) for v in (0, 1)] +
                [(v, ("after", "metrics.update(", _CVM)) for v in range(2, 6)] +
                [(v, ("after", "metrics.update(", {"within": "def _validate("})) for v in (6, 7)]),
        },
        "val_duration": {
            "text": 'flor.log("val_duration", step_duration)',
            "intent": "wall time of the validation, measured on the chief when evaluate_batch is used",
            "newest": ("after", "step_duration = time.time() - step_start_time", {"within": "def _validate("}),
            "versions": dict(
                [(v, _NA("validation is not timed before 0.18 (no step_start_time / step_duration)"))
                 for v in range(0, 4)] +
                [(v, ("after", "step_duration = time.time() - step_start_time", _w(_CVM, **{
                    "note": "0.18/0.20 return early on non-chief workers and then time the validation under "
                            "`if self._evaluate_batch_defined():` (same conditions as the newest "
                            "`if self.is_chief:` / `if self._evaluate_batch_defined():`)"}))) for v in (4, 5)] +
                [(v, ("after", "step_duration = time.time() - step_start_time", {"within": "def _validate("}))
                 for v in (6, 7)]),
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", str(path))',
            "intent": "local directory a checkpoint was just written to (on the chief)",
            "newest": ("after", "self._save(path)"),
            "versions": dict(
                [(v, ("after", "response_func(self._save(path))", {
                    "note": "before 0.17 the CHECKPOINT_MODEL workload passes the path and run() calls "
                            "`response_func(self._save(path))` on every worker (no chief condition): after it"}))
                 for v in (0, 1, 2)] +
                [(3, ("after", "self._save(pathlib.Path(path))", {
                    "note": "0.17 saves in the CHECKPOINT_MODEL branch of _run under `if self.is_chief:`, inside "
                            "the storage manager's store_path (path is a str there; str(path) is the same)"}))] +
                [(v, ("after", "self._save(path)", {
                    "note": "CHECKPOINT_MODEL branch of the workload loop in _run, under `if self.is_chief:`, "
                            "inside store_path"})) for v in (4, 5)] +
                [(v, ("after", "self._save(path)")) for v in (6, 7)]),
        },
    },
}
