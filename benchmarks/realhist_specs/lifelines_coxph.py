# lifelines lifelines/fitters/coxph_fitter.py (CoxPHFitter / SemiParametricPHFitter .fit and the Newton-Raphson loop
# _newton_rhaphson -> _fit_model -> _newton_rhapson_for_efron_model -> _newton_raphson_for_efron_model),
# PyPI 0.9.0.0 .. 0.30.0 (v00 .. v11).
# Round 30, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "lifelines_coxph" / "versions.json").read_text())
OLDER = range(11)
# v00 0.9.0.0: `while converging and i < 50 and step_size > 0.001:`, i = 1 .. incremented LAST in the loop (after a
#              `continue` that halves the step), log-likelihood only computed with include_likelihood (output[2] /
#              `ll` in the strata branch only), no convergence flag, no _n_examples.
# v01 0.13.0: `while converging:`, i += 1 first, ll always computed, elif chain of convergence criteria
#             (`elif i >= 50:`), step tempering `step_size *= 0.995`, fit() sets self._n_examples.
# v02 0.14.0: self.path.append(...) first in the loop, max_steps, `converging, completed = ...`.
# v03 0.15.0: StepSizer, spsolve + try/except, norm_delta / newton_decrement variables, step-scaled delta.
# v04 0.16.0: black formatting, strata loop over self._partition_by_strata_and_apply(...).
# v05 0.18.0: BatchVsSingle gradient chooser, LinAlgError branch.
# v06 0.20.0: initial_point, beta of shape (d,).
# v07 0.22.0: NR loop renamed _fit_model; null log-likelihood at i == 1 (self._log_likelihood_null);
#             delta unscaled, `beta += step_size * delta` moved to the end, step-size update last.
# v08 0.24.0: _newton_rhapson_for_efron_model returns (beta, ll_, hessian); ll_ / previous_ll_ / success;
#             beta updated FIRST in the loop; soft elastic-net penalty subtracted from ll_; fit() stores
#             self.log_likelihood_ = ll_.
# v09 0.25.0: SemiParametricPHFitter holds the Efron fit (CoxPHFitter dispatches), entries, `if delta.size > 0:`.
# v10 0.27.0 / v11 0.30.0: more CoxPHFitter fit_* variants, r_precision, renamed _newton_raphson_for_efron_model.


def _nr(v):
    """`within` of the function holding the Newton-Raphson loop in version v."""
    return {"within": "def _fit_model(" if v == 7 else "def _newton_r"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "lifelines_coxph",
    "title": "lifelines Cox PH Newton-Raphson loop and fit() across 0.9.0.0 .. 0.30.0 (iteration counter moved to the "
             "top of the loop, likelihood always computed, elif convergence chain, StepSizer, norm_delta / "
             "newton_decrement, null log-likelihood at the first step, elastic-net penalty on ll_, loop moved "
             "_newton_rhaphson -> _fit_model -> _newton_rhapson_for_efron_model in SemiParametricPHFitter)",
    "stories": _V,
    "probes": {
        "nr_iter": {
            "text": 'flor.log("nr_iter", i)',
            "intent": "1-based Newton-Raphson iteration number, at the start of every iteration (before the gradients)",
            "newest": ("after", "i += 1", _nr(11)),
            "versions": dict(
                [(0, ("first_in", "while converging and i < 50 and step_size > 0.001:", _w(_nr(0), note=
                      "0.9 starts i at 1 and increments it LAST in the loop (after a `continue` that halves the step): "
                      "at the top of the loop i already is the 1-based iteration number the newest logs after its "
                      "`i += 1`; after 0.9's `i += 1` would log the next number, at the end of the iteration")))] +
                [(v, ("after", "i += 1", _nr(v))) for v in range(1, 11)]),
        },
        "stratum_ll": {
            "text": 'flor.log("stratum_ll", _ll)',
            "intent": "partial log-likelihood of each stratum (stratified fits), once added to the iteration's total",
            "newest": ("after", "ll_ += _ll", _nr(11)),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.9 adds `output[2] if include_likelihood else 0` to ll in the strata loop: no per-stratum `_ll`",
                      {"scope": "_newton_rhaphson"}))] +
                [(v, ("after", "ll += _ll", _w(_nr(v), **({"note": "0.13-0.15 loop `for strata in np.unique(X.index):` "
                                                            "and unpack _h, _g, _ll from get_gradients"} if v < 4 else {}))))
                 for v in range(1, 8)] +
                [(v, ("after", "ll_ += _ll", _nr(v))) for v in range(8, 11)]),
        },
        "log_lik": {
            "text": 'flor.log("log_lik", ll_)',
            "intent": "(penalised) partial log-likelihood of each iteration, after the penalty block, before the Newton step is solved",
            "newest": ("after", "if isinstance(self.penalizer, np.ndarray) or self.penalizer > 0:", _nr(11)),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.9 computes the log-likelihood only when include_likelihood=True (output[2], never named) and "
                      "binds `ll` only in the strata branch: there is no per-iteration log-likelihood to log "
                      "unconditionally (a guarded or partial stand-in is not the same value)"))] +
                [(v, ("after", "if self.penalizer > 0:", _w(_nr(v), renames={"ll_": "ll"}, note=
                      "named ll before 0.24; the L2 penalty there changes only g and h, not ll: same place (after the "
                      "penalty block), unpenalised value")))
                 for v in range(1, 8)] +
                [(8, ("after", "if self.penalizer > 0:", _w(_nr(8), note="0.24 subtracts the soft penalty from ll_ "
                                                                      "in `if self.penalizer > 0:`")))] +
                [(v, ("after", "if isinstance(self.penalizer, np.ndarray) or self.penalizer > 0:", _nr(v)))
                 for v in (9, 10)]),
        },
        "ll_null": {
            "text": 'flor.log("ll_null", self._ll_null_)',
            "intent": "null-model log-likelihood, captured in the first iteration when starting from beta = 0",
            "newest": ("after", "self._ll_null_ = ll_", _nr(11)),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.22 the loop does not capture the null log-likelihood (older versions compute ll_null "
                      "separately in the likelihood-ratio test, not here)", {"scope": "_newton_rhaphson"}))
                 for v in range(0, 7)] +
                [(7, ("after", "self._log_likelihood_null = ll", _w(_nr(7), renames={"self._ll_null_": "self._log_likelihood_null"},
                      note="0.22 stores it as self._log_likelihood_null (from `ll`)")))] +
                [(v, ("after", "self._ll_null_ = ll_", _nr(v))) for v in range(8, 11)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", norm(gradient))',
            "intent": "norm of the score vector of each iteration, once it is saved as the pending result",
            "newest": ("after", "hessian, gradient = h, g", _nr(11)),
            "versions": {v: ("after", "hessian, gradient = h, g", _w(_nr(v), **({"note":
                             "gradient is a (1, d) row before 0.20; norm() still gives its 2-norm"} if v < 6 else {})))
                         for v in OLDER},
        },
        "norm_delta": {
            "text": 'flor.log("norm_delta", norm_delta)',
            "intent": "norm of the Newton step of each iteration, once it is computed",
            "newest": ("after", "if delta.size > 0:", _nr(11)),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.15 norm(delta) is computed inline each time it is used; no norm_delta variable",
                      {"scope": "_newton_rhaphson"})) for v in range(0, 3)] +
                [(v, ("after", "norm_delta = norm(delta)", _w(_nr(v), **({"note":
                      "0.15-0.20 scale delta by step_size before taking its norm (delta = step_size * inv_h_dot_g_T); "
                      "same variable, same place"} if v < 7 else {}))))
                 for v in range(3, 9)] +
                [(v, ("after", "if delta.size > 0:", _nr(v))) for v in (9, 10)]),
        },
        "max_steps_hit": {
            "text": 'flor.log("max_steps_hit", i)',
            "intent": "iteration at which the loop gives up because the step limit is reached (inside that convergence branch)",
            "newest": ("first_in", "elif i >= max_steps:", _nr(11)),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.9 has no convergence branch for the step limit: `i < 50` is part of the while condition"))] +
                [(1, ("first_in", "elif i >= 50:", _w(_nr(1), note="0.13 hard-codes the limit (50) and warns in the branch")))] +
                [(v, ("first_in", "elif i >= max_steps:", _nr(v))) for v in range(2, 11)]),
        },
        "step_size": {
            "text": 'flor.log("step_size", step_size)',
            "intent": "step size to be used by the next iteration, right after it is updated at the end of each iteration",
            "newest": ("after", "step_size = step_sizer.update(norm_delta).next()", _nr(11)),
            "versions": dict(
                [(0, ("after", "if norm(delta) > 10:", _w(_nr(0), note=
                      "0.9 only changes the step size in `if norm(delta) > 10: step_size *= 0.5; continue`: after that "
                      "if (the image of the update), not inside it; in the halving iterations the `continue` skips "
                      "the probe, which cannot be avoided without adding a condition")))] +
                [(v, ("after", "step_size *= 0.995", _w(_nr(v), note=
                      "0.13/0.14 halve the step on a large delta and then temper it (`step_size *= 0.995`): after the "
                      "tempering, before `beta += delta`")))
                 for v in (1, 2)] +
                [(v, ("after", "step_size = step_sizer.update(norm_delta).next()", _w(_nr(v), **({"note":
                      "0.15-0.20 update the step size before `beta += delta` and `previous_ll = ll`: right after the "
                      "update"} if v < 7 else {}))))
                 for v in range(3, 11)]),
        },
        "nr_success": {
            "text": 'flor.log("nr_success", success)',
            "intent": "whether Newton-Raphson converged, once the loop is over",
            "newest": ("after", "while converging:", _nr(11)),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.14 the loop only clears `converging`; there is no success/completed flag",
                      {"scope": "_newton_rhaphson"})) for v in (0, 1)] +
                [(v, ("after", "while converging:", _w(_nr(v), renames={"success": "completed"},
                                                      note="0.14-0.22 name the flag `completed`")))
                 for v in range(2, 8)] +
                [(v, ("after", "while converging:", _nr(v))) for v in range(8, 11)]),
        },
        "n_examples": {
            "text": 'flor.log("n_examples", self._n_examples)',
            "intent": "number of rows given to fit()",
            "newest": ("after", "self._n_examples = df.shape[0]"),
            "versions": dict(
                [(0, ("na", "missing_dependency", "0.9 never stores the number of examples", {"scope": "fit"}))] +
                [(v, ("after", "self._n_examples = df.shape[0]")) for v in range(1, 11)]),
        },
        "final_ll": {
            "text": 'flor.log("final_ll", self.log_likelihood_)',
            "intent": "log-likelihood of the fitted model, as soon as fit() has stored it",
            "newest": ("after", "self.log_likelihood_ = ll_"),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.9 stores self._log_likelihood only under `if include_likelihood:`; unconditionally there is "
                      "no fitted log-likelihood to log"))] +
                [(v, ("after", "self._log_likelihood = ll", _w(_nr(v), **{
                    "renames": {"self.log_likelihood_": "self._log_likelihood"},
                    "alt": [("after", "params_ = self._fit_model(" if v == 7 else "hazards_ = self._newton_rhaphson(",
                             {"within": "def fit(", "renames": {"self.log_likelihood_": "self._log_likelihood"}})],
                    "note": "before 0.24 the Newton-Raphson function itself stores self._log_likelihood = ll after the "
                            "loop (the image of the newest previous sibling); right after that function's call in "
                            "fit(), where the newest probe sits relative to the fit, the same value is stored: both "
                            "accepted"})))
                 for v in range(1, 8)] +
                [(v, ("after", "self.log_likelihood_ = ll_")) for v in range(8, 11)]),
        },
    },
}
