# dm-acme acme/environment_loop.py (EnvironmentLoop.run_episode / EnvironmentLoop.run), PyPI 0.1 .. 0.4.0 (v00 .. v05).
# Round 18, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "acme_environment_loop" / "versions.json").read_text())
# v00 (0.1.x) has a single run(num_episodes) whose `for _ in iterator:` loop contains the whole episode
# inline (reset, the step loop, counts, result dict, logger.write).  From v01 (0.2.0) the episode is
# EnvironmentLoop.run_episode() returning `result`, and run() loops `while not should_terminate(...)`
# over it with episode_count/step_count; the actor update becomes conditional (`if self._should_update:`).
# v02 (0.2.1) assigns the return of the in-place tree.map_structure(operator.iadd, ...); v03 (0.2.2) only
# changes annotations/comments; v04 (0.3.0) wraps run()'s loop in `with signals.runtime_terminator():`;
# v05 (0.4.0) adds observers (three `for observer in self._observers:` loops in run_episode).
OLD = range(5)          # v00 .. v04
NEW_EP = range(1, 5)    # versions with run_episode()
_RE = {"within": "def run_episode("}
_RUN = {"within": "def run("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "acme_environment_loop",
    "title": "dm-acme EnvironmentLoop across 0.1 .. 0.4.0 (inline episode in run() -> run_episode() + "
             "run() with num_steps and should_update (0.2.0), return captured from tree.map_structure "
             "(0.2.1), runtime_terminator (0.3.0), observers (0.4.0))",
    "stories": _V,
    "probes": {
        "reward": {
            "text": 'flor.log("reward", timestep.reward)',
            "intent": "reward of every environment step, right after the environment is stepped",
            "newest": ("after", "timestep = self._environment.step(action)", _RE),
            "versions": dict(
                [(0, ("after", "timestep = self._environment.step(action)", _w(_RUN, note=
                      "0.1.x: the step loop is nested in run()'s episode loop (for _ in iterator)")))] +
                [(v, ("after", "timestep = self._environment.step(action)", _RE)) for v in NEW_EP]),
        },
        "update_step": {
            "text": 'flor.log("update_step", episode_steps)',
            "intent": "in-episode step at which the actor was updated, right after the update (only when "
                      "should_update)",
            "newest": ("after", "self._actor.update()", _RE),
            "versions": dict(
                [(0, ("after", "self._actor.update()", _w(_RUN, note=
                      "0.1.x updates the actor unconditionally (no should_update flag): the probe goes "
                      "unconditionally after the update")))] +
                [(v, ("after", "self._actor.update()", _w(_RE, within="if self._should_update:")))
                 for v in NEW_EP]),
        },
        "episode_return": {
            "text": 'flor.log("episode_return", episode_return)',
            "intent": "running episode return after the step's reward is accumulated (last in the step loop)",
            "newest": ("after", "episode_return = tree.map_structure(operator.iadd,", _RE),
            "versions": dict(
                [(0, ("after", "episode_return += timestep.reward", _w(_RUN, note=
                      "0.1.x accumulates a scalar with `episode_return += timestep.reward`")))] +
                [(1, ("after", "tree.map_structure(operator.iadd, episode_return, timestep.reward)", _w(_RE, note=
                      "0.2.0 accumulates in place with a bare tree.map_structure(operator.iadd, ...) expression "
                      "(its return value is not assigned): after it, episode_return holds the updated value")))] +
                [(v, ("after", "episode_return = tree.map_structure(operator.iadd,", _RE)) for v in (2, 3, 4)]),
        },
        "initial_observation": {
            "text": 'flor.log("initial_observation", timestep.observation)',
            "intent": "first observation of each episode, after the actor (and the observers) have seen it, "
                      "before the step loop",
            "newest": ("after", "for observer in self._observers:", _w(_RE, n=1, of=3)),
            "versions": dict(
                [(0, ("after", "self._actor.observe_first(timestep)", _w(_RUN, note=
                      "no observers before 0.4.0: after the actor's observe_first (the statement before the "
                      "newest version's observer loop), before the step loop; in 0.1.x inside run()'s episode loop")))] +
                [(v, ("after", "self._actor.observe_first(timestep)", _w(_RE, note=
                      "no observers before 0.4.0: after the actor's observe_first, before the step loop")))
                 for v in NEW_EP]),
        },
        "steps_per_second": {
            "text": 'flor.log("steps_per_second", steps_per_second)',
            "intent": "episode throughput right after it is computed",
            "newest": ("after", "steps_per_second = episode_steps / (time.time() - start_time)", _RE),
            "versions": dict(
                [(0, ("after", "steps_per_second = episode_steps / (time.time() - start_time)", _RUN))] +
                [(v, ("after", "steps_per_second = episode_steps / (time.time() - start_time)", _RE))
                 for v in NEW_EP]),
        },
        "observer_metrics": {
            "text": 'flor.log("observer_metrics", observer.get_metrics())',
            "intent": "each observer's metrics as they are merged into the episode result",
            "newest": ("first_in", "for observer in self._observers:", _w(_RE, n=3, of=3)),
            "versions": {v: ("na", "missing_dependency",
                             "observers (self._observers and the `for observer in self._observers:` loops) only "
                             "exist from 0.4.0; no `observer` is bound", {"scope": "run_episode" if v else "run"})
                         for v in OLD},
        },
        "episode_result": {
            "text": 'flor.log("episode_result", result)',
            "intent": "the episode's result dict in run(), right after the episode returns it, before it is "
                      "logged",
            "newest": ("after", "result = self.run_episode()", _RUN),
            "versions": dict(
                [(0, ("after", "result.update(counts)", _w(_RUN, note=
                      "0.1.x builds the result inline in run()'s episode loop: the point where run_episode() "
                      "has returned it is after the last statement that completes it (result.update(counts)), "
                      "before self._logger.write(result)")))] +
                [(v, ("after", "result = self.run_episode()", _RUN)) for v in NEW_EP]),
        },
        "episode_count": {
            "text": 'flor.log("episode_count", episode_count)',
            "intent": "number of episodes run so far, right after the counter is advanced",
            "newest": ("after", "episode_count += 1", _RUN),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.x iterates `for _ in iterator:` (range or itertools.count) with no episode counter; "
                      "using `_ + 1` would be a substitute value, not a rename", {"scope": "run"}))] +
                [(v, ("after", "episode_count += 1", _RUN)) for v in NEW_EP]),
        },
        "total_steps": {
            "text": 'flor.log("total_steps", step_count)',
            "intent": "total environment steps of the run, once the run loop has finished (after the "
                      "runtime_terminator block)",
            "newest": ("after", "with signals.runtime_terminator():", _RUN),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.x counts no steps in run() (only per-episode episode_steps and the shared counter); "
                      "no step_count", {"scope": "run"}))] +
                [(v, ("after", "while not should_terminate(episode_count, step_count):", _w(_RUN, note=
                      "no runtime_terminator before 0.3.0: after the whole run loop"))) for v in (1, 2, 3)] +
                [(4, ("after", "with signals.runtime_terminator():", _RUN))]),
        },
    },
}
