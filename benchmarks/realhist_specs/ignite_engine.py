# pytorch-ignite engine/__init__.py (create_supervised_trainer / evaluator), PyPI 0.1.2 .. 0.5.5 (v00 .. v08).
# Round 5: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ignite_engine" / "versions.json").read_text())
_UPD = {"within": "def _update("}
_STS = {"within": "def supervised_training_step("}
_SES = {"within": "def supervised_evaluation_step("}
_INF = {"within": "def _inference("}
_TPU = ("0.4.x steps the optimizer in an `if on_tpu:` / else inside the one update closure; today the TPU path is "
        "its own function and supervised_training_step is the else: inside the else branch, or after the if/else")
CASE = {
    "name": "ignite_engine",
    "title": "pytorch-ignite create_supervised_trainer across 0.1.2 .. 0.5.5 (the update closure becomes one "
             "factory per precision mode, gradient accumulation, model_fn/model_transform)",
    "stories": _V,
    "probes": {
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "loss of each training iteration, after backward",
            "newest": ("after", "loss.backward()", _STS),
            "versions": dict([(v, ("after", "loss.backward()", _UPD)) for v in range(4)] +
                             [(v, ("after", "loss.backward()", _STS)) for v in range(4, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after each optimizer step (only on the iterations that step)",
            "newest": ("after", "optimizer.step()", _STS),
            "versions": dict([(v, ("after", "optimizer.step()", _UPD)) for v in range(2)] +
                             [(v, ("after", "optimizer.step()", dict(_UPD, alt=[("after", "if on_tpu:", _UPD)], note=_TPU)))
                              for v in (2, 3)] +
                             [(v, ("after", "optimizer.step()", _STS)) for v in range(4, 8)]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", len(x))',
            "intent": "size of each training batch once prepared",
            "newest": ("after", "x, y = prepare_batch(", _STS),
            "versions": dict([(v, ("after", "x, y = prepare_batch(", _UPD)) for v in range(4)] +
                             [(v, ("after", "x, y = prepare_batch(", _STS)) for v in range(4, 8)]),
        },
        "val_pred_shape": {
            "text": 'flor.log("val_pred_shape", list(y_pred.shape))',
            "intent": "shape of the evaluator's predictions for each batch",
            "newest": ("after", "y_pred = model_transform(output)", _SES),
            "versions": dict([(v, ("after", "y_pred = model(x)", _INF)) for v in range(4)] +
                             [(v, ("after", "y_pred = model(x)", _SES)) for v in (4, 5)] +
                             [(v, ("after", "y_pred = model_transform(output)", _SES)) for v in (6, 7)]),
        },
        "on_tpu": {
            "text": 'flor.log("on_tpu", on_tpu)',
            "intent": "whether the trainer runs on a TPU",
            "newest": ("after", "on_tpu = ", {"within": "def create_supervised_trainer("}),
            "versions": dict([(v, ("na", "missing_dependency", "no TPU support before 0.4"))
                              for v in range(2)] +
                             [(v, ("after", "on_tpu = ", {"within": "def create_supervised_trainer("})) for v in range(2, 8)]),
        },
    },
}
