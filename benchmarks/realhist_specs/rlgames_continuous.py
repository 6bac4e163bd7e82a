# rl-games rl_games/algos_torch/a2c_continuous.py (A2CAgent.__init__, calc_gradients, calc_losses, train_actor_critic),
# PyPI rl-games 1.0.1 .. 1.6.5 (v00 .. v06).
# Round 11, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "rlgames_continuous" / "versions.json").read_text())
ALL = range(6)
_OLD_LOSS = "loss = a_loss + 0.5 * c_loss"
CASE = {
    "name": "rlgames_continuous",
    "title": "rl-games continuous PPO agent (A2CAgent) across 1.0.1 .. 1.6.5 (bound-loss types, EWMA-PPO added "
             "then removed, inline gradient clipping moved to trancate_gradients_and_step(), losses extracted "
             "into calc_losses(), aux losses, lr written back to the optimizer)",
    "stories": _V,
    "probes": {
        "build_config": {
            "text": 'flor.log("build_config", build_config)',
            "intent": "the network build configuration, right after the model is built from it",
            "newest": ("after", "self.model = self.network.build(build_config)"),
            "versions": dict(
                [(v, ("after", "self.model = self.network.build(config)", {
                    "renames": {"build_config": "config"},
                    "note": "before 1.3.0 the build dict is called `config` (it rebinds the constructor's "
                            "`config` parameter); at this point `config` is the build dict"})) for v in (0, 1, 2)] +
                [(v, ("after", "self.model = self.network.build(build_config)")) for v in (3, 4, 5)]),
        },
        "actor_loss": {
            "text": 'flor.log("actor_loss", a_loss.mean().item())',
            "intent": "unmasked actor (PPO clip) loss, right after it is computed",
            "newest": ("after", "a_loss = actor_loss_func("),
            "versions": dict(
                [(v, ("after", "a_loss = common_losses.actor_loss(", {
                    "note": "computed inline in calc_gradients (no calc_losses yet), via common_losses.actor_loss"}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "if self.ewma_ppo:", {
                    "n": 2, "of": 3,
                    "note": "EWMA-PPO: a_loss is set in both branches of `if self.ewma_ppo:` (decoupled loss / "
                            "plain loss); the unconditional probe goes after the whole if/else, not inside the "
                            "else branch. 2nd of 3 `if self.ewma_ppo:` (1st in __init__, 3rd is the EWMA update)"}))
                 for v in (3, 4)] +
                [(5, ("after", "a_loss = self.actor_loss_func(", {
                    "note": "computed inline in calc_gradients (no calc_losses yet)"}))]),
        },
        "bound_loss": {
            "text": 'flor.log("bound_loss", b_loss.mean().item())',
            "intent": "soft-bound loss on the action means, only when bound_loss_type == 'bound' (inside that elif)",
            "newest": ("after", "b_loss = self.bound_loss(mu)"),
            "versions": dict(
                [(v, ("after", "b_loss = self.bound_loss(mu)", {
                    "note": "before 1.3.0 there is no bound_loss_type: the bound loss is always computed, "
                            "so the probe goes after the unconditional statement (rule 3)"})) for v in (0, 1, 2)] +
                [(v, ("after", "b_loss = self.bound_loss(mu)", {
                    "note": "inside `elif self.bound_loss_type == 'bound':` in calc_gradients"})) for v in (3, 4, 5)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "combined PPO loss (actor + critic - entropy + bound), as soon as it is formed, inside autocast",
            "newest": ("after", "loss, a_loss, c_loss, entropy, b_loss, sum_mask = self.calc_losses("),
            "versions": {v: ("after", _OLD_LOSS, {
                "note": "before 1.6 the losses are computed inline; the combined loss statement is the last "
                        "thing calc_losses() does, so the probe follows it (inside the autocast block, "
                        "before the zero_grad if/else)"}) for v in ALL},
        },
        "aux_loss": {
            "text": 'flor.log("aux_loss", {k: v.item() for k, v in aux_loss.items()})',
            "intent": "auxiliary losses reported by the model, when there are any",
            "newest": ("first_in", "if aux_loss is not None:"),
            "versions": {v: ("na", "missing_dependency",
                             "model auxiliary losses (aux_loss = self.model.get_aux_loss()) arrive in 1.6; "
                             "older calc_gradients never bind aux_loss",
                             {"scope": "calc_gradients"}) for v in ALL},
        },
        "param_norm": {
            "text": 'flor.log("param_norm", sum(p.norm().item() ** 2 for p in self.model.parameters()) ** 0.5)',
            "intent": "L2 norm of the model weights after the (optionally clipped) optimizer step",
            "newest": ("after", "self.trancate_gradients_and_step()"),
            "versions": dict(
                [(v, ("after", "if self.truncate_grads:", {
                    "note": "before 1.5 the clipping and scaler.step/update are inline in an "
                            "`if self.truncate_grads:` (nested `if self.multi_gpu:`) / else; the step happens in "
                            "every branch, so the unconditional probe goes after the whole if/else, not after one "
                            "of the scaler.update() calls"})) for v in (0, 1, 2, 3, 4)] +
                [(5, ("after", "self.trancate_gradients_and_step()"))]),
        },
        "kl": {
            "text": 'flor.log("kl", kl_dist.item())',
            "intent": "KL divergence between old and new policy, after the no_grad block that computes it",
            "newest": ("after", "with torch.no_grad():"),
            "versions": {v: ("after", "with torch.no_grad():", {
                "note": "after the with block (before the EWMA update in 1.3/1.4)"} if v in (3, 4) else {})
                for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", self.last_lr)',
            "intent": "learning rate after each minibatch update, once it is written back to the optimizer",
            "newest": ("after", "for param_group in self.optimizer.param_groups:"),
            "versions": {v: ("after", "self.calc_gradients(input_dict)", {
                "note": "before 1.6 train_actor_critic does not write the lr into the optimizer's param groups; "
                        "rule 2: the probe keeps its place after calc_gradients and before the return"})
                for v in ALL},
        },
    },
}
