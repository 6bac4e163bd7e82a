# neuralforecast neuralforecast/common/_base_windows.py (BaseWindows: _create_windows, training_step,
# validation_step, fit), PyPI 1.0.0 .. 2.0.1 (v00 .. v09); the file's whole life (gone in 3.0, merged into
# _base_model.py). A PyTorch-Lightning module: the training loop body is training_step (one optimisation
# step on randomly sampled windows), the evaluation loop is validation_step (from 1.6.0 an explicit loop
# over window batches).
# Round 30, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "neuralforecast_windows" / "versions.json").read_text())
OLDER = range(9)
# v00 1.0.0: pl.LightningModule, `normalize` flag with inline mean/std normalisation, inline window parsing
#            (y_idx/mask_idx/insample_y/... in every step), forward `y_hat = self(insample_y, insample_mask)`,
#            validation uses self.loss, validation_epoch_end, fit() builds datamodule + pl.Trainer.
# v01 1.1.0: learning_rate/windows_batch_size/scaler (TemporalNorm) in __init__, static + exogenous
#            variables, _parse_windows() (backslash-continued tuple assignment), windows_batch dict,
#            `y_hat = self(windows_batch)`.
# v02 1.2.0/1.3.0: black formatting, always normalises, `output = self(windows_batch)`, distribution
#            losses (if/else around the training loss).
# v03 1.4.0: num_lr_decays/lr_decay_steps + StepLR, separate valid_loss (if/else), val_check_steps,
#            train/valid trajectories.
# v04 1.5.0: original_outsample_y (un-normalised target) cloned before normalisation, sample_mean/quants,
#            on_validation_epoch_end, fit(random_seed) restarts the seed first.
# v05 1.6.0: NaN-loss check after the training loss; _compute_valid_loss(); validation_step loops over
#            window batches (`for i in range(n_batches)`) and averages valid_loss_batch weighted by sizes.
# v06 1.6.4: y_idx from temporal_cols, fit() first checks exogenous columns.
# v07 1.7.0: BaseModel base class (optimisers, on_validation_epoch_end, trainer kwargs moved out),
#            y_idx = batch["y_idx"], fit() returns self._fit(...).
# v08 1.7.5: self.log(..., batch_size=...), `batch_size = torch.sum(batch_sizes)` named in validation.
# v09 2.0.0/2.0.1: dataloader_kwargs, loss.detach().item().
_TS = {"within": "def training_step("}
_VS = {"within": "def validation_step("}
_FIT = {"within": "def fit("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "neuralforecast_windows",
    "title": "neuralforecast BaseWindows training/validation steps across 1.0.0 .. 2.0.1 (inline parsing -> "
             "_parse_windows, normalize flag -> TemporalNorm scaler, distribution losses, separate valid_loss, "
             "batched validation loop, NaN check, BaseModel base class with _fit)",
    "stories": _V,
    "probes": {
        "sampled_windows": {
            "text": 'flor.log("sampled_windows", len(windows))',
            "intent": "number of training windows kept after random window subsampling (windows_batch_size)",
            "newest": ("after", "windows = windows[w_idxs]", {"within": "if self.windows_batch_size is not None:"}),
            "versions": {v: ("after", "windows = windows[w_idxs]", {
                "within": "if self.windows_batch_size is not None:",
                "note": "1.0.0: last statement of the sampling `if` (no static windows yet)" if v == 0 else
                        "inside `if self.windows_batch_size is not None:` of the train branch, before the "
                        "static subsampling"}) for v in OLDER},
        },
        "train_windows": {
            "text": 'flor.log("train_windows", insample_y.shape[0])',
            "intent": "number of windows in the training step's batch, right after the windows are parsed",
            "newest": ("after", "(", _TS),
            "versions": dict(
                [(0, ("after", "outsample_mask = windows['temporal'][:, -self.h:, mask_idx]", _w(_TS, note=
                      "1.0.0 parses the windows inline (y_idx, mask_idx, insample_y, insample_mask, outsample_y, "
                      "outsample_mask): the image of the _parse_windows(...) call ends at outsample_mask, before "
                      "the forward pass")))] +
                [(1, ("after", "insample_y, insample_mask, outsample_y, outsample_mask, \\", _w(_TS, note=
                      "1.1.0 writes the _parse_windows destructuring with a backslash continuation")))] +
                [(v, ("after", "(", _TS)) for v in range(2, 9)]),
        },
        "output_std": {
            "text": 'flor.log("output_std", output.std().item())',
            "intent": "spread of the network's raw output in each training step, right after the forward pass",
            "newest": ("after", "output = self(windows_batch)", _TS),
            "versions": dict(
                [(0, ("after", "y_hat = self(insample_y, insample_mask)", _w(_TS, renames={"output": "y_hat"},
                      note="1.0.0 calls the network on (insample_y, insample_mask) and names the output y_hat")))] +
                [(1, ("after", "y_hat = self(windows_batch)", _w(_TS, renames={"output": "y_hat"},
                      note="1.1.0 names the output y_hat")))] +
                [(v, ("after", "output = self(windows_batch)", _TS)) for v in range(2, 9)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "training loss of each step once it is computed and checked for NaN, before Lightning logs it",
            "newest": ("after", "if torch.isnan(loss):", _TS),
            "versions": dict(
                [(v, ("after", "loss = self.loss(y=outsample_y, y_hat=y_hat, mask=outsample_mask)", _w(_TS, note=
                      "no distribution losses and no NaN check before 1.2.0 / 1.6.0: right after the one loss "
                      "statement, before self.log('train_loss', ...)"))) for v in (0, 1)] +
                [(v, ("after", "if self.loss.is_distribution_output:", _w(_TS, note=
                      "no NaN check before 1.6.0: after the whole if/else that computes the loss (not inside "
                      "either branch), before self.log"))) for v in (2, 3, 4)] +
                [(v, ("after", "if torch.isnan(loss):", _TS)) for v in range(5, 9)]),
        },
        "target_mean": {
            "text": 'flor.log("target_mean", original_outsample_y.mean().item())',
            "intent": "mean of the un-normalised forecast target of the training windows, cloned before normalisation",
            "newest": ("after", "original_outsample_y = torch.clone(", _TS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.5.0 the un-normalised target is not kept: the windows are normalised in place and "
                      "outsample_y is parsed from them afterwards (a normalised substitute, not the same value)",
                      {"scope": "training_step"})) for v in range(0, 4)] +
                [(v, ("after", "original_outsample_y = torch.clone(", _TS)) for v in range(4, 9)]),
        },
        "val_batch_idx": {
            "text": 'flor.log("val_batch_idx", batch_idx)',
            "intent": "index of each validation batch that is actually evaluated (after the val_size == 0 early return)",
            "newest": ("after", "if self.val_size == 0:", _VS),
            "versions": {v: ("after", "if self.val_size == 0:", _w(_VS, note=
                "the same guard also opens validation_epoch_end / on_validation_epoch_end here: the one in "
                "validation_step") if v < 7 else _VS) for v in OLDER},
        },
        "valid_loss_batch": {
            "text": 'flor.log("valid_loss_batch", valid_loss_batch.item())',
            "intent": "validation loss of each window batch inside validation_step's loop over window batches",
            "newest": ("after", "valid_loss_batch = self._compute_valid_loss(", _VS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.6.0 validation_step evaluates all windows of the batch in one pass: there is no "
                      "loop over window batches and no per-window-batch loss (the whole-batch loss is a "
                      "different value)", {"scope": "validation_step"})) for v in range(0, 5)] +
                [(v, ("after", "valid_loss_batch = self._compute_valid_loss(", _VS)) for v in range(5, 9)]),
        },
        "valid_loss": {
            "text": 'flor.log("valid_loss", valid_loss.item())',
            "intent": "validation loss of each validation batch, once computed (before the NaN check and self.log)",
            "newest": ("after", "valid_loss = torch.sum(valid_loss * batch_sizes) / batch_size", _VS),
            "versions": dict(
                [(0, ("after", "loss = self.loss(y=outsample_y, y_hat=y_hat, mask=outsample_mask)", _w(_VS, **{
                    "renames": {"valid_loss": "loss"},
                    "note": "before 1.4.0 there is no separate valid_loss: validation_step computes the validation "
                            "loss with self.loss into `loss`, logs it as 'val_loss' and returns it (the role "
                            "valid_loss plays later; valid_loss defaults to loss)"})))] +
                [(1, ("after", "loss = self.loss(y=outsample_y, y_hat=y_hat, mask=outsample_mask)", _w(_VS, **{
                    "renames": {"valid_loss": "loss"}, "note": "as 1.0.0: validation loss named `loss`"})))] +
                [(2, ("after", "if self.loss.is_distribution_output:", _w(_VS, **{
                    "renames": {"valid_loss": "loss"},
                    "note": "1.2.0: the validation `loss` is computed by an if/else over distribution losses: "
                            "after the whole if/else, named `loss`"})))] +
                [(v, ("after", "if self.valid_loss.is_distribution_output:", _w(_VS, note=
                      "1.4.0/1.5.0: one pass over the batch, valid_loss computed by an if/else: after it "
                      "(the preceding `if self.loss.is_distribution_output:` only prepares outputs)")))
                 for v in (3, 4)] +
                [(v, ("after", "valid_loss = torch.sum(valid_loss * batch_sizes) / torch.sum(batch_sizes)", _w(
                    _VS, note="1.6.0-1.7.0 compute the weighted mean with torch.sum(batch_sizes) inline")))
                 for v in (5, 6, 7)] +
                [(8, ("after", "valid_loss = torch.sum(valid_loss * batch_sizes) / batch_size", _VS))]),
        },
        "lr_decay_steps": {
            "text": 'flor.log("lr_decay_steps", self.lr_decay_steps)',
            "intent": "StepLR decay period derived from max_steps and num_lr_decays, when the model is built",
            "newest": ("after", "self.lr_decay_steps = ("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "learning-rate decay (num_lr_decays, lr_decay_steps, StepLR) arrives in 1.4.0; before it "
                      "the optimiser is a plain Adam without scheduler", {"scope": "__init__"})) for v in (0, 1, 2)] +
                [(v, ("after", "self.lr_decay_steps = (")) for v in range(3, 9)]),
        },
        "val_size": {
            "text": 'flor.log("val_size", val_size)',
            "intent": "validation size a fit is called with, on entry to fit (before any of its work)",
            "newest": ("before", "return self._fit(", _FIT),
            "versions": dict(
                [(v, ("before", "self.val_size = val_size", _w(_FIT, note=
                      "before 1.7.0 fit() does the work of BaseModel._fit inline: the probe goes first in its "
                      "body (after the docstring), i.e. before `self.val_size = val_size`"))) for v in range(0, 4)] +
                [(v, ("before", "if random_seed is None:", _w(_FIT, note=
                      "1.5.0/1.6.0: fit() first restarts the random seed: the probe goes before that, first in "
                      "the body (the value read is the argument, but the place is fit's entry, as in the newest "
                      "version where it precedes everything _fit does)"))) for v in (4, 5)] +
                [(6, ("before", "temporal_cols = set(dataset.temporal_cols.tolist())", _w(_FIT, note=
                      "1.6.4: fit() first checks the exogenous columns, then restarts the seed: first in the body")))] +
                [(v, ("before", "return self._fit(", _FIT)) for v in (7, 8)]),
        },
    },
}
