# torchbearer torchbearer/trial.py (Trial.run / _fit_pass / _validation_pass / _test_pass; Model.fit_generator / _test_loop in torchbearer/torchbearer.py before 0.2.0), PyPI 0.1.3 .. 0.5.5 (v00 .. v10).
# Round 17, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "torchbearer_trial" / "versions.json").read_text())
# v00 = 0.1.3, v01 = 0.1.5, v02 = 0.1.7: torchbearer/torchbearer.py, class Model.  The epoch loop AND the
# training batch loop are inline in fit_generator(); validation / evaluation / prediction share _test_loop().
# v00-v01 call the callbacks through the local `_callbacks` (`callbacks` in _test_loop), v02 through
# state[torchbearer.CALLBACK_LIST].  (The 0.1.6 wheel ships 0.1.5's file, so 0.1.7 stands for that change.)
# v03 = 0.2.0 .. v10 = 0.5.4/0.5.5: torchbearer/trial.py, class Trial.  run() holds the epoch loop and calls
# _fit_pass() (training batch loop) and _validation_pass() -> _test_pass().  The optimizer closure is inline in
# _fit_pass up to 0.3.0 (v06) and moves to bases.py from 0.3.1 (v07); run() wraps the loop in
# `if <any train/val data>:` from 0.2.4 (v05); _test_pass/_fit_pass normalise a None step count from 0.4.0 (v08);
# _validation_pass switches back to train mode after the test pass in 0.5.4 (v10).
# Every probe is added to the training path of the newest version; _replay_pass / evaluate / predict, which call
# the same callback hooks, are never the place (hence the `within` options).
OLD = range(0, 3)      # Model (torchbearer.py)
NEW = range(3, 10)     # Trial (trial.py), older than the newest

_FG = {"within": "def fit_generator("}
_TL = {"within": "def _test_loop("}
_RUN = {"within": "def run("}
_FIT = {"within": "def _fit_pass("}
_TP = {"within": "def _test_pass("}
_VP = {"within": "def _validation_pass("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


def _cb(v, hook, local="_callbacks"):
    """The statement that fires callback hook `hook` in version v (local callback list before 0.1.7)."""
    if v < 2:
        return "%s.%s(state)" % (local, hook)
    return "state[torchbearer.CALLBACK_LIST].%s(state)" % hook


CASE = {
    "name": "torchbearer_trial",
    "title": "torchbearer fitting loop across 0.1.3 .. 0.5.5 (Model.fit_generator with inline epoch and batch loops "
             "and _test_loop -> Trial.run/_fit_pass/_validation_pass/_test_pass (0.2.0), callbacks through "
             "state[CALLBACK_LIST] (0.1.7), data keys injected by inject_sampler (0.2.1), guarded run loop (0.2.4), "
             "closure moved out of the loop (0.3.1), step-count normalisation (0.4.0))",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", state[torchbearer.EPOCH])',
            "intent": "epoch index at the start of each epoch, right after the on_start_epoch callbacks",
            "newest": ("after", "state[torchbearer.CALLBACK_LIST].on_start_epoch(state)", _RUN),
            "versions": dict(
                [(v, ("after", _cb(v, "on_start_epoch"), _w(_FG, **({
                    "note": "0.1.3/0.1.5 fire the epoch callbacks through the local `_callbacks` list"}
                    if v < 2 else {})))) for v in OLD] +
                [(v, ("after", "state[torchbearer.CALLBACK_LIST].on_start_epoch(state)", _RUN)) for v in NEW]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", state[torchbearer.X].size(0))',
            "intent": "size of each training batch, right after it is loaded into state[X]",
            "newest": ("after", "state[torchbearer.SAMPLER](state)", _FIT),
            "versions": dict(
                [(0, ("after", "self._load_batch_standard('train', state)", _w(_FG, note=
                      "0.1.3 loads the training batch inline in fit_generator's batch loop")))] +
                [(v, ("after", "if state[torchbearer.GENERATOR] is None:", _w(_FG, note=
                      "0.1.5/0.1.7 load the batch by an if/else (_load_batch_none when there is no generator, "
                      "else _load_batch_standard); the probe goes after the whole if/else, not into the else "
                      "branch whose text equals 0.1.3's loader call"))) for v in (1, 2)] +
                [(v, ("after", "state[torchbearer.SAMPLER].sample(state)", _w(_FIT, **({
                    "note": "0.2.0-0.3.1 call the injected Sampler object's .sample(state)"} if v == 3 else {}))))
                 for v in range(3, 8)] +
                [(v, ("after", "state[torchbearer.SAMPLER](state)", _FIT)) for v in (8, 9)]),
        },
        "loss": {
            "text": 'flor.log("loss", state[torchbearer.LOSS].item())',
            "intent": "training loss of each batch, right after the optimizer step",
            "newest": ("after", "state[torchbearer.OPTIMIZER].step(lambda: self.closure(state))", _FIT),
            "versions": dict(
                [(v, ("after", "state[torchbearer.OPTIMIZER].step()", _w(_FG, **({
                    "note": "0.1.x compute the loss, backward and step inline in the batch loop; the probe follows "
                            "the plain .step() (before on_step_training)"} if v == 0 else {})))) for v in OLD] +
                [(v, ("after", "state[torchbearer.OPTIMIZER].step(closure)", _w(_FIT, **({
                    "note": "0.2.0-0.3.0 define the closure inline in the batch loop and call step(closure)"}
                    if v == 3 else {})))) for v in (3, 4, 5, 6)] +
                [(v, ("after", "state[torchbearer.OPTIMIZER].step(lambda: self.closure(state))", _FIT))
                 for v in (7, 8, 9)]),
        },
        "batch_metrics": {
            "text": 'flor.log("batch_metrics", state[torchbearer.METRICS])',
            "intent": "running training metrics right after they are processed for the batch",
            "newest": ("after", "state[torchbearer.METRICS] = state[torchbearer.METRIC_LIST].process(", _FIT),
            "versions": dict(
                [(v, ("after", "state[torchbearer.METRICS] = state[torchbearer.METRIC_LIST].process(", _w(_FG, **({
                    "note": "0.1.x process the batch metrics after on_criterion, BEFORE backward and step; the probe "
                            "follows the metrics statement wherever it is (rule 1), not the step"}
                    if v == 0 else {})))) for v in OLD] +
                [(v, ("after", "state[torchbearer.METRICS] = state[torchbearer.METRIC_LIST].process(", _FIT))
                 for v in NEW]),
        },
        "stop_epoch": {
            "text": 'flor.log("stop_epoch", state[torchbearer.EPOCH])',
            "intent": "epoch in which training was stopped during the training pass (the check right after the "
                      "fit pass that skips validation), before the break",
            "newest": ("first_in", "if state[torchbearer.STOP_TRAINING]:", _w(_RUN, n=1, of=2)),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "Model.fit_generator only checks STOP_TRAINING inside the batch loop and at the end of the "
                      "epoch (after validation); there is no check between the training pass and validation, so "
                      "no point corresponds to this branch", {"scope": "fit_generator"})) for v in OLD] +
                [(v, ("first_in", "if state[torchbearer.STOP_TRAINING]:", _w(_RUN, n=1, of=2))) for v in NEW]),
        },
        "train_metrics": {
            "text": 'flor.log("train_metrics", final_metrics)',
            "intent": "final training metrics of the epoch, right after the training pass",
            "newest": ("after", "final_metrics = self._fit_pass(state)[torchbearer.METRICS]", _RUN),
            "versions": dict(
                [(v, ("after", "final_metrics = state[torchbearer.METRICS]", _w(_FG, **{
                    "alt": [("after", _cb(v, "on_end_training"), _FG)],
                    "note": "0.1.x run the training pass inline: `final_metrics = state[METRICS]` is the image of "
                            "`final_metrics = self._fit_pass(state)[METRICS]`, but it comes before on_end_training, "
                            "which the newest version fires inside _fit_pass (i.e. before the probe); after the "
                            "assignment or after on_end_training are both accepted"}))) for v in OLD] +
                [(v, ("after", "final_metrics = self._fit_pass(state)[torchbearer.METRICS]", _RUN)) for v in NEW]),
        },
        "val_metrics": {
            "text": 'flor.log("val_metrics", state[torchbearer.METRICS])',
            "intent": "validation metrics right after the validation (test) pass, only when there is validation data",
            "newest": ("after", "self._test_pass(state)", _VP),
            "versions": dict(
                [(v, ("after", "self._validate(", _w(_FG, **({
                    "note": "0.1.x validate inline in fit_generator under `if validation_generator is not None"
                            "[ or validation_steps is not None]:` through self._validate(...) -> _test_loop; the "
                            "probe stays inside that if, after the call"} if v == 0 else {})))) for v in OLD] +
                [(v, ("after", "self._test_pass(state)", _w(_VP, **({
                    "note": "the newest version (0.5.4) switches back to train mode after the test pass; older "
                            "versions end the if with the test pass"} if v == 3 else {})))) for v in NEW]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", state[torchbearer.LOSS].item())',
            "intent": "loss of each validation batch (when targets are present), right after the "
                      "on_criterion_validation callbacks",
            "newest": ("after", "state[torchbearer.CALLBACK_LIST].on_criterion_validation(state)", _TP),
            "versions": dict(
                [(0, ("after", "state[torchbearer.LOSS] = state[torchbearer.CRITERION](", _w(_TL, note=
                      "0.1.3 has no on_criterion_validation hook: right after the validation loss is computed "
                      "(before the metrics), inside `if torchbearer.Y_TRUE in state:`")))] +
                [(1, ("after", "callbacks.on_criterion_validation(state)", _w(_TL, note=
                      "0.1.5 fires the hook through _test_loop's `callbacks` parameter")))] +
                [(2, ("after", "state[torchbearer.CALLBACK_LIST].on_criterion_validation(state)", _TL))] +
                [(v, ("after", "state[torchbearer.CALLBACK_LIST].on_criterion_validation(state)", _w(_TP, **({
                    "note": "from 0.3.1 the loss is computed in a try/except (criterion(state) or "
                            "criterion(y_pred, y_true)); the hook follows the whole try"} if v == 7 else {}))))
                 for v in NEW]),
        },
        "eval_steps": {
            "text": 'flor.log("eval_steps", state[torchbearer.STEPS])',
            "intent": "number of steps of the validation/test pass, right after it is normalised and before the "
                      "batch loop",
            "newest": ("after", "state[torchbearer.STEPS] = 0 if state[torchbearer.STEPS] is None", _TP),
            "versions": dict(
                [(v, ("after", "state[torchbearer.VALIDATION_STEPS] = num_steps", _w(_TL, **{
                    "renames": {"state[torchbearer.STEPS]": "state[torchbearer.VALIDATION_STEPS]"},
                    "alt": [("after", _cb(v, "on_start_validation", local="callbacks"), _w(_TL, renames={
                        "state[torchbearer.STEPS]": "state[torchbearer.VALIDATION_STEPS]"}))],
                    "note": "0.1.x _test_loop (used for validation, evaluate and predict, like _test_pass) bounds "
                            "its loop by state[VALIDATION_STEPS], which plays the role of the generic "
                            "state[STEPS] (rename); `state[VALIDATION_STEPS] = num_steps` is the image of the "
                            "normalisation but comes before on_start_validation, which the newest version fires "
                            "before it: after either statement is accepted"}))) for v in OLD] +
                [(v, ("after", "state[torchbearer.CALLBACK_LIST].on_start_validation(state)", _w(_TP, **({
                    "note": "0.2.0-0.3.1 do not normalise the step count in _test_pass (the sampler decorator or "
                            "_validation_pass sets state[STEPS]); the probe keeps its place before the batch loop, "
                            "after on_start_validation"} if v == 3 else {})))) for v in range(3, 8)] +
                [(v, ("after", "state[torchbearer.STEPS] = 0 if state[torchbearer.STEPS] is None", _TP))
                 for v in (8, 9)]),
        },
        "epochs_trained": {
            "text": 'flor.log("epochs_trained", len(self.state[torchbearer.HISTORY]))',
            "intent": "number of epochs in the trial's history once the run has ended (on_end fired), inside the "
                      "`if <train or validation data>:` guard",
            "newest": ("after", "state[torchbearer.CALLBACK_LIST].on_end(state)", _RUN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "Model keeps no history: there is no self.state (only self.main_state) and no HISTORY "
                      "list in 0.1.x", {"scope": "fit_generator"})) for v in OLD] +
                [(v, ("after", "state[torchbearer.CALLBACK_LIST].on_end(state)", _w(_RUN, **({
                    "note": "0.2.0/0.2.1 run the epoch loop and on_end unconditionally (no data guard): "
                            "unconditional after on_end"} if v == 3 else {})))) for v in (3, 4)] +
                [(v, ("after", "state[torchbearer.CALLBACK_LIST].on_end(state)", _RUN)) for v in range(5, 10)]),
        },
    },
}
