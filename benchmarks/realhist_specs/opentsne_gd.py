# openTSNE openTSNE/tsne.py (gradient_descent.__call__), PyPI 0.3.0 .. 1.0.4 (v00 .. v10).
# Round 25, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "opentsne_gd" / "versions.json").read_text())
OLDER = range(10)
_EARLY = range(4)        # v00-v03 (0.3.x): no Timer, no verbose progress block, no range limiting, min_grad_norm break
_TIMER = range(4, 10)    # v04-v09 (0.4.0+): Timer, verbose 50-iteration print, should_limit_range clipping
_LOCAL_UPDATE = range(9)  # v00-v08: momentum buffer is the local `update`; v09+ keeps it on `self.update`
_CALL = {"within": "def __call__"}
_UPD = {"self.update": "update"}
CASE = {
    "name": "opentsne_gd",
    "title": "openTSNE gradient_descent.__call__ across 0.3.0 .. 1.0.4 (gradient clipping added, Timer and "
             "verbose progress, min_grad_norm stop removed, range limiting for transform, step-norm clipping, "
             "local `update` -> persistent `self.update`)",
    "stories": _V,
    "probes": {
        "learning_rate": {
            "text": 'flor.log("learning_rate", learning_rate)',
            "intent": "learning rate of this optimisation phase, once, right before the iteration loop",
            "newest": ("after", "timer.__enter__()"),
            "versions": dict(
                [(v, ("after", "if isinstance(callbacks, Iterable):", dict(_CALL, note=(
                    "0.3.x has no Timer: the place keeps its position between the callbacks' "
                    "optimization_about_to_start notification (whole if) and the iteration loop")))) for v in _EARLY] +
                [(v, ("after", "timer.__enter__()")) for v in _TIMER]),
        },
        "iteration": {
            "text": 'flor.log("iteration", iteration)',
            "intent": "iteration counter at the start of every gradient-descent iteration",
            "newest": ("first_in", "for iteration in range(n_iter):"),
            "versions": {v: ("first_in", "for iteration in range(n_iter):") for v in OLDER},
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(np.linalg.norm(gradient)))',
            "intent": "norm of the (possibly clipped) gradient of each iteration",
            "newest": ("after", "if max_grad_norm is not None:"),
            "versions": dict(
                [(0, ("after", "error, gradient = objective_function(", {
                    "note": "0.3.0 has no max_grad_norm clipping: right after the gradient is computed, before "
                            "the exaggeration correction of the error (same relative position)"}))] +
                [(v, ("after", "if max_grad_norm is not None:", {
                    "note": "after the whole clipping if (the probe runs on every iteration)"} if v == 1 else {}))
                 for v in range(1, 10)]),
        },
        "kl_divergence": {
            "text": 'flor.log("kl_divergence", error)',
            "intent": "KL divergence of the iteration, after its correction for exaggeration",
            "newest": ("after", "if should_eval_error and exaggeration != 1:"),
            "versions": {v: ("after", "if should_eval_error and exaggeration != 1:") for v in OLDER},
        },
        "should_stop": {
            "text": 'flor.log("should_stop", should_stop)',
            "intent": "whether the callbacks asked to stop, each time they are called",
            "newest": ("after", "should_stop = any("),
            "versions": {v: ("after", "should_stop = any(") for v in OLDER},
        },
        "mean_gain": {
            "text": 'flor.log("mean_gain", float(np.mean(self.gains)))',
            "intent": "mean per-parameter gain after the gains update",
            "newest": ("after", "self.gains[grad_direction_same] = ("),
            "versions": {v: ("after", "self.gains[grad_direction_same] =", {
                "note": "one-line statement before 0.4.0, wrapped in parentheses after"} if v == 0 else {})
                for v in OLDER},
        },
        "update_norm": {
            "text": 'flor.log("update_norm", float(np.linalg.norm(self.update)))',
            "intent": "norm of the momentum update actually applied, after step-norm clipping",
            "newest": ("after", "if max_step_norm is not None:"),
            "versions": dict(
                [(v, ("after", "update = momentum * update", {"renames": _UPD, "note": (
                    "before 0.4.4 there is no max_step_norm clipping: right after the update is computed, "
                    "before `embedding += update`; the momentum buffer is the local `update` before 0.7 "
                    "(self.update -> update)")})) for v in range(5)] +
                [(v, ("after", "if max_step_norm is not None:", {"renames": _UPD} if v in _LOCAL_UPDATE else {}))
                 for v in range(5, 10)]),
        },
        "n_at_boundary": {
            "text": 'flor.log("n_at_boundary", int(np.sum(~mask)))',
            "intent": "number of entries whose gains were zeroed by the range limiting of transform()",
            "newest": ("after", "self.gains[~mask] = 0"),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "0.3.x has no range limiting (no should_limit_range, no boundary mask); the `mask` of the "
                      "gradient clipping in 0.3.5+ is a different value, not a rename", {"scope": "__call__"}))
                 for v in _EARLY] +
                [(v, ("after", "self.gains[~mask] = 0", {
                    "note": "inside `if should_limit_range:`; the mask's construction changed in 0.6.0 "
                            "(clip_point_to_disc), the statement it follows did not"} if v == 4 else {}))
                 for v in _TIMER]),
        },
        "iter_time": {
            "text": 'flor.log("iter_time", stop_time - start_time)',
            "intent": "wall time of the last 50 iterations, in the verbose progress block",
            "newest": ("after", "stop_time = time()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.3.x has no verbose progress block: stop_time/start_time are never bound",
                      {"scope": "__call__"})) for v in _EARLY] +
                [(v, ("after", "stop_time = time()")) for v in _TIMER]),
        },
        "embedding_std": {
            "text": 'flor.log("embedding_std", float(embedding.std()))',
            "intent": "spread of the optimised embedding, once, right after the iteration loop",
            "newest": ("after", "timer.__exit__()"),
            "versions": dict(
                [(v, ("after", "for iteration in range(n_iter):", {
                    "note": "0.3.x has no Timer: right after the whole iteration loop, before P is "
                            "un-exaggerated"})) for v in _EARLY] +
                [(v, ("after", "timer.__exit__()")) for v in _TIMER]),
        },
    },
}
