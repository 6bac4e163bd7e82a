# deeppavlov deeppavlov/core/trainers/nn_trainer.py, before 0.2.0 deeppavlov/core/commands/train.py
# (NNTrainer.train_on_batches/_validate/_log/train; function _train_batches before 0.2.0), PyPI 0.0.6 .. 1.7.0 (v00 .. v09).
# Round 19, held out: written before the round's fixes, scored before any change made for it.
#
# v00 0.0.6   commands/train.py: procedural _train_batches(model, iterator, train_config, ...), locals i/epochs/
#             examples/losses/best/patience/saved/break_flag; validation and train logging written inline
#             (one epoch-validation copy, two train-log copies)
# v01 0.0.8   + inline "validate first" copy before the loop
# v02 0.0.9   Metric namedtuple, outputs dict (examples += len(x) now also in _test_model)
# v03 0.1.0   + inline every-n-batches validation copy (three validation copies)
# v04 0.1.5   train_on_batch result dict: `result = ...`, `if 'loss' in result:`
# v05 0.2.0   trainers/nn_trainer.py: class NNTrainer(FitTrainer), counters on self (train_batches_seen, epoch,
#             examples, losses, patience, best), _validate()/_log()/_send_event() methods, impatient flag,
#             after_epoch event moved after the epoch validation, `if not self._saved:` at train() exit
# v06 0.7.0   self.best -> self.score_best, validation_number, initial/first/improved saving chain,
#             `if self.validation_number < 1:` at train() exit
# v07 0.12.0, v08 0.17.0  NumpyArrayEncoder, log message text only
# v09 1.0.0 .. 1.7.0      tb_writer, tqdm around the batch generator, report_log
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "deeppavlov_trainer" / "versions.json").read_text())
OLDER = range(9)
_FUNC = range(0, 5)     # v00-v04: procedural _train_batches in commands/train.py
_CLS = range(5, 9)      # v05-v08: NNTrainer class
_TB = {"within": "def _train_batches("}
_OLD_FOR = "for x, y_true in iterator.gen_batches(train_config['batch_size']):"
_NEW_FOR = "for x, y_true in iterator.gen_batches(self.batch_size, data_type='train'):"
_EPOCH_VAL_OLD = "if train_config['val_every_n_epochs'] > 0 and epochs % train_config['val_every_n_epochs'] == 0:"
_EPOCH_VAL_NEW = "if self.val_every_n_epochs > 0 and self.epoch % self.val_every_n_epochs == 0:"
_N_VAL = {0: 1, 1: 2, 2: 2, 3: 3, 4: 3}   # inline validation copies in v00-v04


def _score_best_old(v):
    of = _N_VAL[v]
    note = ("before 0.2.0 validation is written inline in _train_batches (%s); the newest _validate() serves "
            "all of them, so every copy is accepted, the every-n-epochs copy (present in every version) primary. "
            "The best score is the local `best`" % {
                1: "one copy: every n epochs",
                2: "two copies: validate-first before the loop and every n epochs",
                3: "three copies: validate-first, every n batches and every n epochs"}[of])
    opts = {"renames": {"self.score_best": "best"}, "note": note}
    if of > 1:
        opts.update(n=of, of=of)
        opts["alt"] = [("after", "if improved(score, best):", {"n": k, "of": of}) for k in range(1, of)]
    return ("after", "if improved(score, best):", opts)


CASE = {
    "name": "deeppavlov_trainer",
    "title": "DeepPavlov NN training loop across 0.0.6 .. 1.7.0 (procedural _train_batches in commands/train.py "
             "with inline validation/log copies -> NNTrainer class with _validate/_log/_send_event and counters "
             "on self (0.2.0) -> score_best/validation_number saving rules (0.7.0) -> tb_writer + tqdm (1.0))",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", len(x))',
            "intent": "size of every training batch, first thing in the batch loop (before train_on_batch)",
            "newest": ("first_in", "for x, y_true in tqdm(iterator.gen_batches("),
            "versions": dict(
                [(v, ("first_in", _OLD_FOR, {
                    "alt": [("before", "loss = model.train_on_batch(x, y_true)" if v < 4
                             else "result = model.train_on_batch(x, y_true)")],
                    "note": "before 0.2.0 the batch body starts with an `if log_on...:` block that predicts on the "
                            "batch for the train metrics; it has no counterpart in the newest version (which logs "
                            "on separate batches), so the probe may be on either side of it: first in the loop "
                            "(primary) or right before train_on_batch"})) for v in _FUNC] +
                [(v, ("first_in", _NEW_FOR, {
                    "note": "no tqdm() around the batch generator before 1.0"})) for v in _CLS]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", self.losses[-1])',
            "intent": "loss of each training batch, right after it is appended to the running loss list",
            "newest": ("last_in", "if 'loss' in self.last_result:"),
            "versions": dict(
                [(v, ("last_in", "if loss is not None:", {
                    "renames": {"self.losses": "losses"},
                    "note": "before 0.1.5 train_on_batch returns the loss itself: `if loss is not None: "
                            "losses.append(loss)` is the equivalent branch; the list is the local `losses`"}))
                 for v in range(0, 4)] +
                [(4, ("last_in", "if 'loss' in result:", {
                    "renames": {"self.losses": "losses"},
                    "note": "the batch result is the local `result`, the loss list the local `losses`"}))] +
                [(v, ("last_in", "if 'loss' in self.last_result:")) for v in _CLS]),
        },
        "batches_seen": {
            "text": 'flor.log("batches_seen", self.train_batches_seen)',
            "intent": "global batch counter right after the batch and example counters are advanced",
            "newest": ("after", "self.examples += len(x)"),
            "versions": dict(
                [(v, ("after", "examples += len(x)", dict(_TB, **{
                    "renames": {"self.train_batches_seen": "i"},
                    "note": "the batch counter is the local `i` of _train_batches (incremented right before "
                            "`examples += len(x)`); from 0.0.9 _test_model also has an `examples += len(x)`"})))
                 for v in _FUNC] +
                [(v, ("after", "self.examples += len(x)")) for v in _CLS]),
        },
        "impatient": {
            "text": 'flor.log("impatient", impatient)',
            "intent": "whether the batch loop of the epoch was left early (max_batches or patience), right after it",
            "newest": ("after", "for x, y_true in tqdm(iterator.gen_batches("),
            "versions": dict(
                [(v, ("after", _OLD_FOR, {
                    "renames": {"impatient": "break_flag"},
                    "note": "before 0.2.0 the early-exit flag is `break_flag` (set True at the same two breaks, "
                            "tested by `if break_flag: break` right after the batch loop); it is initialised "
                            "once before the try instead of per epoch, but it never stays True past that test"}))
                 for v in _FUNC] +
                [(v, ("after", _NEW_FOR)) for v in _CLS]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", report["loss"])',
            "intent": "mean training loss of a train-log report, right after it is computed from the loss list",
            "newest": ("after", "report['loss'] = sum("),
            "versions": dict(
                [(v, ("after", "report['loss'] = sum(", {
                    "n": 1, "of": 2,
                    "alt": [("after", "report['loss'] = sum(", {"n": 2, "of": 2})],
                    "note": "before 0.2.0 the train-log code is written inline twice in _train_batches (every n "
                            "batches, every n epochs); the newest _log() serves both, so either copy is accepted"}))
                 for v in _FUNC] +
                [(v, ("after", "report['loss'] = sum(")) for v in _CLS]),
        },
        "score_best": {
            "text": 'flor.log("score_best", self.score_best)',
            "intent": "best validation score after each validation's model-saving decision",
            "newest": ("after", "if self._is_initial_validation():"),
            "versions": dict(
                [(v, _score_best_old(v)) for v in _FUNC] +
                [(5, ("after", "if self.improved(score):", {
                    "renames": {"self.score_best": "self.best"},
                    "note": "0.2.0 keeps the best score in self.best and decides with a single if/else "
                            "(improved -> save, else patience += 1): after the whole if/else"}))] +
                [(v, ("after", "if self._is_initial_validation():")) for v in range(6, 9)]),
        },
        "patience": {
            "text": 'flor.log("patience", self.patience)',
            "intent": "validation impatience at the end of every epoch, after the (conditional) epoch validation",
            "newest": ("after", _EPOCH_VAL_NEW),
            "versions": dict(
                [(v, ("after", _EPOCH_VAL_OLD, {
                    "within": "while True:",
                    "renames": {"self.patience": "patience"},
                    "note": "after the whole every-n-epochs validation block (which, before 0.2.0, also holds the "
                            "out-of-patience break), before the max-epochs check; 0.0.8/0.0.9 have an identical "
                            "header on the validate-first block outside the loop"}))
                 for v in _FUNC] +
                [(v, ("after", _EPOCH_VAL_NEW)) for v in _CLS]),
        },
        "validations": {
            "text": 'flor.log("validations", self.validation_number)',
            "intent": "number of validations run so far, at the end of each validation",
            "newest": ("after", "self.validation_number += 1"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.7.0 there is no validation counter (validation_number arrived with the "
                      "initial/first/improved saving rules); counting calls would be a new value, not a rename",
                      {"scope": "_train_batches"})) for v in _FUNC] +
                [(5, ("na", "missing_dependency",
                      "0.2.0 NNTrainer has no validation_number (added in 0.7.0 with the initial/first/improved "
                      "saving rules); no other attribute counts validations",
                      {"scope": "_validate"}))] +
                [(v, ("after", "self.validation_number += 1")) for v in range(6, 9)]),
        },
        "examples_seen": {
            "text": 'flor.log("examples_seen", self.examples)',
            "intent": "training examples seen so far, right after the after_epoch event is sent",
            "newest": ("after", "self._send_event(event_name='after_epoch')"),
            "versions": dict(
                [(v, ("after", "model.process_event(event_name='after_epoch', data=report)", {
                    "renames": {"self.examples": "examples"},
                    "note": "before 0.2.0 the after_epoch event (`model.process_event(event_name='after_epoch', "
                            "...)`, after building its report) is sent right after `epochs += 1`, before the "
                            "epoch log/validation blocks; 0.2.0 moved it after them. The probe follows its "
                            "previous sibling, the event, not the position after the validation block"}))
                 for v in _FUNC] +
                [(v, ("after", "self._send_event(event_name='after_epoch')")) for v in _CLS]),
        },
        "final_epoch": {
            "text": 'flor.log("final_epoch", self.epoch)',
            "intent": "epoch reached when training ends, in the at-train-exit model-saving branch",
            "newest": ("first_in", "if self.validation_number < 1:"),
            "versions": dict(
                [(v, ("first_in", "if not saved:", {
                    "renames": {"self.epoch": "epochs"},
                    "note": "before 0.2.0 the at-exit save is at the end of _train_batches, `if not saved:` "
                            "(no save happened during training): the equivalent condition of the newest "
                            "`if self.validation_number < 1:` (no validation beyond the initial one, which no "
                            "longer saves); the epoch counter is the local `epochs`"})) for v in _FUNC] +
                [(5, ("first_in", "if not self._saved:", {
                    "note": "0.2.0 train() saves at exit `if not self._saved:`: the equivalent condition of the "
                            "later `if self.validation_number < 1:`"}))] +
                [(v, ("first_in", "if self.validation_number < 1:")) for v in range(6, 9)]),
        },
    },
}
