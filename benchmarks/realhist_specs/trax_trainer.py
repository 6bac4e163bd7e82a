# trax trax/supervised/trainer_lib.py (Trainer.train_epoch / train_step / evaluate / evaluation_round and train()), PyPI 1.0.0 .. 1.4.1 (v00 .. v10).
# Round 14, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "trax_trainer" / "versions.json").read_text())
OLDER = range(10)
# v00 1.0.0, v01 1.1.0 (trax/trainer_lib.py): train_epoch(self, epoch_steps, eval_steps) with next_train_batch and
#   epoch_time, _train_step(), module-level evaluation_round(inputs_stream, metric_names, eval_fn, ...) and
#   log_metrics(); v00 still says params where later versions say weights; train(train_steps=...).
# v02 1.1.2: train_epoch(self, n_steps, n_eval_steps), batch, elapsed_time, train_step(), evaluation_round and
#   log_metrics become methods, `if self._should_save():`.
# v03 1.1.3: moved to trax/supervised/, train(steps=...), `if self._should_save_checkpoints:`.
# v04 1.2.3: highest/lowest checkpoints.  v05 1.2.4: train() loop wrapped in try/finally.
# v06 1.3: learning_rate only, the update returns optimizer stats `stat`.
# v07 1.3.2: train(use_loop=...) builds a training.Loop in an `if use_loop:` branch.
# v08 1.3.7: steps_to_go, init_checkpoint.  v09 1.3.8: additional train/eval tasks.  v10 1.4.0/1.4.1.
_EPOCH = {"within": "def train_epoch("}
_STEP = {"within": "train_step("}          # def _train_step( in v00-v01, def train_step( from v02
_EVAL = {"within": "def evaluate("}
_ROUND = {"within": "def evaluation_round("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "trax_trainer",
    "title": "trax trainer_lib Trainer/train() across 1.0.0 .. 1.4.1 (epoch_steps/next_train_batch/epoch_time -> "
             "n_steps/batch/elapsed_time, _train_step -> train_step, module-level evaluation_round/log_metrics -> "
             "methods, params -> weights, train_steps -> steps, checkpoint guards reworked, try/finally around the "
             "epoch loop, optimizer stats, training.Loop branch with steps_to_go)",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", batch[0].shape[0])',
            "intent": "leading dimension of each training batch once it is (possibly) reshaped for the devices",
            "newest": ("after", "if self.n_devices > 1:", _EPOCH),
            "versions": dict(
                [(v, ("after", "if self._n_devices > 1:", _w(_EPOCH, **{
                    "renames": {"batch": "next_train_batch"},
                    "note": "1.0.0/1.1.0 call the batch next_train_batch and test self._n_devices: after the whole "
                            "reshape `if` (the probe is unconditional)"}))) for v in (0, 1)] +
                [(v, ("after", "if self.n_devices > 1:", _EPOCH)) for v in range(2, 10)]),
        },
        "step": {
            "text": 'flor.log("step", self._step)',
            "intent": "step counter at the end of every iteration of the train_epoch step loop, after the periodic "
                      "logging block",
            "newest": ("after", "if self._should_log_now():", _EPOCH),
            "versions": dict(
                [(v, ("after", "if (self._step == 1 or self._step % 10 == 0) and self._train_sw:", _w(_EPOCH, **{
                    "note": "before 1.1.2 the logging condition is written inline; after the whole `if`, not "
                            "inside it"}))) for v in (0, 1)] +
                [(v, ("after", "if self._should_log_now():", _w(_EPOCH, **({
                    "note": "the block logs all nontrainable params before 1.3 (for loop); after the whole `if`"}
                    if v < 6 else {})))) for v in range(2, 10)]),
        },
        "steps_per_sec": {
            "text": 'flor.log("steps_per_sec", n_steps / elapsed_time)',
            "intent": "training throughput of the epoch, right after its duration is measured",
            "newest": ("after", "elapsed_time = time.time() - start_time", _EPOCH),
            "versions": dict(
                [(v, ("after", "epoch_time = time.time() - start_time", _w(_EPOCH, **{
                    "renames": {"n_steps": "epoch_steps", "elapsed_time": "epoch_time"},
                    "note": "1.0.0/1.1.0 name the parameter epoch_steps and the duration epoch_time "
                            "(the code computes the same ratio as `epoch_steps / epoch_time`)"}))) for v in (0, 1)] +
                [(v, ("after", "elapsed_time = time.time() - start_time", _EPOCH)) for v in range(2, 10)]),
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", self._step)',
            "intent": "step of the end-of-epoch checkpoint, right after it is saved (inside the save guard)",
            "newest": ("after", "self.save_state(keep=False)", _EPOCH),
            "versions": dict(
                [(0, ("after", "self._maybe_save_state(keep=False)", _w(_EPOCH, **{
                    "note": "1.0.0 calls self._maybe_save_state(keep=False) unconditionally and tests "
                            "_should_save_checkpoints inside that helper; there is no guard in train_epoch, so the "
                            "unconditional place right after the call (not inside the helper)"})))] +
                [(1, ("after", "self._maybe_save_state(keep=False)", _w(_EPOCH, **{
                    "note": "1.1.0 guards the call with `if self.is_chief:` (the newest folds is_chief into "
                            "_should_save_checkpoints): inside that `if`, after the call"})))] +
                [(2, ("after", "self.save_state(keep=False)", _w(_EPOCH, **{
                    "note": "1.1.2 guards with `if self._should_save():`, same place"})))] +
                [(v, ("after", "self.save_state(keep=False)", _EPOCH)) for v in range(3, 10)]),
        },
        "weights_norm": {
            "text": 'flor.log("weights_norm", np.sqrt(sum(np.sum(w ** 2) for w in jax.tree_util.tree_leaves(weights))))',
            "intent": "global L2 norm of the updated weights after every optimizer step, once the new optimizer "
                      "state is stored",
            "newest": ("after", "self._opt_state = opt_state._replace(", _STEP),
            "versions": dict(
                [(0, ("after", "self._opt_state = opt_state._replace(", _w(_STEP, **{
                    "renames": {"weights": "params"},
                    "note": "1.0.0 calls the updated weights params (`(params, slots), ... = self._jit_update_fn(`, "
                            "`opt_state._replace(params=params, ...)`): rename"})))] +
                [(v, ("after", "self._opt_state = opt_state._replace(", _w(_STEP, **({
                    "note": ("_train_step(next_train_batch) in 1.1.0; " if v == 1 else "") +
                            "before 1.3 the model-state remapping line (self._model_state = "
                            "self._map_to_state_dicts(...)) sits between the update and this statement"}
                    if v < 6 else {}))))
                 for v in range(1, 10)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", stat["gradients_l2"])',
            "intent": "gradient norm reported by the optimizer for every step, right after the jitted update",
            "newest": ("after", "(weights, slots), stat, self._model_state, self._rngs =", _STEP),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.3 the jitted update returns only (weights, slots), model state and rngs; there are "
                      "no optimizer stats (`stat`) to read", {"scope": "Trainer._train_step" if v < 2 else
                                                              "Trainer.train_step"})) for v in range(6)] +
                [(v, ("after", "(weights, slots), stat, self._model_state, self._rngs =", _STEP))
                 for v in range(6, 10)]),
        },
        "train_metrics": {
            "text": 'flor.log("train_metrics", train_metrics)',
            "intent": "metrics of the train-eval round, after they are logged and before the eval round starts",
            "newest": ("after", "self.log_metrics(train_metrics,", _EVAL),
            "versions": dict(
                [(v, ("after", "log_metrics(train_metrics,", _w(_EVAL, **{
                    "note": "module-level log_metrics(train_metrics, ..., self._step, history=self._history) before "
                            "1.1.2: same statement"}))) for v in (0, 1)] +
                [(v, ("after", "self.log_metrics(train_metrics,", _EVAL)) for v in range(2, 10)]),
        },
        "batch_metrics": {
            "text": 'flor.log("batch_metrics", dict(zip(self._metrics, metric_values)))',
            "intent": "metric values of every evaluation batch by name, once they are converted to a list",
            "newest": ("after", "try:", _ROUND),
            "versions": dict(
                [(v, ("after", "try:", _w(_ROUND, **{
                    "renames": {"self._metrics": "metric_names"},
                    "note": "evaluation_round is a module function before 1.1.2, called with self._metrics as its "
                            "metric_names argument (and zipping metric_names with the values, where the method "
                            "zips self._metrics): rename; after the whole try/except inside the batch loop"})))
                 for v in (0, 1)] +
                [(v, ("after", "try:", _ROUND)) for v in range(2, 10)]),
        },
        "progress": {
            "text": 'flor.log("progress", trainer.step / steps)',
            "intent": "fraction of the training steps done after every train_epoch call of the Trainer path",
            "newest": ("after", "trainer.train_epoch("),
            "versions": dict(
                [(v, ("after", "trainer.train_epoch(", {
                    "renames": {"steps": "train_steps"},
                    "note": "train(train_steps=...) before 1.1.3; the epoch loop is not yet in try/finally"}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "trainer.train_epoch(", {
                    "note": "no try/finally around the epoch loop in 1.1.3/1.2.3; right after train_epoch, before "
                            "update_nontrainable_params()"} if v < 5 else (
                    {"note": "right after train_epoch, before update_nontrainable_params()"} if v == 5 else {})))
                 for v in range(3, 10)]),
        },
        "loop_step": {
            "text": 'flor.log("loop_step", loop.step)',
            "intent": "step the training.Loop reached once loop.run() returns (use_loop branch of train())",
            "newest": ("after", "loop.run(steps_to_go)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.3.2 train() has no use_loop branch and builds no training.Loop (`loop` is not bound); "
                      "the Trainer path is a different code path", {"scope": "train"})) for v in range(7)] +
                [(7, ("after", "loop.run(steps)", {
                    "note": "1.3.2 runs loop.run(steps) with no steps_to_go (no resume check): same statement"}))] +
                [(v, ("after", "loop.run(steps_to_go)")) for v in (8, 9)]),
        },
    },
}
