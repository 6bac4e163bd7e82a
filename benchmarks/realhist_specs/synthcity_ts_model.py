# synthcity synthcity/plugins/core/models/ts_model.py (TimeSeriesModel.fit/_train/_train_epoch), PyPI 0.0.1 .. 0.2.10 (v00 .. v06).
# Round 22, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "synthcity_ts_model" / "versions.json").read_text())
OLDER = range(6)
_LATER = range(1, 6)    # v01..v05: per-window lists of tensors / dataloaders (the windowing refactor of 0.0.2)
_RENAMED = range(2, 6)  # v02..v05: temporal_horizons already renamed to observation_times (0.1.1)
_TE = {"within": "def _train_epoch"}
_HZ = {"observation_times": "temporal_horizons"}
CASE = {
    "name": "synthcity_ts_model",
    "title": "synthcity TimeSeriesModel fit/_train/_train_epoch across 0.0.1 .. 0.2.10 "
             "(single tensor + one DataLoader -> per-window-length lists of tensors and dataloaders, "
             "nested `for loader in loaders` batch loop; temporal_horizons -> observation_times)",
    "stories": _V,
    "probes": {
        "n_subjects": {
            "text": 'flor.log("n_subjects", len(observation_times))',
            "intent": "number of subjects passed to fit(), right before training starts",
            "newest": ("before", "return self._train(", {"within": "def fit("}),
            "versions": {v: ("before", "return self._train(", dict(
                {"within": "def fit("},
                **({"renames": _HZ,
                    "note": "fit's argument is named temporal_horizons before 0.1.1; in v00 the previous "
                            "sibling is the `if self.task_type == \"classification\":` block (no _prepare_input)"}
                   if v == 0 else {"renames": _HZ} if v == 1 else {})))
                for v in OLDER},
        },
        "window_shape": {
            "text": 'flor.log("window_shape", tuple(observation_times[widx].shape))',
            "intent": "shape of the observation-times tensor of each window-length group, after its dataloaders are built",
            "newest": ("after", "train_dl, test_dl = self.dataloader("),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.1 has no per-window grouping: _train gets single tensors and builds one "
                      "dataloader pair; there is no `widx` (logging temporal_horizons.shape would be a "
                      "substitute, not a rename)",
                      {"probe_site": ("after", "train_loader, test_dataloader = self.dataloader(")}))] +
                [(1, ("after", "train_dl, test_dl = self.dataloader(", {"renames": _HZ}))] +
                [(v, ("after", "train_dl, test_dl = self.dataloader(")) for v in _RENAMED]),
        },
        "n_windows": {
            "text": 'flor.log("n_windows", len(train_dataloaders))',
            "intent": "number of training dataloaders (one per window length), once all are built",
            "newest": ("after", "for widx in range(len(temporal_data)):", {"within": "def _train("}),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.1 builds one `train_loader`; len(train_loader) would be the number of batches, "
                      "a different value, so it is not a rename of train_dataloaders",
                      {"probe_site": ("after", "train_loader, test_dataloader = self.dataloader(")}))] +
                [(v, ("after", "for widx in range(len(temporal_data)):", {"within": "def _train("}))
                 for v in _LATER]),
        },
        "epoch": {
            "text": 'flor.log("epoch", it)',
            "intent": "epoch counter at the start of every epoch",
            "newest": ("first_in", "for it in range(self.n_iter):"),
            "versions": {v: ("first_in", "for it in range(self.n_iter):") for v in OLDER},
        },
        "train_loss": {
            "text": 'flor.log("train_loss", train_loss)',
            "intent": "mean training loss of each epoch",
            "newest": ("after", "train_loss = self._train_epoch(train_dataloaders)"),
            "versions": {v: ("after", "train_loss = self._train_epoch(", {
                "note": "0.0.1 passes the single train_loader; same statement"} if v == 0 else {})
                for v in OLDER},
        },
        "patience": {
            "text": 'flor.log("patience", patience)',
            "intent": "early-stopping counter after it is updated on an evaluation epoch (after the whole if/else)",
            "newest": ("after", "if val_loss < prev_error:"),
            "versions": {v: ("after", "if val_loss < prev_error:") for v in OLDER},
        },
        "window_batches": {
            "text": 'flor.log("window_batches", len(loader))',
            "intent": "number of batches of each window-length training dataloader, before its batches are run",
            "newest": ("first_in", "for loader in loaders:", _TE),
            "versions": dict(
                [(0, ("before", "for step, (static_mb, temporal_mb, horizons_mb, y_mb) in enumerate(loader):", dict(
                    _TE, note="0.0.1 has no `for loader in loaders` loop: _train_epoch gets the single "
                              "`loader` as parameter; the unconditional equivalent is right before the batch loop")))] +
                [(v, ("first_in", "for loader in loaders:", _TE)) for v in _LATER]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss.item())',
            "intent": "training loss of every minibatch, right after it is computed",
            "newest": ("after", "loss = self.loss(pred, y_mb)"),
            "versions": {v: ("after", "loss = self.loss(pred, y_mb)") for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after every optimizer step (after the optional clipping block)",
            "newest": ("after", "self.optimizer.step()"),
            "versions": {v: ("after", "self.optimizer.step()") for v in OLDER},
        },
        "n_losses": {
            "text": 'flor.log("n_losses", len(losses))',
            "intent": "number of minibatch losses collected in the epoch, after all batch loops",
            "newest": ("before", "return np.mean(losses)", _TE),
            "versions": {v: ("before", "return np.mean(losses)", dict(
                _TE, **({"note": "after the single batch loop in 0.0.1 (no outer `for loader` loop)"} if v == 0 else {})))
                for v in OLDER},
        },
    },
}
