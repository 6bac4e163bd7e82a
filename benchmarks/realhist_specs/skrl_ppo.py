# skrl skrl/agents/torch/ppo/ppo.py (PPO.record_transition / post_interaction / _update -> update), PyPI skrl 0.7.0 .. 2.1.1 (v00 .. v07).
# Round 8, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "skrl_ppo" / "versions.json").read_text())
OLD = range(7)
_EPOCH = {"within": "for epoch in range("}
CASE = {
    "name": "skrl_ppo",
    "title": "skrl PPO agent update across 0.7.0 .. 2.1.1 (RNN support added then moved out, GAE hoisted to module "
             "level, autocast/GradScaler mixed precision, distributed KL reduction, self._x -> self.cfg.x config)",
    "stories": _V,
    "probes": {
        "returns_mean": {
            "text": 'flor.log("returns_mean", returns.mean().item())',
            "intent": "mean of the GAE returns of the rollout, right after they are computed",
            "newest": ("after", "returns, advantages = compute_gae("),
            "versions": {v: ("after", "returns, advantages = compute_gae(", {
                "note": "compute_gae is a nested function of _update before 2.x (its own `returns = ...` is in "
                        "another scope); the call in _update is the place"}) for v in OLD},
        },
        "kl_divergence": {
            "text": 'flor.log("kl_divergence", kl_divergence.item())',
            "intent": "approximate KL of each mini-batch, right after the no_grad block that computes it "
                      "(before the KL early stop)",
            "newest": ("after", "with torch.no_grad():", _EPOCH),
            "versions": {v: ("after", "with torch.no_grad():", dict(_EPOCH, **({
                "note": "inside the autocast block from 1.4 on; before that directly in the mini-batch loop"}
                if v < 6 else {}))) for v in OLD},
        },
        "entropy_loss": {
            "text": 'flor.log("entropy_loss", entropy_loss.item())',
            "intent": "entropy loss of each mini-batch, only when the entropy term is enabled",
            "newest": ("after", "entropy_loss = -"),
            "versions": {v: ("after", "entropy_loss = -", {
                "note": "inside `if self._entropy_loss_scale:` (not after the if/else, where it may be the int 0)"})
                for v in OLD},
        },
        "policy_loss": {
            "text": 'flor.log("policy_loss", policy_loss.item())',
            "intent": "clipped surrogate policy loss of each mini-batch, right after it is computed",
            "newest": ("after", "policy_loss = -torch.min("),
            "versions": {v: ("after", "policy_loss = -torch.min(") for v in OLD},
        },
        "value_loss": {
            "text": 'flor.log("value_loss", value_loss.item())',
            "intent": "value loss of each mini-batch, after the autocast block that computes the losses, "
                      "before the optimization step",
            "newest": ("after", "with torch.autocast(", _EPOCH),
            "versions": dict(
                [(v, ("after", "value_loss = ", {
                    "note": "no autocast block before 1.4: the equivalent place is right after the value loss, "
                            "before self.optimizer.zero_grad()"})) for v in range(6)] +
                [(6, ("after", "with torch.autocast(", dict(_EPOCH, note="after the whole autocast block, "
                      "not inside it after `value_loss = ...`")))]),
        },
        "kl": {
            "text": 'flor.log("kl", kl.item())',
            "intent": "epoch-mean KL (all-reduced across workers in distributed runs) fed to the KL-adaptive scheduler",
            "newest": ("after", "if config.torch.is_distributed:", {"within": "isinstance(self.scheduler"}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.3 the mean KL is passed inline to self.scheduler.step(torch.tensor(kl_divergences)"
                      ".mean()) and never bound to a name; substituting the expression is not a rename",
                      {"scope": "_update"})) for v in range(5)] +
                [(v, ("after", "if config.torch.is_distributed:", {"within": "isinstance(self.scheduler"}))
                 for v in (5, 6)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate at the end of each learning epoch, after the (optional) scheduler step",
            "newest": ("after", "if self.scheduler:", _EPOCH),
            "versions": {v: ("after", "if self._learning_rate_scheduler:", dict(_EPOCH, note=(
                "the scheduler guard is `if self._learning_rate_scheduler:` before 2.x; the probe goes after the "
                "whole guard (unconditional), not after the final `if self._learning_rate_scheduler:` that tracks "
                "the learning rate after the epoch loop"))) for v in OLD},
        },
        "policy_loss_mean": {
            "text": 'flor.log("policy_loss_mean", cumulative_policy_loss / (self.cfg.learning_epochs * self.cfg.mini_batches))',
            "intent": "mean policy loss of the update, after the learning-epoch loop",
            "newest": ("after", "for epoch in range("),
            "versions": {v: ("after", "for epoch in range(", {
                "renames": {"self.cfg.learning_epochs": "self._learning_epochs",
                            "self.cfg.mini_batches": "self._mini_batches"},
                "note": "config values are private attributes (self._learning_epochs, self._mini_batches) before 2.x"})
                for v in OLD},
        },
    },
}
