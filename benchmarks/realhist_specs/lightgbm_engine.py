# lightgbm lightgbm/engine.py (train and cv, the boosting iteration loops), PyPI 2.0.2 .. 4.7.0 (v00 .. v10).
# Round 23, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "lightgbm_engine" / "versions.json").read_text())
OLDER = range(10)
_TRAIN = {"within": "def train("}
_CV = {"within": "def cv("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


# how each version of train() resolves num_boost_round from the params aliases
_NBR = {
    1: 'for alias in ["num_boost_round", "num_iterations", "num_iteration", "num_tree"',
    2: 'for alias in ["num_boost_round", "num_iterations", "num_iteration", "num_tree"',
    3: 'for alias in ["num_iterations", "num_iteration", "n_iter", "num_tree", "num_trees",',
    4: 'for alias in _ConfigAliases.get("num_iterations"):',
}

CASE = {
    "name": "lightgbm_engine",
    "title": "lightgbm engine.train/cv across 2.0.2 .. 4.7.0 (params aliases for num_boost_round (2.0.12), "
             "keep_training_booster, first_metric_only (2.3), return_cvbooster (3.0), fobj moved into "
             "params['objective'] and early stopping only via params (4.0), init_iteration from "
             "predictor.current_iteration() (4.3), _choose_num_iterations, cvfolds -> cvbooster, "
             "res -> evaluation_result_list and named-tuple eval results (4.7))",
    "stories": _V,
    "probes": {
        "num_boost_round": {
            "text": 'flor.log("num_boost_round", num_boost_round)',
            "intent": "number of boosting rounds of train() once the params aliases are resolved",
            "newest": ("after", 'num_boost_round = params["num_iterations"]', _TRAIN),
            "versions": dict(
                [(0, ("before", "if isinstance(init_model, string_type):", _w(_TRAIN, **{
                    "alt": [("before", '"""create predictor first"""', _TRAIN)],
                    "note": "2.0.2 reads num_boost_round only from the argument (no params aliases): the place "
                            "keeps its position before the predictor is created, which is the first thing "
                            "train() does (the train_set type check that precedes it in 4.7 comes after the "
                            "predictor in 2.0.2); before or after the no-op string `\"\"\"create predictor "
                            "first\"\"\"` are the same point"})))] +
                [(v, ("after", _NBR[v], _w(_TRAIN, **{
                    "note": "2.0.12-2.3.1 resolve the aliases with a for loop (with break) and no "
                            "params['num_iterations'] write-back: after the whole loop"}))) for v in (1, 2, 3, 4)] +
                [(v, ("after", 'params["num_iterations"] = num_boost_round', _w(_TRAIN, **{
                    "note": "3.0-4.3: alias loop, then params['num_iterations'] = num_boost_round (the image of "
                            "_choose_num_iterations + num_boost_round = params['num_iterations'])"})))
                 for v in range(5, 10)]),
        },
        "first_metric_only": {
            "text": 'flor.log("first_metric_only", first_metric_only)',
            "intent": "whether early stopping checks only the first metric (train)",
            "newest": ("after", 'first_metric_only = params.get("first_metric_only", False)', _TRAIN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "first_metric_only does not exist before 2.3 (early stopping always checks all metrics)",
                      {"scope": "train"})) for v in (0, 1, 2, 3)] +
                [(v, ("after", "first_metric_only = params.", _w(_TRAIN, **({
                    "note": "2.3.1 pops it from params (params.pop) instead of params.get: same statement"}
                    if v == 4 else {})))) for v in range(4, 10)]),
        },
        "init_iteration": {
            "text": 'flor.log("init_iteration", init_iteration)',
            "intent": "iteration train() starts from (continued training from init_model)",
            "newest": ("after", "if predictor is not None:", _TRAIN),
            "versions": dict(
                [(v, ("after", "init_iteration = predictor.num_total_iteration if predictor is not None else 0",
                      _w(_TRAIN, **{"note": "before 4.3 init_iteration is one conditional expression instead of "
                                            "the if/else: after it"}))) for v in range(0, 9)] +
                [(9, ("after", "if predictor is not None:", _TRAIN))]),
        },
        "learning_rate": {
            "text": 'flor.log("learning_rate", params.get("learning_rate"))',
            "intent": "learning rate of each boosting round, after the before-iteration callbacks "
                      "(reset_parameter) have run",
            "newest": ("after", "for cb in callbacks_before_iter:", _TRAIN),
            "versions": {v: ("after", "for cb in callbacks_before_iter:", _w(_TRAIN, **{
                "note": "after the whole callbacks loop, not inside it"})) for v in OLDER},
        },
        "num_trees": {
            "text": 'flor.log("num_trees", booster.current_iteration())',
            "intent": "number of boosting iterations of the booster right after each update",
            "newest": ("after", "booster.update(fobj=fobj)", _TRAIN),
            "versions": {v: ("after", "booster.update(fobj=fobj)", _TRAIN) for v in OLDER},
        },
        "best_score": {
            "text": 'flor.log("best_score", booster.best_score)',
            "intent": "best scores of the trained booster once they are filled in, after the loop",
            "newest": ("after", "for result in evaluation_result_list:", _TRAIN),
            "versions": {v: ("after", "for dataset_name, eval_name, score, _ in evaluation_result_list:", _w(_TRAIN, **{
                "note": "before 4.7 the eval results are plain tuples unpacked in the for header; after the "
                        "whole loop that fills best_score"})) for v in OLDER},
        },
        "cv_n_boosters": {
            "text": 'flor.log("cv_n_boosters", len(cvbooster.boosters))',
            "intent": "number of fold boosters updated in each cv round",
            "newest": ("after", "cvbooster.update(fobj=fobj)", _CV),
            "versions": {v: ("after", "cvfolds.update(fobj=fobj)", _w(_CV, **{
                "renames": {"cvbooster": "cvfolds"},
                "note": "the CVBooster is called cvfolds before 4.7"})) for v in OLDER},
        },
        "cv_eval": {
            "text": 'flor.log("cv_eval", evaluation_result_list)',
            "intent": "aggregated cv evaluation results of each round",
            "newest": ("after", "evaluation_result_list = _agg_cv_result(", _CV),
            "versions": {v: ("after", "res = _agg_cv_result(", _w(_CV, **{
                "renames": {"evaluation_result_list": "res"},
                "note": "the aggregated results are called res before 4.7"})) for v in OLDER},
        },
        "cv_stdv": {
            "text": 'flor.log("cv_stdv", result.metric_std_dev)',
            "intent": "standard deviation over the folds of each metric, each round (inside the results loop)",
            "newest": ("last_in", "for result in evaluation_result_list:", _CV),
            "versions": {v: ("last_in", "for _, key, mean, _, std in res:", _w(_CV, **{
                "renames": {"result.metric_std_dev": "std"},
                "note": "before 4.7 the aggregated result tuples are unpacked in the for header; the std "
                        "element is the loop variable `std` (the value appended to the -stdv list in both)"}))
                for v in OLDER},
        },
        "cv_best_iteration": {
            "text": 'flor.log("cv_best_iteration", cvbooster.best_iteration)',
            "intent": "best iteration found by early stopping in cv, once it is set on every fold booster",
            "newest": ("after", "for bst in cvbooster.boosters:", _CV),
            "versions": dict(
                [(v, ("after", "cvfolds.best_iteration = earlyStopException.best_iteration + 1", _w(_CV, **{
                    "renames": {"cvbooster": "cvfolds"},
                    "note": "before 4.0 best_iteration is not copied onto the fold boosters: after it is set "
                            "on cvfolds, before the results are truncated (inside the except branch)"})))
                 for v in range(0, 8)] +
                [(v, ("after", "for bst in cvfolds.boosters:", _w(_CV, renames={"cvbooster": "cvfolds"})))
                 for v in (8, 9)]),
        },
    },
}
