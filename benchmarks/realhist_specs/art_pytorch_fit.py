# adversarial-robustness-toolbox art/estimators/classification/pytorch.py (PyTorchClassifier.fit), PyPI 0.3.0 .. 1.20.1 (v00 .. v09).
# Round 28, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "art_pytorch_fit" / "versions.json").read_text())
# v00 .. v03 (0.3.0 .. 1.2.0) are art/classifiers/pytorch.py, v04 .. v09 art/estimators/classification/pytorch.py.
# The training loop: v00 slices the last batch in an if/else and casts i_batch.float(); v02 renames x_ -> x_preprocessed;
# v03 reduces labels under `if self._reduce_labels:`; v04 self._model.train() + apex amp if/else; v05 training_mode;
# v06 drop_last, scheduler step per epoch, tensors moved to the device before the loop, forward pass in try/except;
# v07 TensorDataset + DataLoader with x_batch / y_batch; v08 tqdm over epochs.
# Every probe is in fit(); other methods (fit_generator, predict, loss_gradient) repeat several statements.
FIT = {"within": "def fit("}
ALL_OLD = range(9)


def _w(**kw):
    d = dict(FIT)
    d.update(kw)
    return d


CASE = {
    "name": "art_pytorch_fit",
    "title": "ART PyTorchClassifier.fit across 0.3.0 .. 1.20.1 (manual index batching with a last-batch if/else, "
             "x_preprocessed, reduce_labels, apex amp, training_mode, drop_last + scheduler + try/except forward, "
             "DataLoader batches, tqdm epochs)",
    "stories": _V,
    "probes": {
        "model_training": {
            "text": 'flor.log("model_training", self._model.training)',
            "intent": "whether the model is in training mode once fit() has set the mode",
            "newest": ("after", "self._model.train(mode=training_mode)", FIT),
            "versions": dict(
                [(0, ("after", "self._model.train(True)", _w(
                    note="0.3.0 sets train mode after preprocessing and label argmax; the probe follows the "
                         "train() call (its previous sibling), not its old position")))] +
                [(v, ("after", "import torch", _w(
                    note="0.6.0 .. 1.2.0 never call self._model.train() in fit(); the probe keeps its position: "
                         "after the local import, before preprocessing; self._model.training still exists")))
                 for v in (1, 2, 3)] +
                [(4, ("after", "self._model.train()", FIT))] +
                [(v, ("after", "self._model.train(mode=training_mode)", FIT)) for v in range(5, 9)]),
        },
        "y_shape": {
            "text": 'flor.log("y_shape", y_preprocessed.shape)',
            "intent": "shape of the training labels once they are reduced to class indices",
            "newest": ("after", "y_preprocessed = self.reduce_labels(y_preprocessed)", FIT),
            "versions": dict(
                [(v, ("after", "y_ = np.argmax(y_, axis=1)", _w(
                    renames={"y_preprocessed": "y_"},
                    note="0.3.0/0.6.0 call the preprocessed labels y_")))
                 for v in (0, 1)] +
                [(2, ("after", "y_preprocessed = np.argmax(y_preprocessed, axis=1)", FIT))] +
                [(3, ("after", "if self._reduce_labels:", _w(
                    note="1.2.0 reduces labels under `if self._reduce_labels:`; the probe is unconditional in "
                         "the newest version: after the whole if")))] +
                [(v, ("after", "y_preprocessed = self.reduce_labels(y_preprocessed)", FIT)) for v in range(4, 9)]),
        },
        "n_batches": {
            "text": 'flor.log("n_batches", len(dataloader))',
            "intent": "number of batches per epoch, once the DataLoader is built",
            "newest": ("after", "dataloader = DataLoader(", FIT),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.16.0 there is no DataLoader; the batch count is computed by hand as num_batch "
                      "(a different expression, not a rename of `dataloader`)", {"scope": "fit"}))
                 for v in range(0, 7)] +
                [(v, ("after", "dataloader = DataLoader(", FIT)) for v in (7, 8)]),
        },
        "x_device": {
            "text": 'flor.log("x_device", str(x_batch.device))',
            "intent": "device of each input batch right after it is moved there",
            "newest": ("after", "x_batch = x_batch.to(self._device)", FIT),
            "versions": dict(
                [(0, ("after", "if m < num_batch - 1:", _w(
                    renames={"x_batch": "i_batch"},
                    alt=[("after", "i_batch = i_batch.float()", {"within": "def fit(", "renames": {"x_batch": "i_batch"}})],
                    note="0.3.0 builds and moves i_batch in both branches of the last-batch if/else (together with "
                         "o_batch): after the whole if/else; the float() cast that follows has no counterpart and "
                         "does not change the device, so after it is also right")))] +
                [(v, ("after", "i_batch = torch.from_numpy(", _w(
                    renames={"x_batch": "i_batch"},
                    note="i_batch is built from numpy and moved to the device in one statement")))
                 for v in range(1, 6)] +
                [(6, ("after", "i_batch = x_preprocessed[ind[", _w(
                    renames={"x_batch": "i_batch"},
                    note="1.14.0 moves the whole data set to the device before the epoch loop; i_batch is "
                         "sliced from it (already on the device)")))] +
                [(v, ("after", "x_batch = x_batch.to(self._device)", FIT)) for v in (7, 8)]),
        },
        "batch_len": {
            "text": 'flor.log("batch_len", len(x_batch))',
            "intent": "size of each batch once inputs and labels are both on the device",
            "newest": ("after", "y_batch = y_batch.to(self._device)", FIT),
            "versions": dict(
                [(0, ("after", "if m < num_batch - 1:", _w(
                    renames={"x_batch": "i_batch"},
                    alt=[("after", "i_batch = i_batch.float()", {"within": "def fit(", "renames": {"x_batch": "i_batch"}})],
                    note="after the whole last-batch if/else (unconditional probe); the float() cast has no "
                         "counterpart, either side")))] +
                [(1, ("after", "o_batch = torch.from_numpy(", _w(
                    renames={"x_batch": "i_batch"},
                    alt=[("after", "i_batch = i_batch.float()", {"within": "def fit(", "renames": {"x_batch": "i_batch"}})],
                    note="the float() cast after o_batch has no counterpart, either side")))] +
                [(v, ("after", "o_batch = torch.from_numpy(", _w(renames={"x_batch": "i_batch"})))
                 for v in range(2, 6)] +
                [(6, ("after", "o_batch = y_preprocessed[ind[", _w(renames={"x_batch": "i_batch"})))] +
                [(v, ("after", "y_batch = y_batch.to(self._device)", FIT)) for v in (7, 8)]),
        },
        "out_shape": {
            "text": 'flor.log("out_shape", tuple(model_outputs[-1].shape))',
            "intent": "shape of the model's logits right after the forward pass (inside the try)",
            "newest": ("after", "model_outputs = self._model(x_batch)", FIT),
            "versions": dict(
                [(v, ("after", "model_outputs = self._model(i_batch)", _w(
                    note="no try/except before 1.14.0: unconditional after the forward pass")))
                 for v in range(0, 6)] +
                [(6, ("after", "model_outputs = self._model(i_batch)", _w(
                    note="inside the try body, as in the newest version")))] +
                [(v, ("after", "model_outputs = self._model(x_batch)", FIT)) for v in (7, 8)]),
        },
        "fit_error": {
            "text": 'flor.log("fit_error", str(err))',
            "intent": "message of a ValueError raised by the forward pass, first thing in the except handler",
            "newest": ("before", 'if "Expected more than 1 value per channel', FIT),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no try/except around the forward pass before 1.14.0: no `err` and no handler to log from",
                      {"scope": "fit"}))
                 for v in range(0, 6)] +
                [(v, ("before", 'if "Expected more than 1 value per channel', FIT)) for v in (6, 7, 8)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "training loss of each batch right after it is computed",
            "newest": ("after", "loss = self._loss(model_outputs[-1], y_batch)", FIT),
            "versions": dict(
                [(v, ("after", "loss = self._loss(model_outputs[-1], o_batch)", FIT)) for v in range(0, 7)] +
                [(v, ("after", "loss = self._loss(model_outputs[-1], y_batch)", FIT)) for v in (7, 8)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", torch.norm(torch.stack([p.grad.norm() for p in '
                    'self._model.parameters() if p.grad is not None])).item())',
            "intent": "global gradient norm after the backward pass (amp or plain), before the optimizer step",
            "newest": ("after", "if self._use_amp:", FIT),
            "versions": dict(
                [(v, ("after", "loss.backward()", _w(
                    note="no amp before 1.6.0: after the plain, unconditional loss.backward()")))
                 for v in range(0, 4)] +
                [(v, ("after", "if self._use_amp:", _w(
                    note="after the whole amp if/else, not inside its else branch") if v == 4 else FIT))
                 for v in range(4, 9)]),
        },
        "lr": {
            "text": 'flor.log("lr", self._optimizer.param_groups[0]["lr"])',
            "intent": "learning rate at the end of each epoch, after the optional scheduler step",
            "newest": ("after", "if scheduler is not None:", FIT),
            "versions": dict(
                [(v, ("after", "for m in range(num_batch):", _w(
                    note="no scheduler before 1.14.0: end of the epoch body, after the batch loop")))
                 for v in range(0, 6)] +
                [(v, ("after", "if scheduler is not None:", FIT)) for v in (6, 7, 8)]),
        },
    },
}
