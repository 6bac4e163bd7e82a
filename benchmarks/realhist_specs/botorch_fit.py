# botorch botorch/optim/fit.py (fit_gpytorch_torch, the torch.optim fitting loop), PyPI 0.1.0 .. 0.7.3 (v00 .. v11).
# Round 33, held out: written before the round's fixes, scored before any change made for it.
# (From 0.8.0 fit_gpytorch_torch is a deprecated wrapper and the loop lives in botorch/optim/core.py:
#  the history stops at 0.7.3, the last release whose fit.py holds the loop.)
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "botorch_fit" / "versions.json").read_text())
OLDER = range(11)
# v00 0.1.0: fit_gpytorch_torch first, then fit_gpytorch_scipy and _scipy_objective_and_grad (which also computes
#            `loss = -mll(*args).sum()` / `loss.backward()`); optimizer over mll.parameters() directly (no exclude);
#            `converged = check_convergence(loss_trajectory=..., param_trajectory=..., options={"maxiter": ...})`
#            every iteration; returns (mll, iterations); t1 = time.time()
# v01 0.1.1: _scipy_objective_and_grad catches singular errors; warning on scipy failure (loop unchanged)
# v02 0.1.4: options["exclude"] -> `if exclude is not None: mll_params = [...] else: mll_params = list(...)`;
#            `convergence_criterion = ConvergenceCriterion(...)` before the loop, `converged =
#            convergence_criterion.evaluate(fvals=loss.detach())`; info_dict {"fopt", "wall_time", "iterations"}
# v03 0.2.0: forward/loss/backward inside `with gpt_settings.fast_computations(log_prob=approx_mll):`
# v04 0.2.1: _scipy_objective_and_grad moved to utils; scipy_objective/module_to_array_func parameters
# v05 0.2.2: `from __future__ import annotations`
# v06 0.2.3: ConvergenceCriterion -> ExpMAStoppingCriterion, `converged` -> `stop`, `convergence_criterion` ->
#            `stopping_criterion`
# v07 0.2.5: absolute imports
# v08 0.3.1: "OptimizeResult" in the scipy info dict
# v09 0.6.1: Meta copyright
# v10 0.7.0: time.time() -> time.monotonic()
# v11 0.7.3: fit_gpytorch_scipy moved first; `if exclude is None: ... else: create_name_filter(...)`;
#            `from time import monotonic`, t1 = monotonic() (newest)
_T = {"within": "def fit_gpytorch_torch("}
_CONVERGED = range(6)   # v00-v05: `while not converged:`
_NO_CRIT = (0, 1)       # v00-v01: check_convergence(), no criterion object, no exclude, no info_dict
_CONV_CRIT = range(2, 6)  # v02-v05: ConvergenceCriterion / convergence_criterion


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "botorch_fit",
    "title": "botorch fit_gpytorch_torch loop across 0.1.0 .. 0.7.3 (check_convergence -> ConvergenceCriterion -> "
             "ExpMAStoppingCriterion, converged -> stop, exclude / mll_params, info_dict, fast_computations "
             "context, time.time -> time.monotonic -> monotonic)",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate the torch optimizer was built with, right after it is created",
            "newest": ("after", "optimizer = optimizer_cls(", _T),
            "versions": {v: ("after", "optimizer = optimizer_cls(", _T) for v in OLDER},
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in mll_params))',
            "intent": "number of scalar parameters the optimizer will fit (after excluded ones are filtered out)",
            "newest": ("after", "if exclude is None:", _T),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.1.0/0.1.1 have no exclude option and no mll_params list: the optimizer is built on "
                      "mll.parameters() directly (counting those would be a substitute, not a rename)",
                      {"scope": "fit_gpytorch_torch"})) for v in _NO_CRIT] +
                [(v, ("after", "if exclude is not None:", _w(_T, note=
                      "0.1.4-0.7.0 test `if exclude is not None:` with the branches in the other order: after the "
                      "whole if/else (both branches bind mll_params)"))) for v in range(2, 11)]),
        },
        "n_bounded": {
            "text": 'flor.log("n_bounded", len(bounds_))',
            "intent": "number of parameters with bounds to project onto (model constraints plus user bounds)",
            "newest": ("after", "if bounds is not None:", _T),
            "versions": {v: ("after", "if bounds is not None:", _T) for v in OLDER},
        },
        "maxiter": {
            "text": 'flor.log("maxiter", stopping_criterion.maxiter)',
            "intent": "iteration cap enforced by the stopping criterion, right after the criterion is built",
            "newest": ("after", "stopping_criterion = ExpMAStoppingCriterion(", _T),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.1.0/0.1.1 build no criterion object: check_convergence(...) is called every iteration "
                      "with options={'maxiter': optim_options['maxiter']} (that option value would be a "
                      "substitute, not a rename)", {"scope": "fit_gpytorch_torch"})) for v in _NO_CRIT] +
                [(v, ("after", "convergence_criterion = ConvergenceCriterion(", _w(_T, **{
                    "renames": {"stopping_criterion": "convergence_criterion"},
                    "note": "0.1.4-0.2.2: the criterion is a ConvergenceCriterion named convergence_criterion "
                            "(it also has .maxiter)"}))) for v in _CONV_CRIT] +
                [(v, ("after", "stopping_criterion = ExpMAStoppingCriterion(", _T)) for v in range(6, 11)]),
        },
        "iter": {
            "text": 'flor.log("iter", i)',
            "intent": "iteration counter at the start of every optimization iteration",
            "newest": ("first_in", "while not stop:", _T),
            "versions": dict(
                [(v, ("first_in", "while not converged:", _w(_T, note="loop is `while not converged:` before 0.2.3")))
                 for v in _CONVERGED] +
                [(v, ("first_in", "while not stop:", _T)) for v in range(6, 11)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "negative marginal log likelihood of every iteration, right after it is computed (before backward)",
            "newest": ("after", "loss = -mll(*args).sum()", _T),
            "versions": {v: ("after", "loss = -mll(*args).sum()", _w(_T, note=
                "before 0.2.0 there is no fast_computations context: the loss is computed directly in the loop "
                "body; the same statement in _scipy_objective_and_grad is a different function"))
                if v < 3 else ("after", "loss = -mll(*args).sum()", _T) for v in OLDER},
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(sum(p.grad.norm() ** 2 for p in mll.parameters() '
                    'if p.grad is not None) ** 0.5))',
            "intent": "gradient norm of every iteration, right after backward",
            "newest": ("after", "loss.backward()", _T),
            "versions": {v: ("after", "loss.backward()", _w(_T, note=
                "before 0.2.0 backward is called directly in the loop body (no fast_computations context)"))
                if v < 3 else ("after", "loss.backward()", _T) for v in OLDER},
        },
        "clamped": {
            "text": 'flor.log("clamped", pname)',
            "intent": "name of each parameter projected onto its bounds after an optimizer step",
            "newest": ("after", "param.data = param.data.clamp(*bounds_[pname])"),
            "versions": {v: ("after", "param.data = param.data.clamp(*bounds_[pname])") for v in OLDER},
        },
        "stop": {
            "text": 'flor.log("stop", stop)',
            "intent": "stopping decision of every iteration, right after the criterion is evaluated",
            "newest": ("after", "stop = stopping_criterion.evaluate(fvals=loss.detach())"),
            "versions": dict(
                [(v, ("after", "converged = check_convergence(", {
                    "renames": {"stop": "converged"},
                    "note": "0.1.0/0.1.1: the decision is `converged = check_convergence(...)` (the loop runs "
                            "`while not converged`)"})) for v in _NO_CRIT] +
                [(v, ("after", "converged = convergence_criterion.evaluate(fvals=loss.detach())", {
                    "renames": {"stop": "converged"}})) for v in _CONV_CRIT] +
                [(v, ("after", "stop = stopping_criterion.evaluate(fvals=loss.detach())")) for v in range(6, 11)]),
        },
        "wall_time": {
            "text": 'flor.log("wall_time", monotonic() - t1)',
            "intent": "wall time of the whole fit, right after the optimization loop ends",
            "newest": ("after", "while not stop:", _T),
            "versions": dict(
                [(v, ("after", "while not converged:", _w(_T, **{
                    "renames": {"monotonic": "time.time"},
                    "note": "t1 is taken with time.time() before 0.7.0 (`import time`, no monotonic): the "
                            "file's own clock, the one its wall_time uses" + (
                                "; 0.1.x return (mll, iterations) right after the loop" if v < 2 else "")})))
                 for v in _CONVERGED] +
                [(v, ("after", "while not stop:", _w(_T, renames={"monotonic": "time.time"})))
                 for v in range(6, 10)] +
                [(10, ("after", "while not stop:", _w(_T, **{
                    "renames": {"monotonic": "time.monotonic"},
                    "note": "0.7.0 uses time.monotonic() (module import) for t1"})))]),
        },
        "fopt": {
            "text": 'flor.log("fopt", info_dict["fopt"])',
            "intent": "final loss reported by the fit, once the info dict is built",
            "newest": ("after", "info_dict = {", _T),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.1.0/0.1.1 build no info_dict: fit_gpytorch_torch returns (mll, iterations) "
                      "(loss_trajectory[-1] would be a substitute, not a rename)",
                      {"scope": "fit_gpytorch_torch"})) for v in _NO_CRIT] +
                [(v, ("after", "info_dict = {", _T)) for v in range(2, 11)]),
        },
    },
}
