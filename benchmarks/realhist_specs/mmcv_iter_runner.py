# mmcv mmcv/runner/iter_based_runner.py (IterBasedRunner.train/val/run), PyPI 1.0.0 .. 1.7.2 (v00 .. v07).
# Round 13, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mmcv_iter_runner" / "versions.json").read_text())
OLDER = range(7)
# v00 1.0.0 (before_*_iter hooks fired before the batch is fetched, run(max_iters) required, `return` at
# max iters), v01 1.0.5 (`break`), v02 1.1.6 (hooks fired after the fetch; max_iters -> self._max_iters with a
# deprecation warning and an assert), v03 1.2.7 (@torch.no_grad() on val), v04 1.3.9 (hook order logged),
# v05 1.3.18 (sleep in IterLoader, register_training_hooks via super), v06 1.5.3 (self.data_batch set / deleted
# around each iteration), v07 1.6.0 .. 1.7.2 (type hints).  The change is small: the loop is one step per
# call (train()/val() run a single iteration; run() drives them), so the probes cover every step of it.
# The build checks read `self.x` only where the class assigns it, so probes read `self._iter`/`self._epoch`
# (not the BaseRunner properties self.iter/self.epoch).
_TR = {"within": "def train("}
_VA = {"within": "def val("}
_OLDHOOK = range(2)   # v00-v01: before_train_iter / before_val_iter fired before next(data_loader)
_NOBATCH = range(6)   # v00-v05: no self.data_batch


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "mmcv_iter_runner",
    "title": "mmcv IterBasedRunner across 1.0.0 .. 1.7.2 (before_*_iter hooks moved after the batch fetch, "
             "max_iters argument -> self._max_iters, no_grad val, hook-order log, self.data_batch, type hints)",
    "stories": _V,
    "probes": {
        "batch_len": {
            "text": 'flor.log("batch_len", len(self.data_batch))',
            "intent": "size of each training batch, right after it is fetched and stored on the runner",
            "newest": ("after", "self.data_batch = data_batch", _TR),
            "versions": dict(
                [(v, ("after", "data_batch = next(data_loader)", _w(_TR, **{
                    "renames": {"self.data_batch": "data_batch"},
                    "note": "before 1.5 the batch is only the local data_batch (the same object 1.5 copies to "
                            "self.data_batch): right after the fetch" + (
                                "; in 1.0.x the before_train_iter hook is fired before the fetch, so the probe "
                                "goes after the fetch (it reads the batch), i.e. after the hook and before "
                                "train_step" if v < 2 else "")}))) for v in _NOBATCH] +
                [(6, ("after", "self.data_batch = data_batch", _TR))]),
        },
        "loader_epoch": {
            "text": 'flor.log("loader_epoch", self._epoch)',
            "intent": "data epoch of each training iteration, once the before_train_iter hooks (LR/momentum "
                      "updaters) have run, before the train step",
            "newest": ("after", "self.call_hook('before_train_iter')"),
            "versions": dict(
                [(v, ("after", "self.call_hook('before_train_iter')", {
                    "alt": [("after", "data_batch = next(data_loader)", _TR)],
                    "note": "1.0.x fire before_train_iter BEFORE data_batch = next(data_loader) (1.1 moved it after "
                            "the fetch): right after the hook (its previous sibling), which is before the fetch; "
                            "after the fetch (after both statements it follows in the newest version, before "
                            "train_step) is accepted too, since the value read does not depend on the fetch"}))
                 for v in _OLDHOOK] +
                [(v, ("after", "self.call_hook('before_train_iter')")) for v in range(2, 7)]),
        },
        "log_vars": {
            "text": 'flor.log("log_vars", outputs["log_vars"])',
            "intent": "the log variables (losses) returned by each training step, when there are any",
            "newest": ("after", "self.log_buffer.update(", _TR),
            "versions": {v: ("after", "self.log_buffer.update(", _TR) for v in OLDER},
        },
        "val_batch_len": {
            "text": 'flor.log("val_batch_len", len(self.data_batch))',
            "intent": "size of each validation batch, after the after_val_iter hooks, before the batch is released",
            "newest": ("after", "self.call_hook('after_val_iter')"),
            "versions": dict(
                [(v, ("after", "self.call_hook('after_val_iter')", {
                    "renames": {"self.data_batch": "data_batch"},
                    "note": "before 1.5 the batch is only the local data_batch: same place, after the "
                            "after_val_iter hook, before self._inner_iter += 1"})) for v in _NOBATCH] +
                [(6, ("after", "self.call_hook('after_val_iter')"))]),
        },
        "max_iters": {
            "text": 'flor.log("max_iters", self._max_iters)',
            "intent": "number of iterations of the run, once it is settled at the start of run()",
            "newest": ("after", "assert self._max_iters is not None"),
            "versions": dict(
                [(v, ("after", "self._max_iters = max_iters", {
                    "note": "1.0.x take max_iters as a required argument and store it unconditionally (no "
                            "deprecation branch, no assert): right after that store"})) for v in _OLDHOOK] +
                [(v, ("after", "assert self._max_iters is not None")) for v in range(2, 7)]),
        },
        "workflow": {
            "text": 'flor.log("workflow", workflow)',
            "intent": "the workflow of the run, logged among the start-up messages after the hook order",
            "newest": ("after", "self.logger.info('Hooks will be executed in the following order"),
            "versions": dict(
                [(v, ("after", "self.logger.info('Start running, host:", {
                    "note": "the hook-order message appears in 1.3.9; before, the probe keeps its place between "
                            "the 'Start running' message and the 'workflow: ...' message"})) for v in range(4)] +
                [(v, ("after", "self.logger.info('Hooks will be executed in the following order"))
                 for v in range(4, 7)]),
        },
        "phase": {
            "text": 'flor.log("phase", mode)',
            "intent": "the phase of each workflow entry, once it is validated",
            "newest": ("after", "if not isinstance(mode, str) or not hasattr(self, mode):"),
            "versions": {v: ("after", "if not isinstance(mode, str) or not hasattr(self, mode):", {
                "note": "after the whole if (whose body raises), not inside it"}) for v in OLDER},
        },
        "stop_iter": {
            "text": 'flor.log("stop_iter", self._iter)',
            "intent": "iteration at which a training phase is cut short because max iters is reached",
            "newest": ("first_in", "if mode == 'train' and self.iter >= self._max_iters:"),
            "versions": dict(
                [(v, ("first_in", "if mode == 'train' and self.iter >= max_iters:", {
                    "note": "1.0.x compare with the argument max_iters; 1.0.0 leaves run() with `return`, 1.0.5 "
                            "`break`; inside the branch, before it"})) for v in _OLDHOOK] +
                [(v, ("first_in", "if mode == 'train' and self.iter >= self._max_iters:")) for v in range(2, 7)]),
        },
    },
}
