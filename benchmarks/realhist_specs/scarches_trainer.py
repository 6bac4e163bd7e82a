# scarches scarches/trainers/scpoli/trainer.py (scPoliTrainer.train / on_iteration / loss / on_epoch_begin / on_epoch_end / validate),
# PyPI 0.5.6 .. 0.6.1 (v00 .. v04).
# Round 26, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "scarches_trainer" / "versions.json").read_text())
OLDER = range(4)
_SUB = range(3)          # v00-v02: scPoliTrainer(Trainer) subclass; validate / epoch logs live in the inherited
                         # trvae Trainer.on_epoch_end, called as super().on_epoch_end()
_EPOCH_END = {"within": "def on_epoch_end"}
_VALIDATE = {"within": "def validate"}
CASE = {
    "name": "scarches_trainer",
    "title": "scArches scPoliTrainer across 0.5.6 .. 0.6.1 (trvae_loss -> cvae_loss, landmk -> proto, "
             "prototype_training flags and any_labeled/any_unlabeled conditions, before_loop hook dropped, "
             "embedding-grad zeroing commented out, Trainer base class inlined: validate/epoch logs/early stop)",
    "stories": _V,
    "probes": {
        "n_train_cells": {
            "text": 'flor.log("n_train_cells", len(self.train_data))',
            "intent": "size of the training split, once the optimizer is built and right before the epoch loop",
            "newest": ("after", 'print("Starting training")'),
            "versions": dict(
                [(v, ("after", "self.optimizer = torch.optim.Adam(", {
                    "alt": [("before", "for self.epoch in range(n_epochs):")],
                    "note": "before 0.5.8 there is no print('Starting training'); in its place is self.before_loop() "
                            "(a no-op hook of the base Trainer with no counterpart in the newest version): after the "
                            "optimizer, on either side of self.before_loop()"})) for v in (0, 1)] +
                [(2, ("after", 'print("Starting training")')),
                 (3, ("after", 'print("Starting training")'))]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", torch.nn.utils.clip_grad_norm_(self.optimizer.param_groups[1]["params"], float("inf")).item())',
            "intent": "gradient norm of the non-embedding parameter group of each iteration, after (optional) clipping "
                      "and before the optimizer step",
            "newest": ("after", "if self.clip_value > 0:"),
            "versions": dict(
                [(v, ("after", "if self.clip_value > 0:", {
                    "alt": [("before", "self.optimizer.step()")],
                    "note": "after the whole clipping `if`. Up to 0.5.8 an `if self.model.freeze == True:` block "
                            "zeroing the reference-condition embedding gradients follows the clipping; it is commented "
                            "out in the newest version (no counterpart), so the probe may be on either side of it"}))
                 for v in _SUB] +
                [(3, ("after", "if self.clip_value > 0:"))]),
        },
        "n_clusters": {
            "text": 'flor.log("n_clusters", self.n_clusters)',
            "intent": "number of unlabeled prototypes (clusters) right after the prototypes are initialised at the end of pretraining",
            "newest": ("after", "self.initialize_prototypes()"),
            "versions": {v: ("after", "self.initialize_prototypes()", {
                "note": "inside `if self.epoch == self.pretraining_epochs:` (0.5.6/0.5.7 have no prototype_training flag): "
                        "the equivalent condition"} if v < 2 else {}) for v in OLDER},
        },
        "labeled_loss": {
            "text": 'flor.log("labeled_loss", labeled_loss.item())',
            "intent": "labeled prototype loss of each batch, inside the branch that computes it",
            "newest": ("after", "unweighted_prototype_loss = unweighted_prototype_loss + labeled_loss"),
            "versions": {v: ("after", "unweighted_prototype_loss = unweighted_prototype_loss + labeled_loss", {
                "note": "the branch reads `if 1 in label_categories:` (labeled cells in the batch) before 0.5.8 and "
                        "`if (self.any_labeled_data is True) and (self.prototype_training is True):` after; same branch"}
                if v < 2 else {}) for v in OLDER},
        },
        "cvae_loss": {
            "text": 'flor.log("cvae_loss", cvae_loss.item())',
            "intent": "CVAE part of the loss (recon + annealed KL + MMD) of each batch, once the total loss is formed",
            "newest": ("after", "loss = cvae_loss + prototype_loss"),
            "versions": dict(
                [(0, ("after", "loss = trvae_loss + prototype_loss", {
                    "renames": {"cvae_loss": "trvae_loss"},
                    "note": "0.5.6 names the CVAE loss trvae_loss (renamed cvae_loss in 0.5.7); the key stays"}))] +
                [(v, ("after", "loss = cvae_loss + prototype_loss")) for v in (1, 2, 3)]),
        },
        "proto_update_loss": {
            "text": 'flor.log("proto_update_loss", update_loss.item())',
            "intent": "loss of the unlabeled-prototype update step at the end of each epoch, after the prototype optimizer step",
            "newest": ("after", "self.prototype_optim.step()"),
            "versions": {v: ("after", "self.prototype_optim.step()", {
                "note": "the unlabeled-prototype branch reads `if 0 in label_categories or "
                        "self.model.unknown_ct_names is not None:` before 0.5.8: same branch"} if v < 2 else {})
                for v in OLDER},
        },
        "proto_grad": {
            "text": 'flor.log("proto_grad", proto.grad.norm().item())',
            "intent": "gradient norm of every unlabeled prototype after the update step, as each is frozen again",
            "newest": ("last_in", "for proto in self.prototypes_unlabeled:", {"n": 2, "of": 2}),
            "versions": dict(
                [(v, ("last_in", "for landmk in self.prototypes_unlabeled:", {
                    "n": 2, "of": 2, "renames": {"proto": "landmk"},
                    "note": "the loop variable is landmk before 0.5.8; the second of the two loops (after the step)"}))
                 for v in (0, 1)] +
                [(v, ("last_in", "for proto in self.prototypes_unlabeled:", {"n": 2, "of": 2})) for v in (2, 3)]),
        },
        "n_protos": {
            "text": 'flor.log("n_protos", 0 if self.prototypes_labeled is None else len(self.prototypes_labeled))',
            "intent": "number of labeled prototypes at the end of every epoch, after the (conditional) prototype update",
            "newest": ("after", "if (", dict(_EPOCH_END, n=1, of=2)),
            "versions": dict(
                [(v, ("after", "if self.epoch >= self.pretraining_epochs:", dict(_EPOCH_END, note=
                    "after the whole prototype-update `if` (the probe runs every epoch), whose header lacks the "
                    "prototype_training flag before 0.5.8; before self.model.train()"))) for v in (0, 1)] +
                [(v, ("after", "if (", dict(_EPOCH_END, n=1, of=2))) for v in (2, 3)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", self.logs["val_loss"][-1])',
            "intent": "validation loss of the epoch, once validate() has aggregated it",
            "newest": ("after", "for key in self.iter_logs:", _VALIDATE),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 0.5.9 scPoliTrainer does not define validate(); it is inherited from the trvae Trainer "
                      "and called inside super().on_epoch_end() under `if self.valid_data is not None:`. This file has "
                      "no point right after the validation aggregation (after super().on_epoch_end() would drop the "
                      "condition and run after the progress print); judgment call")) for v in _SUB] +
                [(3, ("after", "for key in self.iter_logs:", _VALIDATE))]),
        },
        "latent_batch": {
            "text": 'flor.log("latent_batch", len(batch_data["x"]))',
            "intent": "number of cells in each chunk encoded by get_latent_train (used for prototype init/update)",
            "newest": ("after", "batch_data = self.train_data[batch]"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.5.6 indexes self.train_data.data[batch, :] / self.train_data.conditions[batch] directly; no "
                      "batch_data dict is bound in get_latent_train (using the tensor slice would be a substitute value, "
                      "not a rename)", {"scope": "get_latent_train",
                                        "probe_site": ("first_in", "for batch in subsampled_indices:")}))] +
                [(v, ("after", "batch_data = self.train_data[batch]")) for v in (1, 2, 3)]),
        },
    },
}
