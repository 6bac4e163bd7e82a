# stable-baselines3 common/on_policy_algorithm.py, PyPI 0.8.0 .. 2.9.2 (v00 .. v11).
# Written after the first round of fixes, scored before any change made for it (a held-out check).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sb3_onpolicy" / "versions.json").read_text())
ALL = range(11)
_W = "while n_steps < n_rollout_steps"
CASE = {
    "name": "sb3_onpolicy",
    "title": "stable-baselines3 OnPolicyAlgorithm.collect_rollouts()/learn() across 0.8.0 .. 2.9.2",
    "stories": _V,
    "probes": {
        "reward_mean": {
            "text": 'flor.log("reward_mean", float(rewards.mean()))',
            "intent": "mean reward of every vectorised env step",
            "newest": ("after", "new_obs, rewards, dones, infos = env.step(clipped_actions)"),
            "versions": {v: ("after", "new_obs, rewards, dones, infos = env.step(clipped_actions)") for v in ALL},
        },
        "num_timesteps": {
            "text": 'flor.log("num_timesteps", self.num_timesteps)',
            "intent": "timestep counter after every env step",
            "newest": ("after", "self.num_timesteps += env.num_envs"),
            "versions": {v: ("after", "self.num_timesteps += env.num_envs") for v in ALL},
        },
        "value_mean": {
            "text": 'flor.log("value_mean", float(values.mean()))',
            "intent": "mean value estimate of every step, after the no_grad forward",
            "newest": ("after", "with th.no_grad():", {"within": _W, "n": 1, "of": 2}),
            "versions": {v: ("after", "with th.no_grad():", {"within": _W, "n": 1, "of": 1 if v < 5 else 2})
                         for v in ALL},
        },
        "terminal_value": {
            "text": 'flor.log("terminal_value", float(terminal_value))',
            "intent": "bootstrapped value of a truncated episode (only from 1.6 on)",
            "newest": ("after", "rewards[idx] += self.gamma * terminal_value"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "no bootstrapping of truncated episodes before 1.6")) for v in range(5)] +
                [(v, ("after", "rewards[idx] += self.gamma * terminal_value")) for v in range(5, 11)]),
        },
        "iteration": {
            "text": 'flor.log("iteration", iteration)',
            "intent": "iteration counter of learn(), after the progress update",
            "newest": ("after", "self._update_current_progress_remaining(self.num_timesteps, total_timesteps)"),
            "versions": {v: ("after", "self._update_current_progress_remaining(self.num_timesteps, total_timesteps)")
                         for v in ALL},
        },
        "fps": {
            "text": 'flor.log("fps", fps)',
            "intent": "throughput when the logs are dumped (moved from learn() into a dump_logs() helper)",
            "newest": ("after", "fps = int("),
            "versions": {v: ("after", "fps = int(") for v in ALL},
        },
    },
}
