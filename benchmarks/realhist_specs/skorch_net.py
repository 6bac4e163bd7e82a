# skorch net.py (NeuralNet: train_step, fit_loop, run_single_epoch), PyPI 0.2.0 .. 1.4.0 (v00 .. v07).
# Round 5: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "skorch_net" / "versions.json").read_text())
_TSS = {"within": "def train_step_single("}
_VS = {"within": "def validation_step("}
_RSE = {"within": "def run_single_epoch("}
_INLINE = "before 0.8.0 fit_loop has the train and valid batch loops inline; run_single_epoch runs for both, so either loop is the place"
CASE = {
    "name": "skorch_net",
    "title": "skorch NeuralNet across 0.2.0 .. 1.4.0 (train_step split, batch loops extracted into run_single_epoch, batches unpacked later)",
    "stories": _V,
    "probes": {
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "training loss of each step, right after backward",
            "newest": ("after", "loss.backward()", _TSS),
            "versions": dict([(0, ("after", "loss.backward()", {"within": "def train_step(",
                                   "note": "0.2.0 has no train_step_single: train_step computes and backpropagates the loss"}))] +
                             [(v, ("after", "loss.backward()", _TSS)) for v in range(1, 7)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", loss.item())',
            "intent": "validation loss of each batch, after the no_grad block that computes it",
            "newest": ("after", "with torch.no_grad():", _VS),
            "versions": dict([(0, ("after", "loss = self.get_loss(y_pred, yi, X=Xi, training=False)", dict(_VS, note="0.2.0 has no no_grad block")))] +
                             [(v, ("after", "with torch.no_grad():", _VS)) for v in range(1, 7)]),
        },
        "step_loss": {
            "text": 'flor.log("step_loss", step["loss"].item())',
            "intent": "loss returned by the step function of every batch (train and valid)",
            "newest": ("after", "step = step_fn(batch, **fit_params)"),
            "versions": dict([(v, ("after", "step = self.train_step(Xi, yi, **fit_params)",
                                   {"alt": [("after", "step = self.validation_step(Xi, yi, **fit_params)")], "note": _INLINE}))
                              for v in range(0, 3)] +
                             [(v, ("after", "step = step_fn(Xi, yi, **fit_params)")) for v in range(3, 5)] +
                             [(v, ("after", "step = step_fn(batch, **fit_params)")) for v in range(5, 7)]),
        },
        "batch_count": {
            "text": 'flor.log("batch_count", batch_count)',
            "intent": "number of batches of the epoch, after the batch loop",
            "newest": ("after", "for batch in iterator:", _RSE),
            "versions": {
                0: ("na", "missing_dependency", "0.2.0 counts no batches"),
                1: ("na", "missing_dependency", "0.4.0 counts no batches"),
                2: ("after", "for data in self.get_iterator(dataset_train, training=True):", {
                    "renames": {"batch_count": "train_batch_count"},
                    "alt": [("after", "for data in self.get_iterator(dataset_valid, training=False):",
                             {"renames": {"batch_count": "valid_batch_count"}})],
                    "note": _INLINE + "; the count is train_batch_count / valid_batch_count"}),
                3: ("after", "for data in self.get_iterator(dataset, training=training):"),
                4: ("after", "for data in self.get_iterator(dataset, training=training):"),
                5: ("after", "for batch in iterator:", _RSE),
                6: ("after", "for batch in iterator:", _RSE),
            },
        },
        "epochs": {
            "text": 'flor.log("epochs", epochs)',
            "intent": "number of epochs this fit runs",
            "newest": ("after", "epochs = epochs if epochs is not None else self.max_epochs"),
            "versions": {v: ("after", "epochs = epochs if epochs is not None else self.max_epochs") for v in range(7)},
        },
        "closure_loss": {
            "text": 'flor.log("closure_loss", step["loss"].item())',
            "intent": "loss of each evaluation of the optimizer's closure",
            "newest": ("after", "step_accumulator.store_step(step)"),
            "versions": dict([(0, ("na", "missing_dependency", "0.2.0 has no closure and no step dict in train_step",
                                   {"probe_site": ("after", "loss.backward()", {"within": "def train_step("})}))] +
                             [(v, ("after", "step_accumulator.store_step(step)")) for v in range(1, 7)]),
        },
    },
}
