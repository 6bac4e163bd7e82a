# sentence-transformers SentenceTransformer.py (fit() loop), PyPI 0.3.0 .. 2.2.2 (v00 .. v06).
# Written after the second round of fixes, scored before any change made for it (a held-out check).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "st_fit" / "versions.json").read_text())
ALL = range(6)
IT = {"within": "for train_idx in range(num_train_objectives)"}
CASE = {
    "name": "st_fit",
    "title": "sentence-transformers SentenceTransformer.fit() across 0.3.0 .. 2.2.2 (apex fp16 -> torch.cuda.amp)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss_value.item())',
            "intent": "loss of each objective's step, after the AMP / plain if/else that backpropagates it",
            "newest": ("after", "if use_amp:", IT),
            "versions": dict([(0, ("after", "if fp16:", IT))] + [(v, ("after", "if use_amp:", IT)) for v in range(1, 6)]),
        },
        "global_step": {
            "text": 'flor.log("global_step", global_step)',
            "intent": "step counter",
            "newest": ("after", "global_step += 1"),
            "versions": {v: ("after", "global_step += 1") for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", scheduler.get_last_lr()[0])',
            "intent": "learning rate right after the scheduler steps (not when AMP skipped the step)",
            "newest": ("after", "scheduler.step()", IT),
            "versions": dict([(0, ("after", "scheduler.step()", dict(IT, note="0.3.0 steps the scheduler unconditionally")))] +
                             [(v, ("after", "scheduler.step()", IT)) for v in range(1, 6)]),
        },
        "skip_scheduler": {
            "text": 'flor.log("skip_scheduler", skip_scheduler)',
            "intent": "whether the AMP scaler skipped the optimizer step (only under use_amp)",
            "newest": ("after", "skip_scheduler = scaler.get_scale() != scale_before_step"),
            "versions": dict([(0, ("na", "missing_dependency", "apex fp16 in 0.3.0: no scaler, no skip_scheduler"))] +
                             [(v, ("after", "skip_scheduler = scaler.get_scale() != scale_before_step")) for v in range(1, 6)]),
        },
    },
}
