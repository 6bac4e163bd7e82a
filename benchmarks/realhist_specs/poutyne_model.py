# poutyne poutyne/framework/model.py (Model.fit_generator, the per-batch training step, validation,
# evaluate_generator), PyPI poutyne 0.5 .. 1.19.0 (v00 .. v11).
# Round 8, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "poutyne_model" / "versions.json").read_text())
ALL = range(11)
_ONE = {"within": "def _fit_generator_one_batch_per_step("}
_NB = {"within": "def _fit_generator_n_batches_per_step("}
_RV = {"within": "def _run_validation("}


def _inline_val(anchor, note):
    """v01-v06: the validation block is inlined in both fit paths; v11's _run_validation serves both."""
    return ("after", anchor, dict(_ONE, alt=[("after", anchor, _NB)], note=note))


CASE = {
    "name": "poutyne_model",
    "title": "poutyne Model across 0.5 .. 1.19.0 (single epoch loop -> one-batch / n-batches-per-step paths, "
             "inline validation -> _run_validation(), StepIterator loss property -> loss_function.compute())",
    "stories": _V,
    "probes": {
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss_tensor.item())',
            "intent": "loss of each training batch, right after backward (one-batch-per-step path)",
            "newest": ("after", "loss_tensor.backward()"),
            "versions": {v: ("after", "loss_tensor.backward()") for v in ALL},
        },
        "batch_size": {
            "text": 'flor.log("batch_size", step.size)',
            "intent": "size of each training batch, once recorded on the step",
            "newest": ("after", "step.size = get_batch_size(x, y)", _ONE),
            "versions": dict(
                [(0, ("after", "step.size = self._get_batch_size(x, y)", {
                    "within": "def fit_generator(",
                    "note": "0.5 has one epoch loop inline in fit_generator; the same text also occurs in _validate"}))] +
                [(v, ("after", "step.size = ", dict(_ONE, note="self._get_batch_size (0.6-0.7) / "
                      "self.get_batch_size (0.8-1.9) / get_batch_size: same statement"))) for v in range(1, 11)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", train_step_iterator.loss)',
            "intent": "the epoch's training loss, once it is available after the batch loop",
            "newest": ("after", "train_step_iterator.loss = self._get_loss()", _ONE),
            "versions": dict(
                [(0, ("after", "with torch.enable_grad():", {
                    "within": "def fit_generator(",
                    "note": "before 1.12 train_step_iterator.loss is a StepIterator property averaged over "
                            "step.loss; the probe goes right after the training `with` block (rule 2)"}))] +
                [(v, ("after", "with self._set_training_mode(True):", dict(_ONE, note=
                      "no `train_step_iterator.loss = self._get_loss()` before 1.12 (loss is a StepIterator "
                      "property); the probe keeps its place after the training `with` block and before "
                      "`train_step_iterator.epoch_metrics = ...`"))) for v in range(1, 8)] +
                [(v, ("after", "train_step_iterator.loss = self._get_loss()", _ONE)) for v in range(8, 11)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", valid_step_iterator.loss)',
            "intent": "the epoch's validation loss, inside `if valid_step_iterator is not None:`, once computed",
            "newest": ("after", "valid_step_iterator.loss = self._get_loss()", _RV),
            "versions": dict(
                [(0, ("after", "self._validate(valid_step_iterator)", {
                    "note": "loss is a StepIterator property filled by _validate before 1.12"}))] +
                [(v, _inline_val("self._validate(valid_step_iterator)",
                                 "validation inlined in both fit paths before 1.6 (_run_validation, called by "
                                 "both, in the newest); either copy is accepted. Loss is a StepIterator "
                                 "property filled by _validate before 1.12")) for v in range(1, 7)] +
                [(7, ("after", "self._validate(valid_step_iterator)", dict(_RV, note=
                      "no `valid_step_iterator.loss = self._get_loss()` before 1.12; loss is filled by _validate")))] +
                [(v, ("after", "valid_step_iterator.loss = self._get_loss()", _RV)) for v in range(8, 11)]),
        },
        "val_time": {
            "text": 'flor.log("val_time", valid_total_time)',
            "intent": "wall time of the epoch's validation, once measured",
            "newest": ("after", "valid_total_time = ", _RV),
            "versions": dict(
                [(0, ("na", "missing_dependency", "0.5 does not time validation (no valid_total_time)",
                      {"scope": "fit_generator"}))] +
                [(v, ("na", "missing_dependency", "validation timing (valid_total_time) arrives in 1.3",
                      {"scope": "_fit_generator_one_batch_per_step"})) for v in range(1, 5)] +
                [(v, _inline_val("valid_total_time = ",
                                 "validation inlined in both fit paths before 1.6; either copy is accepted"))
                 for v in (5, 6)] +
                [(v, ("after", "valid_total_time = ", _RV)) for v in range(7, 11)]),
        },
        "examples_in_step": {
            "text": 'flor.log("examples_in_step", examples_in_step)',
            "intent": "number of examples accumulated into an optimizer step, only when the step is taken "
                      "(inside `if do_backprop:` of the gradient-accumulation path)",
            "newest": ("after", "self.optimizer.step()", {"within": "if do_backprop:"}),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.5 has no batches_per_step / gradient-accumulation path; examples_in_step is never bound",
                      {"scope": "_fit_batch"}))] +
                [(v, ("after", "self.optimizer.step()", {"within": "if do_backprop:"})) for v in range(1, 11)]),
        },
        "test_loss": {
            "text": 'flor.log("test_loss", step_iterator.loss)',
            "intent": "loss of evaluate_generator, once computed",
            "newest": ("after", "step_iterator.loss = self._get_loss()"),
            "versions": dict(
                [(0, ("after", "loss, metrics, pred_y = self._validate(", {
                    "alt_texts": ['flor.log("test_loss", loss)'],
                    "note": "before 1.12 _validate returns step_iterator.loss as `loss`; the probe follows "
                            "the _validate call; reading step_iterator.loss (same value) or `loss` both accepted"}))] +
                [(v, ("after", "loss, batch_metrics, pred_y, true_y = self._validate(", {
                    "alt_texts": ['flor.log("test_loss", loss)'],
                    "note": "before 1.12 _validate returns step_iterator.loss as `loss`; the probe follows "
                            "the _validate call (before the epoch-metrics line); step_iterator.loss or `loss` "
                            "both accepted"})) for v in range(1, 8)] +
                [(v, ("after", "step_iterator.loss = self._get_loss()")) for v in range(8, 11)]),
        },
        "epochs_run": {
            "text": 'flor.log("epochs_run", len(epoch_iterator.epoch_logs))',
            "intent": "number of epochs actually run (early stopping), after training, before fit_generator returns",
            "newest": ("after", "if batches_per_step > 1:"),
            "versions": dict(
                [(0, ("after", "for train_step_iterator, valid_step_iterator in epoch_iterator:", {
                    "note": "0.5 runs the epoch loop inline; the probe goes after the whole loop, "
                            "before `return epoch_iterator.epoch_logs`"}))] +
                [(v, ("after", "if batches_per_step > 1:", {
                    "note": "after the whole if/else, not inside the else branch"})) for v in range(1, 11)]),
        },
    },
}
