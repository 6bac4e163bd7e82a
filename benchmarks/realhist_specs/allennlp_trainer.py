# allennlp training/trainer.py (gradient_descent_trainer.py from 2.x), PyPI 0.9.0 .. 2.10.1 (v00 .. v06).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "allennlp_trainer" / "versions.json").read_text())
ALL = range(6)
CASE = {
    "name": "allennlp_trainer",
    "title": "allennlp GradientDescentTrainer across 0.9.0 .. 2.10.1 (gradient accumulation, AMP, callbacks)",
    "stories": _V,
    "probes": {
        "grad_norm": {
            "text": 'flor.log("grad_norm", batch_grad_norm)',
            "intent": "gradient norm of each batch group",
            "newest": ("after", "batch_grad_norm = self.rescale_gradients()"),
            "versions": {v: ("after", "batch_grad_norm = self.rescale_gradients()") for v in ALL},
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", batch_loss)',
            "intent": "loss of each batch group once added to the epoch total",
            "newest": ("after", "train_loss += batch_loss"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "no batch_loss variable before 1.2 (the loss is added per batch)"))
                 for v in (0, 1)] +
                [(v, ("after", "train_loss += batch_loss")) for v in range(2, 6)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of each batch of a group, once divided by the group size",
            "newest": ("after", "loss = loss / len(batch_group)"),
            "versions": dict(
                [(0, ("after", "if torch.isnan(loss):", {
                    "note": "no batch groups in 0.9: the group loss after the NaN check, before backward"}))] +
                [(v, ("after", "loss = loss / len(batch_group)")) for v in range(1, 6)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "validation loss each epoch, once gathered",
            "newest": ("after", "val_loss = dist_reduce_sum(val_loss)"),
            "versions": dict(
                [(0, ("after", "val_loss, num_batches = self._validation_loss()"))] +
                [(v, ("after", "if self._distributed:", {"within": "with torch.no_grad()", "n": 1, "of": 1,
                      "note": "no reduction before 2.x: after the barrier, before the metrics"})) for v in range(1, 6)]),
        },
        "val_metric": {
            "text": 'flor.log("val_metric", this_epoch_val_metric)',
            "intent": "the validation metric that drives early stopping",
            "newest": ("after", "this_epoch_val_metric = self._metric_tracker.combined_score(val_metrics)"),
            "versions": dict(
                [(v, ("after", "this_epoch_val_metric = val_metrics[self._validation_metric]")) for v in range(0, 4)] +
                [(4, ("na", "no_anchor", "2.0.0 declares this_epoch_val_metric = 0.0 and never computes it"))] +
                [(5, ("after", "this_epoch_val_metric = self._metric_tracker.combined_score(val_metrics)"))]),
        },
    },
}
