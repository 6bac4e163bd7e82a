# mbrl mbrl/models/model_trainer.py (ModelTrainer.train / ModelTrainer.evaluate), PyPI 0.1.1 .. 0.2.0 (v00 .. v04).
# Round 20, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mbrl_model_trainer" / "versions.json").read_text())
OLDER = range(4)
_PLAIN = (0, 1)    # 0.1.1, 0.1.2: model.update()/eval_score() return the loss/score alone, no batch_callback
_META = (2, 3)     # 0.1.3, 0.1.4: loss_and_maybe_meta / batch_score_and_maybe_meta unpacked by an if/else
_EPOCH = {"within": "for epoch in epoch_iter"}
CASE = {
    "name": "mbrl_model_trainer",
    "title": "mbrl-lib ModelTrainer.train/evaluate across 0.1.1 .. 0.2.0 (improvement_threshold, batch_callback "
             "and (loss, meta) tuples unpacked by an if/else, evaluate=False flag wrapping the validation block, "
             "tqdm + direct tuple unpacking, torch.cat moved into try/except)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch index at the start of every epoch, once the per-epoch batch callback is set up",
            "newest": ("after", "if batch_callback:", _EPOCH),
            "versions": dict(
                [(v, ("first_in", "for epoch in epoch_iter:", {
                    "note": "no batch_callback before 0.1.3: the probe keeps its place before "
                            "`batch_losses: List[float] = []`, i.e. first in the epoch loop"})) for v in _PLAIN] +
                [(v, ("after", "if batch_callback:", _EPOCH)) for v in _META]),
        },
        "train_meta": {
            "text": 'flor.log("train_meta", meta)',
            "intent": "metadata dict returned by model.update() for every training batch",
            "newest": ("after", "loss, meta = self.model.update(batch, self.optimizer)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.1.3 model.update() returns the loss only; no `meta` exists",
                      {"scope": "train"})) for v in _PLAIN] +
                [(v, ("after", "if isinstance(loss_and_maybe_meta, tuple):", {
                    "note": "0.1.3/0.1.4 unpack `loss_and_maybe_meta` with an if/else that binds loss and meta in "
                            "both branches (meta = None in the deprecated one): the whole if/else is the image of "
                            "`loss, meta = ...`, so the probe goes after it, unconditional"})) for v in _META]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate at the end of every training batch, after the batch callback",
            "newest": ("after", "if batch_callback_epoch:"),
            "versions": dict(
                [(v, ("after", "batch_losses.append(loss)", {
                    "note": "no batch callback before 0.1.3: the last statement of the batch loop is the append"}))
                 for v in _PLAIN] +
                [(v, ("after", "if batch_callback_epoch:")) for v in _META]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", total_avg_loss)',
            "intent": "mean training loss of the epoch",
            "newest": ("after", "training_losses.append(total_avg_loss)"),
            "versions": {v: ("after", "training_losses.append(total_avg_loss)") for v in OLDER},
        },
        "epochs_since_update": {
            "text": 'flor.log("epochs_since_update", epochs_since_update)',
            "intent": "patience counter after the best-weights check of every epoch",
            "newest": ("after", "if maybe_best_weights:"),
            "versions": {v: ("after", "if maybe_best_weights:", {
                "note": "after the whole if/else; before 0.1.4 there is no `if evaluate:` around the validation "
                        "block, so the probe sits directly in the epoch loop (unconditional equivalent)"}
                if v < 3 else {"note": "inside `if evaluate:`, after the whole if/else"}) for v in OLDER},
        },
        "val_score": {
            "text": 'flor.log("val_score", model_val_score)',
            "intent": "mean validation score of the epoch (0 when evaluation is off), after the validation block",
            "newest": ("after", "if evaluate:", {"n": 1, "of": 2}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "`model_val_score` is introduced with the evaluate flag in 0.1.4; older versions pass "
                      "`eval_score.mean()` inline to the logger, an expression, not a renamed variable",
                      {"scope": "train"})) for v in (0, 1, 2)] +
                [(3, ("after", "if evaluate:", {"n": 1, "of": 2,
                                                "note": "after the whole validation `if evaluate:` block"}))]),
        },
        "best_val_score": {
            "text": 'flor.log("best_val_score", best_val_score.mean().item())',
            "intent": "best validation score once the epoch loop is over, right before the best weights are restored",
            "newest": ("before", "self._maybe_set_best_weights_and_elite("),
            "versions": {v: ("before", "self._maybe_set_best_weights_and_elite(", {
                "note": "before 0.1.4 the call is unconditional (no `if evaluate:`): the probe goes right before it, "
                        "after the epoch loop"} if v < 3 else {}) for v in OLDER},
        },
        "eval_batch_score": {
            "text": 'flor.log("eval_batch_score", batch_score.mean().item())',
            "intent": "score of every evaluation batch, right after model.eval_score()",
            "newest": ("after", "batch_score, meta = self.model.eval_score(batch)"),
            "versions": dict(
                [(v, ("after", "avg_batch_score = self.model.eval_score(batch)", {
                    "renames": {"batch_score": "avg_batch_score"},
                    "note": "0.1.1/0.1.2 name the per-batch score `avg_batch_score`"})) for v in _PLAIN] +
                [(v, ("after", "if isinstance(batch_score_and_maybe_meta, tuple):", {
                    "note": "after the whole if/else that binds batch_score (and meta) in both branches"}))
                 for v in _META]),
        },
        "n_eval_batches": {
            "text": 'flor.log("n_eval_batches", len(batch_scores_list))',
            "intent": "number of evaluation batches, once the scores are concatenated",
            "newest": ("after", "try:"),
            "versions": {v: ("after", "batch_scores = torch.cat(", {
                "note": "before 0.2.0 the torch.cat is not wrapped in try/except: after the plain statement "
                        "(its text also changes axis= -> dim= in 0.1.3)"}) for v in OLDER},
        },
        "eval_scores": {
            "text": 'flor.log("eval_scores", batch_scores)',
            "intent": "per-member mean evaluation score returned by evaluate()",
            "newest": ("after", "batch_scores = batch_scores.mean("),
            "versions": {v: ("after", "batch_scores = batch_scores.mean(", {
                "note": "`.mean(axis=mean_axis)` before 0.1.3, `.mean(dim=mean_axis)` after: same statement"}
                if v < 2 else {}) for v in OLDER},
        },
    },
}
