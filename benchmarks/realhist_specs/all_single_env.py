# autonomous-learning-library all/experiments/single_env_experiment.py (SingleEnvExperiment; before 0.5.0 the
# single-env loop lived in all/experiments/runner.py as EnvRunner/SingleEnvRunner), PyPI 0.3.4 .. 0.9.1 (v00 .. v07).
# Round 33, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "all_single_env" / "versions.json").read_text())
OLDER = range(7)
# v00 0.3.4/0.4.0 (runner.py): EnvRunner.__init__ builds the agent and calls self.run(); SingleEnvRunner.run ->
#          _run_episode (timer, fps, _log, writer.episodes += 1) -> _run_until_terminal_state (agent = self._agent,
#          env = self._env aliases; writer.frames += 1 first in the loop; env.step(action) then env.reward);
#          no test phase; ParallelEnvRunner in the same file.
# v01 0.5.0: SingleEnvExperiment(Experiment): self._frame/self._episode, train/test, _run_training_episode with the
#          loop inlined; env API: self._env.reset(); self._env.step(action); self._env.reward / self._env.done;
#          test episodes call self._agent.act first (bug)
# v02 0.5.2: test episodes use self._agent.eval throughout
# v03 0.6.0: State API: state = self._env.reset() / state = self._env.step(action); state.reward; act(state)
# v04 0.7.0: presets: self._name, self._preset, train_steps, test_agent = self._preset.test_agent(); CometWriter
# v05 0.8.0: writer -> logger (ExperimentLogger / CometLogger)
# v06 0.9.1a1: black formatting; episode_length counted in train and test episodes
# v07 0.9.1: save_freq / _save_model() after each training episode, returns100 summary at the end of train(), no Comet
_TRAIN = {"within": "def _run_training_episode("}
_V00_LOOP = {"within": "def _run_until_terminal_state("}
CASE = {
    "name": "all_single_env",
    "title": "autonomous-learning-library single-environment experiment loop across 0.3.4 .. 0.9.1 (SingleEnvRunner "
             "in runner.py -> SingleEnvExperiment, env.reward/env.done -> State API, agents -> presets with a "
             "test agent, writer -> logger, episode lengths, periodic model saving)",
    "stories": _V,
    "probes": {
        "env_name": {
            "text": 'flor.log("env_name", env.name)',
            "intent": "name of the environment the experiment runs on, once it is stored in __init__",
            "newest": ("after", "self._env = env"),
            "versions": dict(
                [(0, ("after", "self._env = env", {
                    "note": "0.3.4 stores the env in EnvRunner.__init__ (the base of SingleEnvRunner), right after "
                            "the agent is built and before self.run() starts training"}))] +
                [(v, ("after", "self._env = env")) for v in range(1, 7)]),
        },
        "test_agent": {
            "text": 'flor.log("test_agent", type(test_agent).__name__)',
            "intent": "class of the agent used for the test episodes, right after the preset builds it",
            "newest": ("after", "test_agent = self._preset.test_agent()"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.3.4 has no test phase and no test agent", {"scope": "<module>"}))] +
                [(v, ("na", "missing_dependency",
                      "before 0.7.0 there are no presets and no separate test agent: test episodes call "
                      "self._agent.eval (self._agent.act in 0.5.0); the training agent is a different object, "
                      "not a rename", {"scope": "test"})) for v in (1, 2, 3)] +
                [(v, ("after", "test_agent = self._preset.test_agent()")) for v in (4, 5, 6)]),
        },
        "action": {
            "text": 'flor.log("action", action)',
            "intent": "action chosen by the agent at every step of a training episode (in the episode loop)",
            "newest": ("after", "action = self._agent.act(state)", {"within": "while not state.done:"}),
            "versions": dict(
                [(0, ("after", "action = agent.act(env.state, env.reward)", {
                    "within": "while not env.done:",
                    "note": "0.3.4: the step loop is in SingleEnvRunner._run_until_terminal_state (agent is a local "
                            "alias of self._agent); the in-loop act, not the one before the loop"}))] +
                [(v, ("after", "action = self._agent.act(self._env.state, self._env.reward)", {
                    "within": "while not self._env.done:",
                    "note": "0.5.x: act(state, reward) on the env's attributes; the in-loop call of the training "
                            "episode (the test loop uses eval)"})) for v in (1, 2)] +
                [(v, ("after", "action = self._agent.act(state)", {"within": "while not state.done:"}))
                 for v in range(3, 7)]),
        },
        "reward": {
            "text": 'flor.log("reward", state.reward)',
            "intent": "reward of every environment step of a training episode, right after the step",
            "newest": ("after", "state = self._env.step(action)", _TRAIN),
            "versions": dict(
                [(0, ("after", "env.step(action)", dict(_V00_LOOP, renames={"state.reward": "env.reward"}, note=
                      "0.3.4: env.step(action) returns nothing, the step's reward is env.reward (env = self._env "
                      "local alias in _run_until_terminal_state): same value through the old environment API")))] +
                [(v, ("after", "self._env.step(action)", dict(_TRAIN, renames={"state.reward": "self._env.reward"},
                      note="0.5.x: self._env.step(action) returns nothing, the step's reward is self._env.reward "
                           "(the State API arrives in 0.6.0): same value through the old environment API")))
                 for v in (1, 2)] +
                [(v, ("after", "state = self._env.step(action)", _TRAIN)) for v in range(3, 7)]),
        },
        "episode_return": {
            "text": 'flor.log("episode_return", returns)',
            "intent": "undiscounted return of each training episode, right after its step loop ends",
            "newest": ("after", "while not state.done:", _TRAIN),
            "versions": dict(
                [(0, ("after", "while not env.done:", dict(_V00_LOOP, **{
                    "alt": [("after", "returns = self._run_until_terminal_state()")],
                    "note": "0.3.4 runs the step loop in the helper _run_until_terminal_state, which returns "
                            "`returns` to _run_episode; right after the loop (before `return returns`) and right "
                            "after the call in _run_episode (before end_time = timer()) are the same point of "
                            "execution: both accepted"})))] +
                [(v, ("after", "while not self._env.done:", _TRAIN)) for v in (1, 2)] +
                [(v, ("after", "while not state.done:", _TRAIN)) for v in range(3, 7)]),
        },
        "fps": {
            "text": 'flor.log("fps", fps)',
            "intent": "frames per second of each training episode, once computed",
            "newest": ("after", "fps = (self._frame - start_frame) / (end_time - start_time)"),
            "versions": dict(
                [(0, ("after", "fps = (self._writer.frames - start_frames) / (end_time - start_time)", {
                    "note": "0.3.4 counts frames on the writer (start_frames); the ParallelEnvRunner's fps "
                            "(frames / time since start) is a different statement"}))] +
                [(v, ("after", "fps = (self._frame - start_frame) / (end_time - start_time)")) for v in range(1, 7)]),
        },
        "episode_length": {
            "text": 'flor.log("episode_length", episode_length)',
            "intent": "number of steps of each training episode, after the episode has been logged",
            "newest": ("after", "self._log_training_episode(returns, episode_length, fps)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "episode lengths are counted from 0.9.1a1 on; before, only frames are counted "
                      "(self._frame - start_frame would be a derived substitute, not a rename)",
                      {"scope": "_run_training_episode" if v else "_run_episode"})) for v in range(0, 6)] +
                [(6, ("after", "self._log_training_episode(returns, episode_length, fps)"))]),
        },
        "ckpt_episode": {
            "text": 'flor.log("ckpt_episode", self._episode)',
            "intent": "episode at which the model is saved (only when a periodic save fires)",
            "newest": ("first_in", 'if self._save_freq != float("inf") and self._episode % self._save_freq == 0:'),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.3.4 has no self._episode (episodes are counted on the writer) and saves no model",
                      {"scope": "SingleEnvRunner"}))] +
                [(v, ("na", "no_anchor",
                      "periodic model saving (save_freq, _save_model) is new in 0.9.1; the episode counter exists, "
                      "but nothing is saved, so there is no corresponding point")) for v in range(1, 7)]),
        },
        "test_return": {
            "text": 'flor.log("test_return", episode_return)',
            "intent": "return of each test episode, once it is recorded",
            "newest": ("after", "returns.append(episode_return)"),
            "versions": dict(
                [(0, ("na", "missing_dependency", "0.3.4 has no test phase", {"scope": "<module>"}))] +
                [(v, ("after", "returns.append(episode_return)")) for v in range(1, 7)]),
        },
        "test_mean_return": {
            "text": 'flor.log("test_mean_return", sum(returns) / len(returns))',
            "intent": "mean return over all test episodes, at the end of test()",
            "newest": ("before", "return returns", {"within": "def test("}),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.3.4 has no test phase (its `returns` are the training return of one episode)"))] +
                [(v, ("before", "return returns", {"within": "def test("})) for v in range(1, 7)]),
        },
    },
}
