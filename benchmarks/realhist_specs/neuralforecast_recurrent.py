# neuralforecast neuralforecast/common/_base_recurrent.py (BaseRecurrent: _create_windows, training_step,
# validation_step), PyPI 1.0.0 .. 2.0.1 (v00 .. v09); the file's whole life (gone in 3.0, merged into
# _base_model.py). A PyTorch-Lightning module for RNN-type models: training_step is the body of the training
# loop (one optimisation step over a batch of whole series, unrolled over a randomly truncated sequence),
# validation_step the body of the evaluation loop.
# Round 30, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "neuralforecast_recurrent" / "versions.json").read_text())
OLDER = range(9)
# v00 1.0.0: pl.LightningModule, `normalize` flag, windows of input_size+h taken every step_size
#            (windows['Y'] / windows['available_mask']), inline parsing, `y_hat = self(insample_y, insample_mask)`,
#            val_windows = val_size // step_size + 1, no truncated backpropagation.
# v01 1.1.0: windows of 1+h every step, truncated backpropagation through time in _create_windows
#            (`if (step == 'train') and (self.input_size > 0) and (n_windows > self.input_size):` samples
#            `start`), TemporalNorm scaler, _parse_windows (backslash tuple), windows_batch dict, y_hat.squeeze.
# v02 1.2.0: black formatting, always normalises, `output = self(windows_batch)`, distribution losses
#            (if/else around training and validation loss), multi-line condition for the truncation.
# v03 1.4.0: separate valid_loss (if/else), lr decay.
# v04 1.5.0: inference_input_size (validation/prediction truncation), truncation condition split into
#            `if (step == "train") and (self.input_size > 0):` > `if (input_size > 0) and (n_windows > input_size):`.
# v05 1.6.0: NaN checks after the training and validation losses.
# v06 1.6.4: exogenous checks, y_idx handling.
# v07 1.7.0: BaseModel base class, y_idx = batch["y_idx"], fit() returns self._fit(...).
# v08 1.7.5 / v09 2.0.0, 2.0.1: self.log(..., batch_size=outsample_y.size(0)), .detach().item(), dataloader_kwargs.
_CW = {"within": "def _create_windows("}
_TS = {"within": "def training_step("}
_VS = {"within": "def validation_step("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "neuralforecast_recurrent",
    "title": "neuralforecast BaseRecurrent training/validation steps across 1.0.0 .. 2.0.1 (step_size windows -> "
             "1+h windows with truncated backpropagation, normalize flag -> TemporalNorm, _parse_windows, "
             "distribution losses, separate valid_loss, inference_input_size, NaN checks, BaseModel base class)",
    "stories": _V,
    "probes": {
        "min_time_stamp": {
            "text": 'flor.log("min_time_stamp", min_time_stamp)',
            "intent": "first time stamp at which every series of the training batch is available (batch truncated there)",
            "newest": ("after", "min_time_stamp = int(av_condition.min())"),
            "versions": {v: ("after", "min_time_stamp = int(av_condition.min())", {
                "note": "inside `if step == 'train':` of _create_windows, right after it is computed "
                        "(before the too-short check)"} if v == 0 else {}) for v in OLDER},
        },
        "tbptt_start": {
            "text": 'flor.log("tbptt_start", start)',
            "intent": "randomly sampled start of the truncated-backpropagation window of each training batch",
            "newest": ("after", "start = np.random.choice(max_sampleable_time)"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.0.0 has no truncated backpropagation: the series are cut into windows of input_size+h "
                      "every step_size and no start is sampled", {"scope": "_create_windows"}))] +
                [(v, ("after", "start = np.random.choice(max_sampleable_time)", {
                    "note": "1.1.0-1.4.0 guard the truncation with one conjunction "
                            "`(step == 'train') and (self.input_size > 0) and (n_windows > self.input_size)`, "
                            "the equivalent of the newest version's two nested ifs: inside it"}))
                 for v in (1, 2, 3)] +
                [(v, ("after", "start = np.random.choice(max_sampleable_time)")) for v in range(4, 9)]),
        },
        "seq_len": {
            "text": 'flor.log("seq_len", insample_y.shape[1])',
            "intent": "number of time steps the RNN is unrolled over in the training step, right after parsing",
            "newest": ("after", "(", _TS),
            "versions": dict(
                [(0, ("after", "outsample_mask = windows['available_mask'][:, :, -self.h:]", _w(_TS, note=
                      "1.0.0 parses inline (insample_y, insample_mask, outsample_y, outsample_mask from "
                      "windows['Y'] / windows['available_mask']): after the last of them, before the forward "
                      "pass; insample_y is [B, windows, L] there, shape[1] is still the unrolled length")))] +
                [(1, ("after", "insample_y, insample_mask, outsample_y, outsample_mask, \\", _w(_TS, note=
                      "1.1.0: backslash-continued _parse_windows destructuring")))] +
                [(v, ("after", "(", _TS)) for v in range(2, 9)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "training loss of each step once it is computed and checked for NaN, before Lightning logs it",
            "newest": ("after", "if torch.isnan(loss):", _TS),
            "versions": dict(
                [(v, ("after", "loss = self.loss(y=outsample_y, y_hat=y_hat, mask=outsample_mask)", _w(_TS, note=
                      "no distribution losses and no NaN check: right after the one loss statement, before "
                      "self.log('train_loss', ...)"))) for v in (0, 1)] +
                [(v, ("after", "if self.loss.is_distribution_output:", _w(_TS, note=
                      "no NaN check before 1.6.0: after the whole if/else that computes the loss, before self.log")))
                 for v in (2, 3, 4)] +
                [(v, ("after", "if torch.isnan(loss):", _TS)) for v in range(5, 9)]),
        },
        "val_windows": {
            "text": 'flor.log("val_windows", val_windows)',
            "intent": "number of trailing windows (validation size + 1) kept from the unrolled validation output",
            "newest": ("after", "val_windows = (self.val_size) + 1", _VS),
            "versions": dict(
                [(0, ("after", "val_windows = (self.val_size // self.step_size) + 1", _w(_VS, note=
                      "1.0.0 counts validation windows in step_size units and does it after the forward pass "
                      "and inverse normalisation; same statement role (the newest statement's text changed)")))] +
                [(v, ("after", "val_windows = (self.val_size) + 1", _w(_VS, note=
                      "1.1.0 trims after the forward pass (y_hat is trimmed right after)") if v == 1 else _VS))
                 for v in range(1, 9)]),
        },
        "valid_target_mean": {
            "text": 'flor.log("valid_target_mean", outsample_y.mean().item())',
            "intent": "mean of the validation targets once trimmed to the validation windows",
            "newest": ("after", "outsample_mask = outsample_mask[:, -val_windows:-1, :]", _VS),
            "versions": {v: ("after", "outsample_mask = outsample_mask[:, -val_windows:-1, :]", _w(_VS, note=
                "1.0.0/1.1.0 trim y_hat, outsample_y and outsample_mask together after the forward pass: after "
                "the mask trim (the last of the three)") if v in (0, 1) else _VS) for v in OLDER},
        },
        "valid_loss": {
            "text": 'flor.log("valid_loss", valid_loss.item())',
            "intent": "validation loss of each validation batch, once computed (before the NaN check and self.log)",
            "newest": ("after", "if self.valid_loss.is_distribution_output:", _VS),
            "versions": dict(
                [(v, ("after", "loss = self.loss(y=outsample_y, y_hat=y_hat, mask=outsample_mask)", _w(_VS, **{
                    "renames": {"valid_loss": "loss"},
                    "note": "before 1.4.0 there is no separate valid_loss: validation_step computes the validation "
                            "loss with self.loss into `loss`, logs it as 'val_loss' and returns it"})))
                 for v in (0, 1)] +
                [(2, ("after", "if self.loss.is_distribution_output:", _w(_VS, **{
                    "renames": {"valid_loss": "loss"},
                    "note": "1.2.0: `loss` is computed in both branches of the if/else over distribution losses: "
                            "after the whole if/else"})))] +
                [(v, ("after", "if self.valid_loss.is_distribution_output:", _w(_VS, note=
                      "no NaN check before 1.6.0: after the valid_loss if/else, before self.log") if v in (3, 4)
                      else _VS)) for v in range(3, 9)]),
        },
        "inference_input_size": {
            "text": 'flor.log("inference_input_size", self.inference_input_size)',
            "intent": "how many time steps validation/prediction unroll over, when the model is built",
            "newest": ("after", "self.inference_input_size = inference_input_size"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "inference_input_size arrives in 1.5.0; before it validation and prediction unroll over "
                      "the whole series", {"scope": "__init__"})) for v in range(0, 4)] +
                [(v, ("after", "self.inference_input_size = inference_input_size")) for v in range(4, 9)]),
        },
        "val_cutoff": {
            "text": 'flor.log("val_cutoff", cutoff)',
            "intent": "number of trailing windows validation keeps when it truncates the unrolled sequence",
            "newest": ("after", "cutoff = self.inference_input_size + self.val_size", _CW),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 1.5.0 validation windows are never truncated: there is no inference_input_size "
                      "branch in _create_windows (the `cutoff` bound in the train branch, -val_size-test_size, "
                      "is a different value at a different place)", {"scope": "_create_windows"}))
                 for v in range(0, 4)] +
                [(v, ("after", "cutoff = self.inference_input_size + self.val_size", _CW)) for v in range(4, 9)]),
        },
    },
}
