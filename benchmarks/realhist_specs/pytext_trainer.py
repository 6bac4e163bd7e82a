# pytext-nlp pytext/trainers/trainer.py (Trainer.train / train_from_state + run_epoch / run_step / optimizer_step), PyPI 0.1.2 .. 0.3.3 (v00 .. v08).
# Round 28, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "pytext_trainer" / "versions.json").read_text())
OLDER = range(8)
_CB = range(2)          # v00-v01: train() with closures training_pre_batch_callback/training_backprop,
                        #          `for epoch in range(...)` loop, _run_epoch(stage, epoch, data_iter, model, ...)
_STATE = range(2, 9)    # v02-v08: TrainingState, while continue_training(state), run_epoch(state, ...)
_STEP = range(3, 9)     # v03-v08: run_epoch delegates to run_step(samples, ...), optimizer_step, TaskTrainer
_EPOCH_FOR = {"within": "for epoch in range(1, self.config.epochs + 1):"}
_WHILE = {"within": "while self.continue_training(state):"}
_RUNSTEP = {"within": "(batch_id, (inputs, targets, context))"}
CASE = {
    "name": "pytext_trainer",
    "title": "pytext Trainer across 0.1.2 .. 0.3.3 (closure-based train/_run_epoch -> TrainingState + "
             "continue_training loop, backprop split into backprop/optimizer_step, run_step with gradient "
             "accumulation, train -> train_from_state, update_best_model/save_checkpoint split, FP16 optimizer "
             "clip_grad_norm in try/except)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", state.epoch)',
            "intent": "the epoch number at the start of every training epoch, after the epoch counters advance",
            "newest": ("after", "state.epochs_since_last_improvement += 1"),
            "versions": dict(
                [(v, ("first_in", "for epoch in range(1, self.config.epochs + 1):", {
                    "renames": {"state.epoch": "epoch"},
                    "note": "0.1.x counts epochs with the loop variable `epoch` (no TrainingState); the counters "
                            "advance at the loop head, so the probe is the first statement of the epoch loop, "
                            "before the 'Starting epoch' print and the lrs computation (both after it in the newest)"}))
                 for v in _CB] +
                [(v, ("after", "state.epochs_since_last_improvement += 1")) for v in range(2, 8)]),
        },
        "n_params": {
            "text": 'flor.log("n_params", trainable_params)',
            "intent": "number of trainable parameters, once before the epoch loop",
            "newest": ("after", 'print(f"Num trainable parameters: {trainable_params}")'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "trainable parameters are first counted in 0.2.0; no `trainable_params` before",
                      {"scope": "train"})) for v in range(3)] +
                [(v, ("after", 'print(f"Num trainable parameters: {trainable_params}")',
                      {"note": "in train() (0.2.0) / train_from_state() (0.2.2+); 0.3.0+ prints the model in between"}
                      if v == 3 else {})) for v in range(3, 8)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of every mini-batch of Trainer (not TaskTrainer), right after backprop",
            "newest": ("after", "self.backprop(state, loss)", _RUNSTEP),
            "versions": dict(
                [(v, ("after", "backprop(loss)", {
                    "note": "0.1.x: the backprop callback (a closure of train) is called from _run_epoch's batch loop"}))
                 for v in _CB] +
                [(2, ("after", "self.backprop(state, loss)", {
                    "note": "0.1.5: in run_epoch's batch loop (no run_step yet)"}))] +
                [(3, ("after", "self.backprop(state, loss)", dict(_RUNSTEP, note=
                      "0.2.0: Trainer.run_step, directly in the sample loop (no ExitStack `with` yet); "
                      "TaskTrainer.run_step's backprop is another probe site, excluded by `within`")))] +
                [(v, ("after", "self.backprop(state, loss)", _RUNSTEP)) for v in range(4, 8)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm)',
            "intent": "gradient norm of every optimizer step, right after clipping",
            "newest": ("after", "try:"),
            "versions": dict(
                [(v, ("after", "if self.config.max_clip_norm is not None:", {
                    "note": "0.1.x: inside the training_backprop closure, after the whole clip if/else "
                            "(before optimizer.step()); the closure runs once per training batch"}))
                 for v in _CB] +
                [(2, ("after", "if self.config.max_clip_norm is not None:", {
                    "note": "0.1.5: backprop() also clips and steps; after the whole clip if/else"}))] +
                [(v, ("after", "if self.config.max_clip_norm is not None:", {
                    "note": "0.2.0/0.2.2: optimizer_step clips with an if/else after scheduler.step_batch(); "
                            "the newest clips first in try/except (except returns): after the whole if/else"}))
                 for v in (3, 4)] +
                [(v, ("after", "try:")) for v in range(5, 8)]),
        },
        "accum_samples": {
            "text": 'flor.log("accum_samples", sample_size)',
            "intent": "how many micro-batches Trainer.run_step accumulates before one optimizer step",
            "newest": ("after", "assert sample_size <= self.config.num_accumulated_batches", {"n": 1, "of": 2}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no gradient accumulation / run_step before 0.2.0: `sample_size` is not bound",
                      {"scope": "run_epoch"})) for v in range(3)] +
                [(v, ("after", "assert sample_size <= self.config.num_accumulated_batches", {"n": 1, "of": 2}))
                 for v in range(3, 8)]),
        },
        "eval_metric": {
            "text": 'flor.log("eval_metric", metric_reporter.get_model_select_metric(eval_metric))',
            "intent": "model-selection metric of every epoch's evaluation, right after the eval epoch block",
            "newest": ("after", 'with timing.time("eval epoch"):'),
            "versions": dict(
                [(0, ("after", "eval_metric = self._run_epoch(", {
                    "note": "0.1.2 runs eval without no_grad and without the timing block"}))] +
                [(1, ("after", "with torch.no_grad():", dict(_EPOCH_FOR, note=
                      "0.1.4: after the `with torch.no_grad():` that runs eval (the image of the eval-epoch block)")))] +
                [(v, ("after", 'with timing.time("eval epoch"):')) for v in range(2, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", state.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the per-epoch scheduler step",
            "newest": ("after", "state.scheduler.step_epoch("),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.2 trains with a list `optimizers`; there is no single optimizer (taking optimizers[0] "
                      "would be a substitute, not a rename)", {"scope": "train"}))] +
                [(1, ("after", "if scheduler:", dict(_EPOCH_FOR, renames={"state.optimizer": "optimizer"}, note=
                      "0.1.4: single `optimizer` parameter; the scheduler step is conditional (`if scheduler:`) "
                      "while the newest always steps: after the whole if")))] +
                [(v, ("after", "state.scheduler.step_epoch(")) for v in range(2, 8)]),
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", state.epoch)',
            "intent": "the epoch whenever a better model is found, after the best-model bookkeeping",
            "newest": ("after", "self.update_best_model(state, train_config, eval_metric)", _WHILE),
            "versions": dict(
                [(v, ("after", "best_metric = eval_metric", {
                    "renames": {"state.epoch": "epoch"},
                    "alt": [("last_in", "if metric_reporter.compare_metric(eval_metric, best_metric):",
                             {"renames": {"state.epoch": "epoch"}})],
                    "note": "0.1.x does the bookkeeping inline in `if compare_metric(...)`: last_best_epoch/"
                            "best_metric, then save_modules (the later save_checkpoint), then best_model_state (part "
                            "of update_best_model). After the metric bookkeeping, or at the end of the branch"}))
                 for v in _CB] +
                [(2, ("after", "state.best_model_metric = eval_metric", {
                    "alt": [("after", "self.save_checkpoint(state, train_config)")],
                    "note": "0.1.5 has no update_best_model: its counter/metric updates are inline and the "
                            "best_model_state copy is inside save_checkpoint, so after the inline updates or after "
                            "save_checkpoint (both inside the `if compare_metric` branch)"}))] +
                [(v, ("after", "self.update_best_model(state, train_config, eval_metric)", _WHILE))
                 for v in range(3, 8)]),
        },
        "progress_batch": {
            "text": 'flor.log("progress_batch", batch_id)',
            "intent": "batch id at each progress-log point of Trainer's batch loop (every num_samples_to_log_progress)",
            "newest": ("last_in", "if batch_id % self.config.num_samples_to_log_progress == 0:", _RUNSTEP),
            "versions": dict(
                [(v, ("after", "if report_metric:", {
                    "within": "enumerate(data_iter)",
                    "note": "0.1.x has no progress logging: unconditional, at the end of the batch loop body "
                            "(after the whole `if report_metric:`)"})) for v in _CB] +
                [(2, ("last_in", "if (", {
                    "within": "for batch_id, (inputs, targets, context) in enumerate(data):",
                    "note": "0.1.5 logs progress only on rank 0 (`state.rank == 0 and batch_id % ... == 0`): "
                            "the equivalent condition"}))] +
                [(v, ("last_in", "if batch_id % self.config.num_samples_to_log_progress == 0:", _RUNSTEP))
                 for v in range(3, 8)]),
        },
        "metrics": {
            "text": 'flor.log("metrics", metrics)',
            "intent": "the metrics every (train/eval/test) epoch returns, after the report/reset if-else",
            "newest": ("after", "if report_metric:", {"within": "def run_epoch("}),
            "versions": dict(
                [(v, ("after", "if report_metric:", {"within": "def _run_epoch(", "n": 2, "of": 2,
                                                     "note": "after the whole report/_reset if/else, not in the "
                                                             "batch loop's `if report_metric:`"})) for v in _CB] +
                [(2, ("after", "if report_metric:", {"within": "def run_epoch(", "n": 2, "of": 2}))] +
                [(v, ("after", "if report_metric:", {"within": "def run_epoch("})) for v in range(3, 8)]),
        },
    },
}
