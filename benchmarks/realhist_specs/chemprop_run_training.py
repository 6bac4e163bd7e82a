# chemprop chemprop/train/run_training.py (run_training), PyPI 1.0.2 .. 1.6.1 (v00 .. v08).
# Round 15, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "chemprop_run_training" / "versions.json").read_text())
OLDER = range(8)
_NA = lambda why: ("na", "missing_dependency", why, {"scope": "run_training"})
CASE = {
    "name": "chemprop_run_training",
    "title": "chemprop run_training() ensemble > epoch loop across 1.0.2 .. 1.6.1 (single metric -> "
             "per-metric loops over val/test/ensemble scores, avg_val_score -> mean_val_score via "
             "multitask_mean, frozen-checkpoint parameter counts, empty test set guards, atom/bond scalers)",
    "stories": _V,
    "probes": {
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in model.parameters()))',
            "intent": "total parameter count of each ensemble member, after its parameter counts are printed",
            "newest": ("before", "if args.cuda:"),
            "versions": dict(
                [(v, ("after", "debug(f'Number of parameters = {param_count(model):,}')", {
                    "note": "before 1.4.1 the parameter-count if/else over args.checkpoint_frzn is the single "
                            "statement debug(f'Number of parameters = ...'): after it, before `if args.cuda:`"}))
                 for v in range(4)] +
                [(v, ("before", "if args.cuda:", {
                    "note": "after the whole `if args.checkpoint_frzn is not None:` parameter-count if/else "
                            "(the second of the two such ifs), not inside its else branch"}))
                 for v in range(4, 8)]),
        },
        "n_iter": {
            "text": 'flor.log("n_iter", n_iter)',
            "intent": "training examples seen so far, after each epoch's train() call",
            "newest": ("after", "n_iter = train("),
            "versions": {v: ("after", "n_iter = train(") for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after each epoch's (optional) ExponentialLR step, before validation",
            "newest": ("after", "if isinstance(scheduler, ExponentialLR):"),
            "versions": {v: ("after", "if isinstance(scheduler, ExponentialLR):", {
                "note": "after the whole `if`, not inside it (the probe runs every epoch)"}) for v in OLDER},
        },
        "val_score": {
            "text": 'flor.log("val_score", mean_val_score)',
            "intent": "mean validation score of every metric, each epoch",
            "newest": ("after", "mean_val_score = multitask_mean(scores"),
            "versions": dict(
                [(0, ("after", "avg_val_score = np.nanmean(val_scores)", {
                    "renames": {"mean_val_score": "avg_val_score"},
                    "note": "1.0.2 evaluates one metric (args.metric) and has no `for metric, scores in "
                            "val_scores.items():` loop: the loop body's statements run unconditionally; the "
                            "score is avg_val_score = np.nanmean(val_scores)"}))] +
                [(v, ("after", "avg_val_score = np.nanmean(scores)", {
                    "renames": {"mean_val_score": "avg_val_score"},
                    "note": "avg_val_score = np.nanmean(scores) becomes mean_val_score = multitask_mean(...) in "
                            "1.5.2; inside the per-metric loop"})) for v in range(1, 7)] +
                [(7, ("after", "mean_val_score = multitask_mean(scores"))]),
        },
        "sel_val_score": {
            "text": 'flor.log("sel_val_score", mean_val_score)',
            "intent": "validation score of args.metric used for model selection, each epoch, before the improvement check",
            "newest": ("after", "mean_val_score = multitask_mean(val_scores[args.metric]"),
            "versions": dict(
                [(0, ("before", "if args.minimize_score and avg_val_score < best_score", {
                    "renames": {"mean_val_score": "avg_val_score"},
                    "note": "1.0.2 has no separate selection score: the one avg_val_score computed for the single "
                            "metric is the selection value. Its place keeps the position after the validation "
                            "logging (after `if args.show_individual_scores:`) and before the improvement `if`"}))] +
                [(v, ("after", "avg_val_score = np.nanmean(val_scores[args.metric])", {
                    "renames": {"mean_val_score": "avg_val_score"}})) for v in range(1, 7)] +
                [(7, ("after", "mean_val_score = multitask_mean(val_scores[args.metric]"))]),
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", best_epoch)',
            "intent": "epoch of the new best model, after its checkpoint is saved (only when validation improved)",
            "newest": ("last_in", "if args.minimize_score"),
            "versions": {v: ("last_in", "if args.minimize_score", {
                "note": "inside the improvement branch, after save_checkpoint (whose arguments change over "
                        "versions)"} if v in (0, 3, 7) else {}) for v in OLDER},
        },
        "empty_test_set": {
            "text": 'flor.log("empty_test_set", empty_test_set)',
            "intent": "whether the test evaluation of each ensemble member is skipped, right after the best model is reloaded",
            "newest": ("after", "model = load_checkpoint(os.path.join(save_dir, MODEL_FILE_NAME)"),
            "versions": dict(
                [(v, _NA("empty_test_set arrives in 1.5.2 (together with the `if empty_test_set:` guard)"))
                 for v in range(7)] +
                [(7, ("after", "model = load_checkpoint(os.path.join(save_dir, MODEL_FILE_NAME)"))]),
        },
        "test_score": {
            "text": 'flor.log("test_score", avg_test_score)',
            "intent": "mean test score of each metric for each ensemble member",
            "newest": ("after", "avg_test_score = np.nanmean(scores)"),
            "versions": dict(
                [(0, ("after", "avg_test_score = np.nanmean(test_scores)", {
                    "note": "1.0.2: one metric, no per-metric loop; unconditional (no empty-test-set guard)"}))] +
                [(v, ("after", "avg_test_score = np.nanmean(scores)", {
                    "note": "inside the per-metric test loop; no `if empty_test_set:` guard before 1.5.2, so "
                            "not under any condition"})) for v in range(1, 7)] +
                [(7, ("after", "avg_test_score = np.nanmean(scores)"))]),
        },
        "ensemble_scores": {
            "text": 'flor.log("ensemble_scores", ensemble_scores)',
            "intent": "ensemble test scores once they are known (nan placeholders for an empty test set)",
            "newest": ("before", "for metric, scores in ensemble_scores.items():"),
            "versions": dict(
                [(v, ("after", "ensemble_scores = evaluate_predictions(", {
                    "note": "1.5.2 and later set ensemble_scores in an `if empty_test_set:` if/else; before, it is "
                            "the single unconditional evaluate_predictions(...) call: after it"}))
                 for v in range(7)] +
                [(7, ("before", "for metric, scores in ensemble_scores.items():", {
                    "note": "after the whole `if empty_test_set:` if/else, not inside its else branch"}))]),
        },
    },
}
