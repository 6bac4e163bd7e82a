# deepxde deepxde/model.py (Model.train / _train_sgd / _train_scipy / _test), PyPI 0.1.0 .. 1.15.0 (v00 .. v09).
# Round 15, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "deepxde_model" / "versions.json").read_text())
OLDER = range(9)
# v00 0.1.0   TF1 only: self.optimizer/train_op, _train_scipy, _test with `if uncertainty:` if/else
# v01 0.10.0  auxiliary vars; scipy loss_callback records history only every display_every steps
# v02 0.13.0  backend abstraction (_run), self.opt_name, test loss computed first, MC-dropout `if uncertainty:` after
# v03 0.14.0  _train_step/_outputs_losses, uncertainty removed, _train_scipy split (tf.compat.v1 / tfp / pytorch L-BFGS)
# v04 1.0.0   NaN check sets self.stop_training in _test
# v05 1.6.0   train(epochs=...) -> train(iterations=..., epochs=deprecated alias)
# v06 1.8.0   paddle L-BFGS loop, loss_callback gets loss_test and VariableValue handling
# v07 1.9.0   horovod broadcast, prints only on rank 0
# v08 1.13.0  verbose argument, NNCG, convergence test `prev_n_iter == n_iter - 1`
# v09 1.15.0  TrainState.epoch -> TrainState.iteration (epoch kept as a deprecated property)
_SGD = {"within": "def _train_sgd"}
_TEST = {"within": "def _test"}
_CB = {"within": "def loss_callback"}
_LBFGS = {"within": "def _train_pytorch_lbfgs"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "deepxde_model",
    "title": "DeepXDE Model.train/_train_sgd/_train_scipy/_test across 0.1.0 .. 1.15.0 (TF1-only session code -> "
             "multi-backend _train_step/_outputs_losses, MC-dropout uncertainty removed, scipy path split into "
             "tf.compat.v1/tfp/pytorch/paddle L-BFGS loops, NaN early stop, epochs -> iterations, "
             "TrainState.epoch -> TrainState.iteration)",
    "stories": _V,
    "probes": {
        "iterations": {
            "text": 'flor.log("iterations", iterations)',
            "intent": "number of iterations train() was asked for, once the deprecated `epochs` alias is resolved",
            "newest": ("after", "if iterations is None and epochs is not None:"),
            "versions": dict(
                [(v, ("before", "self.batch_size = batch_size", {
                    "renames": {"iterations": "epochs"},
                    "note": "before 1.6 the train() argument is called `epochs` (documented from 0.14 as 'number of "
                            "iterations'); 1.6 renamed it to `iterations` and kept `epochs` as an alias. The alias "
                            "if-block does not exist yet: the probe keeps its place at the top of train(), right "
                            "after the docstring and before `self.batch_size = batch_size`"})) for v in range(5)] +
                [(v, ("after", "if iterations is None and epochs is not None:")) for v in range(5, 9)]),
        },
        "opt_name": {
            "text": 'flor.log("opt_name", self.opt_name)',
            "intent": "optimizer name right before train() dispatches between the external (L-BFGS) and SGD loops",
            "newest": ("after", "self.callbacks.on_train_begin()"),
            "versions": dict(
                [(v, ("after", "self.callbacks.on_train_begin()", {
                    "renames": {"self.opt_name": "self.optimizer"},
                    "note": "before 0.13 compile() stores the optimizer name in self.optimizer (the dispatch reads "
                            "train_module.is_scipy_opts(self.optimizer))"})) for v in (0, 1)] +
                [(v, ("after", "self.callbacks.on_train_begin()")) for v in range(2, 9)]),
        },
        "step": {
            "text": 'flor.log("step", self.train_state.step)',
            "intent": "global step at the start of every SGD iteration",
            "newest": ("first_in", "for i in range(iterations):", _SGD),
            "versions": dict(
                [(v, ("first_in", "for i in range(epochs):", _SGD)) for v in range(5)] +
                [(v, ("first_in", "for i in range(iterations):", _SGD)) for v in range(5, 9)]),
        },
        "iteration": {
            "text": 'flor.log("iteration", self.train_state.iteration)',
            "intent": "iteration counter of the SGD loop right after it is advanced",
            "newest": ("after", "self.train_state.iteration += 1", _SGD),
            "versions": {v: ("after", "self.train_state.epoch += 1", _w(_SGD, renames={
                "self.train_state.iteration": "self.train_state.epoch"}, **({
                    "note": "TrainState.epoch was renamed TrainState.iteration in 1.14 (epoch survives as a "
                            "deprecated property in the newest version); same counter"} if v in (0, 8) else {})))
                for v in OLDER},
        },
        "scipy_loss": {
            "text": 'flor.log("scipy_loss", float(np.sum(loss_train)))',
            "intent": "training loss reported by the tf.compat.v1 scipy (L-BFGS) callback, every display_every steps, "
                      "right after it is recorded in the loss history",
            "newest": ("after", "self.losshistory.append(", _CB),
            "versions": dict(
                [(0, ("first_in", "if self.train_state.step % display_every == 0:", _w(_CB, note=(
                    "0.1.0 appends to the loss history on every callback (unconditionally) and only displays under "
                    "`if self.train_state.step % display_every == 0:`. The probe runs under that condition in the "
                    "newest version, so it keeps it: first statement of the if (before the display, as in the "
                    "newest version), not after the unconditional append"))))] +
                [(v, ("after", "self.losshistory.append(", _w(_CB, **({
                    "note": "the callback is in _train_scipy before 0.14 and in _train_tensorflow_compat_v1_scipy "
                            "from 0.14"} if v == 1 else {})))) for v in range(1, 9)]),
        },
        "scipy_loss_test": {
            "text": 'flor.log("scipy_loss_test", float(np.sum(loss_test)))',
            "intent": "test loss that the tf.compat.v1 scipy (L-BFGS) callback receives, every display_every steps",
            "newest": ("after", "self.train_state.loss_test = loss_test", _CB),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.8 the scipy loss_callback only receives loss_train (the test losses are not "
                      "fetched) and sets `self.train_state.loss_test = None` at this place; logging that None "
                      "would be a substitute value, not a rename",
                      {"scope": "loss_callback",
                       "probe_site": ("after", "self.train_state.loss_test = None", _CB)})) for v in range(6)] +
                [(v, ("after", "self.train_state.loss_test = loss_test", _CB)) for v in range(6, 9)]),
        },
        "lbfgs_iters": {
            "text": 'flor.log("lbfgs_iters", n_iter - prev_n_iter)',
            "intent": "L-BFGS iterations done by each optimizer.step of the PyTorch L-BFGS loop, after the "
                      "convergence check",
            "newest": ("after", "if prev_n_iter == n_iter - 1:", _LBFGS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no PyTorch backend before 0.14: there is no _train_pytorch_lbfgs loop and no n_iter / "
                      "prev_n_iter anywhere (the TF1 scipy path runs one minimize() call)",
                      {"scope": "Model"})) for v in range(3)] +
                [(v, ("after", "if prev_n_iter == n_iter", _w(_LBFGS, **({
                    "note": "the convergence test reads `if prev_n_iter == n_iter:` before 1.12; same statement, "
                            "the probe goes after the whole if"} if v == 3 else {})))) for v in range(3, 9)]),
        },
        "metrics_test": {
            "text": 'flor.log("metrics_test", self.train_state.metrics_test)',
            "intent": "test metrics of each evaluation, right after the single/multi-output if/else computes them",
            "newest": ("after", "if isinstance(self.train_state.y_test, (list, tuple)):", _TEST),
            "versions": dict(
                [(0, ("after", "if isinstance(self.net.targets, list):", _w(_TEST, note=(
                    "the multi-output test reads self.net.targets before 0.13; after the whole if/else"))))] +
                [(1, ("after", "if isinstance(self.net.targets, (list, tuple)):", _TEST))] +
                [(v, ("after", "if isinstance(self.train_state.y_test, (list, tuple)):", _TEST))
                 for v in range(2, 9)]),
        },
        "loss_test": {
            "text": 'flor.log("loss_test", float(np.sum(self.train_state.loss_test)))',
            "intent": "total test loss of each evaluation, right after it is computed",
            "newest": ("after", "self.train_state.y_pred_test, self.train_state.loss_test =", _TEST),
            "versions": dict(
                [(v, ("after", "if uncertainty:", _w(_TEST, **({
                    "note": "before 0.13 the test loss is computed in both branches of `if uncertainty:` "
                            "(MC-dropout mean / plain sess.run in the else); the probe is unconditional, so it goes "
                            "after the whole if/else, before the metrics"} if v == 0 else {})))) for v in (0, 1)] +
                [(2, ("after", "self.train_state.y_pred_test, self.train_state.loss_test =", _w(_TEST, note=(
                    "0.13 computes the test loss unconditionally and then may overwrite it in the MC-dropout "
                    "`if uncertainty:` block, which has no counterpart in the newest version: right after the "
                    "assignment (its image) or after the uncertainty block are both accepted"),
                    alt=[("after", "if uncertainty:", _TEST)])))] +
                [(v, ("after", "self.train_state.y_pred_test, self.train_state.loss_test =", _TEST))
                 for v in range(3, 9)]),
        },
        "stop_training": {
            "text": 'flor.log("stop_training", self.stop_training)',
            "intent": "whether training will stop after this evaluation, right after the NaN check",
            "newest": ("after", "if (", _TEST),
            "versions": dict(
                [(v, ("after", "self.losshistory.append(", _w(_TEST, **({
                    "note": "the NaN check (`if (np.isnan(...).any() or ...): self.stop_training = True`) appears in "
                            "1.0; before it the probe keeps its place after the loss-history append and before the "
                            "display. self.stop_training exists in every version (set in __init__, reset in train())"}
                    if v == 0 else {})))) for v in range(4)] +
                [(v, ("after", "if (", _TEST)) for v in range(4, 9)]),
        },
    },
}
