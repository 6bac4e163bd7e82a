# selene-sdk selene_sdk/train_model.py (TrainModel.train_and_validate + train + validate + _checkpoint), PyPI 0.0.0 .. 0.6.0 (v00 .. v08).
# Round 28, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "selene_train" / "versions.json").read_text())
_ROC = range(0, 3)      # v00-v02: all reporting in train_and_validate; roc_auc if/else around the scheduler,
                        # is_best/min_loss/_save_checkpoint(..., is_best); validation block BEFORE the checkpoint block
_TIMED = range(3, 5)    # v03-v04: still in train_and_validate, local time_per_step / min_loss / scheduler,
                        # checkpoint_dict, checkpoint block before the report block
_OLD = range(0, 5)      # v00-v04: validate() only evaluates; train() returns the loss; no self.step
_NEW = range(5, 8)      # v05-v07: stats moved into train(), validation bookkeeping into validate(),
                        # checkpointing into _checkpoint(); self.step, self._min_loss, self.scheduler
_TV = {"within": "def train_and_validate"}
_TR = {"within": "def train(self)"}
_VA = {"within": "def validate(self)"}
_REPORT_OLD = "if step and step % self.nth_step_report_stats == 0:"
_REPORT_NEW = "if self.step and self.step % self.nth_step_report_stats == 0:"


def _o(**kw):
    return kw


CASE = {
    "name": "selene_train",
    "title": "selene-sdk TrainModel across 0.0.0 .. 0.6.0 (reporting/validation/checkpoint logic inlined in "
             "train_and_validate -> split into train(), validate(), _checkpoint(); locals min_loss/scheduler/"
             "time_per_step -> self._min_loss/self.scheduler/self._time_per_step; step -> self.step; "
             "roc_auc-driven scheduler -> loss-driven, optional; early stopping added)",
    "stories": _V,
    "probes": {
        "step": {
            "text": 'flor.log("step", self.step)',
            "intent": "global step, right after each training step",
            "newest": ("after", "self.train()", _TV),
            "versions": dict(
                [(v, ("after", "train_loss = self.train()", {
                    "renames": {"self.step": "step"},
                    "note": "before 0.5 there is no self.step; the loop variable `step` is what later versions copy "
                            "into self.step (`if step and step % ...` -> `if self.step and self.step % ...`): rename"}))
                 for v in _OLD] +
                [(v, ("after", "self.train()", _TV)) for v in _NEW]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "loss of each training batch, after the optimiser step",
            "newest": ("after", "self._train_loss.append(loss.item())"),
            "versions": dict(
                [(v, ("after", "self.optimizer.step()", {
                    "note": "no self._train_loss list before 0.5: keeps its place after optimizer.step() and before "
                            "`return loss...`; v00-v01 return loss.data[0] (pre-0.4 torch) but the text is kept, "
                            "`loss` is the same name"})) for v in _OLD] +
                [(v, ("after", "self._train_loss.append(loss.item())")) for v in _NEW]),
        },
        "batch_on_gpu": {
            "text": 'flor.log("batch_on_gpu", inputs.is_cuda)',
            "intent": "whether the training batch is on the GPU, after the (conditional) device move",
            "newest": ("after", "if self.use_cuda:", _TR),
            "versions": {v: ("after", "if self.use_cuda:", _o(
                within="def train(self)",
                note="after the whole `if self.use_cuda:` (unconditional); v00-v04 then wrap in Variable")
                if v in _OLD else _TR) for v in range(8)},
        },
        "steps_per_sec": {
            "text": 'flor.log("steps_per_sec", 1. / np.average(self._time_per_step))',
            "intent": "training throughput at each report step, before the timer list is reset",
            "newest": ("first_in", _REPORT_NEW, _TR),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.4 nothing times the training steps: no time_per_step list exists",
                      {"scope": "train_and_validate"})) for v in _ROC] +
                [(v, ("first_in", _REPORT_OLD, {
                    "renames": {"self._time_per_step": "time_per_step"},
                    "note": "0.4.x keeps the timings in a local `time_per_step` of train_and_validate and logs "
                            "steps/second first thing in the report block there; moved into train() in 0.5"}))
                 for v in _TIMED] +
                [(v, ("first_in", _REPORT_NEW, _TR)) for v in _NEW]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", validation_loss)',
            "intent": "validation loss, right after it is stored into the scores dict in validate()",
            "newest": ("after", 'valid_scores["loss"] = validation_loss'),
            "versions": dict(
                [(v, ("after", 'average_scores["loss"] = average_loss', {
                    "within": "def validate(self)",
                    "renames": {"validation_loss": "average_loss"},
                    "note": "validate() names the loss average_loss (and the dict average_scores) before 0.5; "
                            "the caller's `validation_loss = valid_scores[\"loss\"]` is a later statement, not "
                            "the image of the previous sibling"})) for v in _OLD] +
                [(v, ("after", 'valid_scores["loss"] = validation_loss')) for v in _NEW]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after each validation, once the (optional) plateau scheduler has stepped",
            "newest": ("after", "if self._use_scheduler:", _VA),
            "versions": dict(
                [(v, ("after", 'if valid_scores["roc_auc"]:', {
                    "note": "before 0.4 scheduler.step() sits only in the roc_auc branch of an if/else that also "
                            "writes the validation log in both branches: the probe is unconditional in the newest "
                            "version, so after the whole if/else (in train_and_validate's report block)"}))
                 for v in _ROC] +
                [(v, ("after", "scheduler.step(math.ceil(validation_loss", {
                    "note": "0.4.x steps a local scheduler unconditionally in train_and_validate's report block"}))
                 for v in _TIMED] +
                [(v, ("after", "if self._use_scheduler:", _VA)) for v in _NEW]),
        },
        "best_loss": {
            "text": 'flor.log("best_loss", self._min_loss)',
            "intent": "best validation loss so far, after the (conditional) best-model save",
            "newest": ("after", "if validation_loss < self._min_loss:"),
            "versions": dict(
                [(v, ("after", "self._save_checkpoint({", {
                    "within": _REPORT_OLD,
                    "renames": {"self._min_loss": "min_loss"},
                    "note": "before 0.4 the best-model if is is_best = ...; min_loss = min(...); "
                            "_save_checkpoint(..., is_best): after that save. The running minimum is the local "
                            "min_loss (self._min_loss is only its initial value there): rename"}))
                 for v in _ROC] +
                [(v, ("after", "if validation_loss < min_loss:", {
                    "renames": {"self._min_loss": "min_loss"},
                    "note": "local running min_loss in train_and_validate before 0.5"})) for v in _TIMED] +
                [(v, ("after", "if validation_loss < self._min_loss:")) for v in _NEW]),
        },
        "best_index": {
            "text": 'flor.log("best_index", int(index))',
            "intent": "position of the best stopping-metric value, in the early-stopping check",
            "newest": ("after", "index = np.argmax(stopping_metric)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "early stopping (stopping_metric, index) only exists from 0.5.2 on",
                      {"scope": "validate"})) for v in range(0, 7)] +
                [(7, ("after", "index = np.argmax(stopping_metric)"))]),
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", checkpoint_dict["step"])',
            "intent": "step recorded in each periodic checkpoint, once its dict is built",
            "newest": ("after", "checkpoint_dict = {"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.4 the periodic checkpoint's dict is written inline in the _save_checkpoint({...}) "
                      "call: no checkpoint_dict (reading `step` instead would be a substitute, not a rename)",
                      {"scope": "train_and_validate"})) for v in _ROC] +
                [(v, ("after", "checkpoint_dict = {", {
                    "note": "inline in train_and_validate under `if step % self.nth_step_save_checkpoint == 0:` "
                            "before 0.5 (moved into _checkpoint())"})) for v in _TIMED] +
                [(v, ("after", "checkpoint_dict = {")) for v in _NEW]),
        },
        "min_loss": {
            "text": 'flor.log("min_loss", self._min_loss)',
            "intent": "best validation loss at the end of every loop iteration (after checkpoint, validation, "
                      "early-stopping check)",
            "newest": ("after", "if self._early_stopping and self._stopping_reached:"),
            "versions": dict(
                [(v, ("after", "if step % self.nth_step_save_checkpoint == 0:", {
                    "renames": {"self._min_loss": "min_loss"},
                    "note": "before 0.4 the checkpoint block comes after the report block, so the end of the "
                            "iteration is after the checkpoint if; no early stopping: unconditional; local min_loss"}))
                 for v in _ROC] +
                [(v, ("after", _REPORT_OLD, {
                    "renames": {"self._min_loss": "min_loss"},
                    "note": "last statement of the loop is the report block; no early stopping; local min_loss"}))
                 for v in _TIMED] +
                [(v, ("after", _REPORT_NEW, _o(
                    within="def train_and_validate",
                    note="no early-stopping check before 0.5.2: after the validate if, end of the iteration")))
                 for v in (5, 6)] +
                [(7, ("after", "if self._early_stopping and self._stopping_reached:"))]),
        },
    },
}
