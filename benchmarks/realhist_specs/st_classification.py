# simpletransformers simpletransformers/classification/classification_model.py (ClassificationModel.train),
# PyPI simpletransformers 0.30.0 .. 0.70.1 (v00 .. v08).
# Round 8, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "st_classification" / "versions.json").read_text())
ALL = range(8)
_TRAIN = {"within": "def train("}
_STEP_EVAL = {"within": "for step, batch"}
CASE = {
    "name": "st_classification",
    "title": "simpletransformers ClassificationModel.train across 0.30.0 .. 0.70.1 (args dict -> dataclass, "
             "apex amp -> torch.cuda.amp GradScaler, _calculate_loss, optimizer/scheduler choice, test_df)",
    "stories": _V,
    "probes": {
        "batch_loss": {
            "text": 'flor.log("batch_loss", current_loss)',
            "intent": "loss of each batch (before accumulation scaling), right after it is read out",
            "newest": ("after", "current_loss = loss.item()"),
            "versions": {v: ("after", "current_loss = loss.item()") for v in ALL},
        },
        "accum_loss": {
            "text": 'flor.log("accum_loss", loss.item())',
            "intent": "loss of each batch after it is divided for gradient accumulation (after the whole if)",
            "newest": ("after", "if args.gradient_accumulation_steps > 1:"),
            "versions": dict(
                [(0, ("after", 'if args["gradient_accumulation_steps"] > 1:', {
                    "note": "0.30 reads args as a dict; same statement. After the whole if (the probe runs "
                            "on every batch), not inside it"}))] +
                [(v, ("after", "if args.gradient_accumulation_steps > 1:", {
                    "note": "after the whole if (the probe runs on every batch), not inside it"}))
                 for v in range(1, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", scheduler.get_last_lr()[0])',
            "intent": "learning rate after each scheduler step (only on optimizer steps)",
            "newest": ("after", "scheduler.step()"),
            "versions": {v: ("after", "scheduler.step()", {
                "note": "v00-v02 themselves call scheduler.get_lr(); the probe's value (scheduler) is the "
                        "same object, so no rename: method names are not identifiers of the old version"}
                if v < 3 else {}) for v in ALL},
        },
        "loss_scale": {
            "text": 'flor.log("loss_scale", scaler.get_scale())',
            "intent": "AMP loss scale after each scaler update (only with fp16, on optimizer steps)",
            "newest": ("after", "scaler.update()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.30/0.40 use apex amp (amp.initialize / amp.scale_loss): there is no GradScaler, "
                      "scaler is never bound", {"scope": "train", "probe_site": ("after", "optimizer.step()")}))
                 for v in (0, 1)] +
                [(v, ("after", "scaler.update()")) for v in range(2, 8)]),
        },
        "avg_loss": {
            "text": 'flor.log("avg_loss", (tr_loss - logging_loss) / args.logging_steps)',
            "intent": "training loss averaged over the last logging window, inside the logging_steps branch, "
                      "before logging_loss is reset",
            "newest": ("before", "logging_loss = tr_loss"),
            "versions": dict(
                [(0, ("before", "logging_loss = tr_loss", {
                    "renames": {"args.logging_steps": 'args["logging_steps"]'},
                    "note": "0.30 keeps the arguments in a dict: args.logging_steps is args[\"logging_steps\"]"}))] +
                [(v, ("before", "logging_loss = tr_loss")) for v in range(1, 8)]),
        },
        "eval_loss": {
            "text": 'flor.log("eval_loss", results["eval_loss"])',
            "intent": "validation loss of the periodic evaluation every evaluate_during_training_steps, "
                      "right after eval_model returns",
            "newest": ("after", "results, _, _ = self.eval_model(", _STEP_EVAL),
            "versions": {v: ("after", "results, _, _ = self.eval_model(", _STEP_EVAL) for v in ALL},
        },
        "test_results": {
            "text": 'flor.log("test_results", test_results)',
            "intent": "test-set metrics of the end-of-epoch evaluation (only when test_df is given)",
            "newest": ("after", "test_results, _, _ = self.eval_model(", dict(_TRAIN, n=2, of=2)),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "test_df / test_results arrive in 0.63.0; before it train() only evaluates eval_df",
                      {"scope": "train"})) for v in range(6)] +
                [(v, ("after", "test_results, _, _ = self.eval_model(", dict(_TRAIN, n=2, of=2)))
                 for v in (6, 7)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", tr_loss / global_step)',
            "intent": "running mean training loss at the end of each epoch, right after the batch loop",
            "newest": ("after", "for step, batch in enumerate(", _TRAIN),
            "versions": {v: ("after", "for step, batch in enumerate(", _TRAIN) for v in ALL},
        },
    },
}
