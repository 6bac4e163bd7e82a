# stable-baselines3 stable_baselines3/sac/sac.py (SAC.train), PyPI 0.8.0 .. 2.9.2 (v00 .. v08).
# Round 10, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sb3_sac" / "versions.json").read_text())
ALL = range(8)
_LOOP = {"within": "for gradient_step in range(gradient_steps):"}
_ENT_IF_OLD = "if self.ent_coef_optimizer is not None:"            # 0.8.0 .. 1.8.0
_ENT_IF_NEW = "if self.ent_coef_optimizer is not None and self.log_ent_coef is not None:"   # 2.0.0 ..
CASE = {
    "name": "sb3_sac",
    "title": "stable-baselines3 SAC.train across 0.8.0 .. 2.9.2 (target/current Q names renamed in 0.10/0.11, "
             "batch-norm stats copied at target update from 1.8.0, n-step discounts in 2.9)",
    "stories": _V,
    "probes": {
        "critic_loss": {
            "text": 'flor.log("critic_loss", critic_loss.item())',
            "intent": "critic loss of each gradient step, right after its backward",
            "newest": ("after", "critic_loss.backward()"),
            "versions": {v: ("after", "critic_loss.backward()") for v in ALL},
        },
        "ent_coef": {
            "text": 'flor.log("ent_coef", ent_coef.item())',
            "intent": "entropy coefficient of each gradient step, after the if/else that sets it "
                      "(auto-tuned: exp(log_ent_coef); fixed: ent_coef_tensor)",
            "newest": ("after", _ENT_IF_NEW, _LOOP),
            "versions": {v: ("after", _ENT_IF_OLD if v < 6 else _ENT_IF_NEW, dict(_LOOP, **({
                "note": "after the whole if/else (the probe runs in both branches), not inside the else "
                        "branch after `ent_coef = self.ent_coef_tensor`; before 2.0.0 the condition does not "
                        "test `self.log_ent_coef is not None` (same branch)"} if v < 6 else {
                "note": "after the whole if/else, not inside the else branch"}))) for v in ALL},
        },
        "ent_coef_loss": {
            "text": 'flor.log("ent_coef_loss", ent_coef_loss.item())',
            "intent": "entropy-coefficient loss, inside the auto-tuning branch right after it is computed",
            "newest": ("after", "ent_coef_loss = -(self.log_ent_coef"),
            "versions": {v: ("after", "ent_coef_loss = -(self.log_ent_coef", {
                "note": "inside the auto-tuning branch (`if self.ent_coef_optimizer is not None:` before 2.0.0); "
                        "the `assert isinstance(self.target_entropy, float)` before it exists only from 2.6.0"}
                if v < 6 else {}) for v in ALL},
        },
        "target_q_mean": {
            "text": 'flor.log("target_q_mean", target_q_values.mean().item())',
            "intent": "mean of the TD targets, right after the no_grad block that computes them",
            "newest": ("after", "with th.no_grad():"),
            "versions": {v: ("after", "with th.no_grad():", {
                "renames": {"target_q_values": "q_backup"},
                "note": "before 0.11 the TD target is q_backup (target_q is the entropy-corrected next Q, "
                        "not the target); after the with block as in the newest version"})
                if v < 2 else ("after", "with th.no_grad():") for v in ALL},
        },
        "current_q_mean": {
            "text": 'flor.log("current_q_mean", th.cat(current_q_values, dim=1).mean().item())',
            "intent": "mean of the critics' current Q estimates for the replay actions",
            "newest": ("after", "current_q_values = self.critic("),
            "versions": dict(
                [(0, ("after", "current_q_esimates = self.critic(", {
                    "renames": {"current_q_values": "current_q_esimates"},
                    "note": "0.8.0 spells it current_q_esimates (typo fixed in 0.10.0)"})),
                 (1, ("after", "current_q_estimates = self.critic(", {
                     "renames": {"current_q_values": "current_q_estimates"}}))] +
                [(v, ("after", "current_q_values = self.critic(")) for v in range(2, 8)]),
        },
        "target_update_step": {
            "text": 'flor.log("target_update_step", self._n_updates + gradient_step)',
            "intent": "update index at which the target networks are updated (inside the target-update "
                      "branch, after both polyak updates)",
            "newest": ("after", "polyak_update(self.batch_norm_stats, self.batch_norm_stats_target, 1.0)"),
            "versions": dict(
                [(v, ("after", "polyak_update(self.critic.parameters(), self.critic_target.parameters(), self.tau)", {
                    "note": "no batch-norm stats copy before 1.8.0: the probe stays last in the target-update "
                            "branch, after the critic polyak update"})) for v in range(5)] +
                [(v, ("after", "polyak_update(self.batch_norm_stats, self.batch_norm_stats_target, 1.0)"))
                 for v in range(5, 8)]),
        },
        "n_updates": {
            "text": 'flor.log("n_updates", self._n_updates)',
            "intent": "number of gradient updates so far, after each train() call's loop",
            "newest": ("after", "self._n_updates += gradient_steps"),
            "versions": {v: ("after", "self._n_updates += gradient_steps") for v in ALL},
        },
        "discount": {
            "text": 'flor.log("discount", th.as_tensor(discounts).mean().item())',
            "intent": "mean effective discount of the sampled batch (gamma**n for n-step replay), once computed",
            "newest": ("after", "discounts = replay_data.discounts"),
            "versions": {v: ("na", "missing_dependency",
                             "n-step discounts arrive in 2.9; before it the target uses the constant self.gamma "
                             "and `discounts` is not bound (substituting self.gamma would be a rewrite, not a rename)",
                             {"scope": "train", "probe_site": ("after", "replay_data = self.replay_buffer.sample(")})
                         for v in ALL},
        },
    },
}
