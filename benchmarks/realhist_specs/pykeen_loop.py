# pykeen training/training_loop.py (TrainingLoop._train, _train_epoch, _forward_pass), PyPI 1.0.0 .. 1.11.1 (v00 .. v06).
# Round 5: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "pykeen_loop" / "versions.json").read_text())
_EPOCH_LOSS = "epoch_loss = current_epoch_loss / "
_MEAN = ("the newest _train_epoch normalises the epoch's loss in place; before 1.11 the batch loop is inline in _train and "
         "the normalised value is epoch_loss")
CASE = {
    "name": "pykeen_loop",
    "title": "pykeen TrainingLoop across 1.0.0 .. 1.11.1 (callbacks, try around the epoch, checkpoints, batch loop extracted into _train_epoch)",
    "stories": _V,
    "probes": {
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", epoch_loss)',
            "intent": "loss of each epoch, once it is tracked",
            "newest": ("after", "self.losses_per_epochs.append(epoch_loss)"),
            "versions": {v: ("after", "self.losses_per_epochs.append(epoch_loss)") for v in range(6)},
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", batch_loss)',
            "intent": "loss of each sub-batch, after it is accumulated",
            "newest": ("after", "current_epoch_loss += batch_loss"),
            "versions": dict([(v, ("na", "missing_dependency", "the forward pass's result is added to the epoch loss directly: no batch_loss"))
                              for v in range(2)] +
                             [(v, ("after", "current_epoch_loss += batch_loss")) for v in range(2, 6)]),
        },
        "fwd_loss": {
            "text": 'flor.log("fwd_loss", current_epoch_loss)',
            "intent": "scalar loss of a forward pass, after backward",
            "newest": ("after", "current_epoch_loss = loss.item()"),
            "versions": {v: ("after", "current_epoch_loss = loss.item()") for v in range(6)},
        },
        "sub_batch_size": {
            "text": 'flor.log("sub_batch_size", sub_batch_size)',
            "intent": "the sub-batch size finally used",
            "newest": ("after", "if sub_batch_size is None or sub_batch_size == batch_size:"),
            "versions": {v: ("after", "if sub_batch_size is None or sub_batch_size == batch_size:") for v in range(6)},
        },
        "mean_epoch_loss": {
            "text": 'flor.log("mean_epoch_loss", current_epoch_loss)',
            "intent": "the epoch's loss once normalised by the number of batches",
            "newest": ("after", "current_epoch_loss = current_epoch_loss / len(batches)"),
            "versions": dict([(v, ("after", _EPOCH_LOSS, {"renames": {"current_epoch_loss": "epoch_loss"}, "note": _MEAN}))
                              for v in (0, 1, 2, 4, 5)] +
                             [(3, ("after", 'if self.model.loss.reduction == "mean":', {
                                 "within": "for epoch in epochs:", "renames": {"current_epoch_loss": "epoch_loss"},
                                 "note": _MEAN + "; 1.8.0 computes it in an if/else"}))]),
        },
        "minutes_since_ckpt": {
            "text": 'flor.log("minutes_since_ckpt", minutes_since_last_checkpoint)',
            "intent": "minutes since the last checkpoint, when checkpoints are saved",
            "newest": ("after", "minutes_since_last_checkpoint = (time.time() - last_checkpoint) // 60"),
            "versions": dict([(0, ("na", "missing_dependency", "1.0.0 saves no checkpoints"))] +
                             [(v, ("after", "minutes_since_last_checkpoint = (time.time() - last_checkpoint) // 60"))
                              for v in range(1, 6)]),
        },
    },
}
