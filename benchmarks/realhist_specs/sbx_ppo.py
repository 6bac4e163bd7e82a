# sbx-rl (Stable-Baselines-Jax) sbx/ppo/ppo.py (PPO._setup_model / PPO.train), PyPI 0.3.0 .. 0.28.0 (v00 .. v09).
# Round 30, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sbx_ppo" / "versions.json").read_text())
OLDER = range(9)
# v00 0.3.0: clip range schedule stored back into self.clip_range; _one_update(actor, vf, ...) returns
#            (value_loss, pg_loss); lr update commented out
# v01 0.6.0: self.clip_range_schedule; apply_fn; returns (pg_loss, value_loss)
# v02 0.7.0: gymnasium, hasattr(self, "policy"), explained_variance call split over lines
# v03 0.12.0: MultiDiscrete/MultiBinary supported (outside train)
# v04 0.19.0: builtin generics in annotations
# v05 0.20.0: train/std logged from log_std in a try/except KeyError
# v06 0.21.0: lr schedule applied (`if self.target_kl is None:`), per-minibatch counter n_updates, ratio returned,
#             approx_kl_div / clip_fraction running means, KL-adaptive lr under `if self.target_kl is not None:`
# v07 0.22.0: _one_update also returns policy_loss and entropy_loss; value loss scaled by vf_coef; call wrapped
#             in parentheses
# v08 0.23.0: CnnPolicy, share_features_extractor
# v09 0.28.0: FloatSchedule, rollout_buffer_class kwargs (newest)
_TRAIN = {"within": "def train("}
_CALL = "(self.policy.actor_state, self.policy.vf_state)"
CASE = {
    "name": "sbx_ppo",
    "title": "sbx (Stable-Baselines-Jax) PPO.train across 0.3.0 .. 0.28.0 (clip-range schedule attribute renamed, "
             "loss tuple reordered and extended, lr schedule + KL-adaptive lr, per-minibatch KL / clip-fraction "
             "means, log_std try/except)",
    "stories": _V,
    "probes": {
        "clip_range_init": {
            "text": 'flor.log("clip_range_init", self.clip_range_schedule(1.0))',
            "intent": "clip range at the start of training, once the clip-range schedule is built in _setup_model",
            "newest": ("after", "self.clip_range_schedule = FloatSchedule(self.clip_range)"),
            "versions": dict(
                [(0, ("after", "self.clip_range = get_schedule_fn(self.clip_range)", {
                    "renames": {"self.clip_range_schedule": "self.clip_range"},
                    "note": "0.3.0 overwrites self.clip_range with the schedule function (self.clip_range_schedule "
                            "from 0.6.0): the schedule is self.clip_range right after this statement"}))] +
                [(v, ("after", "self.clip_range_schedule = get_schedule_fn(self.clip_range)")) for v in range(1, 6)] +
                [(v, ("after", "self.clip_range_schedule = FloatSchedule(self.clip_range)")) for v in (6, 7, 8)]),
        },
        "adaptive_lr": {
            "text": 'flor.log("adaptive_lr", self.adaptive_lr.current_adaptive_lr)',
            "intent": "KL-adaptive learning rate after each minibatch update, inside the adaptive-lr branch",
            "newest": ("after", "self._update_learning_rate(", {"within": "if self.target_kl is not None:"}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no KL-adaptive learning rate before 0.21.0: self.adaptive_lr (KLAdaptiveLR) is never "
                      "created, and target_kl is stored but unused in train()", {"scope": "train"}))
                 for v in range(6)] +
                [(v, ("after", "self._update_learning_rate(", {"within": "if self.target_kl is not None:"}))
                 for v in (6, 7, 8)]),
        },
        "clip_range": {
            "text": 'flor.log("clip_range", clip_range)',
            "intent": "clip range of this train() call, right after the schedule is evaluated",
            "newest": ("after", "clip_range = self.clip_range_schedule("),
            "versions": dict(
                [(0, ("after", "clip_range = self.clip_range(self._current_progress_remaining)", {
                    "note": "0.3.0 evaluates the schedule stored in self.clip_range; same local `clip_range`"}))] +
                [(v, ("after", "clip_range = self.clip_range_schedule(")) for v in range(1, 9)]),
        },
        "adv_mean": {
            "text": 'flor.log("adv_mean", rollout_data.advantages.mean().item())',
            "intent": "mean (unnormalized) advantage of each minibatch, first thing in the minibatch loop",
            "newest": ("first_in", "for rollout_data in self.rollout_buffer.get(self.batch_size):"),
            "versions": {v: ("first_in", "for rollout_data in self.rollout_buffer.get(self.batch_size):", {
                "note": "before 0.21.0 the loop body starts with the discrete/continuous actions if/else (no "
                        "`n_updates += 1` yet): still first in the loop"} if v < 6 else {}) for v in OLDER},
        },
        "batch_size": {
            "text": 'flor.log("batch_size", len(actions))',
            "intent": "size of each minibatch, once its actions are converted (both action-space branches)",
            "newest": ("after", "if isinstance(self.action_space, spaces.Discrete):"),
            "versions": {v: ("after", "if isinstance(self.action_space, spaces.Discrete):", {
                "note": "after the whole if/else (both branches bind actions), not inside the else branch after "
                        "`actions = rollout_data.actions.numpy()`"}) for v in OLDER},
        },
        "value_loss": {
            "text": 'flor.log("value_loss", value_loss.item())',
            "intent": "value-function loss of each minibatch update",
            "newest": ("after", _CALL),
            "versions": {v: ("after", _CALL, {
                "note": "0.3.0 returns (value_loss, pg_loss) in the other order but binds the same names; the "
                        "value is `value_loss` in every version (scaled by vf_coef from 0.22.0)"} if v == 0 else (
                {"note": "from 0.22.0 the value loss includes the vf_coef factor; same variable, same place"}
                if v == 7 else {})) for v in OLDER},
        },
        "policy_loss": {
            "text": 'flor.log("policy_loss", policy_loss.item())',
            "intent": "clipped surrogate policy loss (without the entropy term) of each minibatch update",
            "newest": ("after", _CALL),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.22.0 _one_update returns only the total actor loss pg_loss (surrogate + "
                      "ent_coef * entropy loss); policy_loss exists only inside the jitted actor_loss closure. "
                      "pg_loss is a different value, not a rename",
                      {"scope": "train", "probe_site": ("after", _CALL)})) for v in range(7)] +
                [(v, ("after", _CALL)) for v in (7, 8)]),
        },
        "approx_kl": {
            "text": 'flor.log("approx_kl", approx_kl_div)',
            "intent": "approximate KL divergence between old and new policy of each minibatch update",
            "newest": ("after", "approx_kl_div = jnp.mean("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "the KL estimate (and the ratio it is computed from) is not returned to train() before "
                      "0.21.0", {"scope": "train", "probe_site": ("after", _CALL)})) for v in range(6)] +
                [(v, ("after", "approx_kl_div = jnp.mean(")) for v in (6, 7, 8)]),
        },
        "n_updates": {
            "text": 'flor.log("n_updates", self._n_updates)',
            "intent": "total number of gradient epochs so far, after each train() call's loops",
            "newest": ("after", "self._n_updates += self.n_epochs"),
            "versions": {v: ("after", "self._n_updates += self.n_epochs") for v in OLDER},
        },
        "explained_var": {
            "text": 'flor.log("explained_var", explained_var)',
            "intent": "explained variance of the value function on the rollout, once computed",
            "newest": ("after", "explained_var = explained_variance("),
            "versions": {v: ("after", "explained_var = explained_variance(", {
                "note": "one-line call before 0.7.0"} if v < 2 else {}) for v in OLDER},
        },
        "std": {
            "text": 'flor.log("std", np.exp(log_std).mean().item())',
            "intent": "mean action standard deviation of the Gaussian policy, inside the try that reads log_std",
            "newest": ("after", 'log_std = self.policy.actor_state.params["params"]["log_std"]'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.20.0 the std logging is commented out (`# if hasattr(self.policy, \"log_std\"):`) "
                      "and log_std is never read", {"scope": "train"})) for v in range(5)] +
                [(v, ("after", 'log_std = self.policy.actor_state.params["params"]["log_std"]'))
                 for v in (5, 6, 7, 8)]),
        },
    },
}
