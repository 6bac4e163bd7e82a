# cogdl cogdl/tasks/node_classification.py (NodeClassification.train / _train_step / inference), PyPI 0.1.1 .. 0.4.1 (v00 .. v05).
# Round 22, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "cogdl_node_classification" / "versions.json").read_text())
# v00 0.1.1: one full-batch epoch loop in train(), no trainer; early stopping restores best_model inside the
#            patience branch.
# v01 0.1.2: `if self.trainer: ... else:` -- the epoch loop moves into the else branch (no external trainer),
#            "Valid accuracy" print + `self.model = best_model` after the loop.
# v02 0.2.0: SAINTTrainer special case in the trainer branch; node_classification_loss.
# v03 0.3.0: evaluator/loss_fn, `val_loss.cpu()`, simplified trainer branch.
# v04 0.4.0: `if self.infer:` inference mode with inference() saving predictions; one _test_step() call returns
#            dicts (acc, losses) unpacked into train_acc / val_acc / val_loss; grad clipping in _train_step.
# v05 0.4.1: best model chosen by val_acc (`if val_acc >= best_score:`), best_loss gone; final eval with
#            post-processing returns one dict unpacked into val_acc, test_acc.
ALL_OLD = range(5)
_LOOP = {"within": "for epoch in epoch_iter:"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "cogdl_node_classification",
    "title": "cogdl NodeClassification task train loop across 0.1.1 .. 0.4.1 (loop moved under a no-trainer else "
             "branch, dict-returning _test_step, inference mode, grad clipping, best model by val_acc)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch counter at the start of every epoch",
            "newest": ("first_in", "for epoch in epoch_iter:"),
            "versions": {v: ("first_in", "for epoch in epoch_iter:") for v in ALL_OLD},
        },
        "train_acc": {
            "text": 'flor.log("train_acc", train_acc)',
            "intent": "training accuracy of the epoch, right after it is obtained",
            "newest": ("after", 'train_acc = acc["train"]'),
            "versions": dict(
                [(v, ("after", 'train_acc, _ = self._test_step(split="train")', {
                    "note": "before 0.4.0 train_acc comes from its own _test_step(split='train') call, before "
                            "val_acc/val_loss are computed; the probe reads only train_acc"}))
                 for v in range(4)] +
                [(4, ("after", 'train_acc = acc["train"]'))]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "validation loss of the epoch, right after it is obtained",
            "newest": ("after", 'val_loss = losses["val"]'),
            "versions": dict(
                [(v, ("after", 'val_acc, val_loss = self._test_step(split="val")'))
                 for v in range(4)] +
                [(4, ("after", 'val_loss = losses["val"]'))]),
        },
        "best_score": {
            "text": 'flor.log("best_score", best_score)',
            "intent": "best validation accuracy whenever a new best model is kept",
            "newest": ("after", "best_model = copy.deepcopy(self.model)", {"within": "if val_acc >= best_score:"}),
            "versions": {v: ("after", "best_model = copy.deepcopy(self.model)", {
                "within": "if val_loss <= best_loss:",
                "note": "before 0.4.1 the new-best branch is `if val_loss <= best_loss:` (best by val loss) "
                        "instead of `if val_acc >= best_score:`; same role (the branch that updates best_score "
                        "and copies best_model), so the probe goes under it"}) for v in ALL_OLD},
        },
        "patience": {
            "text": 'flor.log("patience", patience)',
            "intent": "epochs without improvement, each time it grows",
            "newest": ("after", "patience += 1"),
            "versions": {v: ("after", "patience += 1") for v in ALL_OLD},
        },
        "min_loss": {
            "text": 'flor.log("min_loss", min_loss)',
            "intent": "lowest validation loss so far, at the end of every epoch (after the improve/patience if/else)",
            "newest": ("after", "if val_loss <= min_loss or val_acc >= best_score:"),
            "versions": {v: ("after", "if val_loss <= min_loss or val_acc >= max_score:", {
                "note": "the whole if/else is the previous sibling (its else may break); the condition's second "
                        "half compares against max_score before 0.4.1"}) for v in ALL_OLD},
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate used by the step, after gradient clipping and before optimizer.step()",
            "newest": ("after", "torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5)"),
            "versions": dict(
                [(v, ("after", "self.model.loss(self.data).backward()", {
                    "note": "no grad clipping before 0.4.0: between backward() and optimizer.step()"}))
                 for v in (0, 1)] +
                [(v, ("after", "self.model.node_classification_loss(self.data).backward()", {
                    "note": "no grad clipping before 0.4.0: between backward() and optimizer.step()"}))
                 for v in (2, 3)] +
                [(4, ("after", "torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5)"))]),
        },
        "val_best": {
            "text": 'flor.log("val_best", best_score)',
            "intent": "best validation accuracy after the task's own epoch loop, once best_model is restored",
            "newest": ("after", "self.model = best_model"),
            "versions": dict(
                [(0, ("after", "for epoch in epoch_iter:", {
                    "note": "0.1.1 has no trainer branch and restores best_model only inside the patience "
                            "break; the place is right after the epoch loop, unconditionally (not in the "
                            "patience branch)"}))] +
                [(v, ("after", "self.model = best_model")) for v in range(1, 5)]),
        },
        "test_acc": {
            "text": 'flor.log("test_acc", test_acc)',
            "intent": "final test accuracy, right after the final evaluation",
            "newest": ("after", 'val_acc, test_acc = acc["val"], acc["test"]'),
            "versions": {v: ("after", 'val_acc, _ = self._test_step(split="val")', {
                "alt": [("after", 'test_acc, _ = self._test_step(split="test")')],
                "note": "before 0.4.1 the final evaluation is two calls (test, then val) where 0.4.1 has one "
                        "call unpacked into val_acc, test_acc; after either of them (both before the print) "
                        "is right"}) for v in ALL_OLD},
        },
        "pred_path": {
            "text": 'flor.log("pred_path", key)',
            "intent": "path of the saved predictions in inference mode",
            "newest": ("after", "torch.save(logits, key)"),
            "versions": dict(
                [(v, ("na", "no_anchor", "no inference mode / inference() before 0.4.0: predictions are never "
                                         "saved")) for v in range(4)] +
                [(4, ("after", "torch.save(logits, key)"))]),
        },
    },
}
