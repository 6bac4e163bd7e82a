# sheeprl sheeprl/algos/ppo/ppo.py (train() minibatch loop + main() rollout/update loop), PyPI 0.5.5 .. 0.8.4 (v00 .. v06).
# Round 32, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sheeprl_ppo" / "versions.json").read_text())
OLDER = range(6)
# v00 0.5.5: loop `for update in range(start_step, num_updates + 1)`, policy_steps_per_update; PolynomialLR
#            scheduler (`if cfg.algo.anneal_lr:`), lr logged by an if/else on anneal_lr; lr/clip/ent annealed at
#            the END of each iteration (scheduler.step(), polynomial_decay); train() does zero_grad/backward/
#            clip/optimizer.step() itself and returns None; `train_step += world_size`; episode stats from
#            info["final_info"] (`if agent_ep_info is not None:`); truncation bootstrapped inline; os.path.join
# v01 0.5.6: update -> iter_num, start_step -> start_iter, num_updates -> total_iters,
#            policy_steps_per_update -> policy_steps_per_iter; `policy_step += policy_steps_per_iter` (a bug)
# v02 0.5.7: `policy_step += cfg.env.num_envs * world_size` again
# v03 0.6.0: get_vector_env_cls, clip_rewards_fn, info["final_obs"], get_episode_stats() loop (no None check)
# v04 0.7.0: anneal(...) at the START of each iteration replaces the scheduler and the end-of-iteration decays;
#            lr logged as optimizer.param_groups[0]["lr"]; the loss is computed under `with autocast_cache_scope`
#            and the step is one `update(fabric, loss, optimizer, ...)`; train() returns the gradient steps
#            (`gradient_steps = train(...)` under `with training_timer(...)`, `train_step += world_size *
#            gradient_steps`); phase_timer; bootstrap_truncated; last_timed_step
# v05 0.8.3: fs.load_checkpoint / fs.memmap_dir / fs.join (ckpt_path)
# v06 0.8.4: gae = gae_function(cfg.algo.gae_method) (newest)
_RENAMED = (0,)          # v00: update / num_updates
_OLD_STEP = range(4)     # v00-v03: zero_grad/backward/clip/optimizer.step(), scheduler, end-of-iteration annealing
_LOG_IF = {"within": "if cfg.metric.log_level > 0:"}
CASE = {
    "name": "sheeprl_ppo",
    "title": "sheeprl PPO train()/main() across 0.5.5 .. 0.8.4 (update -> iter_num renames, end-of-iteration "
             "scheduler/decays -> anneal() at iteration start, manual optimizer step -> update() under "
             "autocast_cache_scope, train() returning gradient steps, episode stats helper, fs helpers)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "total PPO loss of every minibatch, right after the optimizer step",
            "newest": ("after", "update(fabric, loss, optimizer, cfg.algo.max_grad_norm)"),
            "versions": {v: ("after", "optimizer.step()", {
                "note": "before 0.7.0 the step is spelled out (zero_grad, fabric.backward, optional "
                        "clip_gradients, optimizer.step()); `update(...)` replaces all four: after "
                        "optimizer.step(), before the metric update"})
                if v in _OLD_STEP else
                ("after", "update(fabric, loss, optimizer, cfg.algo.max_grad_norm)") for v in OLDER},
        },
        "adv_mean": {
            "text": 'flor.log("adv_mean", batch["advantages"].mean().item())',
            "intent": "mean advantage of the minibatch after the optional normalization, before the policy loss",
            "newest": ("after", "if cfg.algo.normalize_advantages:"),
            "versions": {v: ("after", "if cfg.algo.normalize_advantages:", {
                "note": "no `with autocast_cache_scope(fabric):` before 0.7.0: after the whole if, directly in "
                        "the minibatch loop"} if v in _OLD_STEP else {}) for v in OLDER},
        },
        "ep_rew": {
            "text": 'flor.log("ep_rew", ep_rew)',
            "intent": "return of every finished episode, after it is printed",
            "newest": ("after", 'fabric.print(f"Rank-0: policy_step='),
            "versions": {v: ("after", 'fabric.print(f"Rank-0: policy_step=', {
                "note": "before 0.6.0 the loop runs over info[\"final_info\"] and a finished episode is the "
                        "branch `if agent_ep_info is not None:` (the equivalent condition: the newest loop only "
                        "yields finished episodes), where ep_rew is bound: inside it, after the print"}
                if v < 3 else {}) for v in OLDER},
        },
        "policy_step": {
            "text": 'flor.log("policy_step", policy_step)',
            "intent": "global policy step counter, after it is advanced in every rollout step",
            "newest": ("after", "policy_step += "),
            "versions": {v: ("after", "policy_step += ", {
                "note": "0.5.6 increments by policy_steps_per_iter (a bug fixed in 0.5.7); same statement, "
                        "same place"} if v == 1 else {}) for v in OLDER},
        },
        "total_iters": {
            "text": 'flor.log("total_iters", total_iters)',
            "intent": "number of PPO iterations the run will do, once computed",
            "newest": ("after", "total_iters = "),
            "versions": {v: ("after", "num_updates = ", {
                "renames": {"total_iters": "num_updates"},
                "note": "0.5.5 names it num_updates (renamed total_iters in 0.5.6)"})
                if v in _RENAMED else ("after", "total_iters = ") for v in OLDER},
        },
        "clip_coef": {
            "text": 'flor.log("clip_coef", cfg.algo.clip_coef)',
            "intent": "PPO clip coefficient used in this iteration, at the start of the iteration after it is annealed",
            "newest": ("after", "anneal(cfg, optimizer, iter_num"),
            "versions": dict(
                [(0, ("first_in", "for update in range(", {
                    "note": "judgment call: before 0.7.0 there is no anneal() at the start of the iteration; the "
                            "coefficients are decayed at the END of the previous iteration (polynomial_decay "
                            "after the logging), so at the start of the iteration cfg.algo.clip_coef already holds "
                            "the value this iteration trains with, which is what the newest probe reads (anneal "
                            "uses iteration - 1). The probe keeps its place as the first statement of the "
                            "iteration, before the rollout; after the old end-of-iteration decay it would log the "
                            "NEXT iteration's value"}))] +
                [(v, ("first_in", "for iter_num in range(", {
                    "note": "no anneal() before 0.7.0: first statement of the iteration (see v00)"}))
                 for v in (1, 2, 3)] +
                [(v, ("after", "anneal(cfg, optimizer, iter_num")) for v in (4, 5)]),
        },
        "timed_steps": {
            "text": 'flor.log("timed_steps", policy_step - last_timed_step)',
            "intent": "policy steps played in the timed window, when the env-interaction time is available",
            "newest": ("first_in", 'if "Time/env_interaction_time" in timer_metrics'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "last_timed_step arrives in 0.7.0; before it the env-interaction SPS uses "
                      "(policy_step - last_log) / world_size, a different quantity (per-rank steps since the last "
                      "log, including steps of a resumed run): substituting last_log is not a rename",
                      {"scope": "main"})) for v in _OLD_STEP] +
                [(v, ("first_in", 'if "Time/env_interaction_time" in timer_metrics')) for v in (4, 5)]),
        },
        "gradient_steps": {
            "text": 'flor.log("gradient_steps", gradient_steps)',
            "intent": "number of gradient steps train() did in this iteration",
            "newest": ("after", "gradient_steps = train("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.7.0 train() returns nothing and the iteration counts `train_step += world_size`; "
                      "there is no gradient-step count (update_epochs * number of minibatches would be a "
                      "computed substitute, not a rename)", {"scope": "main"})) for v in _OLD_STEP] +
                [(v, ("after", "gradient_steps = train(", {
                    "note": "inside `with training_timer(fabric.device):`"} if v == 4 else {})) for v in (4, 5)]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of the iteration, after it is logged with the other coefficients",
            "newest": ("after", 'fabric.log("Info/learning_rate", optimizer.param_groups[0]["lr"], policy_step)'),
            "versions": {v: ("after", "if cfg.algo.anneal_lr:", dict(_LOG_IF, note=(
                "before 0.7.0 the learning rate is logged by an if/else on cfg.algo.anneal_lr (scheduler's "
                "get_last_lr() or the configured lr): the probe runs unconditionally in the newest version, so "
                "it goes after the whole if/else, inside `if cfg.metric.log_level > 0:`, before the clip_coef "
                "log; the optimizer's current lr is the same value in both branches")))
                if v in _OLD_STEP else
                ("after", 'fabric.log("Info/learning_rate", optimizer.param_groups[0]["lr"], policy_step)')
                for v in OLDER},
        },
        "train_time": {
            "text": 'flor.log("train_time", timer_metrics["Time/train_time"])',
            "intent": "synced training time of the logging window, when it is available",
            "newest": ("first_in", 'if "Time/train_time" in timer_metrics'),
            "versions": {v: ("first_in", 'if "Time/train_time" in timer_metrics', {
                "note": "0.5.5 tests only `\"Time/train_time\" in timer_metrics` (the `> 0` guard arrives in "
                        "0.5.6): the equivalent condition; first in its body"} if v == 0 else {})
                for v in OLDER},
        },
        "ckpt_iter": {
            "text": 'flor.log("ckpt_iter", iter_num)',
            "intent": "iteration at which a checkpoint is written, after the checkpoint callback",
            "newest": ("after", 'fabric.call("on_checkpoint_coupled"'),
            "versions": {v: ("after", 'fabric.call("on_checkpoint_coupled"', {
                "renames": {"iter_num": "update"},
                "note": "0.5.5 names the iteration counter `update`"})
                if v in _RENAMED else ("after", 'fabric.call("on_checkpoint_coupled"') for v in OLDER},
        },
    },
}
