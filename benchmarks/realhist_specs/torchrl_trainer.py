# torchrl torchrl/trainers/trainers.py (Trainer.train + Trainer.optim_steps), PyPI 0.2.0 .. 0.14.1 (v00 .. v05).
# Round 17, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "torchrl_trainer" / "versions.json").read_text())
OLDER = range(5)
# v00 0.2.0 : train() iterates self.collector; optim_steps() is one loop over range(self.optim_steps_per_batch),
#             logs average_losses with self._log(...) under `if self.optim_steps_per_batch > 0:`
#             (the train/optim_steps code is identical from 0.2.0 through 0.9.2)
# v01 0.10.0: optim_steps() gets an epoch loop (num_epochs, _pre_epoch_hook -> batch_processed), a local
#             optim_steps_per_batch, try/StopIteration + `if sub_batch is None: break`, `if j >= 0:`
# v02 0.11.0: train() gets async collection (`if self.async_collection:` iterator setup, per-batch
#             `if not self.async_collection: ... else: ...`); _process_loss_hook after _post_loss_hook
# v03 0.12.0: optimization_stepper branch around loss/optimizer; _post_optim_complete_log_hook replaces _log
# v04 0.13.1: _setup_hook/_shutdown_hook, early stop block `if self._stop_training:`
# v05 0.14.1: ray backend early return, `batch is not None` in the sync test, replay-buffer write count
_TRAIN = {"within": "def train(self)"}
_OPT = {"within": "def optim_steps("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "torchrl_trainer",
    "title": "torchrl Trainer.train/optim_steps across 0.2.0 .. 0.14.1 (epoch loop and StopIteration (0.10), "
             "async collection branch and loss-processing hook (0.11), optimization_stepper branch and "
             "post-optim-complete hook (0.12), setup hook and early stop (0.13), ray backend (0.14))",
    "stories": _V,
    "probes": {
        "total_frames": {
            "text": 'flor.log("total_frames", self.total_frames)',
            "intent": "frame budget once, right before the collection loop starts (after setup)",
            "newest": ("after", "self._setup_hook()", _TRAIN),
            "versions": dict(
                [(v, ("after", "if self.progress_bar:", _w(_TRAIN, n=1, of=2, note=
                      "no async iterator setup and no _setup_hook before 0.11: after the progress-bar block, "
                      "right before `for batch in self.collector:`"))) for v in (0, 1)] +
                [(v, ("after", "if self.async_collection:", _w(_TRAIN, note=
                      "no _setup_hook before 0.13: after the whole async/sync iterator if/else, right before "
                      "the collection loop"))) for v in (2, 3)] +
                [(4, ("after", "self._setup_hook()", _TRAIN))]),
        },
        "current_frames": {
            "text": 'flor.log("current_frames", current_frames)',
            "intent": "frames obtained from each collected batch, after the sync/async frame accounting",
            "newest": ("after", "if not self.async_collection and batch is not None:", _TRAIN),
            "versions": dict(
                [(v, ("after", "self.collected_frames += current_frames", _w(_TRAIN, note=
                      "no async branch before 0.11: the frame accounting is unconditional; after its last "
                      "statement (the image of the whole if/else)"))) for v in (0, 1)] +
                [(v, ("after", "if not self.async_collection:", _w(_TRAIN, note=
                      "after the whole if/else, not inside the sync branch"))) for v in (2, 3, 4)]),
        },
        "async_new_frames": {
            "text": 'flor.log("async_new_frames", current_frames)',
            "intent": "frames newly written to the buffer per iteration in the async (batch is None) branch",
            "newest": ("after", "current_frames = self.collected_frames - cf", _TRAIN),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 0.11 there is no async-collection branch; the unconditional frame accounting of "
                      "0.2/0.10 is the image of the sync branch, which the probe is not under",
                      {"scope": "train"})) for v in (0, 1)] +
                [(v, ("after", "current_frames = self.collected_frames - cf", _TRAIN)) for v in (2, 3, 4)]),
        },
        "frames_left": {
            "text": 'flor.log("frames_left", self.total_frames - self.collected_frames)',
            "intent": "remaining frame budget each iteration, once it is known that training does not stop early",
            "newest": ("after", "if self._stop_training:", _TRAIN),
            "versions": dict(
                [(v, ("after", "self._post_steps_log_hook(batch)", _w(_TRAIN, note=
                      "no early-stop block before 0.13: after the post-steps logging hook, before the "
                      "progress-bar update (the position between the surrounding statements)")))
                 for v in (0, 1, 2, 3)] +
                [(4, ("after", "if self._stop_training:", _TRAIN))]),
        },
        "optim_steps_per_batch": {
            "text": 'flor.log("optim_steps_per_batch", optim_steps_per_batch)',
            "intent": "configured optimisation steps per collected batch, at the start of optim_steps",
            "newest": ("after", "optim_steps_per_batch = self.optim_steps_per_batch", _OPT),
            "versions": dict(
                [(0, ("after", "self._pre_optim_hook()", _w(_OPT, **{
                    "renames": {"optim_steps_per_batch": "self.optim_steps_per_batch"},
                    "note": "0.2.0 has no local alias and reads self.optim_steps_per_batch directly "
                            "(range(self.optim_steps_per_batch)); the alias statement that follows "
                            "_pre_optim_hook() in the newest version is absent, so after _pre_optim_hook()"})))] +
                [(v, ("after", "optim_steps_per_batch = self.optim_steps_per_batch", _OPT)) for v in range(1, 5)]),
        },
        "epoch_batch_numel": {
            "text": 'flor.log("epoch_batch_numel", batch_processed.numel())',
            "intent": "size of the batch returned by the pre-epoch hook, at the start of every optimisation epoch",
            "newest": ("after", "batch_processed = self._pre_epoch_hook(batch)", _OPT),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.2.0 has no epoch loop and no _pre_epoch_hook; batch_processed is not bound (logging the "
                      "raw `batch` would substitute another value, not a rename)", {"scope": "optim_steps"}))] +
                [(v, ("after", "batch_processed = self._pre_epoch_hook(batch)", _OPT)) for v in range(1, 5)]),
        },
        "sub_batch_numel": {
            "text": 'flor.log("sub_batch_numel", sub_batch.numel())',
            "intent": "size of every optimisation sub-batch once it is known to exist",
            "newest": ("after", "if sub_batch is None:", _OPT),
            "versions": dict(
                [(0, ("after", "sub_batch = self._process_optim_batch_hook(batch)", _w(_OPT, note=
                      "0.2.0 has neither the StopIteration try nor the `if sub_batch is None: break` check: "
                      "right after the sub-batch is sampled")))] +
                [(v, ("after", "if sub_batch is None:", _OPT)) for v in range(1, 5)]),
        },
        "loss_keys": {
            "text": 'flor.log("loss_keys", list(losses_td.keys()))',
            "intent": "loss components computed by the loss module (after loss processing), before the optimizer",
            "newest": ("after", "losses_td = self._process_loss_hook(sub_batch, losses_td)", _OPT),
            "versions": dict(
                [(v, ("after", "self._post_loss_hook(sub_batch)", _w(_OPT, note=
                      "no _process_loss_hook before 0.11: after _post_loss_hook, right before "
                      "_optimizer_hook; unconditional (no optimization_stepper branch before 0.12)")))
                 for v in (0, 1)] +
                [(2, ("after", "losses_td = self._process_loss_hook(sub_batch, losses_td)", _w(_OPT, note=
                      "unconditional: no optimization_stepper branch before 0.12")))] +
                [(v, ("after", "losses_td = self._process_loss_hook(sub_batch, losses_td)", _OPT)) for v in (3, 4)]),
        },
        "losses": {
            "text": 'flor.log("losses", losses_detached)',
            "intent": "detached losses of every optimisation step, whichever way the step was done",
            "newest": ("after", "if self.optimization_stepper is not None:", _OPT),
            "versions": dict(
                [(v, ("after", "self._post_optim_hook()", _w(_OPT, note=
                      "no optimization_stepper branch before 0.12: after the step's last statement "
                      "(_post_optim_hook), before _post_optim_log"))) for v in (0, 1, 2)] +
                [(v, ("after", "if self.optimization_stepper is not None:", _w(_OPT, note=
                      "after the whole stepper if/else, not inside its else branch"))) for v in (3, 4)]),
        },
        "avg_losses": {
            "text": 'flor.log("avg_losses", average_losses)',
            "intent": "average losses over the optimisation steps of one batch, right after they are logged",
            "newest": ("after", "self._post_optim_complete_log_hook(self._optim_count, average_losses)", _OPT),
            "versions": dict(
                [(0, ("after", "self._log(", _w(_OPT, note=
                      "0.2.0 logs optim_steps and average_losses with self._log(...) under "
                      "`if self.optim_steps_per_batch > 0:` (the equivalent of `if j >= 0:`)")))] +
                [(v, ("after", "self._log(", _w(_OPT, note=
                      "self._log(optim_steps=..., **average_losses) inside `if j >= 0:` plays the role of "
                      "_post_optim_complete_log_hook"))) for v in (1, 2)] +
                [(v, ("after", "self._post_optim_complete_log_hook(self._optim_count, average_losses)", _OPT))
                 for v in (3, 4)]),
        },
    },
}
