# fastai fastai/learner.py (Learner.fit -> _do_fit -> _do_epoch -> all_batches -> one_batch -> _do_one_batch,
# Recorder), PyPI fastai 2.0.0 .. 2.8.12 (v00 .. v09).
# Round 10, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "fastai_learner" / "versions.json").read_text())
ALL = range(9)
CASE = {
    "name": "fastai_learner",
    "title": "fastai Learner training loop across 2.0.0 .. 2.8.12 (loss_grad/loss split in 2.1/2.2, backward and "
             "step wrapped in events, device move in one_batch, start_epoch in fit, _do_grad_opt extracted in 2.7.19)",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", len(self.xb[0]))',
            "intent": "size of each batch, right after it is split into inputs and targets in one_batch",
            "newest": ("after", "self._split(b)"),
            "versions": {v: ("after", "self._split(", {
                "note": "2.3.0 moves the batch to the device inline and splits `b_on_device`; same statement"}
                if v == 3 else {}) for v in ALL},
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", self.loss.item())',
            "intent": "loss of each batch (train and validation) right after it is computed, inside "
                      "`if len(self.yb):` and before the after_loss callbacks",
            "newest": ("after", "self.loss = self.loss_grad.clone()"),
            "versions": dict(
                [(0, ("after", "self.loss = self.loss_func(", {
                    "note": "2.0.0 returns early when there are no targets (`if len(self.yb) == 0: return`), so the "
                            "loss line runs under the same condition; the loss and `self('after_loss')` share one "
                            "`;` line, so the nearest insertable place is after that line (after the after_loss "
                            "callbacks, which do not rebind self.loss)"})),
                 (1, ("na", "no_anchor",
                      "2.1.0 computes the loss in the body of a one-line `if len(self.yb): self.loss = ...`; there is "
                      "no line under that condition after the loss where a statement can be inserted without "
                      "rewriting the `if` line, and every place outside it also runs when there are no targets "
                      "(stale or unbound self.loss)"))] +
                [(v, ("after", "self.loss = self.loss_grad.clone()")) for v in range(2, 9)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(sum(p.grad.norm() ** 2 for p, *_ in self.opt.all_params(with_grad=True)) '
                    '** 0.5))',
            "intent": "global gradient norm of each training batch, right after the backward pass (and its "
                      "after_backward callbacks), before the optimizer step",
            "newest": ("after", "self._with_events(self._backward, 'backward', CancelBackwardException)"),
            "versions": dict(
                [(0, ("after", "self._backward()", {
                    "note": "`self._backward();  self('after_backward')` is one `;` line: after the whole line "
                            "(after the after_backward event, like the newest _with_events)"})),
                 (1, ("after", "self('after_backward')", {
                     "note": "after the after_backward event, which the newest _with_events also runs"}))] +
                [(v, ("after", "self.loss_grad.backward()", {
                    "note": "2.2 .. 2.5 call backward directly (no after_backward event exists); before the step"}))
                 for v in range(2, 6)] +
                [(v, ("after", "self._with_events(self._backward, 'backward', CancelBackwardException)", {
                    "note": "inline in _do_one_batch before _do_grad_opt is extracted (2.7.19)"}))
                 for v in (6, 7)] +
                [(8, ("after", "self._with_events(self._backward, 'backward', CancelBackwardException)"))]),
        },
        "lr": {
            "text": "flor.log(\"lr\", self.opt.hypers[-1]['lr'])",
            "intent": "learning rate of the last parameter group after each optimizer step (training batches only, "
                      "after the whole backward/step/zero_grad sequence)",
            "newest": ("after", "self._do_grad_opt()"),
            "versions": dict(
                [(v, ("after", "self.opt.zero_grad()", {
                    "note": "before 2.7.19 backward, step and zero_grad are inline in _do_one_batch; the probe goes "
                            "after the last of them (what _do_grad_opt() ends with)"})) for v in range(8)] +
                [(8, ("after", "self._do_grad_opt()"))]),
        },
        "start_epoch": {
            "text": 'flor.log("start_epoch", start_epoch)',
            "intent": "epoch fit() resumes from, once the SkipToEpoch callback has (maybe) been added: after the "
                      "`if start_epoch != 0:` block, not inside it",
            "newest": ("after", "if start_epoch != 0:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "fit() takes no start_epoch argument before 2.6.0 (SkipToEpoch arrives in 2.6.0)",
                      {"scope": "fit", "probe_site": ("before", "with self.added_cbs(cbs):")})) for v in range(6)] +
                [(v, ("after", "if start_epoch != 0:")) for v in (6, 7, 8)]),
        },
        "n_epoch": {
            "text": 'flor.log("n_epoch", self.n_epoch)',
            "intent": "number of epochs of this fit() call, once stored on the learner",
            "newest": ("after", "self.n_epoch = n_epoch"),
            "versions": dict(
                [(0, ("after", "self.n_epoch,self.loss = n_epoch,tensor(0.)", {
                    "note": "2.0.0 also resets self.loss in the same assignment; same statement"}))] +
                [(v, ("after", "self.n_epoch = n_epoch")) for v in range(1, 9)]),
        },
        "smooth_loss": {
            "text": 'flor.log("smooth_loss", self.smooth_loss.value)',
            "intent": "Recorder's smoothed training loss after each training batch (after the early returns for "
                      "no-target and validation batches)",
            "newest": ("after", "self.learn.smooth_loss = self.smooth_loss.value"),
            "versions": {v: ("after", "self.learn.smooth_loss = self.smooth_loss.value") for v in ALL},
        },
        "epoch_values": {
            "text": 'flor.log("epoch_values", self.values[-1])',
            "intent": "Recorder's per-epoch record (train/valid loss and metrics) once appended in after_epoch",
            "newest": ("after", "self.values.append(self.learn.final_record)"),
            "versions": {v: ("after", "self.values.append(self.learn.final_record)") for v in ALL},
        },
    },
}
