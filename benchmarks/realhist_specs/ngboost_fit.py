# ngboost ngboost/ngboost.py (NGBoost.fit, loop in NGBoost.partial_fit since 0.5.0), PyPI 0.1 .. 0.6.0 (v00 .. v09).
# Round 29, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ngboost_fit" / "versions.json").read_text())
OLDER = range(9)
# v00 0.1: jax loss_fn/grad_fn, debug blocks, val check without break, returns (loss_list, val_loss_list)
# v01 0.1.4: Score.loss/Score.grad monitors, D = self.Dist(...), val check with break
# v02 0.2.0: Manifold, sample_weight, best_val_loss / early_stopping_rounds, evals_result
# v03 0.2.1: check_X_y, col_sample (col_idx, weight_batch), black formatting
# v04 0.3.5 / v05 0.3.12: self.n_features
# v06 0.5.0 .. v09 0.6.0: fit() resets state and calls partial_fit(), which holds the loop
_FIT = {"within": "def fit("}
_PFIT = {"within": "def partial_fit("}
_LOOP_IF1 = {"within": "for itr in range(", "n": 1, "of": 2}
CASE = {
    "name": "ngboost_fit",
    "title": "ngboost NGBoost.fit/partial_fit boosting loop across 0.1 .. 0.6.0 (jax losses -> Score/Manifold "
             "monitors, ad-hoc val check -> best_val_loss early stopping, column subsampling, loop moved "
             "from fit into partial_fit)",
    "stories": _V,
    "probes": {
        "n_train": {
            "text": 'flor.log("n_train", X.shape[0])',
            "intent": "number of training rows actually boosted on (after the optional validation split and check_X_y)",
            "newest": ("after", "self.n_features = X.shape[1]"),
            "versions": dict(
                [(v, ("before", "loss_list = []", {
                    "note": "before 0.2.1 there is no check_X_y and no n_features: the probe keeps its place "
                            "before `loss_list = []` (first statement of the fit body after the docstring)"}))
                 for v in (0, 1, 2)] +
                [(3, ("after", "X, Y = check_X_y(X, Y, y_numeric=True)", {
                    "note": "0.2.1 has no self.n_features yet: after check_X_y, before `loss_list = []`"}))] +
                [(v, ("after", "self.n_features = X.shape[1]", _FIT if v < 6 else _PFIT)) for v in range(4, 9)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss)',
            "intent": "training loss of each boosting iteration, right after it is computed",
            "newest": ("after", "loss = loss_list[-1]"),
            "versions": dict(
                [(0, ("after", "loss = losses.mean()", {
                    "alt": [("after", "if np.isinf(loss) or np.isnan(loss):")],
                    "note": "0.1 computes loss = losses.mean() (appended to loss_list later) and then runs a "
                            "NaN/inf debug block with breakpoint() that has no counterpart in the newest "
                            "version: either side of it"}))] +
                [(v, ("after", "loss = loss_list[-1]")) for v in range(1, 9)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(np.linalg.norm(grads, axis=1).mean()))',
            "intent": "mean norm of the (natural) gradient of each iteration, before the base learners are fit to it",
            "newest": ("after", "grads = D.grad(Y_batch, natural=self.natural_gradient)"),
            "versions": dict(
                [(0, ("after", "if self.natural_gradient:", {
                    "alt": [("after", "if np.any(np.isnan(grads)) or np.any(np.isinf(grads)):")],
                    "note": "0.1 computes the gradient in two steps (grad_fn, then `if self.natural_gradient:` "
                            "naturalize): after the whole if; the NaN debug block that follows has no "
                            "counterpart in the newest version: either side of it"}))] +
                [(1, ("after", "grads = S.grad(D, Y_batch, natural=self.natural_gradient)", {
                    "note": "0.1.4 computes it as S.grad(D, ...)"}))] +
                [(v, ("after", "grads = D.grad(Y_batch, natural=self.natural_gradient)")) for v in range(2, 9)]),
        },
        "step_size": {
            "text": 'flor.log("step_size", self.learning_rate * scale)',
            "intent": "effective step of each iteration: learning rate times the line-search scaling",
            "newest": ("after", "scale = self.line_search(proj_grad, P_batch, Y_batch, weight_batch)"),
            "versions": dict(
                [(0, ("after", "scale = self.line_search(proj_grad, P_batch, Y_batch)", {
                    "alt": [("after", "loss_list += [loss]")],
                    "note": "0.1 appends the training loss to loss_list between the line search and the "
                            "params update (the newest version does it earlier): either side of it"}))] +
                [(1, ("after", "scale = self.line_search(proj_grad, P_batch, Y_batch)"))] +
                [(2, ("after", "scale = self.line_search(proj_grad, P_batch, Y_batch, sample_weight)", {
                    "note": "0.2.0 passes the full sample_weight (no minibatch weights yet)"}))] +
                [(v, ("after", "scale = self.line_search(proj_grad, P_batch, Y_batch, weight_batch)"))
                 for v in range(3, 9)]),
        },
        "n_cols": {
            "text": 'flor.log("n_cols", len(col_idx))',
            "intent": "number of columns subsampled for this iteration's base learners",
            "newest": ("after", "self.col_idxs.append(col_idx)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "column subsampling (col_sample, col_idx, self.col_idxs) arrives in 0.2.1; before it "
                      "sample() returns no column index and every base learner sees all columns "
                      "(X.shape[1] would be a substitute value, not a rename)", {"scope": "fit"}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self.col_idxs.append(col_idx)")) for v in range(3, 9)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "validation loss of each iteration, when validation data is given",
            "newest": ("after", "val_loss_list += [val_loss]"),
            "versions": {v: ("after", "val_loss_list += [val_loss]", {
                "note": "inside `if X_val is not None and Y_val is not None:` in the loop"} if v == 0 else {})
                for v in OLDER},
        },
        "best_val_loss": {
            "text": 'flor.log("best_val_loss", best_val_loss)',
            "intent": "best validation loss so far, after it is updated, every iteration with validation data",
            "newest": ("after", "if val_loss < best_val_loss:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.2.0 there is no best_val_loss: early stopping compares the means of the last "
                      "5 and previous 5 validation losses", {"scope": "fit"})) for v in (0, 1)] +
                [(v, ("after", "if val_loss < best_val_loss:", {
                    "note": "after the whole `if val_loss < best_val_loss:` (runs every validated iteration)"}
                      if v == 2 else {})) for v in range(2, 9)]),
        },
        "early_stop_itr": {
            "text": 'flor.log("early_stop_itr", itr)',
            "intent": "iteration at which the validation-based early-stopping criterion fires",
            "newest": ("first_in", "if (", _LOOP_IF1),
            "versions": dict(
                [(0, ("first_in", "if np.mean(np.array(val_loss_list[-5:])) >", {
                    "note": "0.1's validation stopping criterion (last 5 vs previous 5 mean val loss) is the "
                            "equivalent condition even though its body only prints and `pass`es instead of "
                            "breaking: the probe goes under it, first statement"}))] +
                [(1, ("first_in", "if len(val_loss_list) > 10 and np.mean(", {
                    "note": "0.1.4: windowed-mean criterion followed by break; equivalent condition"}))] +
                [(2, ("first_in", "if early_stopping_rounds is not None and best_val_loss <", {
                    "note": "0.2.0: one-line condition without the len(val_loss_list) guard"}))] +
                [(v, ("first_in", "if (", _LOOP_IF1)) for v in range(3, 9)]),
        },
        "proj_grad_norm": {
            "text": 'flor.log("proj_grad_norm", float(np.linalg.norm(proj_grad, axis=1).mean()))',
            "intent": "norm of the projected gradient of each iteration (what the tolerance check reads), "
                      "after the verbose print block, every iteration",
            "newest": ("before", "if np.linalg.norm(proj_grad, axis=1).mean() < self.tol:"),
            "versions": {v: ("before", "if np.linalg.norm(proj_grad, axis=1).mean() < self.tol:", {
                "note": "after the whole verbose `if` (0.1: plain `if self.verbose:`), not inside it"}
                if v in (0, 1) else {}) for v in OLDER},
        },
        "n_iters": {
            "text": 'flor.log("n_iters", len(loss_list))',
            "intent": "number of boosting iterations run by this fit, once the loop is over",
            "newest": ("before", "return self", _PFIT),
            "versions": dict(
                [(0, ("before", "return loss_list, val_loss_list", {
                    "note": "0.1 returns the loss lists; no evals_result: after the loop, before the return"}))] +
                [(1, ("before", "return self", dict(_FIT, note="0.1.4 has no evals_result block: after the "
                                                               "loop, before `return self`")))] +
                [(v, ("before", "return self", _FIT)) for v in range(2, 6)] +
                [(v, ("before", "return self", dict(_PFIT, note="since 0.5.0 the loop and evals_result "
                                                                "live in partial_fit")
                                                     if v == 6 else _PFIT)) for v in range(6, 9)]),
        },
    },
}
