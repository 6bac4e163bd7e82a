# scvi scvi/inference/trainer.py (Trainer.train / on_training_loop / on_epoch_end / on_iteration_end), PyPI 0.2.0 .. 0.6.8 (v00 .. v06).
# Round 14, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "scvi_trainer" / "versions.json").read_text())
OLDER = range(6)
# v00 0.2.0   train() body inside `with torch.set_grad_enabled(True):`; inline minibatch step with the local
#             `optimizer = self.optimizer = Adam(...)`; tqdm `with trange(...) as pbar` + pbar.update(1);
#             EarlyStopping.update returns continue_training only
# v01 0.2.3   no grad-enabled `with` (train() body dedented)      v02 0.3.0  same loop (other methods changed)
# v03 0.4.0   skip of tiny minibatches, weight_decay, show_progbar, update() -> (continue_training, reduce_lr)
#             and the `if reduce_lr:` LR-reduction branch in on_epoch_end
# v04 0.5.0   same loop (other methods changed)
# v05 0.6.0   hooks: on_training_begin, on_iteration_begin, on_training_loop(tensors_list) (the optimizer step,
#             self.current_loss), on_iteration_end (NaN check, self.n_iter += 1), on_training_end; plain tqdm loop
# v06 0.6.8   docstrings only in the loop code
_INLINE = {"within": "for tensors_list in self.data_loaders_loop():"}   # the inline minibatch loop of v00-v04
_OLD = range(5)
_NEW = (5,)


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "scvi_trainer",
    "title": "scVI Trainer.train across 0.2.0 .. 0.6.8 (inline minibatch step with a local optimizer -> "
             "on_training_loop / on_iteration_end hooks with self.current_loss and self.n_iter, "
             "EarlyStopping.update gains reduce_lr and an LR-reduction branch, tqdm trange context -> plain tqdm)",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "initial learning rate, right after the optimizer is built in train()",
            "newest": ("after", "self.optimizer = torch.optim.Adam("),
            "versions": dict(
                [(v, ("after", "optimizer = self.optimizer = torch.optim.Adam(", {
                    "note": "before 0.6 the optimizer is bound to the local `optimizer` and to self.optimizer in "
                            "one statement; self.optimizer is still bound, so the text is unchanged"}))
                 for v in _OLD] +
                [(v, ("after", "self.optimizer = torch.optim.Adam(")) for v in _NEW]),
        },
        "epoch": {
            "text": 'flor.log("epoch", self.epoch)',
            "intent": "epoch index at the start of each epoch, right after the on_epoch_begin hook",
            "newest": ("after", "self.on_epoch_begin()"),
            "versions": dict(
                [(v, ("after", "self.on_epoch_begin()", {
                    "alt": [("after", "pbar.update(1)")],
                    "note": "before 0.6 the epoch loop runs in `with trange(...) as pbar:` and calls "
                            "pbar.update(1) right after on_epoch_begin(); that statement has no counterpart in "
                            "the newest version, so either side of it is right"}))
                 for v in _OLD] +
                [(v, ("after", "self.on_epoch_begin()")) for v in _NEW]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", self.current_loss.item())',
            "intent": "training loss of each minibatch, right after the optimizer step (in train's minibatch loop)",
            "newest": ("after", "self.on_training_loop(tensors_list)"),
            "versions": dict(
                [(v, ("after", "optimizer.step()", _w(_INLINE, **{
                    "renames": {"self.current_loss": "loss"},
                    "note": "before 0.6 the step is inline in train(): `loss = self.loss(*tensors_list)`, "
                            "zero_grad, backward, `optimizer.step()`; the loss lives in the local `loss` "
                            "(self.current_loss = loss in 0.6): after the inline step"})))
                 for v in _OLD] +
                [(v, ("after", "self.on_training_loop(tensors_list)")) for v in _NEW]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", sum(p.grad.norm() ** 2 for p in self.model.parameters() '
                    'if p.grad is not None) ** 0.5)',
            "intent": "gradient norm of each minibatch, right after backward (inside on_training_loop)",
            "newest": ("after", "loss.backward()", {"within": "def on_training_loop("}),
            "versions": dict(
                [(v, ("after", "loss.backward()", _w(_INLINE, **{
                    "note": "before 0.6 there is no on_training_loop: the backward is inline in train()'s "
                            "minibatch loop"}))) for v in _OLD] +
                [(v, ("after", "loss.backward()", {"within": "def on_training_loop("})) for v in _NEW]),
        },
        "n_iter": {
            "text": 'flor.log("n_iter", self.n_iter)',
            "intent": "global minibatch counter, right after on_iteration_end advances it",
            "newest": ("after", "self.n_iter += 1"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.6 the trainer counts no iterations: self.n_iter does not exist (no on_iteration_end)",
                      {"scope": "train"})) for v in _OLD] +
                [(v, ("after", "self.n_iter += 1")) for v in _NEW]),
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", self.best_epoch)',
            "intent": "epoch of each new best state, right after it is recorded in on_epoch_end",
            "newest": ("after", "self.best_epoch = self.epoch", {"within": "def on_epoch_end("}),
            "versions": {v: ("after", "self.best_epoch = self.epoch", {"within": "def on_epoch_end("})
                         for v in OLDER},
        },
        "reduce_lr": {
            "text": 'flor.log("reduce_lr", reduce_lr)',
            "intent": "LR-reduction decision of the early-stopping update of each epoch",
            "newest": ("after", "continue_training, reduce_lr = self.early_stopping.update("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.4 EarlyStopping.update returns only continue_training; there is no reduce_lr",
                      {"scope": "on_epoch_end"})) for v in range(3)] +
                [(v, ("after", "continue_training, reduce_lr = self.early_stopping.update(")) for v in (3, 4, 5)]),
        },
        "reduced_lr": {
            "text": 'flor.log("reduced_lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after a reduce-on-plateau step (inside `if reduce_lr:`, after the param-group loop)",
            "newest": ("after", "for param_group in self.optimizer.param_groups:"),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 0.4 there is no learning-rate reduction on plateau: no point corresponds "
                      "(self.optimizer exists, but nothing reduces its LR)", {"scope": "on_epoch_end"}))
                 for v in range(3)] +
                [(v, ("after", "for param_group in self.optimizer.param_groups:")) for v in (3, 4, 5)]),
        },
        "training_time": {
            "text": 'flor.log("training_time", self.training_time)',
            "intent": "cumulated training time at the end of train()",
            "newest": ("after", "self.training_time += "),
            "versions": {v: ("after", "self.training_time += ", {
                "note": "0.2.0 runs train() inside `with torch.set_grad_enabled(True):` (not a condition)"}
                if v == 0 else {}) for v in OLDER},
        },
    },
}
