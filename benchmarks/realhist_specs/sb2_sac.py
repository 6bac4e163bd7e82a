# stable-baselines (TensorFlow 1) sac/sac.py (SAC.learn), PyPI 2.4.1 .. 2.10.2 (v00 .. v05).
# Round 6, held out: written and scored after all of the round's fixes, before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sb2_sac" / "versions.json").read_text())
_L = {"within": "def learn("}
CASE = {
    "name": "sb2_sac",
    "title": "stable-baselines SAC.learn across 2.4.1 .. 2.10.2 (callbacks, unnormalised observations and rewards "
             "kept for the buffer, the timestep counter moved up to the environment step)",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", current_lr)',
            "intent": "learning rate of each gradient step",
            "newest": ("after", "current_lr = self.learning_rate(frac)", _L),
            "versions": {v: ("after", "current_lr = self.learning_rate(frac)", _L) for v in range(5)},
        },
        "n_updates": {
            "text": 'flor.log("n_updates", n_updates)',
            "intent": "gradient steps so far",
            "newest": ("after", "n_updates += 1", _L),
            "versions": {v: ("after", "n_updates += 1", _L) for v in range(5)},
        },
        "infos": {
            "text": 'flor.log("infos", list(infos_values))',
            "intent": "mean losses and entropy of each training phase",
            "newest": ("after", "infos_values = np.mean(mb_infos_vals, axis=0)", _L),
            "versions": {v: ("after", "infos_values = np.mean(mb_infos_vals, axis=0)", _L) for v in range(5)},
        },
        "timesteps": {
            "text": 'flor.log("timesteps", self.num_timesteps)',
            "intent": "timestep counter after each increment",
            "newest": ("after", "self.num_timesteps += 1", _L),
            "versions": {v: ("after", "self.num_timesteps += 1", dict(_L, note=
                             "incremented at the end of the step loop before 2.10, after the episode bookkeeping"))
                         for v in range(5)},
        },
        "reward": {
            "text": 'flor.log("reward", float(reward_))',
            "intent": "reward of each environment step, once added to the episode's",
            "newest": ("after", "episode_rewards[-1] += reward_", _L),
            "versions": {v: ("after", "episode_rewards[-1] += reward", dict(_L, renames={"reward_": "reward"},
                             note="no VecNormalize unwrapping before 2.10: the reward is the environment's"))
                         for v in range(5)},
        },
        "num_episodes": {
            "text": 'flor.log("num_episodes", num_episodes)',
            "intent": "episodes so far, once counted",
            "newest": ("after", "num_episodes = len(episode_rewards)", _L),
            "versions": {v: ("after", "num_episodes = len(episode_rewards)", _L) for v in range(5)},
        },
        "mean_reward": {
            "text": 'flor.log("mean_reward", mean_reward)',
            "intent": "mean reward of the last 100 episodes, after the if/else that computes it",
            "newest": ("after", "if len(episode_rewards[-101:-1]) == 0:", _L),
            "versions": {v: ("after", "if len(episode_rewards[-101:-1]) == 0:", _L) for v in range(5)},
        },
    },
}
