# brax brax/training/agents/ppo/train.py (0.0.x: brax/training/ppo.py) (train), PyPI 0.0.4 .. 0.14.2 (v00 .. v10).
# Round 23, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "brax_ppo" / "versions.json").read_text())
OLDER = range(10)
_OLD = range(3)          # v00-v02 (brax/training/ppo.py): eval-then-train loop over log_frequency + 1,
                         # pmapped minimize_loop, sps/walltime computed inline in the loop
_V03 = range(3, 10)      # v03-v09: agents/ppo/train.py, training_epoch_with_timing, evaluator
_GUARD = range(3, 8)     # v03-v07: `if process_id == 0:` block (v08+: `if process_id != 0: continue`)
_LOOP_OLD = {"within": "for it in range(log_frequency + 1)"}
_LOOP = {"within": "for it in range(num_evals_after_init)"}
CASE = {
    "name": "brax_ppo",
    "title": "brax PPO train() across 0.0.4 .. 0.14.2 (flax optim -> optax, brax/training/ppo.py -> "
             "agents/ppo/train.py rewrite with training_epoch_with_timing and Evaluator, eval-then-train loop -> "
             "train-then-eval loop, num_resets_per_eval inner loop, checkpoint_dir save -> removed -> "
             "orbax checkpoint.save, `if process_id == 0:` block -> `if process_id != 0: continue`)",
    "stories": _V,
    "probes": {
        "iteration": {
            "text": 'flor.log("iteration", it)',
            "intent": "index of every outer training/eval iteration, right after its start is logged",
            "newest": ("after", "logging.info('starting iteration"),
            "versions": {v: ("after", "logging.info('starting iteration", {
                "note": "v00-v02 loop over range(log_frequency + 1) with eval first and training after; "
                        "the loop index is still `it`"} if v in _OLD else {}) for v in OLDER},
        },
        "training_metrics": {
            "text": 'flor.log("training_metrics", training_metrics)',
            "intent": "metrics returned by each training epoch, right after the epoch call",
            "newest": ("after", "(training_state, env_state, training_metrics) = ("),
            "versions": dict(
                [(0, ("after", "(training_state, state), losses = minimize_loop(", {
                    "renames": {"training_metrics": "losses"},
                    "note": "0.0.x runs the pmapped minimize_loop, whose second result `losses` (the loss dict) is "
                            "the epoch's training metrics (the newest dict adds sps/walltime): rename by role; "
                            "after the call, before block_until_ready/sps"}))] +
                [(v, ("after", "(training_state,", dict(_LOOP_OLD, **{
                    "renames": {"training_metrics": "losses"},
                    "note": "`(training_state, state), losses, synchro = minimize_loop(...)`; losses -> "
                            "training_metrics by role; after the call, before `assert synchro[0]`"})))
                 for v in (1, 2)] +
                [(v, ("after", "(training_state, env_state,", dict(_LOOP, **{
                    "note": "no inner num_resets_per_eval loop yet: directly in the `for it` loop"})))
                 for v in (3, 4)] +
                [(v, ("after", "(training_state, env_state, training_metrics) = (")) for v in range(5, 10)]),
        },
        "sps": {
            "text": 'flor.log("sps", sps)',
            "intent": "training env steps per second of the epoch, right after it is computed",
            "newest": ("after", "sps = ("),
            "versions": dict(
                [(v, ("after", "sps = ((", {
                    "note": "0.0.x computes sps inline in the train loop after minimize_loop (no "
                            "training_epoch_with_timing): same computation moved, the probe follows it"}))
                 for v in _OLD] +
                [(v, ("after", "sps = (")) for v in _V03]),
        },
        "epoch_time": {
            "text": 'flor.log("epoch_time", epoch_training_time)',
            "intent": "wall time of each training epoch",
            "newest": ("after", "epoch_training_time = time.time() - t"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.0.x has no epoch_training_time: it adds `time.time() - t` to training_walltime "
                      "directly; recomputing it would be a substitute, not a rename", {"scope": "train"}))
                 for v in _OLD] +
                [(v, ("after", "epoch_training_time = time.time() - t")) for v in _V03]),
        },
        "reset_step": {
            "text": 'flor.log("reset_step", current_step)',
            "intent": "env step at which the training envs are reset between evals (only when resets are on)",
            "newest": ("first_in", "if num_resets_per_eval > 0:"),
            "versions": dict(
                [(v, ("na", "no_anchor", "no num_resets_per_eval / host-side env reset in the training loop "
                      "before 0.9.x", {"scope": "train"})) for v in range(5)] +
                [(v, ("before", "env_state = reset_fn(key_envs) if num_resets_per_eval > 0", {
                    "note": "0.9.4-0.12.5 express the condition as a conditional expression "
                            "(`env_state = reset_fn(key_envs) if num_resets_per_eval > 0 else env_state`), "
                            "which cannot host a statement: unconditional equivalent, right before the reset "
                            "(first_in -> before it)"}))
                 for v in range(5, 9)] +
                [(9, ("first_in", "if num_resets_per_eval > 0:"))]),
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", current_step)',
            "intent": "env step of every checkpoint written during training",
            "newest": ("after", "checkpoint.save("),
            "versions": dict(
                [(v, ("na", "no_anchor", "no checkpoint is written in the training loop "
                      "(0.0.4/0.0.8 have no checkpointing; 0.0.14-0.12.0 dropped checkpoint_dir and only "
                      "restore / call the user's policy_params_fn)", {"scope": "train"}))
                 for v in (0, 1, 3, 4, 5, 6, 7)] +
                [(2, ("after", "model.save_params(path, params)", {
                    "note": "0.0.12 saves `ppo_{current_step}.pkl` under `if checkpoint_dir:` inside the "
                            "process-0 eval block: the equivalent condition, after the save"}))] +
                [(v, ("after", "checkpoint.save(")) for v in (8, 9)]),
        },
        "eval_reward": {
            "text": 'flor.log("eval_reward", metrics.get("eval/episode_reward"))',
            "intent": "mean eval episode reward of every in-loop evaluation (process 0)",
            "newest": ("after", "if run_evals:"),
            "versions": dict(
                [(v, ("after", "metrics = dict(", {
                    "note": "0.0.x evaluates at the top of each iteration under `if process_id == 0:` and "
                            "builds the metrics dict by hand; after it (same condition, no num_evals/run_evals "
                            "checks)"}))
                 for v in _OLD] +
                [(v, ("after", "metrics = evaluator.run_evaluation(", dict(_LOOP, **{
                    "note": "under `if process_id == 0:` (the equivalent of `if process_id != 0: continue`); no "
                            "`if num_evals > 0:` / `if run_evals:` yet: after the unconditional eval"})))
                 for v in _GUARD] +
                [(v, ("after", "if run_evals:", {"note": "after the whole `if run_evals:` block"}))
                 for v in (8, 9)]),
        },
        "progress_step": {
            "text": 'flor.log("progress_step", current_step)',
            "intent": "env step reported to progress_fn after every in-loop evaluation",
            "newest": ("after", "progress_fn(current_step, metrics)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.0.4/0.0.8 pass `int(training_state.normalizer_params[0][0]) * action_repeat` inline "
                      "to progress_fn; no current_step variable", {"scope": "train"})) for v in (0, 1)] +
                [(2, ("after", "if progress_fn:", {
                    "note": "0.0.12 guards the call with `if progress_fn:`; the probe runs unconditionally after "
                            "the call in the newest version, so after the whole `if progress_fn:` (still inside "
                            "`if process_id == 0:`), where current_step was just computed"}))] +
                [(v, ("after", "progress_fn(current_step, metrics)")) for v in _V03]),
        },
        "total_steps": {
            "text": 'flor.log("total_steps", total_steps)',
            "intent": "total env steps of the run, after the check that enough steps were taken",
            "newest": ("after", "if not total_steps >= num_timesteps:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.0.x has no total_steps variable (only `normalizer_params[0] * action_repeat` inside "
                      "the final logging call)", {"scope": "train"})) for v in _OLD] +
                [(v, ("after", "assert total_steps >= num_timesteps", {
                    "note": "before 0.12.5 the check is an assert instead of `if not ...: raise`: same statement"}))
                 for v in _GUARD] +
                [(v, ("after", "if not total_steps >= num_timesteps:")) for v in (8, 9)]),
        },
    },
}
