# espnet espnet2/train/trainer.py (Trainer.run / train_one_epoch / validate_one_epoch), PyPI 0.8.0 .. 202511 (v00 .. v09).
# Round 6: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "espnet2_trainer" / "versions.json").read_text())
_T = {"within": "def train_one_epoch("}
_VAL = {"within": "def validate_one_epoch("}
_RUN = {"within": "def run("}
CASE = {
    "name": "espnet2_trainer",
    "title": "espnet2 Trainer across 0.8.0 .. 202511 (apex -> torch.cuda.amp scaler, loss scaling moved into the "
             "autocast block, one optimizer -> several with the scheduler step inside the optimizer-step block)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of each iteration once divided by the accumulation steps",
            "newest": ("after", "loss /= accum_grad", _T),
            "versions": {v: ("after", "loss /= accum_grad", dict(_T, **({"note": "0.8/0.9 divide after registering the "
                             "stats, outside any autocast block"} if v == 0 else {}))) for v in range(9)},
        },
        "loss_scale": {
            "text": 'flor.log("loss_scale", scaler.get_scale())',
            "intent": "AMP loss scale of each backward (only when a scaler is used)",
            "newest": ("after", "scaler.scale(loss).backward()", _T),
            "versions": dict([(0, ("na", "missing_dependency", "0.8/0.9 use apex, no GradScaler"))] +
                             [(v, ("after", "scaler.scale(loss).backward()", _T)) for v in range(1, 9)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(grad_norm))',
            "intent": "gradient norm of each update, once it is a tensor",
            "newest": ("after", "if not isinstance(grad_norm, torch.Tensor):", _T),
            "versions": {v: ("after", "if not isinstance(grad_norm, torch.Tensor):", _T) for v in range(9)},
        },
        "lr": {
            "text": 'flor.log("lr", optimizers[0].param_groups[0]["lr"])',
            "intent": "learning rate after each optimizer and per-batch scheduler step",
            "newest": ("after", 'with reporter.measure_time("optim_step_time"):', _T),
            "versions": dict([(v, ("after", "if isinstance(scheduler, AbsBatchStepScheduler):", dict(_T, note=
                                   "one optimizer before 0.9.10: the per-batch scheduler steps after the timed "
                                   "optimizer step, the statement goes after it")))
                              for v in (0, 1)] +
                             [(v, ("after", 'with reporter.measure_time("optim_step_time"):', _T)) for v in range(2, 9)]),
        },
        "all_invalid": {
            "text": 'flor.log("all_invalid", all_steps_are_invalid)',
            "intent": "whether every step of the epoch was skipped, after the training epoch",
            "newest": ("after", 'with reporter.observe("train") as sub_reporter:', _RUN),
            "versions": {v: ("after", 'with reporter.observe("train") as sub_reporter:', _RUN) for v in range(9)},
        },
        "valid_keys": {
            "text": 'flor.log("valid_keys", sorted(stats))',
            "intent": "names of the validation statistics of each batch",
            "newest": ("after", "reporter.register(stats, weight)", _VAL),
            "versions": {v: ("after", "reporter.register(stats, weight)", _VAL) for v in range(9)},
        },
    },
}
