# sb3-contrib sb3_contrib/ppo_recurrent/ppo_recurrent.py (RecurrentPPO.collect_rollouts + train), PyPI 1.6.0 .. 2.9.2 (v00 .. v05).
# Round 12, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ppo_recurrent" / "versions.json").read_text())
ALL = range(5)
_SDE = ("after", "if self.use_sde:", {"within": "for rollout_data"})
CASE = {
    "name": "ppo_recurrent",
    "title": "sb3-contrib RecurrentPPO (collect_rollouts with LSTM states, train() epoch/mini-batch loop) across "
             "1.6.0 .. 2.9.2 (gSDE noise re-sampling per mini-batch removed in 2.6.0, n_updates counted per "
             "epoch from 2.9)",
    "stories": _V,
    "probes": {
        "lstm_shape": {
            "text": 'flor.log("lstm_shape", tuple(lstm_states.pi[0].shape))',
            "intent": "shape of the actor LSTM hidden state at the start of each rollout",
            "newest": ("after", "lstm_states = deepcopy(self._last_lstm_states)"),
            "versions": {v: ("after", "lstm_states = deepcopy(self._last_lstm_states)") for v in ALL},
        },
        "mask_frac": {
            "text": 'flor.log("mask_frac", mask.float().mean().item())',
            "intent": "fraction of non-padded steps in each mini-batch, right after the mask is built",
            "newest": ("after", "mask = rollout_data.mask > 1e-8"),
            "versions": {v: ("after", "mask = rollout_data.mask > 1e-8",
                             {"alt": [_SDE],
                              "note": "until 2.3 a gSDE noise re-sampling `if self.use_sde:` block follows the "
                                      "mask; it has no counterpart in the newest version and does not touch the "
                                      "mask, so the probe may go on either side of it"} if v < 4 else {})
                         for v in ALL},
        },
        "policy_loss": {
            "text": 'flor.log("policy_loss", policy_loss.item())',
            "intent": "clipped surrogate policy loss of each mini-batch",
            "newest": ("after", "policy_loss = -th.mean("),
            "versions": {v: ("after", "policy_loss = -th.mean(") for v in ALL},
        },
        "entropy_loss": {
            "text": 'flor.log("entropy_loss", entropy_loss.item())',
            "intent": "entropy loss of each mini-batch, after the if/else that computes it",
            "newest": ("after", "if entropy is None:"),
            "versions": {v: ("after", "if entropy is None:") for v in ALL},
        },
        "approx_kl": {
            "text": 'flor.log("approx_kl", approx_kl_div.item())',
            "intent": "approximate KL of each mini-batch, after the no_grad block that computes it "
                      "(before the early-stop test)",
            "newest": ("after", "with th.no_grad():", {"within": "for rollout_data"}),
            "versions": {v: ("after", "with th.no_grad():", {"within": "for rollout_data"}) for v in ALL},
        },
        "kl_stop_epoch": {
            "text": 'flor.log("kl_stop_epoch", epoch)',
            "intent": "epoch at which training stops early on the target KL (inside the early-stop if)",
            "newest": ("after", "continue_training = False"),
            "versions": {v: ("after", "continue_training = False") for v in ALL},
        },
        "n_updates": {
            "text": 'flor.log("n_updates", self._n_updates)',
            "intent": "update counter right after it is incremented",
            "newest": ("after", "self._n_updates += 1"),
            "versions": {v: ("after", "self._n_updates += self.n_epochs",
                             {"note": "before 2.9 the counter is incremented once per train() call, by n_epochs, "
                                      "after the epoch loop; that statement plays the role of "
                                      "`self._n_updates += 1` (rule 1), so the probe follows it (it runs once per "
                                      "train() there, not once per epoch: there is no per-epoch counter value to "
                                      "observe)"})
                         for v in ALL},
        },
        "explained_var": {
            "text": 'flor.log("explained_var", explained_var)',
            "intent": "explained variance of the value function, after the training loops",
            "newest": ("after", "explained_var = explained_variance("),
            "versions": {v: ("after", "explained_var = explained_variance(") for v in ALL},
        },
    },
}
