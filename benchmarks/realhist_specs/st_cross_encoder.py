# sentence-transformers sentence_transformers/cross_encoder/CrossEncoder.py (CrossEncoder.fit + _eval_during_training),
# PyPI 0.3.9 .. 2.2.2 (v00 .. v04).
# Round 11, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "st_cross_encoder" / "versions.json").read_text())
ALL = range(4)
_LOOP = {"within": "for features, labels in"}
CASE = {
    "name": "st_cross_encoder",
    "title": "sentence-transformers CrossEncoder.fit across 0.3.9 .. 2.2.2 (AMP or plain backward, scheduler "
             "skipped on AMP overflow, periodic and per-epoch evaluation; acitvation_fct typo fixed in 1.2.0, "
             "progress-bar flag in 2.2.2)",
    "stories": _V,
    "probes": {
        "num_train_steps": {
            "text": 'flor.log("num_train_steps", num_train_steps)',
            "intent": "total number of training steps the scheduler is built for",
            "newest": ("after", "num_train_steps = int(len(train_dataloader) * epochs)"),
            "versions": {v: ("after", "num_train_steps = int(len(train_dataloader) * epochs)") for v in ALL},
        },
        "loss_fct": {
            "text": 'flor.log("loss_fct", type(loss_fct).__name__)',
            "intent": "which loss function is used, once the default has been filled in (after the `if loss_fct is None:` block)",
            "newest": ("after", "if loss_fct is None:"),
            "versions": {v: ("after", "if loss_fct is None:") for v in ALL},
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch index at the start of each epoch",
            "newest": ("first_in", "for epoch in trange("),
            "versions": {v: ("first_in", "for epoch in trange(", {
                "note": "the trange call has no disable= argument before 2.2.2; same loop"} if v < 4 else {})
                for v in ALL},
        },
        "loss_plain": {
            "text": 'flor.log("loss_plain", loss_value.item())',
            "intent": "loss of each batch in the non-AMP branch, right after its backward",
            "newest": ("after", "loss_value.backward()"),
            "versions": {v: ("after", "loss_value.backward()") for v in ALL},
        },
        "loss_scale": {
            "text": 'flor.log("loss_scale", scaler.get_scale())',
            "intent": "AMP grad-scaler scale after each scaler update (AMP branch only)",
            "newest": ("after", "scaler.update()"),
            "versions": {v: ("after", "scaler.update()") for v in ALL},
        },
        "loss": {
            "text": 'flor.log("loss", loss_value.item())',
            "intent": "loss of each batch whichever branch ran, after the whole AMP/plain if/else (before zero_grad)",
            "newest": ("after", "if use_amp:", _LOOP),
            "versions": {v: ("after", "if use_amp:", dict(_LOOP, note=
                "after the whole `if use_amp: ... else: ...` in the batch loop (not inside the else branch "
                "after optimizer.step()); the other `if use_amp:` (autocast import, GradScaler) is before the loops"))
                for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", scheduler.get_last_lr()[0])',
            "intent": "learning rate after each scheduler step (inside `if not skip_scheduler:`)",
            "newest": ("after", "scheduler.step()"),
            "versions": {v: ("after", "scheduler.step()") for v in ALL},
        },
        "eval_score": {
            "text": 'flor.log("eval_score", score)',
            "intent": "evaluator score of each evaluation during training (periodic and end of epoch), in _eval_during_training",
            "newest": ("after", "score = evaluator(self, output_path=output_path, epoch=epoch, steps=steps)"),
            "versions": {v: ("after", "score = evaluator(self, output_path=output_path, epoch=epoch, steps=steps)")
                         for v in ALL},
        },
    },
}
