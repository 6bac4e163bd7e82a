# pykg2vec pykg2vec/utils/trainer.py (Trainer.build_model + train_model + train_model_epoch), PyPI 0.0.37 .. 0.0.52 (v00 .. v07).
# Round 18, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "pykg2vec_trainer" / "versions.json").read_text())
OLDER = range(7)
_TF = range(1, 7)        # v01-v06: TensorFlow, Generator gen_train, data = list(next(...)), projection/else branches
_SELF_TUNING = range(2, 7)   # v02-v06: `if not self.tuning:`; v01 has a `tuning` parameter: `if not tuning:`
_TRAIN = {"within": "def train_model("}
_EPOCH_LOOP = {"within": "for n_iter in range("}
_BATCH_LOOP = {"within": "for batch_idx in range(num_batch)"}


def _tuning_if(v):
    return "if not self.tuning:" if v in _SELF_TUNING else "if not tuning:"


CASE = {
    "name": "pykg2vec_trainer",
    "title": "pykg2vec Trainer across 0.0.37 .. 0.0.52 (TensorFlow sess.run step -> PyTorch zero_grad/backward/step, "
             "data_handler generator -> Generator gen_train -> self.generator, n_iter -> cur_epoch_idx, "
             "tiny_test/test() -> inline mini_test with early stopping and best-model saving, local optimizer -> "
             "self.optimizer, projection/else input branches -> four training-strategy branches)",
    "stories": _V,
    "probes": {
        "optimizer": {
            "text": 'flor.log("optimizer", type(self.optimizer).__name__)',
            "intent": "class of the optimizer that build_model chose, right after the optimizer if/elif chain",
            "newest": ("after", 'if self.config.optimizer == "adam":'),
            "versions": dict(
                [(0, ("after", "if self.config.optimizer == 'gradient':", {
                    "renames": {"self.optimizer": "optimizer"},
                    "note": "TF versions keep the optimizer in the local `optimizer` (then compute_gradients/"
                            "apply_gradients): rename self.optimizer -> optimizer; after the whole if/elif chain, "
                            "before `grads = optimizer.compute_gradients(...)`"}))] +
                [(v, ("after", "if self.config.optimizer == 'sgd':", {
                    "renames": {"self.optimizer": "optimizer"}})) for v in _TF]),
        },
        "epoch": {
            "text": 'flor.log("epoch", cur_epoch_idx)',
            "intent": "epoch index at the start of every training epoch, before train_model_epoch runs",
            "newest": ("after", 'self._logger.info("Epoch[%d/%d]"'),
            "versions": {v: ("first_in", "for n_iter in range(", dict(_TRAIN, **{
                "renames": {"cur_epoch_idx": "n_iter"},
                "note": "no per-epoch log line before 0.0.52: first statement of the epoch loop (before "
                        "the train_model_epoch(n_iter) call), loop variable n_iter; the loop sits in the "
                        "`else:` of `if self.config.loadFromData:`, where all training happens"}))
                         for v in OLDER},
        },
        "num_batch": {
            "text": 'flor.log("num_batch", num_batch)',
            "intent": "number of batches of the epoch, right after it is computed",
            "newest": ("after", "num_batch = "),
            "versions": {v: ("after", "num_batch = ", {
                "note": "same variable; its expression changed (len(data_handler.train_triples_ids) -> "
                        "kg_meta.tot_train_triples -> config.tot_train_triples)"} if v in (0, 1) else {})
                         for v in OLDER},
        },
        "batch_len": {
            "text": 'flor.log("batch_len", len(data[0]))',
            "intent": "size of each batch fetched from the generator",
            "newest": ("after", "data = list(next(self.generator))"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.37 unpacks the batch directly (`ph, pr, pt, nh, nr, nt = next(gen_train)`); there is no "
                      "`data` list (len(ph) would be a substitute, not a rename)",
                      {"scope": "train_model_epoch",
                       "probe_site": ("after", "ph, pr, pt, nh, nr, nt = next(gen_train)")}))] +
                [(v, ("after", "data = list(next(self.gen_train))", {
                    "note": "the generator is self.gen_train before 0.0.52 (self.generator there); the probe reads only `data`"}
                      if v == 1 else {})) for v in _TF]),
        },
        "num_neg": {
            "text": 'flor.log("num_neg", len(neg_h))',
            "intent": "number of negative triples of a pairwise batch, at the end of the pairwise branch",
            "newest": ("after", "loss = self.train_step_pairwise("),
            "versions": dict(
                [(0, ("after", "feed_dict = {", {
                    "renames": {"neg_h": "nh"},
                    "alt": [("after", "ph, pr, pt, nh, nr, nt = next(gen_train)")],
                    "note": "0.0.37 supports pairwise models only: no branch, unconditional equivalent; negative "
                            "heads are `nh`. The loss is computed later by sess.run (outside the branch in later "
                            "versions), so the place is after the input preparation; feed_dict has no "
                            "counterpart in the newest version: either side of it"}))] +
                [(v, ("after", "feed_dict = {", {
                    "n": 2, "of": 2,
                    "renames": {"neg_h": "nh"},
                    "alt": [("after", "nt = data[5]")],
                    "note": "the TF `else:` branch (models not in the projection list) is the pairwise branch "
                            "(elif PAIRWISE_BASED in 0.0.52): last in it, after its feed_dict (no counterpart in "
                            "the newest version, so also accepted before it, right after `nt = data[5]`)"}))
                 for v in _TF]),
        },
        "loss": {
            "text": 'flor.log("loss", float(loss))',
            "intent": "per-batch loss, logged only when not tuning, together with the progress display",
            "newest": ("last_in", "if not tuning:", {"within": "for _ in progress_bar"}),
            "versions": dict(
                [(0, ("after", "print('[%.2f sec]", {
                    "note": "0.0.37 has no tuning flag: the per-batch progress print is unconditional, so the "
                            "probe goes right after it"}))] +
                [(v, ("last_in", _tuning_if(v), dict(_BATCH_LOOP, **{
                    "note": "inside the per-batch `if not tuning:` (0.0.40: parameter `tuning`; later "
                            "`self.tuning`), after the progress print (image of set_description)"} if v in (1, 2) else _BATCH_LOOP)))
                 for v in _TF]),
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", acc_loss)',
            "intent": "accumulated training loss of the epoch, right after the batch loop",
            "newest": ("after", "for _ in progress_bar:"),
            "versions": {v: ("after", "for batch_idx in range(num_batch):", {
                "alt": [("before", "self.training_results.append(")],
                "note": "after the whole batch loop; the end-of-epoch print (`if not self.tuning:` print in "
                        "0.0.40+, unconditional print in 0.0.37) has no counterpart in 0.0.52: either side of it, "
                        "never inside its `if`"})
                         for v in OLDER},
        },
        "metrics": {
            "text": 'flor.log("metrics", metrics)',
            "intent": "metrics of the periodic mini-test, right after it",
            "newest": ("after", "metrics = self.evaluator.mini_test("),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "the periodic test is self.tiny_test(n_iter), which calls evaluator.test and returns "
                      "nothing: no metrics value exists in the trainer",
                      {"scope": "train_model", "probe_site": ("after", "self.tiny_test(n_iter)")}))] +
                [(v, ("na", "missing_dependency",
                      "the periodic test is self.test(n_iter) -> evaluator.test_batch, which returns nothing "
                      "(results go to the evaluator's own queue/summary): no metrics value exists in the trainer",
                      {"scope": "train_model", "probe_site": ("after", "self.test(n_iter)")}))
                 for v in _TF]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", self.training_results[-1][1])',
            "intent": "the epoch's training loss at the end of every epoch iteration, after the (conditional) test block",
            "newest": ("after", "if cur_epoch_idx % self.config.test_step == 0:"),
            "versions": dict(
                [(0, ("after", "self.tiny_test(n_iter)", {
                    "note": "0.0.37 tests through self.tiny_test(n_iter) (its condition is inside tiny_test): "
                            "after that call, last in the epoch loop"}))] +
                [(v, ("after", _tuning_if(v), dict(_EPOCH_LOOP, **{
                    "note": "the per-epoch test block is `if not tuning: self.test(n_iter)`: after the whole if, "
                            "not inside it (the probe runs on every epoch in 0.0.52)"} if v == 1 else _EPOCH_LOOP)))
                 for v in _TF]),
        },
        "epochs_run": {
            "text": 'flor.log("epochs_run", cur_epoch_idx)',
            "intent": "last epoch index reached, once training is over and the generator is stopped",
            "newest": ("after", "self.generator.stop()", _TRAIN),
            "versions": dict(
                [(0, ("after", "self.evaluator.save_test_summary(", dict(_TRAIN, **{
                    "renames": {"cur_epoch_idx": "n_iter"},
                    "note": "0.0.37 has no generator to stop: between save_test_summary (image of "
                            "metric_calculator.save_test_summary) and save_training_result (image of "
                            "self.save_training_result()), in the `else:` (training) branch of "
                            "`if self.config.loadFromData:` where the epoch loop lives; n_iter is unbound on the "
                            "load path, so not after the whole if/else"})))] +
                [(v, ("after", "self.gen_train.stop()", dict(_TRAIN, **{
                    "renames": {"cur_epoch_idx": "n_iter"},
                    "note": "after self.gen_train.stop() inside the `else:` (training) branch of "
                            "`if self.config.loadFromData:` (that branch holds the whole training phase and binds "
                            "n_iter); before the `if not self.tuning:` save_training_result block"}
                                                                    if v == 1 else {"renames": {"cur_epoch_idx": "n_iter"}})))
                 for v in _TF]),
        },
    },
}
