# elegy elegy/model/model_base.py (Model.fit; elegy/model.py before 0.3), PyPI 0.1.1 .. 0.8.6 (v00 .. v06).
# Round 26, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "elegy_fit" / "versions.json").read_text())
OLDER = range(6)
_NODROP = range(3)      # v00-v02: no drop_remaining argument, no partial-batch skip, no inner stop_training break
_XY = range(5)          # v00-v04: fit(x, y, ...), batch unpacked into x_batch, y_batch, sample_weight
_FIT = {"within": "def fit("}
_STEPS = {"within": "def fit(", "n": 1, "of": 2}   # the batch-loop break (the 2nd is the epoch-loop break)


def _w(**kw):
    d = dict(_FIT)
    d.update(kw)
    return d


CASE = {
    "name": "elegy_fit",
    "title": "elegy Model.fit across 0.1.1 .. 0.8.6 (model.py -> model/model_base.py, try/except around "
             "validation, drop_remaining skip + inner stop_training break, lazy init, x/y -> inputs/labels "
             "inside a callbacks_context `with`, batch_size lifted by the distributed strategy)",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "the (per-device lifted) batch size fit trains with, once at the start of fit",
            "newest": ("after", "if batch_size is not None:", _FIT),
            "versions": dict(
                [(0, ("before", "if validation_split:", _w(note=
                    "no lift_batch_size before 0.8.1: the probe keeps its place as the first statement of fit, "
                    "before the validation split (0.1.1 has no `if x is None:` either)")))] +
                [(v, ("before", "if x is None:", _w(note=
                    "no lift_batch_size before 0.8.1: first statement of fit, before `if x is None:` "
                    "(the newest version's next sibling is the `with` that now holds `if inputs is None:`); "
                    "in 0.7 also before the lazy `self.init(...)`"))) for v in range(1, 5)] +
                [(5, ("before", "with _MODEL_CONTEXT.callbacks_context(self):", _w(note=
                    "0.8.0 has no lift yet: first statement of fit, before the callbacks_context `with`")))]),
        },
        "steps_per_epoch": {
            "text": 'flor.log("steps_per_epoch", data_handler.inferred_steps)',
            "intent": "number of steps per epoch inferred by the data handler, right after it is built",
            "newest": ("after", "data_handler = ", _FIT),
            "versions": {v: ("after", "data_handler = ", _w(note=
                "`data_handler = DataHandler(` before 0.8 (`data.DataHandler(` since): same statement")
                if v < 5 else _FIT) for v in OLDER},
        },
        "drop_remaining": {
            "text": 'flor.log("drop_remaining", drop_remaining)',
            "intent": "whether partial batches are dropped, logged once training begins",
            "newest": ("after", "callbacks.on_train_begin()", _FIT),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "fit has no drop_remaining argument before 0.6.0", {"scope": "fit"})) for v in _NODROP] +
                [(v, ("after", "callbacks.on_train_begin()", _FIT)) for v in range(3, 6)]),
        },
        "batch_labels": {
            "text": 'flor.log("batch_labels", labels)',
            "intent": "the labels of each training batch, right after the batch is unpacked",
            "newest": ("after", "inputs, labels, _ = data.unpack_x_y_sample_weight(batch)", _FIT),
            "versions": dict(
                [(v, ("after", "x_batch, y_batch, sample_weight = unpack_x_y_sample_weight(batch)", _w(
                    renames={"labels": "y_batch"},
                    note="before 0.8 the batch is unpacked into x_batch, y_batch, sample_weight; `labels` here "
                         "is the batch's labels (it rebinds the fit argument), so it maps to y_batch, not to "
                         "the argument y"))) for v in _XY] +
                [(5, ("after", "inputs, labels, _ = data.unpack_x_y_sample_weight(batch)", _FIT))]),
        },
        "step": {
            "text": 'flor.log("step", step)',
            "intent": "index of every step that is actually trained (after a partial batch may be skipped)",
            "newest": ("after", "if drop_remaining and not data_utils.has_batch_size(", _FIT),
            "versions": dict(
                [(v, ("after", "x_batch, y_batch, sample_weight = unpack_x_y_sample_weight(batch)", _w(note=
                    "no partial-batch skip before 0.6.0: keeps its place between the batch unpack and "
                    "train_on_batch"))) for v in _NODROP] +
                [(v, ("after", "if drop_remaining and not data_utils.has_batch_size(", _FIT)) for v in range(3, 6)]),
        },
        "dropped_step": {
            "text": 'flor.log("dropped_step", step)',
            "intent": "steps whose partial batch is skipped, inside the drop branch",
            "newest": ("first_in", "if drop_remaining and not data_utils.has_batch_size(", _FIT),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "no partial-batch skip branch before 0.6.0: every batch is trained, nothing is dropped",
                      {"scope": "fit"})) for v in _NODROP] +
                [(v, ("first_in", "if drop_remaining and not data_utils.has_batch_size(", _FIT))
                 for v in range(3, 6)]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", logs["loss"])',
            "intent": "training loss of each batch, after the batch-end callbacks and the early-stop check",
            "newest": ("after", "if self.stop_training:", _STEPS),
            "versions": dict(
                [(v, ("after", "callbacks.on_train_batch_end(step, logs)", _w(note=
                    "no stop_training check inside the batch loop before 0.6.0: last statement of the batch "
                    "loop, after on_train_batch_end"))) for v in _NODROP] +
                [(v, ("after", "if self.stop_training:", _STEPS)) for v in range(3, 6)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_logs.get("val_loss"))',
            "intent": "validation loss of each evaluated epoch, once val_logs carries the val_ prefix",
            "newest": ("after", "val_logs = {", _FIT),
            "versions": {v: ("after", "val_logs = {", _w(note=
                "no try/except around evaluate before 0.4: inside the validation `if`, after the renaming "
                "comprehension") if v < 2 else _FIT) for v in OLDER},
        },
        "final_epoch_logs": {
            "text": 'flor.log("final_epoch_logs", epoch_logs)',
            "intent": "the logs of the last epoch, once the epoch loop is over",
            "newest": ("after", "for epoch, iterator in data_handler.enumerate_epochs():", _FIT),
            "versions": {v: ("after", "for epoch, iterator in data_handler.enumerate_epochs():", _w(note=
                "before 0.6.0 epoch_logs is not initialised before the loop, only assigned in it; after "
                "the loop it holds the same last-epoch logs (unbound only when no epoch runs)")
                if v < 3 else _FIT) for v in OLDER},
        },
    },
}
