# mmcv mmcv/runner/epoch_based_runner.py (EpochBasedRunner.run_iter/train/val/run), PyPI 1.0.0 .. 1.7.2 (v00 .. v08).
# Round 13, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mmcv_epoch_runner" / "versions.json").read_text())
OLDER = range(8)
# v00 1.0.0 (batch step inline in train() and val(), `return` at max epochs, run(max_epochs) required),
# v01 1.0.5 (`break` instead of `return`), v02 1.1.0 (enumerate(self.data_loader)), v03 1.1.6 (the batch step
# is extracted into run_iter(data_batch, train_mode); max_epochs moves to self._max_epochs with a deprecation
# warning and an assert; val() wraps run_iter in `with torch.no_grad():`), v04 1.2.7 (@torch.no_grad() on val
# instead of the with), v05 1.3.5 (train passes **kwargs to run_iter), v06 1.3.9 (hook order logged),
# v07 1.5.3 (self.data_batch set / deleted around each iteration), v08 1.6.0 .. 1.7.2 (type hints).
# 1.3.14 (copyright line) and 1.4.x (Runner DeprecationWarning) are left out: no change to the loops.
# The build checks read `self.x` only where the class assigns it, so probes read `self._epoch` (not the
# BaseRunner property self.epoch).
_TR = {"within": "def train("}
_VA = {"within": "def val("}
_RI = {"within": "def run_iter("}
_INLINE = range(3)   # v00-v02: no run_iter, the batch step is written out in train() and in val()


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "mmcv_epoch_runner",
    "title": "mmcv EpochBasedRunner across 1.0.0 .. 1.7.2 (inline batch step -> run_iter(), max_epochs argument -> "
             "self._max_epochs, no_grad with-block -> decorator, self.data_batch, type hints)",
    "stories": _V,
    "probes": {
        "max_epochs": {
            "text": 'flor.log("max_epochs", self._max_epochs)',
            "intent": "number of epochs of the run, once it is settled at the start of run()",
            "newest": ("after", "assert self._max_epochs is not None"),
            "versions": dict(
                [(v, ("after", "self._max_epochs = max_epochs", {
                    "note": "before 1.1 run() takes max_epochs as a required argument and stores it with an "
                            "unconditional `self._max_epochs = max_epochs` (no deprecation branch, no assert): "
                            "right after that store, before the workflow loop, where the assert is in the newest "
                            "version"})) for v in _INLINE] +
                [(v, ("after", "assert self._max_epochs is not None")) for v in range(3, 8)]),
        },
        "max_iters": {
            "text": 'flor.log("max_iters", self._max_iters)',
            "intent": "total number of training iterations, recomputed at the start of each training epoch",
            "newest": ("after", "self._max_iters = self._max_epochs * len(", _TR),
            "versions": {v: ("after", "self._max_iters = self._max_epochs * len(", _w(_TR, **({
                "note": "1.0.x compute it from the argument: len(data_loader) instead of len(self.data_loader); "
                        "same statement"} if v < 2 else {}))) for v in OLDER},
        },
        "batch_len": {
            "text": 'flor.log("batch_len", len(self.data_batch))',
            "intent": "size of each training batch, right after it is fetched and stored on the runner",
            "newest": ("after", "self.data_batch = data_batch", _TR),
            "versions": dict(
                [(v, ("first_in", "for i, data_batch in enumerate(", _w(_TR, **{
                    "renames": {"self.data_batch": "data_batch"},
                    "note": "before 1.5 the batch is not stored on the runner: it is only the loop variable "
                            "data_batch (the same object that 1.5 copies to self.data_batch); first statement of "
                            "the training batch loop, before self._inner_iter = i"}))) for v in range(7)] +
                [(7, ("after", "self.data_batch = data_batch", _TR))]),
        },
        "train_mode": {
            "text": 'flor.log("train_mode", train_mode)',
            "intent": "whether run_iter runs a training or a validation step, on entry",
            "newest": ("first_in", "def run_iter("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.1.x there is no run_iter(): train() and val() each write out their own batch step "
                      "and no variable holds the train/val flag (only the literal train_mode=True/False keyword "
                      "of the batch_processor call); substituting a constant is not a rename",
                      {"scope": "train"})) for v in _INLINE] +
                [(v, ("first_in", "def run_iter(")) for v in range(3, 8)]),
        },
        "log_vars": {
            "text": 'flor.log("log_vars", outputs["log_vars"])',
            "intent": "the log variables (losses, accuracies) returned by each train/val step, when there are any",
            "newest": ("after", "self.log_buffer.update(", _RI),
            "versions": dict(
                [(v, ("after", "self.log_buffer.update(", _w(_TR, **{
                    "alt": [("after", "self.log_buffer.update(", _VA)],
                    "note": "before run_iter() exists the step (and its `if 'log_vars' in outputs:` branch) is "
                            "written out twice, in train() and in val(); the newest probe runs for both, but only "
                            "one place can be chosen: inside that branch after log_buffer.update in train() or "
                            "(equally) in val()"}))) for v in _INLINE] +
                [(v, ("after", "self.log_buffer.update(", _RI)) for v in range(3, 8)]),
        },
        "train_log_vars": {
            "text": 'flor.log("train_log_vars", self.outputs.get("log_vars"))',
            "intent": "log variables of each training iteration, right after the step, before the after_train_iter hooks",
            "newest": ("after", "self.run_iter(data_batch, train_mode=True", _TR),
            "versions": dict(
                [(v, ("after", "self.outputs = outputs", _w(_TR, **{
                    "note": "before run_iter() the step is inline in train(); it ends with "
                            "`self.outputs = outputs`: after it, before call_hook('after_train_iter')"})))
                 for v in _INLINE] +
                [(v, ("after", "self.run_iter(data_batch, train_mode=True", _w(_TR, **({
                    "note": "1.1.x/1.2.x call run_iter without **kwargs; same statement"} if v < 5 else {}))))
                 for v in range(3, 8)]),
        },
        "val_num_samples": {
            "text": 'flor.log("val_num_samples", self.outputs["num_samples"])',
            "intent": "number of samples of each validation batch, right after the val step",
            "newest": ("after", "self.run_iter(data_batch, train_mode=False)", _VA),
            "versions": dict(
                [(v, ("after", "self.outputs = outputs", _w(_VA, **{
                    "note": "before run_iter() the val step is inline in val() (torch.no_grad() wraps only the "
                            "model call); it ends with `self.outputs = outputs`: after it, before "
                            "call_hook('after_val_iter')"}))) for v in _INLINE] +
                [(3, ("after", "with torch.no_grad():", _w(_VA, **{
                    "note": "1.1.6 wraps the run_iter call in `with torch.no_grad():` (the decorator on val() "
                            "replaces it later): after the whole with block, not inside it, since the newest "
                            "probe's previous sibling is the run_iter call at loop level"})))] +
                [(v, ("after", "self.run_iter(data_batch, train_mode=False)", _VA)) for v in range(4, 8)]),
        },
        "epoch_runner": {
            "text": 'flor.log("epoch_runner", epoch_runner.__name__)',
            "intent": "which phase (train/val) is run for the current workflow entry, once it is resolved",
            "newest": ("after", "if isinstance(mode, str):"),
            "versions": {v: ("after", "if isinstance(mode, str):", {
                "note": "after the whole if/else (the else branch raises), not inside the if branch"})
                for v in OLDER},
        },
        "stop_epoch": {
            "text": 'flor.log("stop_epoch", self._epoch)',
            "intent": "epoch at which a training phase is cut short because max epochs is reached",
            "newest": ("first_in", "if mode == 'train' and self.epoch >= self._max_epochs:"),
            "versions": dict(
                [(v, ("first_in", "if mode == 'train' and self.epoch >= max_epochs:", {
                    "note": "before 1.1.6 the limit is the argument max_epochs; 1.0.0 leaves run() with `return` "
                            "(skipping after_run), later releases `break`; inside the branch, before it"}))
                 for v in _INLINE] +
                [(v, ("first_in", "if mode == 'train' and self.epoch >= self._max_epochs:")) for v in range(3, 8)]),
        },
    },
}
