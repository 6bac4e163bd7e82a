# scikit-learn sklearn/neural_network/_multilayer_perceptron.py (BaseMultilayerPerceptron._fit_stochastic, _fit_lbfgs, _update_no_improvement_count), PyPI 0.18 .. 1.7.2 (v00 .. v10).
# Round 23, held out: written before the round's fixes, scored before any change made for it.
# (0.18-0.21 ship the file as sklearn/neural_network/multilayer_perceptron.py.)
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sklearn_mlp" / "versions.json").read_text())
OLDER = range(10)
# v00 0.18   : X, y shuffled in place, batches X[batch_slice]; `> 2` stop rule; fmin_l_bfgs_b
# v01 0.20.4 : n_iter_no_change
# v02 0.21.3 : stratified validation split, `if self.shuffle:`
# v03 0.23.2 : sample_idx shuffling, X_batch / y_batch in an if/else; scipy.optimize.minimize
# v04 0.24.2 : batch_size only computed in _fit_stochastic (no longer also in _fit)
# v05 1.0.2  : black formatting, update_params(params, grads)
# v06 1.1.3  : non-finite weights check
# v07 1.2.2  : early_stopping + partial_fit raises
# v08 1.3.2  : self.n_iter_ = 0 before the epoch loop
# v09 1.6.1  : val_score local in _update_no_improvement_count
# v10 1.7.2  : sample_weight: X_train / y_train, split if/else, batch_idx, X/y params of _update_no_improvement_count
_OLD_BATCH = range(3)        # v00-v02: no X_batch / y_batch
_IDX_BATCH = range(3, 10)    # v03-v09: X_batch / y_batch assigned inside `if self.shuffle:` / else
_FMIN = range(3)             # v00-v02: fmin_l_bfgs_b
_STOP = {"within": "_no_improvement_count >"}
_UPD = {"within": "def _update_no_improvement_count"}
CASE = {
    "name": "sklearn_mlp",
    "title": "scikit-learn BaseMultilayerPerceptron stochastic/lbfgs training across 0.18 .. 1.7.2 "
             "(in-place shuffle -> sample_idx + X_batch/y_batch, fmin_l_bfgs_b -> scipy.optimize.minimize, "
             "fixed `> 2` stop rule -> n_iter_no_change, X -> X_train and sample weights, val_score local, "
             "X_val/y_val -> X/y parameters)",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "effective mini-batch size used by the stochastic solver, once it is decided",
            "newest": ("after", 'if self.batch_size == "auto":'),
            "versions": {v: ("after", "if self.batch_size ==", {
                "note": "after the whole auto/else block of _fit_stochastic; before 0.24 _fit computes batch_size "
                        "too (`elif self.batch_size == 'auto':` after the lbfgs branch), that one is not the "
                        "equivalent: the probe is in _fit_stochastic"} if v < 4 else {})
                for v in OLDER},
        },
        "val_size": {
            "text": 'flor.log("val_size", X_val.shape[0])',
            "intent": "size of the held-out early-stopping split, right after it is made (only with early stopping)",
            "newest": ("after", "if sample_weight is None:", {"within": "if early_stopping:"}),
            "versions": {v: ("after", "X, X_val, y, y_val = train_test_split(", {
                "note": "the newest version's previous sibling is the whole sample_weight if/else around "
                        "train_test_split; older versions have the single split call: after it, inside "
                        "`if early_stopping:`, before the y_val inverse_transform"})
                for v in OLDER},
        },
        "batch_rows": {
            "text": 'flor.log("batch_rows", X_batch.shape[0])',
            "intent": "rows in each mini-batch, once the batch is sliced",
            "newest": ("after", "y_batch = y_train[batch_idx]"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.23 there is no X_batch: the batch is the expression X[batch_slice] used inline "
                      "(a substitute expression, not a rename)", {"scope": "_fit_stochastic"}))
                 for v in _OLD_BATCH] +
                [(v, ("after", "if self.shuffle:", {
                    "within": "for batch_slice",
                    "note": "X_batch and y_batch are both assigned inside the `if self.shuffle:` / else of the "
                            "batch loop: after the whole if/else (unconditional), before activations[0] = X_batch"}))
                 for v in _IDX_BATCH]),
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", self.loss_)',
            "intent": "mean training loss of each epoch, right after it is computed",
            "newest": ("after", "self.loss_ = accumulated_loss / X_train.shape[0]"),
            "versions": {v: ("after", "self.loss_ = accumulated_loss", {
                "note": "`self.loss_ = accumulated_loss / X.shape[0]` before 1.7 (X -> X_train only in the anchor)"})
                for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", self._optimizer.learning_rate)',
            "intent": "learning rate after the optimizer's end-of-iteration update",
            "newest": ("after", "self._optimizer.iteration_ends(self.t_)"),
            "versions": {v: ("after", "self._optimizer.iteration_ends(self.t_)") for v in OLDER},
        },
        "no_improvement_count": {
            "text": 'flor.log("no_improvement_count", self._no_improvement_count)',
            "intent": "patience counter when it triggers the stop / learning-rate decrease branch",
            "newest": ("first_in", "if self._no_improvement_count > self.n_iter_no_change:"),
            "versions": dict(
                [(0, ("first_in", "if self._no_improvement_count > 2:", {
                    "note": "0.18 hard-codes the patience as `> 2`; same branch"}))] +
                [(v, ("first_in", "if self._no_improvement_count > self.n_iter_no_change:")) for v in range(1, 10)]),
        },
        "stop_msg": {
            "text": 'flor.log("stop_msg", msg)',
            "intent": "the convergence message, after the early-stopping / training-loss if/else that builds it",
            "newest": ("after", "if early_stopping:", _STOP),
            "versions": {v: ("after", "if early_stopping:", dict(_STOP, **({
                "note": "after the whole msg if/else inside the no-improvement branch, before trigger_stopping"}
                if v == 0 else {}))) for v in OLDER},
        },
        "val_score": {
            "text": 'flor.log("val_score", val_score)',
            "intent": "validation score of each epoch under early stopping, once recorded",
            "newest": ("after", "self.validation_scores_.append(val_score)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.6 the score is appended directly (`self.validation_scores_.append(self.score(...))` / "
                      "`self._score(...)`) and no local val_score exists; self.validation_scores_[-1] or "
                      "last_valid_score would be substitutes, not renames",
                      {"scope": "_update_no_improvement_count"})) for v in range(9)] +
                [(9, ("after", "self.validation_scores_.append(val_score)"))]),
        },
        "n_val": {
            "text": 'flor.log("n_val", X.shape[0])',
            "intent": "size of the validation set each time the early-stopping score is computed",
            "newest": ("first_in", "if early_stopping:", _UPD),
            "versions": {v: ("first_in", "if early_stopping:", dict(_UPD, renames={"X": "X_val"}, **({
                "note": "the parameters of _update_no_improvement_count are X_val, y_val before 1.7 "
                        "(X, y, sample_weight in 1.7): rename"} if v == 0 else {}))) for v in OLDER},
        },
        "lbfgs_loss": {
            "text": 'flor.log("lbfgs_loss", self.loss_)',
            "intent": "final loss of the L-BFGS solver, right after it is stored",
            "newest": ("after", "self.loss_ = opt_res.fun"),
            "versions": dict(
                [(v, ("after", "optimal_parameters, self.loss_, d = fmin_l_bfgs_b(", {
                    "note": "before 0.23 fmin_l_bfgs_b returns the loss straight into self.loss_: that call is "
                            "the image of `self.loss_ = opt_res.fun`; before self._unpack(optimal_parameters)"}))
                 for v in _FMIN] +
                [(v, ("after", "self.loss_ = opt_res.fun")) for v in range(3, 10)]),
        },
    },
}
