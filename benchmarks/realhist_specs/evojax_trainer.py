# evojax evojax/trainer.py (Trainer.run), PyPI 0.1.0.post4 .. 0.2.17 (v00 .. v05).
# Round 25, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "evojax_trainer" / "versions.json").read_text())
ALL = range(5)
# History: v00 0.1.0.post4 (plain ES loop ask / eval_params / tell, periodic log and test+save);
# v01 0.1.0.post12 adds the log_scores_fn hook (self._log_scores_fn(i, scores, "train"/"test"));
# v02 0.2.3 only adds use_for_loop in __init__ (run() unchanged);
# v03 0.2.4 adds quality-diversity support: eval_params returns (scores, bds), `scores, bds = ...`,
# `if isinstance(self.solver, QualityDiversityMethod): self.solver.observe_bd(bds)` before tell,
# `test_scores, _ = ...`, and save_lattices after the final save; v04 0.2.5 indexes [0] in demo mode;
# v05 0.2.16/0.2.17 fixes a log format string.  There are no renames of the values the probes read.
_LOOP = {"within": "for i in range(self._max_iter):"}
_LOGIF = {"within": "if i > 0 and i % self._log_interval == 0:"}
_TESTIF = {"within": "if i > 0 and i % self._test_interval == 0:"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "evojax_trainer",
    "title": "evojax Trainer.run ES loop across 0.1.0.post4 .. 0.2.17 (log_scores_fn hook (post12), "
             "quality-diversity support: eval_params returns (scores, bds), observe_bd before tell, "
             "save_lattices after the final save (0.2.4))",
    "stories": _V,
    "probes": {
        "iter": {
            "text": 'flor.log("iter", i)',
            "intent": "training iteration at the start of each ES iteration",
            "newest": ("first_in", "for i in range(self._max_iter):"),
            "versions": {v: ("first_in", "for i in range(self._max_iter):") for v in ALL},
        },
        "train_scores_mean": {
            "text": 'flor.log("train_scores_mean", float(np.mean(scores)))',
            "intent": "mean fitness of the population right after the training rollouts are evaluated",
            "newest": ("after", "scores, bds = self.sim_mgr.eval_params(", _LOOP),
            "versions": dict(
                [(v, ("after", "scores = self.sim_mgr.eval_params(params=params, test=False)", _w(_LOOP, note=
                      "before 0.2.4 eval_params returns only the scores: `scores = self.sim_mgr.eval_params(...)` "
                      "is the same statement (text changed)"))) for v in (0, 1, 2)] +
                [(v, ("after", "scores, bds = self.sim_mgr.eval_params(", _LOOP)) for v in (3, 4)]),
        },
        "qd_bds": {
            "text": 'flor.log("qd_bds", bds)',
            "intent": "behaviour descriptors of the population, inside the quality-diversity branch before "
                      "they are passed to observe_bd",
            "newest": ("first_in", "if isinstance(self.solver, QualityDiversityMethod):", _LOOP),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.2.4 eval_params returns no behaviour descriptors: there is no `bds` and no "
                      "quality-diversity branch", {"scope": "run"})) for v in (0, 1, 2)] +
                [(v, ("first_in", "if isinstance(self.solver, QualityDiversityMethod):", _LOOP))
                 for v in (3, 4)]),
        },
        "fitness_max": {
            "text": 'flor.log("fitness_max", float(np.max(scores)))',
            "intent": "best fitness handed to solver.tell, after the (optional) observe_bd branch, right "
                      "before the tell",
            "newest": ("after", "if isinstance(self.solver, QualityDiversityMethod):", _LOOP),
            "versions": dict(
                [(v, ("before", "self.solver.tell(fitness=scores)", {"note":
                      "no quality-diversity if before 0.2.4: the place keeps its position between the "
                      "third `start_time = time.perf_counter()` and `self.solver.tell(...)` (unconditional)"}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "if isinstance(self.solver, QualityDiversityMethod):", _LOOP)) for v in (3, 4)]),
        },
        "tell_time": {
            "text": 'flor.log("tell_time", time.perf_counter() - start_time)',
            "intent": "time spent in solver.tell, right after it returns",
            "newest": ("after", "self.solver.tell(fitness=scores)"),
            "versions": {v: ("after", "self.solver.tell(fitness=scores)") for v in ALL},
        },
        "train_max": {
            "text": 'flor.log("train_max", scores.max())',
            "intent": "max training score at each logging iteration, after the scores were logged and passed "
                      "to the log_scores_fn hook",
            "newest": ("after", 'self._log_scores_fn(i, scores, "train")'),
            "versions": dict(
                [(0, ("last_in", "if i > 0 and i % self._log_interval == 0:", {"note":
                      "0.1.0.post4 has no log_scores_fn hook: last in the logging if, after the info log "
                      "(the hook's previous sibling)"}))] +
                [(v, ("after", 'self._log_scores_fn(i, scores, "train")')) for v in (1, 2, 3, 4)]),
        },
        "test_mean": {
            "text": 'flor.log("test_mean", test_scores.mean())',
            "intent": "mean test score of the best parameters at each test iteration, after it was logged and "
                      "passed to the log_scores_fn hook",
            "newest": ("after", 'self._log_scores_fn(i, test_scores, "test")'),
            "versions": dict(
                [(0, ("before", "mean_test_score = test_scores.mean()", _w(_TESTIF, note=
                      "0.1.0.post4 has no log_scores_fn hook: after the [TEST] info log, before "
                      "`mean_test_score = ...` inside the test-interval if")))] +
                [(v, ("after", 'self._log_scores_fn(i, test_scores, "test")')) for v in (1, 2, 3, 4)]),
        },
        "best_score": {
            "text": 'flor.log("best_score", best_score)',
            "intent": "best mean test score so far, right after it is updated at a test iteration",
            "newest": ("after", "best_score = max(best_score, mean_test_score)", _TESTIF),
            "versions": {v: ("after", "best_score = max(best_score, mean_test_score)", _TESTIF) for v in ALL},
        },
        "final_best_score": {
            "text": 'flor.log("final_best_score", best_score)',
            "intent": "final best score once training is done: after the final test/save and the "
                      "(quality-diversity only) lattice save, before the 'Training done' log",
            "newest": ("after", "if isinstance(self.solver, QualityDiversityMethod):", {"n": 2, "of": 2}),
            "versions": dict(
                [(v, ("after", "best_score = max(best_score, mean_test_score)", {"n": 2, "of": 2, "note":
                      "no save_lattices if before 0.2.4: after the final best_score update (the if's previous "
                      "sibling), before the 'Training done' log"})) for v in (0, 1, 2)] +
                [(v, ("after", "if isinstance(self.solver, QualityDiversityMethod):", {"n": 2, "of": 2}))
                 for v in (3, 4)]),
        },
        "demo_mean": {
            "text": 'flor.log("demo_mean", scores.mean())',
            "intent": "mean test score in demo mode, right after the loaded parameters are evaluated",
            "newest": ("after", "scores = np.array(", {"n": 1, "of": 2}),
            "versions": {v: ("after", "scores = np.array(", {"n": 1, "of": 2, **({
                "note": "before 0.2.4 eval_params returns the scores directly (no [0]): same statement"}
                if v < 3 else {"note": "0.2.4 forgot the [0] although eval_params already returns "
                                       "(scores, bds) (fixed in 0.2.5): still the statement that binds `scores` "
                                       "in demo mode, so the same place, no substitute value"}
                if v == 3 else {})}) for v in ALL},
        },
    },
}
