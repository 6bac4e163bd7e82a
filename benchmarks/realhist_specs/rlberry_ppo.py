# rlberry rlberry/agents/torch/ppo/ppo.py (PPOAgent.fit + PPOAgent._update), PyPI 0.0.1 .. 0.6.0 (v00 .. v09).
# Round 19, held out: written before the round's fixes, scored before any change made for it.
#
# The file lives at rlberry/agents/ppo/ppo.py in 0.0.1-0.0.3.1 and at
# rlberry/agents/experimental/torch/ppo/ppo.py in 0.3.0.  History in three eras:
#   v00-v02 (0.0.1-0.0.3.1): episode-based; fit/partial_fit -> _run_episode() per episode,
#            _select_action() stores state/action/logprob in a Memory; update every `batch_size`
#            episodes; _update() does full-batch K epochs (`for _ in range(self.k_epochs):`), no minibatches.
#   v03-v05 (0.0.4-0.3.0): still episode-based (update every `update_frequency` episodes), action
#            sampling inlined in _run_episode, returns/advantages per episode, minibatch loop
#            `for k in range(n_batches):` with `batch_idx`; v04 partial_fit -> fit(budget), `if self.writer:`.
#   v06 (0.4.0): step-based single-env `while timesteps_counter < budget:` loop, self.total_timesteps /
#            self.total_episodes counters, _select_action returns (action, action_logprob).
#   v07-v09 (0.4.1-0.6.0): vectorised envs, per-env end-of-episode loop, evaluation, lr schedule,
#            single optimizer, rewritten _update (b_*/mb_* tensors, approx_kl, clipped value loss);
#            v08 gymnasium API (terminated/truncated -> next_done = np.logical_or(...)); v09 docstring only.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "rlberry_ppo" / "versions.json").read_text())
OLDER = range(9)
_EPISODIC = range(6)          # v00-v05: self.episode counter, _run_episode()
_LOOP = {"within": "while timesteps_counter < budget"}
_UPD = {"within": "def _update"}
_STEP_OLD = "next_state, reward, done"     # env.step line of v00-v06


def _w(d, **kw):
    out = dict(d)
    out.update(kw)
    return out


CASE = {
    "name": "rlberry_ppo",
    "title": "rlberry PPOAgent fit/_update across 0.0.1 .. 0.6.0 (episode-based _run_episode -> step-based "
             "single-env loop -> vectorised rollout loop; cat_policy/_policy/policy_net, two optimizers -> one, "
             "full-batch epochs -> minibatches -> b_*/mb_* rewrite, self.episode -> self.total_episodes)",
    "stories": _V,
    "probes": {
        "logprobs": {
            "text": 'flor.log("logprobs", logprobs)',
            "intent": "log-probabilities of the actions sampled at each environment step, right after sampling",
            "newest": ("after", "with torch.no_grad():", _LOOP),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.0.1-0.0.3.1 sample the action inside _select_action(), which appends the log-prob to "
                      "self.memory and returns only action.item(); no log-prob is bound in _run_episode",
                      {"scope": "_run_episode",
                       "probe_site": ("after", "action = self._select_action(state)")})) for v in range(3)] +
                [(v, ("before", "next_state, reward, done, info = self.env.step(action.item())", {
                    "renames": {"logprobs": "action_logprob"},
                    "note": "0.0.4-0.3.0 inline the sampling (action_dist / action / action_logprob / "
                            "`action = action`) right before env.step: after that block = before env.step"}))
                 for v in (3, 4, 5)] +
                [(6, ("after", "action, action_logprob = self._select_action(state)", {
                    "renames": {"logprobs": "action_logprob"},
                    "note": "0.4.0 calls _select_action without torch.no_grad(); same statement"}))] +
                [(v, ("after", "with torch.no_grad():", _LOOP)) for v in (7, 8)]),
        },
        "done": {
            "text": 'flor.log("done", next_done)',
            "intent": "episode-end flags returned by the environment step, once they are computed",
            "newest": ("after", "next_done = np.logical_or(next_terminated, next_truncated)"),
            "versions": dict(
                [(v, ("after", _STEP_OLD, {
                    "renames": {"next_done": "done"},
                    "note": "single-env versions name the step's done flag `done` (newest `done` is the previous "
                            "step's flag, `next_done` the current one): rename next_done -> done, right after env.step"}))
                 for v in range(7)] +
                [(7, ("after", "next_obs, reward, next_done, info = self.env.step(action)", {
                    "note": "pre-gymnasium 0.4.1: env.step returns next_done directly; no logical_or statement"}))] +
                [(8, ("after", "next_done = np.logical_or(next_terminated, next_truncated)"))]),
        },
        "episode_returns": {
            "text": 'flor.log("episode_returns", episode_returns)',
            "intent": "running (undiscounted) return of the current episode(s), after each step's reward is added",
            "newest": ("after", "episode_returns += reward"),
            "versions": dict(
                [(v, ("after", "episode_rewards += reward", {
                    "renames": {"episode_returns": "episode_rewards"},
                    "note": "single-env versions accumulate the episode return in the scalar `episode_rewards` "
                            "(in v06 before the memory append, in v00-v05 before `if done: break`): after it"}))
                 for v in range(7)] +
                [(v, ("after", "episode_returns += reward")) for v in (7, 8)]),
        },
        "total_episodes": {
            "text": 'flor.log("total_episodes", self.total_episodes)',
            "intent": "episode counter, each time an episode ends (right after it is incremented)",
            "newest": ("after", "self.total_episodes += 1"),
            "versions": dict(
                [(v, ("after", "self.episode += 1", {
                    "renames": {"self.total_episodes": "self.episode"},
                    "note": "episode-based versions count finished episodes in self.episode, incremented in "
                            "_run_episode after the step loop (0.4.0 renames it self.total_episodes and keeps the "
                            "writer calls)"})) for v in _EPISODIC] +
                [(6, ("after", "self.total_episodes += 1", {"note": "inside `if done:` (single env)"}))] +
                [(v, ("after", "self.total_episodes += 1")) for v in (7, 8)]),
        },
        "evaluation": {
            "text": 'flor.log("evaluation", evaluation)',
            "intent": "periodic evaluation score, inside the evaluation branch right after eval()",
            "newest": ("after", "evaluation = self.eval("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no periodic evaluation before 0.4.1 (no eval_freq, no `evaluation` value)",
                      {"scope": "fit" if v >= 4 else "_run_episode"})) for v in range(7)] +
                [(v, ("after", "evaluation = self.eval(")) for v in (7, 8)]),
        },
        "total_timesteps": {
            "text": 'flor.log("total_timesteps", self.total_timesteps)',
            "intent": "environment steps so far, right before each PPO update (after the lr-schedule block)",
            "newest": ("before", "self._update(next_obs=next_obs, next_done=next_done)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "episode-based versions count no environment steps (only self.episode); the update "
                      "trigger is the episode count", {"scope": "_run_episode"})) for v in _EPISODIC] +
                [(6, ("before", "self._update()", {
                    "note": "0.4.0 has no lr schedule: first statement of `if self.total_timesteps % self.n_steps == 0:`"}))] +
                [(v, ("before", "self._update(next_obs=next_obs, next_done=next_done)")) for v in (7, 8)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "PPO epoch index, at the start of every epoch of an update",
            "newest": ("first_in", "for epoch in range(self.k_epochs):"),
            "versions": dict(
                [(v, ("first_in", "for _ in range(self.k_epochs):", {
                    "renames": {"epoch": "_"},
                    "note": "the epoch loop variable is `_` before 0.4.1; it is still bound to the epoch index, "
                            "so this is a rename of the loop variable (like i -> step), not a missing value"}))
                 for v in range(7)] +
                [(v, ("first_in", "for epoch in range(self.k_epochs):")) for v in (7, 8)]),
        },
        "mb_size": {
            "text": 'flor.log("mb_size", len(mb_indices))',
            "intent": "size of each minibatch, right after its indices are chosen",
            "newest": ("after", "mb_indices = b_indices[start:end]"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.0.1-0.0.3.1 optimise on the full batch each epoch: no minibatch loop, no minibatch indices",
                      {"scope": "_update"})) for v in range(3)] +
                [(v, ("after", "batch_idx = np.arange(", {
                    "renames": {"mb_indices": "batch_idx"},
                    "note": "0.0.4-0.4.0 pick the minibatch as `batch_idx` (positions in the shuffled tensors) "
                            "inside `for k in range(n_batches):`; same role as mb_indices"})) for v in range(3, 7)] +
                [(v, ("after", "mb_indices = b_indices[start:end]")) for v in (7, 8)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "total PPO loss of every minibatch, right after backward",
            "newest": ("after", "loss.backward()"),
            "versions": dict(
                [(v, ("after", "loss.mean().backward()", {
                    "note": "before 0.4.1 `loss` is per-sample and backward is called on loss.mean(): same "
                            "statement, same name, so the text is kept as is (loss.item() would need a scalar "
                            "there; rewriting it to loss.mean().item() is not a rename). v00-v02: inside the "
                            "epoch loop, no minibatch loop"}))
                 for v in range(7)] +
                [(v, ("after", "loss.backward()")) for v in (7, 8)]),
        },
        "episodes_at_update": {
            "text": 'flor.log("episodes_at_update", self.total_episodes)',
            "intent": "episode count at the end of every PPO update, after the (conditional) metric logging",
            "newest": ("after", "if self.writer:"),
            "versions": dict(
                [(0, ("after", "for _ in range(self.k_epochs):", {
                    "renames": {"self.total_episodes": "self.episode"},
                    "alt": [("after", "self.cat_policy_old.load_state_dict(", _UPD)],
                    "note": "0.0.1 logs nothing in _update: after the epoch loop; the old-policy copy has no "
                            "counterpart in the newest version, so either side of it"}))] +
                [(v, ("after", 'self.writer.add_scalar("fit/entropy_loss"', {
                    "renames": {"self.total_episodes": "self.episode"},
                    "alt": [("after", "self.cat_policy_old.load_state_dict(", _UPD)],
                    "note": "0.0.2-0.0.4 call the writer unconditionally: after its last call; either side of "
                            "the old-policy copy (no counterpart in the newest version)"})) for v in (1, 2, 3)] +
                [(v, ("after", "if self.writer:", {
                    "renames": {"self.total_episodes": "self.episode"},
                    "alt": [("after", "self.cat_policy_old.load_state_dict(", _UPD)],
                    "note": "after the whole `if self.writer:` block; either side of the old-policy copy"}))
                 for v in (4, 5)] +
                [(6, ("after", "if self.writer:", _w(_UPD, **{
                    "alt": [("after", "self._policy_old.load_state_dict(", _UPD)],
                    "note": "after the whole `if self.writer:` block of _update (fit has another one); either side "
                            "of the old-policy copy"})))] +
                [(v, ("after", "if self.writer:")) for v in (7, 8)]),
        },
    },
}
