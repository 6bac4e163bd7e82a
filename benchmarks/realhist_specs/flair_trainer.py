# flair trainers/trainer.py, PyPI flair 0.4.0 .. 0.15.1 (v00 .. v12); the 0.13 rewrite (plugins) is v10.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "flair_trainer" / "versions.json").read_text())
CASE = {
    "name": "flair_trainer",
    "title": "flair ModelTrainer.train() across 0.4.0 .. 0.15.1 (one long function, rewritten in 0.13)",
    "stories": _V,
    "probes": {
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss.item())',
            "intent": "loss of every forward/backward step (micro-batch), as it is accumulated",
            "newest": ("after", "batch_train_loss += loss.item()"),
            "versions": dict(
                [(0, ("after", "train_loss += loss.item()", {
                    "alt": [("after", "loss = self.model.forward_loss(batch)", {"within": "for batch_no, batch in enumerate(batches)"})],
                    "note": "no micro-batch steps yet: the batch loop accumulates the loss after the step"}))] +
                [(v, ("after", "loss = self.model.forward_loss(batch_step)", {
                    "alt": [("after", "if use_amp:", {"within": "for batch_step in batch_steps"})],
                    "note": "the accumulation is outside the micro-batch loop here (it would log only the last "
                            "step): inside the step loop, after the forward (or after the backward)"}))
                 for v in range(1, 6)] +
                [(v, ("after", "train_loss += loss.item()")) for v in range(6, 10)] +
                [(v, ("after", "batch_train_loss += loss.item()")) for v in (10, 11)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", train_loss)',
            "intent": "mean training loss of each epoch, once it is normalised",
            "newest": ("after", "train_loss = aggregate(train_loss)"),
            "versions": dict(
                [(0, ("after", "train_loss /= len(train_data)"))] +
                [(v, ("after", "train_loss /= seen_batches")) for v in range(1, 6)] +
                [(v, ("after", "if average_over != 0:")) for v in range(6, 10)] +
                [(v, ("after", "train_loss = epoch_train_loss / epoch_train_samples")) for v in (10, 11)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", gradient_norm)',
            "intent": "gradient norm of each batch (None when not clipping)",
            "newest": ("after", "if max_grad_norm is not None:"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "clip_grad_norm_ result is never bound before 0.13"))
                 for v in range(10)] +
                [(v, ("after", "if max_grad_norm is not None:")) for v in (10, 11)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "the epoch number, first thing in each epoch",
            "newest": ("first_in", "for epoch in range(epoch + 1, max_epochs + 1):"),
            "versions": dict(
                [(0, ("first_in", "for epoch in range(0 + self.epoch"))] +
                [(v, ("first_in", "for self.epoch in range(", {"renames": {"epoch": "self.epoch"}}))
                 for v in range(1, 7)] +
                [(v, ("first_in", "for epoch in range(epoch + 1, max_epochs + 1):")) for v in range(7, 12)]),
        },
    },
}
