# tensorforce tensorforce/execution/runner.py (Runner.run / run_episode / handle_act / handle_observe / handle_terminal*), PyPI 0.4.0 .. 0.6.5 (v00 .. v09).
# Round 14, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tensorforce_runner" / "versions.json").read_text())
OLDER = range(9)
_OLD4 = (0, 1)          # v00-v01 (0.4.x): BaseRunner subclass, run() with nested episode/timestep `while True:` loops
_EPI = (2, 3, 4)        # v02-v04 (0.5.1-0.5.3): run() episode loop + run_episode() timestep loop, scalar statistics
_PAR = (5, 6, 7, 8)     # v05-v08 (0.5.4-0.6.4): parallel runner loop in run(), per-environment handle_* methods
_ACT = {"within": "def handle_act("}
_OBS = {"within": "def handle_observe("}
_TERM = {"within": "def handle_terminal("}
_TEVAL = {"within": "def handle_terminal_evaluation("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


_NO_EVAL = ("0.4.x has no evaluation episodes (no evaluation environment, no evaluation statistics, no "
            "evaluation callback)")

CASE = {
    "name": "tensorforce_runner",
    "title": "tensorforce Runner across 0.4.0 .. 0.6.5 (BaseRunner with nested episode/timestep loops and tqdm "
             "(0.4) -> run()/run_episode() with evaluation episodes and update counters (0.5.1-0.5.3) -> parallel "
             "runner loop with handle_act/handle_observe/handle_terminal(_evaluation) (0.5.4) -> vectorized "
             "environments (0.6.3) -> episode_reward(s) renamed episode_return(s) (0.6.4))",
    "stories": _V,
    "probes": {
        "actions": {
            "text": 'flor.log("actions", actions)',
            "intent": "actions the agent chose for a training environment, right after agent.act",
            "newest": ("after", "actions = self.agent.act(", _ACT),
            "versions": dict(
                [(v, ("after", "action = self.agent.act(", {
                    "renames": {"actions": "action"},
                    "note": "0.4.x names the chosen action `action` (inside the inner timestep loop)"}))
                 for v in _OLD4] +
                [(v, ("after", "actions = self.agent.act(", {
                    "note": "0.5.1-0.5.3 call agent.act unconditionally in run_episode() (there is no "
                            "batch_agent_calls option, so no `if self.batch_agent_calls: ... else:`): "
                            "unconditional equivalent"}))
                 for v in _EPI] +
                [(v, ("after", "actions = self.agent.act(", _ACT)) for v in _PAR]),
        },
        "episode_timestep": {
            "text": 'flor.log("episode_timestep", self.episode_timestep[parallel])',
            "intent": "timestep within the current episode, right after the per-episode counter is advanced",
            "newest": ("after", "self.episode_timestep[parallel] += 1", _ACT),
            "versions": dict(
                [(v, ("after", "self.current_timestep += 1", {
                    "renames": {"self.episode_timestep[parallel]": "self.current_timestep"},
                    "note": "0.4.x keeps the within-episode counter in self.current_timestep (scalar, one "
                            "environment) and advances it after observe(), at the end of the timestep; the "
                            "probe follows the counter increment"}))
                 for v in _OLD4] +
                [(v, ("after", "self.episode_timestep += 1", {
                    "renames": {"self.episode_timestep[parallel]": "self.episode_timestep"},
                    "note": "one environment: the per-episode counter is a scalar, not a per-environment list"}))
                 for v in _EPI] +
                [(v, ("after", "self.episode_timestep[parallel] += 1", _ACT)) for v in _PAR]),
        },
        "reward": {
            "text": 'flor.log("reward", self.rewards[parallel])',
            "intent": "reward of the step just observed, at the start of observation handling",
            "newest": ("first_in", "def handle_observe(self, parallel):"),
            "versions": dict(
                [(0, ("after", "for repeat in xrange(self.repeat_actions):", {
                    "renames": {"self.rewards[parallel]": "reward"},
                    "note": "no handle_observe(): the observed reward is the local `reward` summed over the "
                            "action-repeat loop; the probe goes right after that loop (before the "
                            "max_episode_timesteps check and observe), i.e. where observation handling starts"}))] +
                [(1, ("after", "for _ in xrange(self.repeat_actions):", {
                    "renames": {"self.rewards[parallel]": "reward"},
                    "note": "as v00; loop variable renamed `_`"}))] +
                [(v, ("after", "for _ in range(self.num_repeat_actions):", {
                    "renames": {"self.rewards[parallel]": "reward"},
                    "note": "run_episode(): after the action-repeat loop that sums `reward`, before "
                            "`self.episode_reward += reward` (the image of handle_observe's first statement)"}))
                 for v in _EPI] +
                [(v, ("first_in", "def handle_observe(self, parallel):")) for v in _PAR]),
        },
        "episode_return": {
            "text": 'flor.log("episode_return", self.episode_return[parallel])',
            "intent": "running return of the current episode, right after the step reward is added",
            "newest": ("after", "self.episode_return[parallel] += self.rewards[parallel]"),
            "versions": dict(
                [(v, ("after", "episode_reward += reward", {
                    "renames": {"self.episode_return[parallel]": "episode_reward"},
                    "note": "0.4.x accumulates the return in the local `episode_reward` (after observe and "
                            "the counter increments)"}))
                 for v in _OLD4] +
                [(v, ("after", "self.episode_reward += reward", {
                    "renames": {"self.episode_return[parallel]": "self.episode_reward"},
                    "note": "scalar self.episode_reward (one environment), before `episode_reward` was renamed "
                            "`episode_return` (0.6.4)"}))
                 for v in _EPI] +
                [(v, ("after", "self.episode_reward[parallel] += self.rewards[parallel]", {
                    "renames": {"self.episode_return": "self.episode_reward"}})) for v in (5, 6, 7)] +
                [(8, ("after", "self.episode_return[parallel] += self.rewards[parallel]"))]),
        },
        "updated": {
            "text": 'flor.log("updated", updated)',
            "intent": "whether agent.observe performed an update, right after it returns (non-batched calls)",
            "newest": ("after", "updated = self.agent.observe(", _OBS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.4.x discards the return value of agent.observe (`self.agent.observe(terminal=..., "
                      "reward=...)` as a bare expression): nothing binds `updated`", {"scope": "run"}))
                 for v in _OLD4] +
                [(v, ("after", "updated = self.agent.observe(", {
                    "note": "inside `if not evaluation:` in run_episode(): the only observe call, whose guard "
                            "plays the role of the newest `if not self.batch_agent_calls:`; the probe stays "
                            "under it (its previous sibling only exists there)"}))
                 for v in _EPI] +
                [(v, ("after", "updated = self.agent.observe(", _OBS)) for v in _PAR]),
        },
        "episodes": {
            "text": 'flor.log("episodes", self.episodes)',
            "intent": "training episodes completed in this run, right after the counter is advanced",
            "newest": ("after", "self.episodes += 1", _TERM),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.4.x has no run-local episode counter: self.global_episode starts at the agent's "
                      "episode count and counts across runs (0.5.2 keeps both global_episodes and episodes "
                      "as different values), so it is not a rename", {"scope": "run"}))
                 for v in _OLD4] +
                [(2, ("after", "self.episode += 1", {
                    "renames": {"self.episodes": "self.episode"},
                    "note": "0.5.1 names the run-local episode counter self.episode and advances it in the "
                            "run() episode loop right after run_episode() (before the statistics appends)"}))] +
                [(v, ("after", "self.episodes += 1")) for v in (3, 4)] +
                [(v, ("after", "self.episodes += 1", _TERM)) for v in _PAR]),
        },
        "eval_return": {
            "text": 'flor.log("eval_return", self.evaluation_returns[-1])',
            "intent": "return of the evaluation episode just finished, after it is recorded (after the if/else "
                      "that picks the environment's own return or the runner's sum)",
            "newest": ("after", "if actual_episode_return is None:", _TEVAL),
            "versions": dict(
                [(v, ("na", "missing_dependency", _NO_EVAL, {"scope": "run"})) for v in _OLD4] +
                [(v, ("after", "self.evaluation_rewards.append(self.episode_reward)", {
                    "renames": {"self.evaluation_returns": "self.evaluation_rewards"},
                    "note": "0.5.1-0.5.3 run evaluation episodes in a `for _ in range(self.num_evaluation_"
                            "iterations):` loop inside `if is_evaluation:` in run(); the probe follows the "
                            "append of each evaluation episode's reward"}))
                 for v in _EPI] +
                [(v, ("after", "self.evaluation_rewards.append(self.episode_reward[-1])", {
                    "renames": {"self.evaluation_returns": "self.evaluation_rewards"},
                    "note": "before 0.6.4 there is no if/else on the environment's own episode_return(): its "
                            "image is the single append"}))
                 for v in (5, 6, 7)] +
                [(8, ("after", "if actual_episode_return is None:", _TEVAL))]),
        },
        "evaluation_score": {
            "text": 'flor.log("evaluation_score", evaluation_score)',
            "intent": "evaluation score when the best agent is being saved, right after the evaluation callback",
            "newest": ("after", "evaluation_score = self.evaluation_callback(self)"),
            "versions": dict(
                [(v, ("na", "missing_dependency", _NO_EVAL, {"scope": "run"})) for v in _OLD4] +
                [(v, ("after", "evaluation_score = self.evaluation_callback(self)", {
                    "note": "inside `if self.save_best_agent:` (0.5.1/0.5.2, a bool) / `if self.save_best_agent "
                            "is not None:` (0.5.3) within run()'s `if is_evaluation:` block: the equivalent "
                            "condition"} if v < 4 else {}))
                 for v in _EPI] +
                [(v, ("after", "evaluation_score = self.evaluation_callback(self)")) for v in _PAR]),
        },
        "num_episodes_left": {
            "text": 'flor.log("num_episodes_left", num_episodes_left)',
            "intent": "episodes still to run when all synchronised environments finished their episodes",
            "newest": ("after", "num_episodes_left = self.num_episodes - self.episodes"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no parallel environments and no sync_episodes reset block before 0.5.4: "
                      "`num_episodes_left` is never computed", {"scope": "run"}))
                 for v in _OLD4 + _EPI] +
                [(v, ("after", "num_episodes_left = self.num_episodes - self.episodes")) for v in _PAR]),
        },
    },
}
