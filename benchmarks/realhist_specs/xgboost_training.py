# xgboost xgboost/training.py (train / _train_internal, cv), PyPI 0.6a2 .. 3.2.0 (v00 .. v11).
# Round 24, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "xgboost_training" / "versions.json").read_text())
# v00 0.6a2, v01 0.72.1, v02 0.90, v03 1.0.0, v04 1.1.0: boosting loop in _train_internal (train() only builds the
#   old-style callback list and returns _train_internal(...)), rabit checkpoint/recovery (`if version % 2 == 0:`
#   around bst.update), evaluation inline, old callbacks called with CallbackEnv, early stop by EarlyStopException;
#   cv loop likewise (aggcv, `except EarlyStopException as e:`).
# v05 1.3.3: _train_internal gets a CallbackContainer (`callbacks = callback.CallbackContainer(...)`, or
#   LegacyCallbacks for old-style callbacks), before/after_iteration/after_training, evals_result from
#   callbacks.history; cv gets _PackedBooster `booster`, `should_break`, `res = callbacks.aggregated_cv`.
# v06 1.4.0: rabit checkpointing gone: plain bst.update; start_iteration = 0.
# v07 1.6.0: legacy callbacks removed, _train_internal inlined into train(), container named `cb_container`.
# v08 1.7.6: cv's container renamed `callbacks_container`.  v09 2.1.0: bst.update keyword args.
# v10 3.0.0: feval removed, bst.reset().  v11 3.2.0: newest.
OLDER = range(11)
_INTERNAL = range(0, 7)     # v00-v06: loop in _train_internal
_OLDCB = range(0, 5)        # v00-v04: CallbackEnv callbacks, EarlyStopException
_RABIT = range(0, 6)        # v00-v05: `if version % 2 == 0:` around bst.update


def _tr(v, **kw):
    """`within` for the function holding the boosting loop in version v."""
    d = {"within": "def _train_internal(" if v in _INTERNAL else "def train("}
    d.update(kw)
    return d


def _cv(**kw):
    d = {"within": "def cv("}
    d.update(kw)
    return d


_CB = {v: "callbacks" for v in (5, 6)}               # name of train's callback container
_CB.update({v: "cb_container" for v in range(7, 12)})
_CVCB = {v: "callbacks" for v in (5, 6, 7)}          # name of cv's callback container
_CVCB.update({v: "callbacks_container" for v in range(8, 12)})

_MOVED = ("the boosting loop is in _train_internal before 1.6 (train() delegates to it); "
          "the probe goes there")


def _upd(v):
    if v in _RABIT:
        return ("after", "if version % 2 == 0:", _tr(v, **{
            "alt": [("after", "assert", {"within": "for i in range(start_iteration, num_boost_round):"}),
                    ("after", "nboost += 1", {"within": "for i in range(start_iteration, num_boost_round):"})],
            "note": "before 1.4 the update runs under `if version % 2 == 0:` (skipped on a rabit recovery step); "
                    "the probe is unconditional in the newest version, so it goes after that whole if, not "
                    "inside it.  The rabit `assert` and `nboost += 1` that follow have no counterpart in the "
                    "newest version: after either of them (before the evaluation) is accepted too"}))
    if v < 9:
        return ("after", "bst.update(dtrain, i, obj)", _tr(v, **({"note": _MOVED} if v == 6 else {})))
    return ("after", "bst.update(dtrain, iteration=i, fobj=obj)", _tr(v))


def _stop(v):
    if v in _OLDCB:
        return ("before", "break", _tr(v, note=(
            "before 1.3 early stopping (or any callback asking to stop) raises EarlyStopException out of the "
            "after-iteration callbacks; the equivalent branch is `except EarlyStopException:`, before its break")))
    return ("first_in", "if %s.after_iteration(" % _CB[v], _tr(v, **(
        {"note": "container named `callbacks` in _train_internal"} if v in (5, 6) else {})))


CASE = {
    "name": "xgboost_training",
    "title": "xgboost train()/cv() boosting loops across 0.6a2 .. 3.2.0 (loop in _train_internal with rabit "
             "checkpoints and CallbackEnv callbacks -> CallbackContainer (1.3) -> no rabit (1.4) -> inlined into "
             "train() as cb_container (1.6); cv: aggcv/EarlyStopException -> _PackedBooster + aggregated_cv + "
             "should_break, callbacks -> callbacks_container (1.7))",
    "stories": _V,
    "probes": {
        "init_trees": {
            "text": 'flor.log("init_trees", len(bst.get_dump()))',
            "intent": "number of trees in the booster training starts from (non-zero when continuing xgb_model)",
            "newest": ("after", "bst = Booster(", {"within": "def train("}),
            "versions": dict(
                [(v, ("after", "if xgb_model is not None:", _tr(v, note=(
                    "before 1.6 the booster is built twice: `bst = Booster(params, ...)` and, when xgb_model is "
                    "given, rebuilt from it inside `if xgb_model is not None:`%s; the booster training starts "
                    "from exists only after that whole if, so the probe goes after it (not after the first "
                    "Booster(), and not inside the branch)" % (" / else" if v == 0 else "")))))
                 for v in _INTERNAL] +
                [(v, ("after", "bst = Booster(", _tr(v))) for v in range(7, 11)]),
        },
        "round": {
            "text": 'flor.log("round", i)',
            "intent": "boosting round index at the start of each round",
            "newest": ("first_in", "for i in range(start_iteration, num_boost_round):", {"within": "def train("}),
            "versions": {v: ("first_in", "for i in range(start_iteration, num_boost_round):",
                             _tr(v, **({"note": _MOVED} if v == 0 else {}))) for v in OLDER},
        },
        "n_trees": {
            "text": 'flor.log("n_trees", len(bst.get_dump()))',
            "intent": "number of trees in the model right after each boosting update",
            "newest": ("after", "bst.update(dtrain, iteration=i, fobj=obj)", {"within": "def train("}),
            "versions": {v: _upd(v) for v in OLDER},
        },
        "stop_round": {
            "text": 'flor.log("stop_round", i)',
            "intent": "round at which the callbacks stop training (early stopping), inside that branch before break",
            "newest": ("first_in", "if cb_container.after_iteration(", {"within": "def train("}),
            "versions": {v: _stop(v) for v in OLDER},
        },
        "eval_history": {
            "text": 'flor.log("eval_history", cb_container.history)',
            "intent": "evaluation history kept by the callback container, once after_training has run",
            "newest": ("after", "bst = cb_container.after_training(bst)", {"within": "def train("}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no callback container before 1.3: callbacks are plain functions called with a CallbackEnv "
                      "and the history is only written by the record_evaluation callback into the caller's "
                      "evals_result dict (not bound in _train_internal; a different object, not a rename)",
                      {"scope": "_train_internal"})) for v in _OLDCB] +
                [(v, ("after", "bst = callbacks.after_training(bst)", _tr(v, **{
                    "renames": {"cb_container": "callbacks"},
                    "note": "1.3/1.4 rebind `callbacks` to the CallbackContainer (rename).  With old-style "
                            "callbacks it is a LegacyCallbacks without .history (the code guards the evals_result "
                            "update with is_new_callback); the newest version has no such path, so the probe stays "
                            "unconditional"}))) for v in (5, 6)] +
                [(v, ("after", "bst = cb_container.after_training(bst)", _tr(v))) for v in range(7, 11)]),
        },
        "final_evals": {
            "text": 'flor.log("final_evals", evals_result)',
            "intent": "the caller's evals_result dict once it has been filled, at the end of training",
            "newest": ("after", "if evals_result is not None:", {"within": "def train("}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.3 evals_result is only a parameter of train(), which hands it to the "
                      "record_evaluation callback and returns _train_internal(...) directly (no point in train() "
                      "after training); _train_internal, where training ends, does not bind evals_result",
                      {"scope": "_train_internal",
                       "probe_site": ("after", "for i in range(start_iteration, num_boost_round):",
                                      {"within": "def _train_internal("})})) for v in _OLDCB] +
                [(v, ("after", "if evals_result is not None and is_new_callback:", _tr(v, note=(
                    "1.3/1.4 copy the history into evals_result in _train_internal under "
                    "`is_new_callback` too (old-style callbacks fill it during the loop): after that whole if; "
                    "the best_score/best_ntree_limit code that follows has no counterpart")))) for v in (5, 6)] +
                [(v, ("after", "if evals_result is not None:", _tr(v))) for v in range(7, 11)]),
        },
        "cv_metrics": {
            "text": 'flor.log("cv_metrics", res)',
            "intent": "aggregated (mean, std) CV metrics of each round",
            "newest": ("after", "res = callbacks_container.aggregated_cv", _cv()),
            "versions": dict(
                [(v, ("after", "res = aggcv(", _cv(note=(
                    "before 1.3 the folds are evaluated and aggregated in the loop (`res = aggcv([...])`), before "
                    "the callbacks run; same variable")))) for v in _OLDCB] +
                [(v, ("after", "res = %s.aggregated_cv" % _CVCB[v], _cv())) for v in range(5, 11)]),
        },
        "cv_mean": {
            "text": 'flor.log("cv_mean", mean)',
            "intent": "mean of each CV metric, at the end of the per-metric loop that records it",
            "newest": ("last_in", "for key, mean, std in", _cv()),
            "versions": {v: ("last_in", "for key, mean, std in", _cv()) for v in OLDER},
        },
        "cv_best_iteration": {
            "text": 'flor.log("cv_best_iteration", booster.best_iteration)',
            "intent": "best iteration when CV stops early, first thing in that branch (before the history is cut)",
            "newest": ("first_in", "if should_break:", _cv()),
            "versions": dict(
                [(v, ("before", "for k in results", _cv(**{
                    "renames": {"booster.best_iteration": "e.best_iteration"},
                    "note": "before 1.3 early stopping raises EarlyStopException; the branch is "
                            "`except EarlyStopException as e:` and the history is cut with e.best_iteration where "
                            "the newest version uses booster.best_iteration (rename shown by the code); there is no "
                            "_PackedBooster `booster`"}))) for v in _OLDCB] +
                [(v, ("first_in", "if should_break:", _cv())) for v in range(5, 11)]),
        },
        "cv_results": {
            "text": 'flor.log("cv_results", results)',
            "intent": "final CV results table (after pandas conversion and after_training), before it is returned",
            "newest": ("after", "callbacks_container.after_training(booster)", _cv()),
            "versions": dict(
                [(v, ("after", "if as_pandas:", _cv(note=(
                    "no after_training before 1.3: the probe keeps its place after the `if as_pandas:` "
                    "conversion and before `return results`")))) for v in _OLDCB] +
                [(v, ("after", "%s.after_training(booster)" % _CVCB[v], _cv())) for v in range(5, 11)]),
        },
    },
}
