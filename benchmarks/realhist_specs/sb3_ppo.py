# stable-baselines3 ppo/ppo.py, PyPI 0.6.0 .. 2.9.2 (v00 .. v11).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sb3_ppo" / "versions.json").read_text())
ALL = range(11)
def _same(anchor, **kw):
    return {v: ("after", anchor, kw) if kw else ("after", anchor) for v in ALL}
CASE = {
    "name": "sb3_ppo",
    "title": "stable-baselines3 PPO.train() across 0.6.0 .. 2.9.2",
    "stories": _V,
    "probes": {
        "value_loss": {
            "text": 'flor.log("value_loss", value_loss.item())',
            "intent": "value-function loss of each minibatch",
            "newest": ("after", "value_loss = F.mse_loss(rollout_data.returns, values_pred)"),
            "versions": _same("value_loss = F.mse_loss(rollout_data.returns, values_pred)"),
        },
        "clip_fraction": {
            "text": 'flor.log("clip_fraction", clip_fraction)',
            "intent": "fraction of clipped ratios of each minibatch",
            "newest": ("after", "clip_fractions.append(clip_fraction)"),
            "versions": _same("clip_fractions.append(clip_fraction)"),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "total loss after the backward pass",
            "newest": ("after", "loss.backward()"),
            "versions": _same("loss.backward()"),
        },
        "explained_var": {
            "text": 'flor.log("explained_var", float(explained_var))',
            "intent": "explained variance once per train() call",
            "newest": ("after", "explained_var = explained_variance("),
            "versions": _same("explained_var = explained_variance("),
        },
        "approx_kl": {
            "text": 'flor.log("approx_kl", float(approx_kl_div))',
            "intent": "approximate KL of each minibatch, inside the no_grad block that computes it",
            "newest": ("after", "approx_kl_divs.append(approx_kl_div)"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "before 1.3 the KL estimate is appended inline; no approx_kl_div"))
                 for v in range(4)] +
                [(v, ("after", "approx_kl_divs.append(approx_kl_div)")) for v in range(4, 11)]),
        },
        "epoch_kl": {
            "text": 'flor.log("epoch_kl", float(np.mean(approx_kl_divs)))',
            "intent": "mean KL of each epoch, right after the pass over the rollout buffer",
            "newest": ("after", "for rollout_data in self.rollout_buffer.get(self.batch_size):"),
            "versions": dict(
                [(0, ("after", "for rollout_data in self.rollout_buffer.get(batch_size):"))] +
                [(v, ("after", "for rollout_data in self.rollout_buffer.get(self.batch_size):")) for v in range(1, 11)]),
        },
        "clip_range_vf": {
            "text": 'flor.log("clip_range_vf", clip_range_vf)',
            "intent": "value clip range, only when value clipping is configured",
            "newest": ("after", "clip_range_vf = self.clip_range_vf("),
            "versions": _same("clip_range_vf = self.clip_range_vf("),
        },
    },
}
