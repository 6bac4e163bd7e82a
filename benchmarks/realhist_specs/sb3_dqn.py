# stable-baselines3 dqn/dqn.py, PyPI 0.8.0 .. 2.9.2 (v00 .. v11).
# Written after the first round of fixes, scored before any change made for it (a held-out check).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sb3_dqn" / "versions.json").read_text())
ALL = range(11)
CASE = {
    "name": "sb3_dqn",
    "title": "stable-baselines3 DQN.train()/_on_step() across 0.8.0 .. 2.9.2 (q-value names renamed in 0.11)",
    "stories": _V,
    "probes": {
        "q_mean": {
            "text": 'flor.log("q_mean", float(current_q_values.mean()))',
            "intent": "mean Q of the taken actions, every gradient step",
            "newest": ("after", "current_q_values = th.gather("),
            "versions": dict(
                [(v, ("after", "current_q = th.gather(", {"renames": {"current_q_values": "current_q"}})) for v in (0, 1)] +
                [(v, ("after", "current_q_values = th.gather(")) for v in range(2, 11)]),
        },
        "target_q_mean": {
            "text": 'flor.log("target_q_mean", float(target_q_values.mean()))',
            "intent": "mean TD target, after the no_grad block that computes it",
            "newest": ("after", "with th.no_grad():"),
            "versions": dict(
                [(v, ("after", "with th.no_grad():", {"renames": {"target_q_values": "target_q"}})) for v in (0, 1)] +
                [(v, ("after", "with th.no_grad():")) for v in range(2, 11)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "TD loss of every gradient step",
            "newest": ("after", "loss = F.smooth_l1_loss("),
            "versions": {v: ("after", "loss = F.smooth_l1_loss(") for v in ALL},
        },
        "exploration_rate": {
            "text": 'flor.log("exploration_rate", self.exploration_rate)',
            "intent": "epsilon after every env step",
            "newest": ("after", "self.exploration_rate = self.exploration_schedule("),
            "versions": {v: ("after", "self.exploration_rate = self.exploration_schedule(") for v in ALL},
        },
        "discounts": {
            "text": 'flor.log("discounts", discounts)',
            "intent": "per-sample discounts (n-step returns), new in the newest version",
            "newest": ("after", "discounts = "),
            "versions": {v: ("na", "missing_dependency", "no per-sample discounts before 2.9") for v in ALL},
        },
        "target_update": {
            "text": 'flor.log("target_update", self._n_calls)',
            "intent": "call counter whenever the target network is updated",
            "newest": ("after", "polyak_update(self.q_net.parameters()"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "no _n_calls counter before 1.6 (the update keys on num_timesteps)"))
                 for v in range(5)] +
                [(v, ("after", "polyak_update(self.q_net.parameters()")) for v in range(5, 11)]),
        },
    },
}
