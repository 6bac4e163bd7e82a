# levanter levanter/trainer.py (Trainer.train_step / training_steps / train / initial_state), PyPI 1.1 .. 1.2.dev1644 (v00 .. v09).
# Round 29, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "levanter_trainer" / "versions.json").read_text())
OLDER = range(9)
_HOOKS_IN_LOOP = range(3)     # v00-v02: hooks run in training_steps under `if run_hooks:`; train_step returns StepInfo(...)
_HOOKS_IN_STEP = range(3, 9)  # v03-v08: hooks (and jit hooks) run inside train_step
_TRAIN = {"within": "def train("}
CASE = {
    "name": "levanter_trainer",
    "title": "levanter Trainer.train_step/training_steps/train across 1.1 .. 1.2.dev1644 "
             "(TrainerState in trainer.py -> trainer_state.py, hooks moved from training_steps into train_step, "
             "run_hooks switch removed, jit hooks + hooks_this_time, StopIteration guard, crash_on_nan/inf, "
             "deferred in-jit metrics -> TrainStepResult.loss_metrics)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss)',
            "intent": "training loss of each step, right after it is pulled to the host",
            "newest": ("after", "loss = result.loss.item()"),
            "versions": {v: ("after", "loss = loss.item()", {
                "note": "before 1.2.dev1630 the jitted step returns a tuple and the loss is forced with "
                        "`loss = loss.item()`; same statement"} if v == 8 else {}) for v in OLDER},
        },
        "hooks_this_time": {
            "text": 'flor.log("hooks_this_time", hooks_this_time)',
            "intent": "whether the jit hooks run on this step",
            "newest": ("after", "hooks_this_time = any("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before jit hooks (1.2.dev1196) train_step has no hooks_this_time flag: one jitted step fn",
                      {"scope": "train_step", "probe_site": ("before", "with capture_time() as step_time:")}))
                 for v in _HOOKS_IN_LOOP] +
                [(v, ("after", "hooks_this_time = any(", {
                    "note": "reads self.hooks.stateful_hooks before 1.2.dev1300 (jit_hooks after); same statement"}
                      if v in (3, 4) else {})) for v in _HOOKS_IN_STEP]),
        },
        "step_duration": {
            "text": 'flor.log("step_duration", info.step_duration)',
            "intent": "wall time of the step, right after the StepInfo is built (before hooks run)",
            "newest": ("after", "info = StepInfo(result.new_state, loss, step_time())"),
            "versions": dict(
                [(v, ("after", "info = self.train_step(state, example)", {
                    "note": "moved code: v00-v02 build the StepInfo in train_step's return expression and run the "
                            "hooks in training_steps; the first point where the StepInfo is bound (and the hooks "
                            "have not run yet) is `info = self.train_step(state, example)` in training_steps, "
                            "before `state = info.state` (same object, same name: no rename)"}))
                 for v in _HOOKS_IN_LOOP] +
                [(v, ("after", "info = StepInfo(new_state, loss, step_time())")) for v in _HOOKS_IN_STEP]),
        },
        "hook_time": {
            "text": 'flor.log("hook_time", hook_time())',
            "intent": "time spent running the hooks of this step, right after the timed hook block",
            "newest": ("after", "with capture_time() as hook_time:"),
            "versions": dict(
                [(v, ("after", "with capture_time() as hook_time:", {
                    "note": "moved code: before 1.2.dev1196 the timed hook block lives in training_steps, under "
                            "`if run_hooks:` (default True; the newest has no run_hooks switch, hooks always run). "
                            "hook_time is only bound inside that branch, so the probe goes inside it, after the "
                            "`with` block (before the hook_time tracker/wandb log), not after the whole `if`"}))
                 for v in _HOOKS_IN_LOOP] +
                [(v, ("after", "with capture_time() as hook_time:")) for v in _HOOKS_IN_STEP]),
        },
        "train_metrics": {
            "text": 'flor.log("train_metrics", result.loss_metrics)',
            "intent": "in-step metrics of the train step, after they are logged with the hook time",
            "newest": ("after", "levanter.tracker.log(metrics_to_log, step=info.step)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.2.dev1390 the jitted step returns only (loss, new_state[, cb_states]): no in-step "
                      "metrics exist", {"scope": "train_step", "probe_site": ("after", "loss = loss.item()")})) for v in range(7)] +
                [(v, ("after", 'levanter.tracker.log({**metrics, "throughput/hook_time"', {
                    "renames": {"result.loss_metrics": "metrics"},
                    "note": "1.2.dev1390-1611 unpack `loss, new_state, metrics, cb_states` (metrics deferred from "
                            "inside jit) and log `{**metrics, \"throughput/hook_time\": ...}`; 1.2.dev1630 returns a "
                            "TrainStepResult and logs `{**result.loss_metrics, ...}` via metrics_to_log: the same "
                            "role, read as a rename; the probe goes after the (changed) log statement"}))
                 for v in (7, 8)]),
        },
        "loading_time": {
            "text": 'flor.log("loading_time", loading_time())',
            "intent": "time spent fetching the batch, after it is logged to the tracker",
            "newest": ("after", 'levanter.tracker.log({"throughput/loading_time": loading_time()}'),
            "versions": dict(
                [(0, ("after", 'wandb.log({"throughput/loading_time": loading_time()}', {
                    "note": "1.1 logs the loading time with wandb.log right after the loading `with` block, BEFORE "
                            "train_step: the probe follows the image of its previous sibling (the loading-time log)"}))] +
                [(v, ("after", 'levanter.tracker.log_metrics({"throughput/loading_time": loading_time()}', {
                    "note": "log_metrics, after the whole `if run_hooks:` block"})) for v in (1, 2)] +
                [(v, ("after", 'levanter.tracker.log({"throughput/loading_time": loading_time()}'))
                 for v in _HOOKS_IN_STEP]),
        },
        "step": {
            "text": 'flor.log("step", info.step)',
            "intent": "the step just completed, in the training generator",
            "newest": ("after", "state = info.state"),
            "versions": {v: ("after", "state = info.state") for v in OLDER},
        },
        "data_exhausted_step": {
            "text": 'flor.log("data_exhausted_step", int(state.step))',
            "intent": "step at which the train loader ran out of data",
            "newest": ("after", 'logger.info("Reached end of training data loader")'),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 1.2.dev1238 `example = next(iter_data)` is unguarded: there is no StopIteration handler, "
                      "so no point where the loader is known to be exhausted")) for v in range(4)] +
                [(v, ("after", 'logger.info("Reached end of training data loader")')) for v in range(4, 9)]),
        },
        "final_step": {
            "text": 'flor.log("final_step", info.step)',
            "intent": "last completed step once training ends, after the forced final hooks",
            "newest": ("after", "self.run_hooks(info, force=True)"),
            "versions": dict(
                [(v, ("after", "if run_hooks:", dict(_TRAIN, note=(
                    "the forced final hooks are under `if run_hooks:` before 1.2.dev1196; the probe is "
                    "unconditional in the newest and reads only `info`, so it goes after the whole `if`"))))
                 for v in _HOOKS_IN_LOOP] +
                [(v, ("after", "self.run_hooks(info, force=True)")) for v in _HOOKS_IN_STEP]),
        },
        "checkpoint_path": {
            "text": 'flor.log("checkpoint_path", checkpoint_path)',
            "intent": "the checkpoint path initial_state will load from (after the initialize_from fallback)",
            "newest": ("after", "if load_checkpoint is False and self.config.initialize_from is not None:"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.1's initial_state delegates to self.maybe_load_checkpoint and binds no checkpoint_path",
                      {"scope": "initial_state", "probe_site": ("before", "model_shape, opt_state_shape = eqx.filter_eval_shape(")}))] +
                [(v, ("after", "if load_checkpoint is False and self.config.initialize_from is not None:", {
                    "note": "before 1.2.dev1300 the initialize_from branch loads the model itself and does not "
                            "redirect checkpoint_path; same point, after the whole `if`"} if v < 5 else {}))
                 for v in range(1, 9)]),
        },
    },
}
