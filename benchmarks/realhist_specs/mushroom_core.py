# mushroom-rl mushroom_rl/core/core.py (Core._run / _run_impl / _step / reset), PyPI 1.3.1 .. 1.10.2 (v00 .. v05).
# Round 17, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mushroom_core" / "versions.json").read_text())
OLDER = range(5)
_NO_INFO = range(4)     # v00-v03: _step returns a bare sample, env info is dropped (`_`), _run returns _run_impl(...)
_IMPL = {"within": "def _run_impl("}
CASE = {
    "name": "mushroom_core",
    "title": "mushroom-rl Core learn/evaluate loop across 1.3.1 .. 1.10.2 (callbacks -> callbacks_episode -> "
             "callbacks_fit, callback_step and state preprocessors (1.4), dataset.append moved after the "
             "episode counters (1.6), env step_info collected into dataset_info and returned by _run (1.9), "
             "video recording (1.10))",
    "stories": _V,
    "probes": {
        "reward": {
            "text": 'flor.log("reward", reward)',
            "intent": "reward of every environment step, right after mdp.step",
            "newest": ("after", "next_state, reward, absorbing, step_info = self.mdp.step(action)"),
            "versions": dict(
                [(v, ("after", "next_state, reward, absorbing, _ = self.mdp.step(action)", {
                    "note": "before 1.9 the env info is discarded into `_`; same statement"})) for v in _NO_INFO] +
                [(4, ("after", "next_state, reward, absorbing, step_info = self.mdp.step(action)"))]),
        },
        "episode_steps": {
            "text": 'flor.log("episode_steps", self._episode_steps)',
            "intent": "steps of the current episode, after the (optional) rendering of each step",
            "newest": ("after", "if render:"),
            "versions": {v: ("after", "if render:", {
                "note": "after the whole `if render:` block (a bare self.mdp.render() before 1.10, frame + "
                        "nested `if record:` in 1.10), not inside it"}) for v in OLDER},
        },
        "next_state": {
            "text": 'flor.log("next_state", next_state)',
            "intent": "the (preprocessed) next state the agent will see, right after preprocessing",
            "newest": ("after", "next_state = self._preprocess(next_state.copy())"),
            "versions": dict(
                [(0, ("after", "state = self._state", {
                    "alt": [("after", "self._state = next_state.copy()")],
                    "note": "1.3 has no state preprocessing: the copy and the assignment are one statement "
                            "`self._state = next_state.copy()`, and next_state is the raw state (which is what "
                            "the agent sees there). Between `state = self._state` and that statement keeps the "
                            "probe's position; after it is equally right since it is the image of the "
                            "preprocessing copy too"}))] +
                [(v, ("after", "next_state = self._preprocess(next_state.copy())")) for v in range(1, 5)]),
        },
        "reset_state": {
            "text": 'flor.log("reset_state", self._state)',
            "intent": "initial (preprocessed) state of every episode, right after the environment reset",
            "newest": ("after", "self._state = self._preprocess(self.mdp.reset(initial_state).copy())"),
            "versions": dict(
                [(0, ("after", "self._state = self.mdp.reset(initial_state).copy()", {
                    "note": "1.3: no preprocessing, and the reset comes before agent.episode_start() "
                            "(moved after it in 1.9): after the reset statement wherever it is"}))] +
                [(v, ("after", "self._state = self._preprocess(self.mdp.reset(initial_state).copy())", {
                    "note": "before 1.9 the reset comes before agent.episode_start(): after the reset "
                            "statement, i.e. before episode_start"})) for v in range(1, 4)] +
                [(4, ("after", "self._state = self._preprocess(self.mdp.reset(initial_state).copy())"))]),
        },
        "step_info_keys": {
            "text": 'flor.log("step_info_keys", list(step_info.keys()))',
            "intent": "keys of the environment info returned with each step",
            "newest": ("after", "sample, step_info = self._step(render, record)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.9 _step returns only the sample and mdp.step's info goes to `_` inside _step; "
                      "no step_info is bound in _run_impl", {"scope": "_run_impl"})) for v in _NO_INFO] +
                [(4, ("after", "sample, step_info = self._step(render)"))]),
        },
        "dataset_size": {
            "text": 'flor.log("dataset_size", len(dataset))',
            "intent": "number of samples collected since the last fit, right after the new sample is appended",
            "newest": ("after", "dataset.append(sample)"),
            "versions": {v: ("after", "dataset.append(sample)", {
                "note": "before 1.6 dataset.append(sample) comes right after the step, before callback_step "
                        "and the counters; the probe follows the append (rule 1), not its 1.6+ position "
                        "before `if fit_condition():`"} if v < 3 else {}) for v in OLDER},
        },
        "episodes": {
            "text": 'flor.log("episodes", self._total_episodes_counter)',
            "intent": "total completed episodes, each time an episode ends",
            "newest": ("last_in", "if sample[-1]:"),
            "versions": {v: ("last_in", "if sample[-1]:") for v in OLDER},
        },
        "n_callbacks": {
            "text": 'flor.log("n_callbacks", len(self.callbacks_fit))',
            "intent": "number of fit callbacks run after each fit, once they have run",
            "newest": ("after", "for c in self.callbacks_fit:"),
            "versions": dict(
                [(0, ("after", "for c in self.callbacks:", {
                    "renames": {"self.callbacks_fit": "self.callbacks"},
                    "note": "1.3 names the list `callbacks` (constructor argument `callbacks`) and calls them "
                            "with callback_pars; after the whole for loop, inside `if fit_condition():`"}))] +
                [(1, ("after", "for c in self.callbacks_episode:", {
                    "renames": {"self.callbacks_fit": "self.callbacks_episode"},
                    "note": "1.4 names it `callbacks_episode`; 1.5 renamed it to callbacks_fit without any "
                            "change of when they run (after each fit)"}))] +
                [(v, ("after", "for c in self.callbacks_fit:")) for v in range(2, 5)]),
        },
        "total_steps": {
            "text": 'flor.log("total_steps", self._total_steps_counter)',
            "intent": "total steps of the run, once the loop is over and the video recorder stopped",
            "newest": ("after", "if record:", _IMPL),
            "versions": {v: ("after", "self.mdp.stop()", {
                "note": "no recording before 1.10: after mdp.stop(), before the progress bars are closed"})
                for v in OLDER},
        },
        "n_samples": {
            "text": 'flor.log("n_samples", len(dataset))',
            "intent": "size of the dataset a run returns (the samples left after the last fit / evaluation)",
            "newest": ("after", "dataset, dataset_info = self._run_impl("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.9 _run ends with `return self._run_impl(...)`: the dataset is never bound in "
                      "_run (the `dataset` of _run_impl is another function's local, not a rename)",
                      {"scope": "_run", "probe_site": ("before", "return self._run_impl(")})) for v in _NO_INFO] +
                [(4, ("after", "dataset, dataset_info = self._run_impl("))]),
        },
    },
}
