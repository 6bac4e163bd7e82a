# avalanche-lib avalanche/training/templates/base_sgd.py, older avalanche/training/strategies/base_strategy.py (BaseSGDTemplate.train / _train_exp / _before_training_exp / backward / optimizer_step / eval_epoch / make_train_dataloader; BaseStrategy.train / train_exp / training_epoch in 0.1.0), PyPI 0.1.0 .. 0.6.0 (v00 .. v05).
# Round 16, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "avalanche_sgd" / "versions.json").read_text())
OLDER = range(5)
# v00 (0.1.0) is the monolithic BaseStrategy: train() does the whole run, train_exp() does the dataset /
# dataloader / model / optimizer set-up, the epoch loop, periodic and final evaluation inline, and
# training_epoch() holds the minibatch loop with loss.backward() and optimizer.step() inline.
# v01 (0.2.0) splits it: BaseTemplate.train() (base.py) calls _before_training_exp / _train_exp /
# _after_training_exp; periodic evaluation moves into the PeriodicEval plugin (after_training_epoch,
# after_training_exp); the minibatch loop calls self.backward() / self.optimizer_step().
# v02 .. v05 (0.3.0 ..) move training_epoch into an update-type mixin (only a stub is left here);
# _before_training_exp also does the dataset adaptation, check_model_and_optimizer() replaces
# model_adaptation() + make_optimizer(); v02 still has a leftover stub `def _train_exp` before the real one.
_TRAIN_EXP = {0: {"within": "def train_exp("}}


def _txp(v, **kw):
    """`within` for the epoch-loop function of version v (train_exp in 0.1.0, _train_exp after)."""
    d = dict(_TRAIN_EXP.get(v, {"within": "def _train_exp("}))
    d.update(kw)
    return d


CASE = {
    "name": "avalanche_sgd",
    "title": "avalanche BaseStrategy/BaseSGDTemplate training loop across 0.1.0 .. 0.6.0 (monolithic "
             "BaseStrategy -> BaseTemplate.train + _train_exp with PeriodicEval plugin (0.2), minibatch loop "
             "moved to an update mixin and dataset adaptation into _before_training_exp (0.3), retain_graph, "
             "cleanup and common dataloader parameters (0.4), task-aware dataloader choice (0.6))",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", self.clock.train_exp_epochs)',
            "intent": "epoch counter at the start of each training epoch, once it is known that training goes on "
                      "(after the early-stopping check)",
            "newest": ("after", "if self._stop_training:  # Early stopping"),
            "versions": {v: ("after", "if self._stop_training:  # Early stopping", _txp(v, **({
                "note": "after the whole early-stopping if, before training_epoch(); 0.1.0 has the same "
                        "epoch loop in train_exp()"} if v == 0 else {}))) for v in OLDER},
        },
        "epoch_iters": {
            "text": 'flor.log("epoch_iters", self.clock.train_iterations)',
            "intent": "total training iterations at the end of every epoch (last statement of the epoch loop, "
                      "after the after_training_epoch callbacks, which include the periodic evaluation)",
            "newest": ("after", "self._after_training_epoch(**kwargs)"),
            "versions": dict(
                [(0, ("after", "self._periodic_eval(eval_streams, do_final=False)", {
                    "within": "def train_exp(",
                    "alt": [("after", "self._after_training_epoch(**kwargs)")],
                    "note": "0.1.0 runs the periodic evaluation inline after _after_training_epoch(); in the newest "
                            "version it is the PeriodicEval plugin inside _after_training_epoch(), i.e. before the "
                            "probe: last in the epoch loop (after the eval), or after _after_training_epoch() as the "
                            "image of the previous sibling; the clock value is the same at both"}))] +
                [(v, ("after", "self._after_training_epoch(**kwargs)")) for v in range(1, 5)]),
        },
        "exp_epochs": {
            "text": 'flor.log("exp_epochs", self.clock.train_exp_epochs)',
            "intent": "number of epochs actually run on the experience (fewer with early stopping), right after "
                      "the epoch loop",
            "newest": ("after", "for _ in range(self.train_epochs):"),
            "versions": dict(
                [(0, ("after", "for _ in range(self.train_epochs):", {
                    "within": "def train_exp(",
                    "note": "after the epoch loop and before the final `_periodic_eval(eval_streams, "
                            "do_final=do_final)`: in the newest version the final evaluation is the PeriodicEval "
                            "plugin in _after_training_exp(), called by BaseTemplate.train() after _train_exp() "
                            "returns, so it runs after the probe"}))] +
                [(v, ("after", "for _ in range(self.train_epochs):")) for v in range(1, 5)]),
        },
        "n_eval_streams": {
            "text": 'flor.log("n_eval_streams", len(eval_streams))',
            "intent": "number of evaluation streams once they have been normalised to lists, before the epochs",
            "newest": ("after", "for i, exp in enumerate(eval_streams):"),
            "versions": dict(
                [(0, ("after", "for i, exp in enumerate(eval_streams):", {
                    "alt": [("before", "for _ in range(self.train_epochs):")],
                    "note": "0.1.0 does the dataset/dataloader/model/optimizer set-up, _before_training_exp() and "
                            "the do_final computation between the eval_streams normalisation and the epoch loop; in "
                            "the newest version all of that runs earlier (in _before_training_exp(), before "
                            "_train_exp()). Right after the normalisation loop (image of the previous sibling) or "
                            "right before the epoch loop (same relative order to the set-up as in the newest version) "
                            "both observe the same value"}))] +
                [(v, ("after", "for i, exp in enumerate(eval_streams):")) for v in range(1, 5)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", self.loss.item())',
            "intent": "training loss of each minibatch right before the backward pass",
            "newest": ("before", "self.loss.backward("),
            "versions": dict(
                [(0, ("before", "self.loss.backward()", {
                    "note": "0.1.0 calls self.loss.backward() inline in training_epoch() (between "
                            "_before_backward and _after_backward); backward() became a method in 0.2.0"}))] +
                [(v, ("before", "self.loss.backward(", {
                    "within": "def backward(",
                    "note": "inside backward(); before 0.4 without retain_graph"} if v < 3 else
                    {"within": "def backward("})) for v in range(1, 5)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate right after every optimizer step",
            "newest": ("after", "self.optimizer.step()"),
            "versions": dict(
                [(0, ("after", "self.optimizer.step()", {
                    "within": "def training_epoch(",
                    "note": "0.1.0 calls self.optimizer.step() inline in the minibatch loop of training_epoch() "
                            "(optimizer_step() became a method in 0.2.0)"}))] +
                [(v, ("after", "self.optimizer.step()", {"within": "def optimizer_step("})) for v in range(1, 5)]),
        },
        "eval_loss": {
            "text": 'flor.log("eval_loss", self.loss.item())',
            "intent": "evaluation loss of each eval minibatch, right after it is computed",
            "newest": ("after", "self.loss = self.criterion()"),
            "versions": {v: ("after", "self.loss = self.criterion()", {"within": "def eval_epoch("})
                         for v in OLDER},
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in self.model.parameters()))',
            "intent": "number of model parameters once the model (and optimizer) have been adapted to the new "
                      "experience, before training on it",
            "newest": ("after", "self.check_model_and_optimizer(**kwargs)"),
            "versions": dict(
                [(0, ("after", "self.make_optimizer()", {
                    "within": "def train_exp(",
                    "note": "0.1.0 adapts the model (self.model = self.model_adaptation()) and resets the optimizer "
                            "(self.make_optimizer()) inline in train_exp(); check_model_and_optimizer() replaces "
                            "that pair in 0.3.0: after make_optimizer()"}))] +
                [(1, ("after", "self.make_optimizer()", {
                    "within": "def _before_training_exp(",
                    "note": "0.2.0: model_adaptation() + make_optimizer() in _before_training_exp(); after the pair"}))] +
                [(2, ("after", "self.check_model_and_optimizer()", {
                    "within": "def _before_training_exp(",
                    "note": "0.3.0 calls check_model_and_optimizer() without kwargs (same statement)"}))] +
                [(v, ("after", "self.check_model_and_optimizer(**kwargs)")) for v in (3, 4)]),
        },
        "loader_args": {
            "text": 'flor.log("loader_args", sorted(other_dataloader_args))',
            "intent": "extra dataloader arguments of the training dataloader, once it is built",
            "newest": ("after", 'if hasattr(self.experience, "task_labels"):'),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.0 builds the TaskBalancedDataLoader from its keyword arguments directly; there is no "
                      "other_dataloader_args dict", {"scope": "make_train_dataloader"}))] +
                [(1, ("na", "no_anchor",
                      "in 0.2.0 make_train_dataloader() here only raises NotImplementedError; the training "
                      "dataloader is built by a subclass in another file", {"scope": "make_train_dataloader"}))] +
                [(v, ("after", "self.dataloader = TaskBalancedDataLoader(", {
                    "note": "before 0.6 the TaskBalancedDataLoader is built unconditionally (no task_labels "
                            "if/else): after it"})) for v in (2, 3, 4)]),
        },
        "final_metrics": {
            "text": 'flor.log("final_metrics", self.evaluator.get_last_metrics())',
            "intent": "last recorded metrics at the end of a train() call, after all experiences and the "
                      "after_training callbacks",
            "newest": ("after", "super().train(experiences, eval_streams, **kwargs)"),
            "versions": dict(
                [(0, ("after", "self._after_training(**kwargs)", {
                    "within": "def train(",
                    "alt": [("after", "res = self.evaluator.get_last_metrics()", {"within": "def train("})],
                    "note": "0.1.0 has the whole run inline in train(); super().train() of the newest version ends "
                            "with _after_training() (and a cleanup that does not touch the evaluator). "
                            "`res = self.evaluator.get_last_metrics()` has no counterpart before the return of the "
                            "newest version: either side of it"}))] +
                [(v, ("after", "super().train(experiences, eval_streams, **kwargs)")) for v in range(1, 5)]),
        },
    },
}
