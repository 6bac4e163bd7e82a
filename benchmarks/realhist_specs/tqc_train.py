# sb3-contrib tqc/tqc.py (TQC.train), PyPI 0.10.0 .. 2.9.2 (v00 .. v08).
# Round 5, held out: written and scored after all of the round's fixes, before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tqc_train" / "versions.json").read_text())
ALL = range(8)
CASE = {
    "name": "tqc_train",
    "title": "sb3-contrib TQC.train across 0.10.0 .. 2.9.2 (quantile names z -> quantiles, quantile_huber_loss "
             "moved out of the class, n-step discounts)",
    "stories": _V,
    "probes": {
        "critic_loss": {
            "text": 'flor.log("critic_loss", critic_loss.item())',
            "intent": "critic loss of each gradient step, after backward",
            "newest": ("after", "critic_loss.backward()"),
            "versions": {v: ("after", "critic_loss.backward()") for v in ALL},
        },
        "actor_loss": {
            "text": 'flor.log("actor_loss", actor_loss.item())',
            "intent": "actor loss of each gradient step",
            "newest": ("after", "actor_losses.append(actor_loss.item())"),
            "versions": {v: ("after", "actor_losses.append(actor_loss.item())") for v in ALL},
        },
        "ent_coef": {
            "text": 'flor.log("ent_coef", ent_coef.item())',
            "intent": "entropy coefficient of each gradient step",
            "newest": ("after", "ent_coefs.append(ent_coef.item())"),
            "versions": {v: ("after", "ent_coefs.append(ent_coef.item())") for v in ALL},
        },
        "target_mean": {
            "text": 'flor.log("target_mean", target_quantiles.mean().item())',
            "intent": "mean of the target quantiles, once computed",
            "newest": ("after", "target_quantiles.unsqueeze_(dim=1)"),
            "versions": dict([(0, ("after", "q_backup = ", {"renames": {"target_quantiles": "q_backup"},
                                   "note": "0.10 names the targets q_backup and does not unsqueeze them"}))] +
                             [(v, ("after", "target_quantiles.unsqueeze_(dim=1)")) for v in range(1, 8)]),
        },
        "current_mean": {
            "text": 'flor.log("current_mean", current_quantiles.mean().item())',
            "intent": "mean of the critic's current quantiles",
            "newest": ("after", "current_quantiles = self.critic("),
            "versions": dict([(0, ("after", "current_z = self.critic(", {"renames": {"current_quantiles": "current_z"}}))] +
                             [(v, ("after", "current_quantiles = self.critic(")) for v in range(1, 8)]),
        },
        "n_updates": {
            "text": 'flor.log("n_updates", self._n_updates)',
            "intent": "number of gradient updates so far, after each train() call",
            "newest": ("after", "self._n_updates += gradient_steps"),
            "versions": {v: ("after", "self._n_updates += gradient_steps") for v in ALL},
        },
    },
}
