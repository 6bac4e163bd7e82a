# trl trainer/ppo_trainer.py (PPOTrainer.step), PyPI 0.4.1 .. 0.11.4 (v00 .. v07).
# Round 6, held out: written and scored after all of the round's fixes, before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "trl_ppo" / "versions.json").read_text())
_S = {"within": "def step("}
CASE = {
    "name": "trl_ppo",
    "title": "trl PPOTrainer.step across 0.4.1 .. 0.11.4 (minibatch dataloader -> index permutations with "
             "backward batches, advantages computed before the PPO epochs, early stopping per PPO epoch)",
    "stories": _V,
    "probes": {
        "n_stats": {
            "text": 'flor.log("n_stats", len(all_stats))',
            "intent": "number of minibatch updates so far in the step",
            "newest": ("after", "all_stats.append(train_stats)", _S),
            "versions": {v: ("after", "all_stats.append(train_stats)", _S) for v in range(7)},
        },
        "mb_size": {
            "text": 'flor.log("mb_size", len(logprobs))',
            "intent": "size of each minibatch once the policy has scored it",
            "newest": ("after", "logprobs, logits, vpreds, _ = self.batched_forward_pass(", _S),
            "versions": {v: ("after", "logprobs, logits, vpreds, _ = self.batched_forward_pass(", _S) for v in range(7)},
        },
        "policykl": {
            "text": 'flor.log("policykl", float(policykl))',
            "intent": "policy KL checked for early stopping (only when early stopping is configured)",
            "newest": ("after", 'policykl = train_stats["policy/policykl"]', _S),
            "versions": dict([(0, ("na", "missing_dependency", "no early stopping in 0.4.1",
                                   {"probe_site": ("after", "all_stats.append(train_stats)", _S)}))] +
                             [(v, ("after", 'policykl = train_stats["policy/policykl"]',
                                   dict(_S, **({"note": "checked after every minibatch in 0.4.7"} if v == 1 else {}))))
                              for v in range(1, 7)]),
        },
        "adv_mean": {
            "text": 'flor.log("adv_mean", advantages.mean().item())',
            "intent": "mean advantage of the batch, once computed",
            "newest": ("after", "values, advantages, returns = self.compute_advantages(", _S),
            "versions": dict([(v, ("na", "missing_dependency", "advantages are computed inside the loss before 0.5",
                                    {"probe_site": ("after", "rewards, non_score_reward = self.compute_rewards(", _S)}))
                              for v in (0, 1)] +
                             [(v, ("after", "values, advantages, returns = self.compute_advantages(", _S))
                              for v in range(2, 7)]),
        },
        "kl_coef": {
            "text": 'flor.log("kl_coef", self.kl_ctl.value)',
            "intent": "KL coefficient after each adaptive update",
            "newest": ("after", "self.kl_ctl.update(", _S),
            "versions": {v: ("after", "self.kl_ctl.update(", _S) for v in range(7)},
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the scheduler step (only with a scheduler)",
            "newest": ("after", "self.lr_scheduler.step()", _S),
            "versions": {v: ("after", "self.lr_scheduler.step()", _S) for v in range(7)},
        },
    },
}
