# stable-baselines (TensorFlow 1) ppo2/ppo2.py (PPO2.learn), PyPI 2.0.0 .. 2.10.2 (v00 .. v07).
# Round 6: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sb2_ppo2" / "versions.json").read_text())
_NR = {"within": "for start in range(0, self.n_batch"}
CASE = {
    "name": "sb2_ppo2",
    "title": "stable-baselines PPO2.learn across 2.0.0 .. 2.10.2 (runner and episode buffer moved to the instance, "
             "callbacks, cliprangenow renamed, value-function clipping)",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", lr_now)',
            "intent": "learning rate of each update, once computed",
            "newest": ("after", "lr_now = self.learning_rate(frac)"),
            "versions": {v: ("after", "lr_now = self.learning_rate(frac)") for v in range(7)},
        },
        "clip": {
            "text": 'flor.log("clip", cliprange_now)',
            "intent": "clip range of each update, once computed",
            "newest": ("after", "cliprange_now = self.cliprange(frac)"),
            "versions": dict([(v, ("after", "cliprangenow = self.cliprange(frac)", {"renames": {"cliprange_now": "cliprangenow"}}))
                              for v in range(4)] + [(v, ("after", "cliprange_now = self.cliprange(frac)")) for v in range(4, 7)]),
        },
        "n_obs": {
            "text": 'flor.log("n_obs", len(obs))',
            "intent": "size of each rollout once unpacked",
            "newest": ("after", "obs, returns, masks, actions, values, neglogpacs, states, ep_infos, true_reward = rollout"),
            "versions": {v: ("after", "obs, returns, masks, actions, values, neglogpacs, states, ep_infos, true_reward = runner.run()",
                             {"note": "the rollout is unpacked straight from runner.run() before 2.10"}) for v in range(7)},
        },
        "n_episodes": {
            "text": 'flor.log("n_episodes", len(ep_infos))',
            "intent": "episodes finished in each rollout, once added to the info buffer",
            "newest": ("after", "self.ep_info_buf.extend(ep_infos)"),
            "versions": {v: ("after", "ep_info_buf.extend(ep_infos)", {"note": "the buffer is a local of learn() before 2.10"})
                         for v in range(7)},
        },
        "mb_loss": {
            "text": 'flor.log("mb_loss", mb_loss_vals[-1])',
            "intent": "losses of each minibatch step (non-recurrent policies)",
            "newest": ("after", "mb_loss_vals.append(", _NR),
            "versions": {v: ("after", "mb_loss_vals.append(", _NR) for v in range(7)},
        },
        "loss_vals": {
            "text": 'flor.log("loss_vals", loss_vals.tolist())',
            "intent": "mean losses of each update",
            "newest": ("after", "loss_vals = np.mean(mb_loss_vals, axis=0)"),
            "versions": {v: ("after", "loss_vals = np.mean(mb_loss_vals, axis=0)") for v in range(7)},
        },
        "explained_var": {
            "text": 'flor.log("explained_var", float(explained_var))',
            "intent": "explained variance, on the updates that log",
            "newest": ("after", "explained_var = explained_variance(values, returns)"),
            "versions": {v: ("after", "explained_var = explained_variance(values, returns)") for v in range(7)},
        },
    },
}
