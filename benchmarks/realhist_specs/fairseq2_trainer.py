# fairseq2 Trainer (fairseq2/recipes/trainer.py 0.3.0-0.4.6, fairseq2/recipe/trainer.py 0.5.0-0.7.0,
# fairseq2/trainer.py 0.8.x), PyPI 0.3.0 .. 0.8.1 (v00 .. v07).
# Round 32, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "fairseq2_trainer" / "versions.json").read_text())
OLDER = range(7)
# v00 0.3.0: root_gang/dp_gang/tp_gang, rich progress, list of metric recorders; the loop is
#            `while self._should_run_step():` in _do_run (advance epoch, `self._step_nr += 1`, _run_step,
#            publish, validate + early stop, checkpoint); _run_step accumulates over
#            `for batch_nr, batch in enumerate(batches):`, clips, steps, `if scale_result.overflow:` if/else;
#            _validate stores the mean score in self._valid_score; synchronous _checkpoint()
# v01 0.4.0: Gangs (self._gangs.root/dp/tp), ProgressReporter, one metric recorder, gradient_check flag,
#            first_iter CUDA cache emptying
# v02 0.4.1: _do_run seeds the rng and calls model.train() itself
# v03 0.4.2: garbage collector, device stat tracker, `if self._end_of_data_epoch:` block in
#            _maybe_advance_data_epoch, `self._repeat_step = scale_result.overflow` + `if self._repeat_step:`,
#            _elapsed_time, is_last_score_better
# v04 0.4.3/0.4.6: rng seeding moved out of _do_run
# v05 0.5.0/0.5.2: rewritten as a state machine (_TrainerState; run() -> _do_run `match self._state`;
#            _read_next_batches / _run_step -> _do_run_step / _run_post_step / _handle_end_of_data_epoch /
#            _repeat_step); `with self._compute_watch:` around the step, `num_batches = len(batches)`,
#            `for batch_nr in range(num_batches):`; fp16 loss scaler (`if fp16_scale_result.overflowed:` returns
#            GRAD_OVERFLOW); self._last_lr; Validator object (`score = self._validator.run(...)`); early stopper
#            returns a flag; asynchronous _save_checkpoint with an _on_checkpoint_saved(step_nr, blocking)
#            callback; data/compute/lapse stopwatches in _publish_metrics
# v06 0.6/0.7.0: self._last_lrs and an if/else for values["lr"]; save_model_only literal
# v07 0.8.0/0.8.1: model / model_dp_facade, HuggingFaceExporter, TrainStepHookArgs and checkpoint hooks (newest)
_LOOP = range(5)         # v00-v04: while-loop trainer
_SM = (5, 6)             # v05-v06: state machine like the newest
_ES = {"within": "def _maybe_request_early_stop"}
CASE = {
    "name": "fairseq2_trainer",
    "title": "fairseq2 Trainer across 0.3.0 .. 0.8.1 (root/dp/tp gangs -> Gangs, while-loop trainer -> state "
             "machine with _do_run_step/_run_post_step, loss scaler -> fp16 loss scaler, valid units -> "
             "Validator, synchronous -> asynchronous checkpointing with callbacks, lr bookkeeping)",
    "stories": _V,
    "probes": {
        "step_nr": {
            "text": 'flor.log("step_nr", self._step_nr)',
            "intent": "training step number, right after it is incremented for a new step",
            "newest": ("after", "self._step_nr += 1"),
            "versions": {v: ("after", "self._step_nr += 1", {
                "note": "before 0.5.0 the step counter is incremented in the while loop of _do_run (not in "
                        "_run_step), before the progress update: same statement"} if v in _LOOP else {})
                for v in OLDER},
        },
        "num_targets": {
            "text": 'flor.log("num_targets", num_targets)',
            "intent": "number of loss targets accumulated over the batches of the step, after the accumulation loop",
            "newest": ("after", "for batch_nr in range(num_batches):"),
            "versions": {v: ("after", "for batch_nr, batch in enumerate(batches):", {
                "note": "before 0.5.0 the accumulation loop is `for batch_nr, batch in enumerate(batches):` "
                        "directly in _run_step (no `with self._compute_watch:`): after the loop, before the "
                        "gradient normalization"})
                if v in _LOOP else ("after", "for batch_nr in range(num_batches):") for v in OLDER},
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm)',
            "intent": "gradient norm of the step, right after clipping (inside the grad_norm profiler range)",
            "newest": ("after", "grad_norm = "),
            "versions": {v: ("after", "grad_norm = ", {
                "note": "computed by clip_gradient_norm(self._model, ...) before 0.5.0 and by "
                        "self._unit.model.clip_grad_norm(...) in 0.5-0.7; same statement, inside "
                        "`with record_function(f\"step_{step_nr}_grad_norm\"):`"} if v in (0, 5) else {})
                for v in OLDER},
        },
        "overflow_step": {
            "text": 'flor.log("overflow_step", step_nr)',
            "intent": "step whose gradients overflowed under fp16 loss scaling (first thing in the overflow branch)",
            "newest": ("first_in", "if fp16_scale_result.overflowed:"),
            "versions": dict(
                [(v, ("first_in", "if scale_result.overflow:", {
                    "note": "before 0.4.2 the overflow branch is `if scale_result.overflow:` of an if/else whose "
                            "else applies the step: first statement of the overflow branch"})) for v in (0, 1, 2)] +
                [(v, ("first_in", "if self._repeat_step:", {
                    "within": "def _run_step",
                    "note": "0.4.2-0.4.6 store the overflow flag first (`self._repeat_step = "
                            "scale_result.overflow`) and branch on it: the equivalent condition"})) for v in (3, 4)] +
                [(v, ("first_in", "if fp16_scale_result.overflowed:")) for v in _SM]),
        },
        "lr": {
            "text": 'flor.log("lr", values["lr"])',
            "intent": "learning rate reported with the train metrics, once it is put into the values (rank 0)",
            "newest": ("after", "if len(self._last_lrs) == 1:"),
            "versions": dict(
                [(v, ("after", 'values["lr"] = get_effective_lr(self._lr_scheduler)', {
                    "note": "before 0.5.0 values[\"lr\"] is one statement (get_effective_lr of the scheduler), "
                            "inside the rank-0 branch of _publish_metrics: after it"})) for v in _LOOP] +
                [(5, ("after", 'values["lr"] = self._last_lr', {
                    "note": "0.5.x stores a single self._last_lr; one statement instead of the newest if/else"}))] +
                [(6, ("after", "if len(self._last_lrs) == 1:", {
                    "note": "after the whole if/else (the probe runs in both branches)"}))]),
        },
        "last_lrs": {
            "text": 'flor.log("last_lrs", self._last_lrs)',
            "intent": "learning rates of all parameter groups used by the step, once recorded (before the scheduler steps)",
            "newest": ("after", "self._last_lrs = self._lr_scheduler.get_last_lr()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.5.0 the trainer keeps no record of the step's learning rates (the lr is read "
                      "from the scheduler with get_effective_lr() only when metrics are published)",
                      {"scope": "_run_step"})) for v in _LOOP] +
                [(5, ("na", "missing_dependency",
                      "judgment call: 0.5.x records self._last_lr = get_effective_lr(self._lr_scheduler), which is "
                      "get_last_lr()[0], the first group's rate only (a float), at the same place; the newest "
                      "self._last_lrs is the list of every group's rate: a different value that could stand in "
                      "for it, not a rename", {"scope": "_do_run_step"}))] +
                [(6, ("after", "self._last_lrs = self._lr_scheduler.get_last_lr()"))]),
        },
        "valid_score": {
            "text": 'flor.log("valid_score", score)',
            "intent": "validation score of a validation run, right after it is computed (inside the "
                      "full-parameter context)",
            "newest": ("after", "score = self._validator.run(self._step_nr)"),
            "versions": dict(
                [(v, ("after", "self._valid_score = self._compute_valid_score(unit_scores)", {
                    "renames": {"score": "self._valid_score"},
                    "note": "before 0.5.0 _validate runs the valid units itself and stores their mean score in "
                            "self._valid_score (None without a score metric, as the newest `score`), inside "
                            "`with summon_fsdp_for_validation(self._model):`"})) for v in _LOOP] +
                [(v, ("after", "score = self._validator.run(self._step_nr)")) for v in _SM]),
        },
        "should_stop": {
            "text": 'flor.log("should_stop", should_stop)',
            "intent": "this rank's early-stopping decision, before it is broadcast",
            "newest": ("after", "if gangs.root.rank == 0:", _ES),
            "versions": dict(
                [(0, ("after", "if self._root_gang.rank == 0:", dict(_ES, note=(
                    "after the whole rank-0 if/else (should_stop is bound in both branches), before "
                    "broadcast_flag; 0.3.0 uses self._root_gang")))),
                 ] +
                [(v, ("after", "if self._gangs.root.rank == 0:", dict(_ES, note=(
                    "after the whole rank-0 if/else, before `self._should_stop = broadcast_flag(...)`"))))
                 for v in (1, 2, 3, 4)] +
                [(v, ("after", "if gangs.root.rank == 0:", _ES)) for v in _SM]),
        },
        "data_epoch_nr": {
            "text": 'flor.log("data_epoch_nr", self._data_epoch_nr)',
            "intent": "data epoch number, right after it is advanced",
            "newest": ("after", "self._data_epoch_nr += 1"),
            "versions": dict(
                [(v, ("after", "self._data_epoch_nr += 1", {
                    "note": "before 0.5.0 the epoch is advanced lazily at the start of the next step in "
                            "_maybe_advance_data_epoch (after an early return when not at the end of an epoch); "
                            "the newest advances it in _handle_end_of_data_epoch; same statement"}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self._data_epoch_nr += 1", {
                    "note": "0.4.2-0.4.6: inside `if self._end_of_data_epoch:` (the condition under which the "
                            "epoch advances)"})) for v in (3, 4)] +
                [(v, ("after", "self._data_epoch_nr += 1")) for v in _SM]),
        },
        "ckpt_saved_step": {
            "text": 'flor.log("ckpt_saved_step", args.step_nr)',
            "intent": "step of a checkpoint once it has been saved",
            "newest": ("after", 'log.info("Checkpoint at step {} saved.", args.step_nr)'),
            "versions": dict(
                [(v, ("after", 'log.info("Checkpoint complete.")', {
                    "renames": {"args.step_nr": "step_nr"},
                    "note": "before 0.5.0 checkpoints are saved synchronously in _checkpoint(): the point where "
                            "the checkpoint is saved is after commit_checkpoint(), where it logs \"Checkpoint "
                            "complete.\" (the counterpart of the newest \"Checkpoint at step {} saved.\"), before "
                            "the clean-up; the step is the local step_nr"})) for v in _LOOP] +
                [(v, ("after", 'log.info("Checkpoint at step {} saved.", step_nr)', {
                    "renames": {"args.step_nr": "step_nr"},
                    "note": "0.5-0.7: the saved callback is _on_checkpoint_saved(self, step_nr, blocking) "
                            "(TrainStepHookArgs arrives in 0.8)"})) for v in _SM]),
        },
        "compute_time": {
            "text": 'flor.log("compute_time", compute_time)',
            "intent": "compute time of the metric window, when the train metrics are published (rank 0)",
            "newest": ("after", "compute_time = self._compute_watch.get_elapsed_time()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.5.0 there is no compute stopwatch: the trainer accumulates the whole step time "
                      "(data loading included) in self._total_step_time / self._elapsed_time, a different "
                      "quantity, not a rename", {"scope": "_publish_metrics"})) for v in _LOOP] +
                [(v, ("after", "compute_time = self._compute_watch.get_elapsed_time()")) for v in _SM]),
        },
    },
}
