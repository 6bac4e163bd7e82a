# openrl openrl/drivers/onpolicy_driver.py (OnPolicyDriver._inner_loop / add2buffer / actor_rollout / compute_returns), PyPI 0.0.3 .. 0.2.0 (v00 .. v08).
# Round 25, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "openrl_driver" / "versions.json").read_text())
OLDER = range(8)
_NOCB = range(6)        # v00-v05 (0.0.3-0.0.11): no callbacks, no continue_training, per-agent dones only
_CB = (6, 7)            # v06-v07 (0.0.12-0.0.13): callbacks, dones_env, available_actions
CASE = {
    "name": "openrl_driver",
    "title": "openrl OnPolicyDriver across 0.0.3 .. 0.2.0 (args -> cfg, run/learner_update moved to RLDriver, "
             "batch_rewards, callbacks + continue_training, tuple -> dict rollout data, dones_env masks, "
             "available_actions -> action_masks, None values/next_values guards)",
    "stories": _V,
    "probes": {
        "rollout_infos": {
            "text": 'flor.log("rollout_infos", rollout_infos)',
            "intent": "rollout statistics of each iteration, once it is known that training continues",
            "newest": ("after", "if not continue_training:"),
            "versions": dict(
                [(v, ("after", "rollout_infos = self.actor_rollout()", {
                    "note": "before 0.0.12 actor_rollout returns only the infos and there is no stop check: "
                            "right after the rollout, before learner_update"})) for v in _NOCB] +
                [(v, ("after", "if not continue_training:")) for v in _CB]),
        },
        "train_infos": {
            "text": 'flor.log("train_infos", train_infos)',
            "intent": "training infos, on logging iterations only, after they are sent to the logger",
            "newest": ("last_in", "if self.episode % self.log_interval == 0:"),
            "versions": {v: ("last_in", "if self.episode % self.log_interval == 0:") for v in OLDER},
        },
        "num_done_envs": {
            "text": 'flor.log("num_done_envs", int(dones_env.sum()))',
            "intent": "number of environments whose agents are all done at this step (add2buffer)",
            "newest": ("after", "dones_env = np.all(dones, axis=1)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.0.12 add2buffer resets states with the per-agent `dones` directly; there is no "
                      "env-level dones_env (dones.sum() would count agents, a different value, not a rename)",
                      {"scope": "add2buffer"})) for v in _NOCB] +
                [(v, ("after", "dones_env = np.all(dones, axis=1)")) for v in _CB]),
        },
        "mask_mean": {
            "text": 'flor.log("mask_mean", float(masks.mean()))',
            "intent": "fraction of non-terminal masks of each step, right after the done entries are zeroed",
            "newest": ("after", "masks[dones_env] = np.zeros("),
            "versions": dict(
                [(v, ("after", "masks[dones == True] = np.zeros(", {
                    "note": "0.0.3/0.0.4 zero masks with `masks[dones == True]`: same statement"})) for v in (0, 1)] +
                [(v, ("after", "masks[dones] = np.zeros(", {
                    "note": "0.0.5-0.0.11 zero masks per agent with `masks[dones]`: same statement"})) for v in range(2, 6)] +
                [(v, ("after", "masks[dones_env] = np.zeros(")) for v in _CB]),
        },
        "has_action_masks": {
            "text": 'flor.log("has_action_masks", action_masks is not None)',
            "intent": "whether the env supplies action masks, right after they are prepared from infos",
            "newest": ("after", "action_masks = prepare_action_masks("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.0.12 add2buffer prepares no available actions / action masks",
                      {"scope": "add2buffer"})) for v in _NOCB] +
                [(v, ("after", "available_actions = prepare_available_actions(", {
                    "renames": {"action_masks": "available_actions"},
                    "note": "0.0.12/0.0.13 call them available_actions (prepare_available_actions); renamed in 0.0.14"}))
                 for v in _CB]),
        },
        "rewards_mean": {
            "text": 'flor.log("rewards_mean", float(rewards.mean()))',
            "intent": "mean reward of each environment step, right after env.step",
            "newest": ("after", "obs, rewards, dones, infos = self.envs.step(actions, extra_data)"),
            "versions": dict(
                [(v, ("after", "obs, rewards, dones, infos = self.envs.step(actions)", {
                    "note": "0.0.3/0.0.4 call envs.step(actions) without extra_data: same statement"})) for v in (0, 1)] +
                [(v, ("after", "obs, rewards, dones, infos = self.envs.step(actions, extra_data)"))
                 for v in range(2, 8)]),
        },
        "done_frac": {
            "text": 'flor.log("done_frac", float(np.mean(dones)))',
            "intent": "fraction of done agents at each step, after the step callback decided training goes on",
            "newest": ("after", "if self.callback.on_step() is False:"),
            "versions": dict(
                [(v, ("before", "data = ", {
                    "note": "before 0.0.12 there is no time-step counter and no callback between env.step and "
                            "building `data`: the place keeps its position, right before `data = (...)` "
                            "(which is right after env.step)"})) for v in _NOCB] +
                [(v, ("after", "if self.callback.on_step() is False:", {
                    "note": "after the whole callback `if`, not inside its early return"})) for v in _CB]),
        },
        "batch_rew_infos": {
            "text": 'flor.log("batch_rew_infos", batch_rew_infos)',
            "intent": "batch-reward infos of each rollout, after the rollout-end callback and before the monitor branch",
            "newest": ("after", "self.callback.on_rollout_end()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.0.3/0.0.4 have no envs.batch_rewards call; the rollout returns only monitor statistics",
                      {"scope": "actor_rollout"})) for v in (0, 1)] +
                [(2, ("after", "infos = self.envs.batch_rewards(self.buffer)", {
                    "renames": {"batch_rew_infos": "infos"},
                    "note": "0.0.5 stores the batch-reward infos in `infos` (reusing the step-loop name, overwritten "
                            "here), before the use_monitor branch merges statistics into it; no rollout-end callback "
                            "before 0.0.12: right after the assignment"}))] +
                [(v, ("after", "batch_rew_infos = self.envs.batch_rewards(self.buffer)", {
                    "note": "no rollout-end callback before 0.0.12: right after batch_rewards, before the use_monitor if"}))
                 for v in range(3, 6)] +
                [(v, ("after", "self.callback.on_rollout_end()")) for v in _CB]),
        },
        "next_values_mean": {
            "text": 'flor.log("next_values_mean", float(next_values.mean()))',
            "intent": "mean bootstrap value of the last observation, once next_values is a per-thread array",
            "newest": ("after", "if next_values is None:"),
            "versions": dict(
                [(v, ("after", "next_values = np.array(", {
                    "note": "before 0.0.13 there is no `if next_values is None:` guard; the split into per-thread "
                            "arrays (the else branch of the newest version) is unconditional: after it"}))
                 for v in range(7)] +
                [(7, ("after", "if next_values is None:"))]),
        },
    },
}
