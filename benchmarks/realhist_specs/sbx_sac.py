# sbx-rl (Stable-Baselines-Jax) sbx/sac/sac.py (SAC._setup_model / SAC.train / SAC._train), PyPI 0.1.0.post1 .. 0.26.0
# (v00 .. v11).
# Round 30, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sbx_sac" / "versions.json").read_text())
OLDER = range(11)
# v00 0.1.0.post1: train(batch_size, gradient_steps); jitted static _train(actor, qf, ent_coef, ...) with a Python
#                  `for i in range(gradient_steps)` loop that counts n_updates and returns it (self._n_updates is
#                  assigned from the _train result); target entropy set unconditionally at the end of _setup_model
# v01 0.2.0: policy_delay (policy_delay_indices FrozenDict, `if i in policy_delay_indices:` around the actor update),
#            self._n_updates += gradient_steps in train()
# v02 0.3.0: qf_learning_rate
# v03 0.5.0: networks no longer static args (apply_fn), _train a classmethod
# v04 0.7.0: dict observations (`if isinstance(data.observations, dict):` -> obs / next_obs), multi-line
#            update_critic unpack
# v05 0.10.0: train(gradient_steps, batch_size) annotated
# v06 0.11.0: jax.lax.fori_loop over a nested `one_update(i, carry)` closure, jax.lax.cond actor/temperature update,
#             _train returns (actor_loss, qf_loss, ent_coef_loss) which train() still unpacks as
#             (actor_loss_value, qf_loss_value, ent_coef_value)
# v07 0.18.0: target_entropy parameter (`if self.target_entropy == "auto":` / else), log(ent_coef) temperature loss
# v08 0.20.0: _train returns ent_coef_loss and ent_coef_value separately; param resets
# v09 0.21.0: lr schedules applied to actor and critic optimizers
# v10 0.22.0: n-step discounts (`if data.discounts is None:` / else), gamma no longer passed to _train
# v11 0.26.0: unparenthesized tuple targets (newest)
_TRAIN = {"within": "def train("}
_SAMPLE = ("after", "data = self.replay_buffer.sample(")
CASE = {
    "name": "sbx_sac",
    "title": "sbx (Stable-Baselines-Jax) SAC.train/_train across 0.1.0.post1 .. 0.26.0 (Python gradient-step loop "
             "-> fori_loop closure, policy delay, dict observations, ent_coef/ent_coef_loss return mix-up in "
             "0.11-0.18, lr schedules, n-step discounts)",
    "stories": _V,
    "probes": {
        "ent_coef_init": {
            "text": 'flor.log("ent_coef_init", ent_coef_init)',
            "intent": "initial value of the auto-tuned entropy coefficient (inside the 'auto' branch of _setup_model)",
            "newest": ("after", 'if "_" in self.ent_coef_init:'),
            "versions": {v: ("after", 'if "_" in self.ent_coef_init:', {
                "note": "inside the `auto` branch, after the optional `auto_<value>` parsing if"} if v == 0 else {})
                for v in OLDER},
        },
        "target_entropy": {
            "text": 'flor.log("target_entropy", self.target_entropy)',
            "intent": "target entropy used by the temperature update, once it is resolved in _setup_model",
            "newest": ("after", 'if self.target_entropy == "auto":'),
            "versions": dict(
                [(v, ("after", "self.target_entropy = -np.prod(", {
                    "note": "before 0.15 the target entropy is always -prod(action shape), set by one "
                            "unconditional statement at the end of _setup_model: after it"})) for v in range(7)] +
                [(v, ("after", 'if self.target_entropy == "auto":', {
                    "note": "after the whole if/else (the probe runs in both branches), not inside the `auto` branch"}
                      if v == 7 else {})) for v in range(7, 11)]),
        },
        "batch_reward": {
            "text": 'flor.log("batch_reward", data.rewards.mean().item())',
            "intent": "mean reward of all transitions sampled for this train() call, right after sampling",
            "newest": _SAMPLE,
            "versions": {v: (_SAMPLE[0], _SAMPLE[1], {
                "note": "0.1.0.post1 samples without the VecNormalize env argument"} if v == 0 else {})
                for v in OLDER},
        },
        "obs_dim": {
            "text": 'flor.log("obs_dim", obs.shape[1])',
            "intent": "flattened observation size fed to the networks, after the dict/array observation if/else",
            "newest": ("after", "if isinstance(data.observations, dict):"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.7.0 there are no dict observations and no `obs` variable: the observations are "
                      "converted inline in the ReplayBufferSamplesNp(...) call",
                      {"scope": "train", "probe_site": _SAMPLE})) for v in range(4)] +
                [(v, ("after", "if isinstance(data.observations, dict):", {
                    "note": "after the whole if/else, not inside the else branch"} if v == 4 else {}))
                 for v in range(4, 11)]),
        },
        "discount": {
            "text": 'flor.log("discount", float(discounts.mean()))',
            "intent": "mean effective discount of the sampled batch (gamma**n with n-step returns), after the "
                      "if/else that builds it",
            "newest": ("after", "if data.discounts is None:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "n-step discounts arrive in 0.22.0; before it the target uses the constant gamma and "
                      "`discounts` is not bound (self.gamma would be a substitute, not a rename)",
                      {"scope": "train", "probe_site": _SAMPLE})) for v in range(10)] +
                [(10, ("after", "if data.discounts is None:"))]),
        },
        "critic_loss": {
            "text": 'flor.log("critic_loss", qf_loss_value.item())',
            "intent": "critic loss (last gradient step) returned by the jitted _train of each train() call",
            "newest": ("after", "(", _TRAIN),
            "versions": {v: ("after", "(", dict(_TRAIN, **({
                "note": "0.1.0.post1 also unpacks self._n_updates from the _train result; same statement"}
                if v == 0 else {}))) for v in OLDER},
        },
        "n_updates": {
            "text": 'flor.log("n_updates", self._n_updates)',
            "intent": "total number of gradient steps so far, once this train() call's count is added",
            "newest": ("after", "self._n_updates += gradient_steps"),
            "versions": dict(
                [(0, ("after", "(", dict(_TRAIN, note="0.1.0.post1 counts the steps inside the jitted _train "
                                                     "(`n_updates += 1` per step) and assigns the result to "
                                                     "self._n_updates in the tuple unpacking of the _train call: "
                                                     "the count is updated right after that statement")))] +
                [(v, ("after", "self._n_updates += gradient_steps")) for v in range(1, 11)]),
        },
        "ent_coef_loss": {
            "text": 'flor.log("ent_coef_loss", ent_coef_loss_value.item())',
            "intent": "entropy-coefficient (temperature) loss returned by _train, after the _train call",
            "newest": ("after", "(", _TRAIN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.11.0 the temperature loss is discarded inside _train "
                      "(`ent_coef_state, _ = SAC.update_temperature(...)`) and never reaches train()",
                      {"scope": "train", "probe_site": ("after", "(", _TRAIN)})) for v in range(6)] +
                [(v, ("after", "(", dict(_TRAIN, renames={"ent_coef_loss_value": "ent_coef_value"},
                                         note="0.11.0 .. 0.18.0: _train returns (actor_loss, qf_loss, "
                                              "ent_coef_loss) and train() unpacks the third element, the "
                                              "temperature loss, into a variable called ent_coef_value (a naming "
                                              "slip fixed in 0.20.0): the same value under another name")))
                 for v in (6, 7)] +
                [(v, ("after", "(", _TRAIN)) for v in (8, 9, 10)]),
        },
        "ent_coef": {
            "text": 'flor.log("ent_coef", ent_coef_value.item())',
            "intent": "entropy coefficient of the last gradient step, just before it is recorded to the logger",
            "newest": ("before", 'self.logger.record("train/ent_coef"'),
            "versions": {v: ("before", 'self.logger.record("train/ent_coef"', {
                "decline_ok": True,
                "note": "0.11.0 .. 0.18.0 bind the third _train result, which there is the temperature LOSS, to "
                        "ent_coef_value and record it as train/ent_coef: the place and the variable are the same "
                        "(so the probe is expected there), but the entropy coefficient itself does not reach "
                        "train() in these versions, so declining is also accepted"} if v in (6, 7) else (
                {"note": "no train/ent_coef_loss record before 0.20.0: directly before the train/ent_coef record "
                         "(after the critic_loss record)"} if v < 8 else {})) for v in OLDER},
        },
        "step_qf_loss": {
            "text": 'flor.log("step_qf_loss", qf_loss_value)',
            "intent": "critic loss of every gradient step inside the (jitted) update loop, right after the critic "
                      "update and before the target soft update",
            "newest": ("before", "qf_state = cls.soft_update(tau, qf_state)"),
            "versions": dict(
                [(v, ("before", "qf_state = SAC.soft_update(tau, qf_state)", {
                    "note": "before 0.11.0 the gradient steps are a Python `for i in range(gradient_steps):` loop "
                            "in _train (unrolled by jit), not the fori_loop `one_update` closure; same point: after "
                            "the update_critic call, before the soft update"})) for v in range(6)] +
                [(v, ("before", "qf_state = cls.soft_update(tau, qf_state)")) for v in range(6, 11)]),
        },
    },
}
