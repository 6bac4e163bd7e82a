# spacy spacy/training/loop.py (train + train_while_improving), PyPI 3.0.0 .. 3.8.18 (v00 .. v07).
# Round 15, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "spacy_loop" / "versions.json").read_text())
OLDER = range(7)
# v00 3.0.0   log_step(...) is the FIRST statement of the loop in train(); patience uses
#             `best_score, best_step = max(results)`; create_train_batches(train_corpus(nlp), ...)
# v01 3.0.4   best step by `best_result = max((r_score, -r_step) ...)` / `best_step = -best_result[1]`
# v02 3.0.6   log_step(...) moved AFTER the checkpoint `if`, `info["output_path"] = ...` added after
#             save_checkpoint; create_train_batches(nlp, train_corpus, ...)
# v03 3.1.0   annotating_components (train(): `if annotating_components:` message; nlp.update(annotates=...))
# v04 3.1.4   `# type: ignore` trailing comments on loop lines
# v05 3.5.0   before_update callback: `if before_update:` block first in the step loop
# v06 3.6.0   imports reordered (3.6.0 .. 3.8.x)
# v07 3.8.18  newest (type comments only)
_BEFORE_UPDATE = range(5, 7)
CASE = {
    "name": "spacy_loop",
    "title": "spaCy training loop (train() + train_while_improving()) across 3.0.0 .. 3.8.18 (earliest-best "
             "patience step, log_step moved after checkpointing with info['output_path'], annotating_components, "
             "before_update callback)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch of each optimisation step, at the start of the step after the before_update callback",
            "newest": ("after", "if before_update:"),
            "versions": dict(
                [(v, ("first_in", "for step, (epoch, batch) in enumerate(train_data):", {
                    "note": "no before_update callback before 3.5: the probe keeps its place before "
                            "`dropout = next(dropouts)`, which is then the first statement of the step loop"}))
                 for v in range(5)] +
                [(v, ("after", "if before_update:", {
                    "note": "after the whole `if before_update:` block, not inside it"})) for v in _BEFORE_UPDATE]),
        },
        "before_update_args": {
            "text": 'flor.log("before_update_args", before_update_args)',
            "intent": "arguments passed to the before_update callback, right after it is called",
            "newest": ("after", "before_update(nlp, before_update_args)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "the before_update callback (and its before_update_args dict) only exists from 3.5.0",
                      {"scope": "train_while_improving"})) for v in range(5)] +
                [(v, ("after", "before_update(nlp, before_update_args)")) for v in _BEFORE_UPDATE]),
        },
        "subbatch_len": {
            "text": 'flor.log("subbatch_len", len(subbatch))',
            "intent": "size of each gradient-accumulation sub-batch, right after nlp.update on it",
            "newest": ("after", "nlp.update("),
            "versions": {v: ("after", "nlp.update(", {
                "note": "before 3.1 nlp.update(...) is written on one argument line and has no annotates= "
                        "argument: same statement"} if v < 3 else {}) for v in OLDER},
        },
        "learn_rate": {
            "text": 'flor.log("learn_rate", optimizer.learn_rate)',
            "intent": "learning rate after the optimizer schedules are stepped, every step",
            "newest": ("after", "optimizer.step_schedules()"),
            "versions": {v: ("after", "optimizer.step_schedules()") for v in OLDER},
        },
        "dev_score": {
            "text": 'flor.log("dev_score", score)',
            "intent": "main dev score of each evaluation, once it is appended to the results",
            "newest": ("after", "results.append((score, step))"),
            "versions": {v: ("after", "results.append((score, step))") for v in OLDER},
        },
        "is_best": {
            "text": 'flor.log("is_best", is_best_checkpoint)',
            "intent": "checkpoint flag of every step (True/False after an evaluation, None otherwise), after the "
                      "evaluate-or-not if/else",
            "newest": ("after", "if not (step % eval_frequency):"),
            "versions": {v: ("after", "if not (step % eval_frequency):", {
                "note": "after the whole if/else (the else branch ends with `is_best_checkpoint = None`), "
                        "not inside either branch"}) for v in OLDER},
        },
        "best_step": {
            "text": 'flor.log("best_step", best_step)',
            "intent": "step of the best evaluation so far, right before the patience check",
            "newest": ("after", "best_step = -best_result[1]"),
            "versions": dict(
                [(0, ("after", "best_score, best_step = max(results)", {
                    "note": "3.0.0 computes best_step by tuple-unpacking max(results) (latest step among equal "
                            "scores; 3.0.4 switched to the earliest one); same variable, same place, right "
                            "before `if patience and ...`"}))] +
                [(v, ("after", "best_step = -best_result[1]")) for v in range(1, 7)]),
        },
        "logged_step": {
            "text": 'flor.log("logged_step", info["step"])',
            "intent": "step whose info was just passed to the training logger (train(), every step)",
            "newest": ("after", "log_step(info"),
            "versions": dict(
                [(v, ("after", "log_step(info", {
                    "alt": [("last_in", "for batch, info, is_best_checkpoint in training_step_iterator:")],
                    "note": "before 3.0.6 log_step(...) is the first statement of the loop, before the "
                            "checkpoint `if` (3.0.6 moved it after): primary right after log_step (image of the "
                            "previous sibling); also accepted at the end of the loop body after the whole "
                            "checkpoint `if` (the probe is last in the loop in the newest version); info['step'] "
                            "is the same at both places"})) for v in (0, 1)] +
                [(v, ("after", "log_step(info")) for v in range(2, 7)]),
        },
        "checkpoint_dir": {
            "text": 'flor.log("checkpoint_dir", str(output_path / DIR_MODEL_LAST))',
            "intent": "directory of the checkpoint just saved after an evaluation (only when an output path is given)",
            "newest": ("after", 'info["output_path"] = str(output_path / DIR_MODEL_LAST)'),
            "versions": dict(
                [(v, ("after", "save_checkpoint(is_best_checkpoint)", {
                    "note": "before 3.0.6 info['output_path'] is not set; the probe keeps its place after "
                            "save_checkpoint(is_best_checkpoint), inside `if output_path is not None:` within "
                            "`if is_best_checkpoint is not None:`"})) for v in (0, 1)] +
                [(v, ("after", 'info["output_path"] = str(output_path / DIR_MODEL_LAST)')) for v in range(2, 7)]),
        },
        "initial_lr": {
            "text": 'flor.log("initial_lr", optimizer.learn_rate)',
            "intent": "learning rate before training starts, after the pipeline/frozen/annotating messages",
            "newest": ("after", "if annotating_components:"),
            "versions": dict(
                [(v, ("after", "if frozen_components:", {
                    "note": "no annotating_components before 3.1: after the `if frozen_components:` message "
                            "block (the previous statement that exists), before the initial learn rate message; "
                            "not inside the if"})) for v in (0, 1, 2)] +
                [(v, ("after", "if annotating_components:")) for v in range(3, 7)]),
        },
    },
}
