# stable-baselines3 stable_baselines3/common/off_policy_algorithm.py (OffPolicyAlgorithm.learn + collect_rollouts),
# PyPI 0.8.0 .. 2.9.2 (v00 .. v10).
# Round 12, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sb3_offpolicy" / "versions.json").read_text())
OLDER = range(10)
_SINGLE = range(5)      # v00-v04: one env, nested episode/step loops, singular action/reward/done
_VEC = range(5, 10)     # v05-v09: vectorised single step loop, actions/rewards/dones, per-env done loop
_DONE = {"within": "for idx, done in enumerate(dones)"}
CASE = {
    "name": "sb3_offpolicy",
    "title": "stable-baselines3 OffPolicyAlgorithm.learn/collect_rollouts across 0.8.0 .. 2.9.2 "
             "(n_steps/n_episodes -> TrainFreq, total_steps -> num_collected_steps, counters moved up, "
             "nested episode/step loops -> one vectorised step loop, gradient_steps=0 guard)",
    "stories": _V,
    "probes": {
        "rollout_episodes": {
            "text": 'flor.log("rollout_episodes", rollout.n_episodes)',
            "intent": "episodes completed by each rollout, once it is known that training continues",
            "newest": ("after", "if not rollout.continue_training:"),
            "versions": {v: ("after", "if rollout.continue_training is False:" if v < 8 else "if not rollout.continue_training:",
                             {"note": "the stop check reads `if rollout.continue_training is False:` before 2.2; "
                                      "same statement. RolloutReturn has n_episodes in every release"} if v < 8 else {})
                         for v in OLDER},
        },
        "gradient_steps": {
            "text": 'flor.log("gradient_steps", gradient_steps)',
            "intent": "number of gradient steps of each train() call, right before it",
            "newest": ("first_in", "if gradient_steps > 0:"),
            "versions": dict(
                [(v, ("before", "self.train(", {
                    "note": "before 1.3 there is no `if gradient_steps > 0:` guard (gradient_steps is always "
                            "positive there) and train() is called unconditionally: unconditional equivalent, "
                            "right before self.train(...) inside the learning_starts block"})) for v in range(4)] +
                [(v, ("first_in", "if gradient_steps > 0:")) for v in range(4, 10)]),
        },
        "num_timesteps": {
            "text": 'flor.log("num_timesteps", self.num_timesteps)',
            "intent": "total environment steps at the end of every learn() iteration, after the (conditional) training block",
            "newest": ("after", "if self.num_timesteps > 0 and self.num_timesteps > self.learning_starts:"),
            "versions": {v: ("after", "if self.num_timesteps > 0 and self.num_timesteps > self.learning_starts:", {
                "note": "after the whole training `if`, not inside it (the probe runs on every iteration)"})
                for v in OLDER},
        },
        "actions": {
            "text": 'flor.log("actions", actions)',
            "intent": "actions sampled at each environment step",
            "newest": ("after", "actions, buffer_actions = self._sample_action("),
            "versions": dict(
                [(v, ("after", "action, buffer_action = self._sample_action(", {
                    "renames": {"actions": "action"},
                    "note": "single-env versions name the sampled action `action` (inner `while not done:` loop)"}))
                 for v in _SINGLE] +
                [(v, ("after", "actions, buffer_actions = self._sample_action(")) for v in _VEC]),
        },
        "reward": {
            "text": 'flor.log("reward", float(rewards.mean()))',
            "intent": "mean reward of each environment step, right after env.step",
            "newest": ("after", "new_obs, rewards, dones, infos = env.step(actions)"),
            "versions": dict(
                [(v, ("after", "new_obs, reward, done, infos = env.step(action)", {
                    "renames": {"rewards": "reward"},
                    "note": "single-env versions name the step reward `reward` (still a VecEnv array)"}))
                 for v in _SINGLE] +
                [(v, ("after", "new_obs, rewards, dones, infos = env.step(actions)")) for v in _VEC]),
        },
        "collected_steps": {
            "text": 'flor.log("collected_steps", num_collected_steps)',
            "intent": "steps collected so far in the current rollout, right after the counter is advanced",
            "newest": ("after", "num_collected_steps += 1"),
            "versions": dict(
                [(0, ("after", "total_steps += 1", {
                    "renames": {"num_collected_steps": "total_steps"},
                    "note": "0.8.0 names the counter total_steps and advances it late in the step, after the "
                            "replay-buffer store and before _update_current_progress_remaining: after the counter"}))] +
                [(1, ("after", "total_steps += 1", {"renames": {"num_collected_steps": "total_steps"}}))] +
                [(v, ("after", "num_collected_steps += 1")) for v in range(2, 10)]),
        },
        "episodes": {
            "text": 'flor.log("episodes", num_collected_episodes)',
            "intent": "episodes completed in the current rollout, each time an episode ends",
            "newest": ("after", "num_collected_episodes += 1"),
            "versions": dict(
                [(v, ("after", "total_episodes += 1", {
                    "renames": {"num_collected_episodes": "total_episodes"},
                    "note": "inside `if done:` after the inner step loop (single env)"})) for v in (0, 1)] +
                [(v, ("after", "num_collected_episodes += 1", {
                    "note": "inside `if done:` after the inner step loop (single env)"} if v < 5 else {}))
                 for v in range(2, 10)]),
        },
        "ep_info": {
            "text": 'flor.log("ep_info", infos[idx].get("episode"))',
            "intent": "Monitor episode info of the env whose episode just ended (after the action-noise reset)",
            "newest": ("after", "if action_noise is not None:", _DONE),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.6 collect_rollouts supports one env only and has no per-env `for idx, done in "
                      "enumerate(dones)` loop; `idx` is not bound (using infos[0] would substitute a constant, "
                      "not a rename)", {"scope": "collect_rollouts"})) for v in _SINGLE] +
                [(v, ("after", "if action_noise is not None:", _DONE)) for v in _VEC]),
        },
    },
}
