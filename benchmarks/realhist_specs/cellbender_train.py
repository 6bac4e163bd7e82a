# cellbender cellbender/remove_background/train.py (run_training / train_epoch / evaluate_epoch), PyPI 0.2.0 .. 0.4.0 (v00 .. v04).
# Round 24, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "cellbender_train" / "versions.json").read_text())
OLD = (0, 1)        # 0.2.0 / 0.2.1: no checkpoints, no LR record, test skip by `continue`, run_inference in this file
NEW = (2, 3)        # 0.3.0 / 0.3.2: the newest structure (0.3.0 still keeps a local test_elbo list)
_LOOP = {"within": "for epoch in range("}
CASE = {
    "name": "cellbender_train",
    "title": "cellbender remove-background SVI training across 0.2.0 .. 0.4.0 (conditional LR scheduler "
             "steps, resumable start_epoch, learning-rate record, `if model is not None` loss record, test block "
             "under an if instead of `continue`, ELBO spike / final checks, periodic checkpoints)",
    "stories": _V,
    "probes": {
        "batch_lr": {
            "text": 'flor.log("batch_lr", list(svi.optim.optim_objs.values())[0].get_last_lr()[0])',
            "intent": "learning rate after each per-minibatch scheduler step",
            "newest": ("after", "svi.optim.step()"),
            "versions": dict(
                [(v, ("after", "svi.optim.step(epoch=epoch)", {
                    "note": "0.2.x always pass a OneCycleLR scheduler and step it unconditionally right after "
                            "svi.step (before the normalizer update): no is_scheduler condition exists, so "
                            "unconditional, right after the scheduler step"})) for v in OLD] +
                [(v, ("after", "svi.optim.step()")) for v in NEW]),
        },
        "n_train": {
            "text": 'flor.log("n_train", normalizer_train)',
            "intent": "number of training cells seen in the epoch, at the end of train_epoch (after the LR debug log)",
            "newest": ("after", "if is_scheduler(svi.optim):", {"n": 2, "of": 2}),
            "versions": dict(
                [(v, ("after", "total_epoch_loss_train = epoch_loss / normalizer_train", {
                    "note": "0.2.x have no post-loop scheduler debug block: after the loss normalisation, "
                            "before the return"})) for v in OLD] +
                [(v, ("after", "if is_scheduler(svi.optim):", {"n": 2, "of": 2})) for v in NEW]),
        },
        "eval_loss": {
            "text": 'flor.log("eval_loss", total_epoch_loss_test)',
            "intent": "normalised test loss computed by evaluate_epoch (after the whole if/else)",
            "newest": ("after", "if normalizer_test > 0:"),
            "versions": {v: ("after", "if normalizer_test > 0:") for v in OLD + NEW},
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch number at the start of every epoch",
            "newest": ("first_in", "for epoch in range("),
            "versions": {v: ("first_in", "for epoch in range(", {
                "note": "0.2.x loop over range(1, epochs + 1) and start with the timing if"} if v in OLD else {})
                for v in OLD + NEW},
        },
        "lr": {
            "text": 'flor.log("lr", last_learning_rate)',
            "intent": "learning rate recorded at the end of every training epoch",
            "newest": ("after", "lr.append(last_learning_rate)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.2.x do not read the learning rate in run_training (no last_learning_rate, no lr list)",
                      {"scope": "run_training"})) for v in OLD] +
                [(v, ("after", "lr.append(last_learning_rate)")) for v in NEW]),
        },
        "train_elbo": {
            "text": 'flor.log("train_elbo", model.loss["train"]["elbo"][-1])',
            "intent": "training ELBO of the epoch, once it has been recorded in model.loss (after the whole "
                      "`if model is not None:` block)",
            "newest": ("after", "if model is not None:"),
            "versions": dict(
                [(v, ("after", "model.loss['train']['elbo'].append(", {
                    "note": "0.2.x record the train loss unconditionally (no `if model is not None:`): after "
                            "the last of the two appends"})) for v in OLD] +
                [(v, ("after", "if model is not None:")) for v in NEW]),
        },
        "test_elbo": {
            "text": 'flor.log("test_elbo", -total_epoch_loss_test)',
            "intent": "test ELBO of each test epoch, right after it is logged (before the spike check)",
            "newest": ("after", 'logger.info("[epoch %03d] average test loss'),
            "versions": dict(
                [(v, ("after", 'logging.info("[epoch %03d] average test loss', {
                    "note": "0.2.x skip the test with `if len(test_loader) == 0: continue` instead of an "
                            "enclosing if; the place is inside `if epoch % test_freq == 0:` after the log "
                            "(in 0.2.1 before the epoch_elbo_fail_fraction check)"})) for v in OLD] +
                [(v, ("after", 'logger.info("[epoch %03d] average test loss')) for v in NEW]),
        },
        "test_evals": {
            "text": 'flor.log("test_evals", len(model.loss["test"]["epoch"]))',
            "intent": "number of test evaluations so far, every epoch, after the whole test block",
            "newest": ("after", "if (test_loader is not None) and (len(test_loader) > 0):"),
            "versions": dict(
                [(v, ("after", "if epoch % test_freq == 0:", {
                    "note": "0.2.x: the image of the test block is `if len(test_loader) == 0: continue` plus "
                            "`if epoch % test_freq == 0:`; after the latter, i.e. last in the epoch loop (the "
                            "`continue` skips it when there is no test data, no closer place: before the "
                            "`continue` check would observe the count before this epoch's evaluation)"}))
                 for v in OLD] +
                [(v, ("after", "if (test_loader is not None) and (len(test_loader) > 0):")) for v in NEW]),
        },
        "ckpt_epoch": {
            "text": 'flor.log("ckpt_epoch", epoch)',
            "intent": "epoch at which a periodic / final checkpoint is written (inside the checkpoint if)",
            "newest": ("after", "save_checkpoint(", _LOOP),
            "versions": dict(
                [(v, ("na", "no_anchor", "0.2.x write no checkpoints", {"scope": "run_training"})) for v in OLD] +
                [(v, ("after", "save_checkpoint(", _LOOP)) for v in NEW]),
        },
        "best_test_elbo": {
            "text": 'flor.log("best_test_elbo", best_test_elbo)',
            "intent": "best test ELBO when the final-ELBO check runs inside the try, after the epoch loop",
            "newest": ("after", "best_test_elbo = max(", {"within": "if final_elbo_fail_fraction is not None:"}),
            "versions": {
                0: ("na", "missing_dependency", "0.2.0 has no final ELBO check: best_test_elbo is never computed",
                    {"scope": "run_training"}),
                1: ("after", "best_test_elbo = max(test_elbo)", {
                    "note": "0.2.1 runs its final check inside the try after the loop under "
                            "`if succeeded and final_elbo_fail_fraction is not None and len(test_elbo) > 1:` "
                            "(the equivalent condition): right after best_test_elbo"}),
                2: ("after", "best_test_elbo = max(", {"within": "if final_elbo_fail_fraction is not None:",
                    "note": "the second best_test_elbo (final check after the try) is not the place"}),
                3: ("after", "best_test_elbo = max(", {"within": "if final_elbo_fail_fraction is not None:"}),
            },
        },
    },
}
