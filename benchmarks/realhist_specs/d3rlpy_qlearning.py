# d3rlpy d3rlpy/algos/qlearning/base.py (QLearningAlgoBase.fitter + fit_online), PyPI 2.0.4 .. 2.8.1 (v00 .. v04).
# Round 10, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "d3rlpy_qlearning" / "versions.json").read_text())
ALL = range(4)
_FIT = {"within": "range_gen"}
_EPOCH = {"within": "for epoch in range"}
CASE = {
    "name": "d3rlpy_qlearning",
    "title": "d3rlpy QLearningAlgoBase.fitter/fit_online across 2.0.4 .. 2.8.1 (logging strategy STEPS/EPOCH "
             "added in 2.2, n_updates UTD loop in fit_online from 2.4, logger setup moved after model build)",
    "stories": _V,
    "probes": {
        "update_loss": {
            "text": 'flor.log("update_loss", loss)',
            "intent": "loss dict returned by each offline update, right after the timed update block in fitter()",
            "newest": ("after", 'with logger.measure_time("algorithm_update"):', _FIT),
            "versions": {v: ("after", 'with logger.measure_time("algorithm_update"):', _FIT) for v in ALL},
        },
        "test_score": {
            "text": 'flor.log("test_score", test_score)',
            "intent": "each evaluator's score at the end of an epoch (inside the evaluators loop)",
            "newest": ("after", "test_score = evaluator(self, dataset)"),
            "versions": {v: ("after", "test_score = evaluator(self, dataset)") for v in ALL},
        },
        "epoch_metrics": {
            "text": 'flor.log("epoch_metrics", metrics)',
            "intent": "metrics dict of the epoch, after the epoch-level commit block, before the model is saved",
            "newest": ("after", "if logging_strategy == LoggingStrategy.EPOCH:", _EPOCH),
            "versions": dict(
                [(v, ("after", "metrics = logger.commit(", dict(_EPOCH, note=
                      "before 2.2 there is no logging strategy: the epoch commit is unconditional, so the probe "
                      "follows `metrics = logger.commit(epoch, total_step)` (same point, before the save block)")))
                 for v in (0, 1)] +
                [(v, ("after", "if logging_strategy == LoggingStrategy.EPOCH:", _EPOCH)) for v in (2, 3)]),
        },
        "step_metrics": {
            "text": 'flor.log("step_metrics", metrics)',
            "intent": "metrics committed every logging_steps steps under LoggingStrategy.STEPS (inside that branch)",
            "newest": ("after", "metrics = logger.commit(", {"n": 1, "of": 2}),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 2.2 fitter() has no step-based logging (no logging_strategy / logging_steps): "
                      "metrics are only committed once per epoch, so there is no point where step metrics "
                      "are committed")) for v in (0, 1)] +
                [(v, ("after", "metrics = logger.commit(", {
                    "n": 1, "of": 2,
                    "note": "first of the two commits in fitter() (the STEPS one inside the iteration loop; the "
                            "second is the EPOCH one)"})) for v in (2, 3)]),
        },
        "observation_shape": {
            "text": 'flor.log("observation_shape", observation_shape)',
            "intent": "observation shape used to build the models, after it is finalised (after the 1-d unwrap if)",
            "newest": ("after", "if len(observation_shape) == 1:"),
            "versions": dict(
                [(v, ("after", "observation_shape = (", {
                    "note": "before 2.2 the shape is taken as `.shape[0]` directly (no tuple-unwrap if): the probe "
                            "follows that assignment, inside `if self._impl is None:` as in the newest version"}))
                 for v in (0, 1)] +
                [(v, ("after", "if len(observation_shape) == 1:")) for v in (2, 3)]),
        },
        "rollout_return": {
            "text": 'flor.log("rollout_return", rollout_return)',
            "intent": "return of each finished online episode (inside `if clip_episode:`, before it is reset)",
            "newest": ("after", 'logger.add_metric("rollout_return", rollout_return)'),
            "versions": {v: ("after", 'logger.add_metric("rollout_return", rollout_return)', {
                "note": "2.0.4 accumulates `rollout_return += reward` without float(); same value"} if v == 0 else {})
                for v in ALL},
        },
        "online_loss": {
            "text": 'flor.log("online_loss", loss)',
            "intent": "loss dict of each online gradient update in fit_online(), right after the timed update block",
            "newest": ("after", 'with logger.measure_time("algorithm_update"):', {"within": "n_updates"}),
            "versions": dict(
                [(v, ("after", 'with logger.measure_time("algorithm_update"):', {
                    "within": "update_interval == 0",
                    "note": "before 2.4 there is no `for _ in range(n_updates):` loop: one update per "
                            "update_interval step, directly inside `if total_step % update_interval == 0:`; the "
                            "probe still follows that update"})) for v in (0, 1, 2)] +
                [(3, ("after", 'with logger.measure_time("algorithm_update"):', {"within": "n_updates"}))]),
        },
        "utd_ratio": {
            "text": 'flor.log("utd_ratio", n_updates / update_interval)',
            "intent": "update-to-data ratio of the online run, once before the environment loop",
            "newest": ("after", "save_config(self, logger)", {"within": "def fit_online"}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "fit_online() has no n_updates parameter before 2.4 (one update per update_interval steps)",
                      {"scope": "fit_online",
                       "probe_site": ("after", "save_config(self, logger)", {"within": "def fit_online"})}))
                 for v in (0, 1, 2)] +
                [(3, ("after", "save_config(self, logger)", {"within": "def fit_online"}))]),
        },
    },
}
