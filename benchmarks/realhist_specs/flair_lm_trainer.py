# flair flair/trainers/language_model_trainer.py (LanguageModelTrainer.train), PyPI flair 0.4.0 .. 0.15.1 (v00 .. v10).
# Round 11, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "flair_lm_trainer" / "versions.json").read_text())
ALL = range(10)
_BATCH = {"within": "for batch, i in enumerate("}
CASE = {
    "name": "flair_lm_trainer",
    "title": "flair LanguageModelTrainer.train across 0.4.0 .. 0.15.1 (global split loop -> epoch loop over a "
             "DataLoader of splits, apex amp if/else backward -> GradScaler + autocast, best-model block moved "
             "before the scheduler step)",
    "stories": _V,
    "probes": {
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss.item())',
            "intent": "loss of each batch, right after its backward pass",
            "newest": ("after", "scaler.scale(loss).backward()"),
            "versions": dict(
                [(0, ("after", "loss.backward()"))] +
                [(v, ("after", "if use_amp:", dict(_BATCH, note=
                      "0.4.5 .. 0.12 back-propagate through an `if use_amp:` (apex scale_loss) / `else: "
                      "loss.backward()` pair; the probe runs after every backward, so it goes after the whole "
                      "if/else, not inside the else branch")))
                 for v in range(1, 8)] +
                [(v, ("after", "scaler.scale(loss).backward()")) for v in (8, 9)]),
        },
        "grad_scale": {
            "text": 'flor.log("grad_scale", scaler.get_scale())',
            "intent": "AMP loss scale after each optimizer step",
            "newest": ("after", "scaler.update()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "the GradScaler (`scaler`) arrives in 0.13.0; before it there is no scaler (0.4.0) or "
                      "apex amp keeps its loss scale internally (0.4.5 .. 0.12)",
                      {"scope": "train", "probe_site": ("after", "optimizer.step()")}))
                 for v in range(8)] +
                [(v, ("after", "scaler.update()")) for v in (8, 9)]),
        },
        "cur_loss": {
            "text": 'flor.log("cur_loss", cur_loss)',
            "intent": "average training loss over the last log interval, inside the periodic-log branch",
            "newest": ("after", "cur_loss = total_loss.item() / self.log_interval"),
            "versions": {v: ("after", "cur_loss = total_loss.item() / self.log_interval") for v in ALL},
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "validation loss after each training split",
            "newest": ("after", "val_loss = self.evaluate(val_data"),
            "versions": {v: ("after", "val_loss = self.evaluate(val_data") for v in ALL},
        },
        "best_val_loss": {
            "text": 'flor.log("best_val_loss", best_val_loss)',
            "intent": "new best validation loss, inside the branch taken when it improves",
            "newest": ("after", "best_val_loss = val_loss"),
            "versions": {v: ("after", "best_val_loss = val_loss", {
                "note": "before 0.6 the best-model block is the last statement of it and comes after the "
                        "scheduler step and checkpoint; same branch, same statement"} if v == 0 else {})
                         for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the plateau scheduler has (possibly) annealed it",
            "newest": ("after", "scheduler.step(val_loss)"),
            "versions": {v: ("after", "scheduler.step(val_loss)", {
                "note": "before 0.6 the scheduler steps right after validation, before the best-model block; "
                        "the probe follows the scheduler step wherever it is"} if v < 6 else {})
                         for v in ALL},
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch number at the start of each epoch (after the reshuffle/epoch-checkpoint block)",
            "newest": ("after", "if epoch > 0:"),
            "versions": dict(
                [(0, ("after", "epoch += 1", {
                    "note": "0.4.0 has no epoch loop: one loop over global split numbers increments `epoch` "
                            "inside `if (split - 1) % number_of_splits == 0:`; that branch is the once-per-epoch "
                            "point (the probe runs once per epoch, so not after the if, which runs every split). "
                            "epoch is 1-based there (0-based later); the program's own convention, no rename"}))] +
                [(v, ("after", "if epoch > 0:", {
                    "note": "after the whole `if epoch > 0:` block (the probe runs in every epoch, including "
                            "the first)"} if v == 1 else {}))
                 for v in range(1, 10)]),
        },
        "split": {
            "text": 'flor.log("split", curr_split)',
            "intent": "number of the training split about to be trained on, at the start of each split",
            "newest": ("after", "curr_split += 1"),
            "versions": dict(
                [(0, ("after", "if (split - 1) % number_of_splits == 0:", {
                    "renames": {"curr_split": "split"},
                    "alt": [("first_in", "for split in range(")],
                    "note": "0.4.0 loops directly over split numbers (`for split in range(1 + self.split, ...)`, "
                            "already 1-based, no `+= 1`); `split` plays curr_split's role (the 'Split %d' log, the "
                            "batch log line, the checkpoint call), although it counts across epochs (the per-epoch "
                            "number, local_split_number, is only computed after validation). The epoch-increment "
                            "`if` has no counterpart in the newest version: before or after it"}))] +
                [(v, ("after", "curr_split += 1")) for v in range(1, 10)]),
        },
    },
}
