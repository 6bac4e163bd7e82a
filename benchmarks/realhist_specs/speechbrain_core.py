# speechbrain core.py (Brain.fit, _fit_train, _fit_valid, fit_batch, optimizers_step), PyPI 0.5.4 .. 1.1.2 (v00 .. v07).
# Round 5: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "speechbrain_core" / "versions.json").read_text())
_FB = {"within": "def fit_batch("}
_VAL = {"within": "if valid_set is not None:"}
_NO_OPT_STEP = "no optimizer step counter before 0.5.13"
_TWO_STEPS = ("the optimizer step is written twice, in the AMP and the plain branch of fit_batch: the counter's "
              "update in either branch is the place (each covers one precision mode), and declining is also accepted")
CASE = {
    "name": "speechbrain_core",
    "title": "speechbrain Brain across 0.5.4 .. 1.1.2 (fit() split into _fit_train/_fit_valid, gradient accumulation, "
             "AMP branches merged into one scaled backward, optimizers_step extracted)",
    "stories": _V,
    "probes": {
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "loss of each training batch as fit_batch returns it",
            "newest": ("after", "loss = self.fit_batch(batch)"),
            "versions": {v: ("after", "loss = self.fit_batch(batch)") for v in range(7)},
        },
        "avg_train_loss": {
            "text": 'flor.log("avg_train_loss", self.avg_train_loss)',
            "intent": "running average of the training loss after each batch",
            "newest": ("after", "self.avg_train_loss = self.update_average("),
            "versions": {v: ("after", "self.avg_train_loss = self.update_average(") for v in range(7)},
        },
        "avg_valid_loss": {
            "text": 'flor.log("avg_valid_loss", avg_valid_loss)',
            "intent": "average validation loss of the epoch, after the validation batch loop",
            "newest": ("after", "for batch in tqdm(", _VAL),
            "versions": {v: ("after", "for batch in tqdm(", _VAL) for v in range(7)},
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss.item())',
            "intent": "loss of the batch in fit_batch, after its backward pass",
            "newest": ("after", "with self.no_sync(not should_step):"),
            "versions": dict([(v, ("after", "if self.auto_mix_prec:", dict(_FB, note="backward (and step) in each branch of the AMP if/else: after the whole if/else")))
                              for v in range(5)] +
                             [(v, ("after", "with self.no_sync(not should_step):")) for v in range(5, 7)]),
        },
        "scaled_loss": {
            "text": 'flor.log("scaled_loss", scaled_loss.item())',
            "intent": "the scaled loss that is backpropagated",
            "newest": ("after", "scaled_loss.backward()"),
            "versions": dict([(v, ("na", "missing_dependency", "the scaled loss is never bound to a name before 1.0.0",
                                   {"probe_site": ("after", "if self.auto_mix_prec:", _FB)})) for v in range(5)] +
                             [(v, ("after", "scaled_loss.backward()")) for v in range(5, 7)]),
        },
        "optimizer_step": {
            "text": 'flor.log("optimizer_step", self.optimizer_step)',
            "intent": "number of optimizer steps so far, after each step",
            "newest": ("after", "self.optimizer_step += 1"),
            "versions": dict([(v, ("na", "missing_dependency", _NO_OPT_STEP,
                                   {"probe_site": ("after", "if self.auto_mix_prec:", _FB)})) for v in range(3)] +
                             [(v, ("after", "self.optimizer_step += 1", {"n": 2, "of": 2, "decline_ok": True, "note": _TWO_STEPS,
                                                                         "alt": [("after", "self.optimizer_step += 1", {"n": 1, "of": 2})]}))
                              for v in (3, 4)] +
                             [(v, ("after", "self.optimizer_step += 1")) for v in (5, 6)]),
        },
    },
}
