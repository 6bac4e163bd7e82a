# torch-rechub torch_rechub/trainers/mtl_trainer.py (MTLTrainer.__init__ / train_one_epoch / fit), PyPI 0.0.1 .. 0.9.0 (v00 .. v05).
# Round 20, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "rechub_trainer" / "versions.json").read_text())
OLDER = range(5)
# v00 0.0.1: single optimizer step; fit() moves the model to the device; best model saved inside the early-stop branch
# v01 0.0.2: MetaBalance branch (if metabalance / else around the optimizer step)
# v02 0.0.3: GradNorm elif with weight renormalisation; model.to moved into __init__; train_one_epoch returns the
#            per-task epoch losses, fit(mode, seed) collects total_log and saves once after the epoch loop
# v03 0.0.4: regularisation loss added to the loss
# v04 0.0.6: model_logger: per-epoch `logs` dict, lr_value, `for task_id, score in enumerate(scores)`, logs['auc']
# v05 0.9.0: earlystop_mode; the early-stop message says "best score" instead of "best auc"
_TRAIN = {"within": "def train_one_epoch("}
_FIT = {"within": "def fit("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "rechub_trainer",
    "title": "torch-rechub MTLTrainer across 0.0.1 .. 0.9.0 (MetaBalance branch, GradNorm elif, model.to moved "
             "from fit() into __init__, per-epoch loss lists and total_log, checkpoint saved after the loop, "
             "regularisation loss, model loggers with a per-epoch logs dict)",
    "stories": _V,
    "probes": {
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "total training loss of each batch, after the optimizer step (whichever adaptive method ran)",
            "newest": ("after", "if self.adaptive_method == 'metabalance':", _TRAIN),
            "versions": dict(
                [(0, ("after", "self.optimizer.step()", _w(_TRAIN, note=(
                    "0.0.1 has no metabalance/gradnorm branching: the three unconditional statements "
                    "zero_grad/backward/step are the image of the newest if/elif/else; after the step, before "
                    "total_loss += ..."))))] +
                [(v, ("after", "if self.adaptive_method == 'metabalance':", _w(_TRAIN, note=(
                    "after the whole if/(elif)/else, not inside its else branch")))) for v in range(1, 5)]),
        },
        "reg_loss": {
            "text": 'flor.log("reg_loss", reg_loss.item())',
            "intent": "regularisation loss of each batch, right after it is computed",
            "newest": ("after", "reg_loss = self.reg_loss_fn(self.model)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no regularisation loss before 0.0.4: reg_loss / self.reg_loss_fn do not exist",
                      {"scope": "train_one_epoch"})) for v in range(3)] +
                [(v, ("after", "reg_loss = self.reg_loss_fn(self.model)")) for v in (3, 4)]),
        },
        "gradnorm_weights": {
            "text": 'flor.log("gradnorm_weights", [w.item() for w in self.loss_weight])',
            "intent": "GradNorm task weights of each batch after their renormalisation (gradnorm branch only)",
            "newest": ("after", "for w in self.loss_weight:", _TRAIN),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "no GradNorm branch before 0.0.3; self.loss_weight exists (uwl) but there is no "
                      "renormalisation step and no gradnorm condition to keep the probe under",
                      {"scope": "train_one_epoch"})) for v in (0, 1)] +
                [(v, ("after", "for w in self.loss_weight:", _TRAIN)) for v in range(2, 5)]),
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in self.model.parameters()))',
            "intent": "number of model parameters once the model is wrapped and moved to its device",
            "newest": ("after", "self.model.to(self.device)"),
            "versions": dict(
                [(v, ("after", "self.model.to(self.device)", {
                    "alt": [("after", "if len(gpus) > 1:")],
                    "note": "before 0.0.3 the model is moved to the device at the start of fit(), not in "
                            "__init__: rule 1 puts the probe after that statement in fit(); the parameter count "
                            "does not depend on the device, so the end of the __init__ model setup (after the "
                            "DataParallel `if`, before self.model_path) is accepted too"})) for v in (0, 1)] +
                [(v, ("after", "self.model.to(self.device)")) for v in range(2, 5)]),
        },
        "epoch_task_losses": {
            "text": 'flor.log("epoch_task_losses", list(_log_per_epoch))',
            "intent": "per-task mean training losses returned by train_one_epoch, at each epoch",
            "newest": ("after", "_log_per_epoch = self.train_one_epoch(train_dataloader)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.0.3 train_one_epoch returns nothing and fit() calls it as a bare expression: "
                      "_log_per_epoch does not exist (the losses are only printed inside train_one_epoch)",
                      {"scope": "fit"})) for v in (0, 1)] +
                [(v, ("after", "_log_per_epoch = self.train_one_epoch(train_dataloader)")) for v in range(2, 5)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the (optional) scheduler step of each epoch",
            "newest": ("after", "if self.scheduler is not None:", _FIT),
            "versions": {v: ("after", "if self.scheduler is not None:", _w(_FIT, note=(
                "after the whole scheduler `if`, not inside it"))) for v in OLDER},
        },
        "val_auc": {
            "text": 'flor.log("val_auc", scores[self.earlystop_taskid])',
            "intent": "validation score of the early-stopping task at each epoch, once all per-task scores are collected",
            "newest": ("after", "logs['auc'] = scores[self.earlystop_taskid]"),
            "versions": dict(
                [(v, ("after", "print('epoch:', epoch_i, 'validation scores: ', scores)", {
                    "note": "no logs dict and no per-score loop before 0.0.3: after the validation print, "
                            "before the early-stop check (rule 2)"})) for v in (0, 1)] +
                [(v, ("after", "for score in scores:", {
                    "note": "no logs dict before 0.0.6: after the per-score loop (the logs['auc'] assignment "
                            "follows that loop in the newest version), before total_log.append"})) for v in (2, 3)] +
                [(4, ("after", "logs['auc'] = scores[self.earlystop_taskid]"))]),
        },
        "val_score": {
            "text": 'flor.log("val_score", score)',
            "intent": "each task's validation score as it is appended to the epoch log",
            "newest": ("after", "_log_per_epoch.append(score)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.0.3 there is no per-score loop (scores is only printed): `score` is not bound",
                      {"scope": "fit"})) for v in (0, 1)] +
                [(v, ("after", "_log_per_epoch.append(score)", {
                    "note": "the loop is `for score in scores:` before 0.0.6 (no task_id); same place"}))
                 for v in (2, 3)] +
                [(4, ("after", "_log_per_epoch.append(score)"))]),
        },
        "best_score": {
            "text": 'flor.log("best_score", self.early_stopper.best_auc)',
            "intent": "best validation score when early stopping triggers, right after it is reported",
            "newest": ("after", "print('validation best score of main task"),
            "versions": {v: ("after", "print('validation best auc of main task", {
                "note": "the message reads 'best auc' before 0.9.0 (split over two lines in 0.0.2/0.0.3): same "
                        "statement; in 0.0.1/0.0.2 the branch also saves the model after load_state_dict"})
                for v in OLDER},
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", os.path.join(self.model_path, "model_{}_{}.pth".format(mode, seed)))',
            "intent": "path of the model file saved at the end of fit()",
            "newest": ("after", "torch.save(self.model.state_dict(), os.path.join(self.model_path, \"model_{}_{}.pth\""),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.0.3 fit() has no mode/seed arguments and saves \"model.pth\" only inside the "
                      "early-stop branch; logging that fixed path would substitute a value, not rename one",
                      {"scope": "fit"})) for v in (0, 1)] +
                [(v, ("after", "torch.save(self.model.state_dict(), os.path.join(self.model_path, \"model_{}_{}.pth\""))
                 for v in range(2, 5)]),
        },
    },
}
