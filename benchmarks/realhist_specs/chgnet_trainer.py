# chgnet chgnet/trainer/trainer.py (Trainer.train / _train / _validate), PyPI 0.1.2 .. 0.4.2 (v00 .. v07).
# Round 27, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "chgnet_trainer" / "versions.json").read_text())
OLDER = range(7)
# v00 = 0.1.2: _train's timer is `end` and is never reset inside the batch loop.
# v01 = 0.1.4: timer renamed `start`, reset after batch_time.update.
# v02 = 0.2.1: composition-model requires_grad loop before the epoch loop.
# v03 = 0.3.1: _validate's progress print gets `name = "Test" if is_test else "Val"`.
# v04 = 0.3.4: test model saved after test evaluation (with the leaked loop variable `file`).
# v05 = 0.3.5: _validate loop variables idx -> ii (batch) and idx -> jj (test-pred loop); `test_file`.
# v06 = 0.3.8: keyword-only arguments.
# v07 = 0.4.2: wandb logging (per batch / per epoch), `if save_dir:` around save_checkpoint, the
#              if/else around the test _validate call folded into one call.
_TRAIN_LOOP = "for idx, (graphs, targets) in enumerate(train_loader):"
_IN_TRAIN_LOOP = {"within": "enumerate(train_loader)"}


def _val_loop(v):
    return ("for ii, (graphs, targets) in enumerate(val_loader):" if v >= 5
            else "for idx, (graphs, targets) in enumerate(val_loader):")


CASE = {
    "name": "chgnet_trainer",
    "title": "CHGNet Trainer train/_train/_validate across 0.1.2 .. 0.4.2 (timer end -> start with a per-batch "
             "reset, composition-model freezing, Val/Test print name, idx -> ii/jj in _validate, "
             "test_file, wandb logging, optional checkpointing, folded test _validate call)",
    "stories": _V,
    "probes": {
        "data_wait": {
            "text": 'flor.log("data_wait", time.perf_counter() - start)',
            "intent": "seconds waited for the batch, measured at the top of every training iteration",
            "newest": ("first_in", _TRAIN_LOOP),
            "versions": dict(
                [(0, ("first_in", _TRAIN_LOOP, {
                    "renames": {"start": "end"},
                    "note": "0.1.2 calls the timer `end` (`end = time.perf_counter()` before the loop, "
                            "`data_time.update(time.perf_counter() - end)`): renamed to `start` in 0.1.4. "
                            "0.1.2 never resets it inside the loop, so the value is cumulative there, but the "
                            "variable is the same one the code itself reads at this point"}))] +
                [(v, ("first_in", _TRAIN_LOOP)) for v in range(1, 7)]),
        },
        "batch_time": {
            "text": 'flor.log("batch_time", batch_time.val)',
            "intent": "duration of the last training batch, right after the timer is restarted",
            "newest": ("after", "start = time.perf_counter()", _IN_TRAIN_LOOP),
            "versions": dict(
                [(0, ("after", "batch_time.update(time.perf_counter() - end)", dict(_IN_TRAIN_LOOP, note=(
                    "0.1.2 has no timer reset in the batch loop: the place keeps its position after "
                    "batch_time.update (the reset's previous sibling) and before the progress print"))))] +
                [(v, ("after", "start = time.perf_counter()", _IN_TRAIN_LOOP)) for v in range(1, 7)]),
        },
        "n_trainable": {
            "text": 'flor.log("n_trainable", sum(p.numel() for p in self.model.parameters() if p.requires_grad))',
            "intent": "number of trainable parameters once the composition model is frozen/unfrozen, before the epochs",
            "newest": ("after", "for param in self.model.composition_model.parameters():"),
            "versions": dict(
                [(v, ("after", "self.model.to(self.device)", {
                    "note": "before 0.2.1 there is no composition-model requires_grad loop: after the "
                            "statement before it (the device move), right before the epoch loop"}))
                 for v in (0, 1)] +
                [(v, ("after", "for param in self.model.composition_model.parameters():")) for v in range(2, 7)]),
        },
        "best_val_e": {
            "text": 'flor.log("best_val_e", min(self.training_history["e"]["val"]))',
            "intent": "best validation energy MAE so far, at the end of each epoch after checkpointing",
            "newest": ("after", "if save_dir:"),
            "versions": {v: ("after", "self.save_checkpoint(epoch, val_mae, save_dir=save_dir)", {
                "note": "before 0.4 save_checkpoint is called unconditionally (no `if save_dir:`): after it"})
                for v in OLDER},
        },
        "best_ckpt": {
            "text": 'flor.log("best_ckpt", test_file)',
            "intent": "file name of the best-energy checkpoint found for the test evaluation, when it is loaded",
            "newest": ("last_in", 'if file.startswith("bestE_"):'),
            "versions": dict(
                [(v, ("last_in", 'if file.startswith("bestE_"):', {
                    "renames": {"test_file": "file"},
                    "note": "before 0.3.5 there is no `test_file = file`; inside this branch the loop variable "
                            "`file` is that very file name (the newest code copies it from `file`)"}))
                 for v in range(5)] +
                [(v, ("last_in", 'if file.startswith("bestE_"):')) for v in (5, 6)]),
        },
        "test_mae_e": {
            "text": 'flor.log("test_mae_e", test_mae["e"])',
            "intent": "test energy MAE of the best model, right after the test evaluation",
            "newest": ("after", "test_mae = self._validate("),
            "versions": {v: ("after", "if save_test_result:", {
                "note": "before 0.4 test_mae is assigned in both branches of `if save_test_result: ... else: ...` "
                        "(two _validate calls differing in test_result_save_path): after the whole if/else"})
                for v in OLDER},
        },
        "pred_e": {
            "text": 'flor.log("pred_e", prediction["e"][jj].item())',
            "intent": "predicted energy of every test structure while the test predictions are collected",
            "newest": ("after", "tmp = {"),
            "versions": dict(
                [(v, ("after", "tmp = {", {
                    "renames": {"jj": "idx"},
                    "note": "before 0.3.5 the test-prediction loop is `for idx, graph_i in enumerate(graphs):` "
                            "(renamed jj in 0.3.5; it shadows the batch index idx)"})) for v in range(5)] +
                [(v, ("after", "tmp = {")) for v in (5, 6)]),
        },
        "val_progress": {
            "text": 'flor.log("val_progress", (ii + 1) / len(val_loader))',
            "intent": "fraction of the validation/test set done, whenever the progress line is printed",
            "newest": ("last_in", "if (ii + 1) % self.print_freq == 0:"),
            "versions": dict(
                [(v, ("last_in", "if (idx + 1) % self.print_freq == 0:", {
                    "renames": {"ii": "idx"},
                    "note": "before 0.3.5 the _validate batch index is `idx` (the print condition reads it). "
                            "In those versions the test-prediction loop reuses `idx`, so with a test save path "
                            "it is clobbered at this point, in the old code's own condition too; still a rename"}))
                 for v in range(5)] +
                [(v, ("last_in", "if (ii + 1) % self.print_freq == 0:")) for v in (5, 6)]),
        },
        "eval_name": {
            "text": 'flor.log("eval_name", name)',
            "intent": "whether the progress line belongs to validation or test",
            "newest": ("after", 'name = "Test" if is_test else "Val"'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.3.1 the progress print hard-codes \"Test:\"; no `name` is bound (an expression "
                      "over is_test would be a guessed substitute, not a rename)", {"scope": "_validate"}))
                 for v in range(3)] +
                [(v, ("after", 'name = "Test" if is_test else "Val"')) for v in range(3, 7)]),
        },
        "val_loss_avg": {
            "text": 'flor.log("val_loss_avg", losses.avg)',
            "intent": "running average validation loss at the end of every validation batch",
            "newest": ("last_in", _val_loop(7)),
            "versions": {v: ("last_in", _val_loop(v), {
                "note": "before 0.4 there is no per-batch wandb block (the newest previous sibling): last in "
                        "the batch loop, after the progress-print if, not inside it"
                        + ("; the loop variable is idx before 0.3.5, the probe does not read it" if v < 5 else "")})
                for v in OLDER},
        },
    },
}
