# torchensemble torchensemble/voting.py (_parallel_fit_per_epoch, VotingClassifier.fit, VotingRegressor.fit), PyPI 0.1.0 .. 0.2.0 (v00 .. v07).
# Round 17, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "torchensemble_voting" / "versions.json").read_text())
OLDER = range(7)
# v00 0.1.0, v01 0.1.2 (black reformat), v02 0.1.3 (BaseClassifier, tb_logger, evaluate()), v03 0.1.4,
# v04 0.1.5 (batches as `elem` + io.split_data_target, estimator(*data)), v05 0.1.7 (self._criterion,
# regressor mse/best_mse -> val_loss/best_loss), v06 0.1.8/0.1.9 (NeuralForest* subclasses),
# v07 0.2.0 (workers return the loss, `losses` list, ReduceLROnPlateau, per-epoch save in an
# `else:` branch when there is no validation, replacing the one save after the epoch loop).
# VotingClassifier.fit and VotingRegressor.fit are near-identical: every fit() anchor names its class.
_CLF = {"within": "class VotingClassifier("}
_REG = {"within": "class VotingRegressor("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "torchensemble_voting",
    "title": "torchensemble voting ensembles (joblib-parallel per-estimator epochs) across 0.1.0 .. 0.2.0 "
             "(criterion -> self._criterion, mse -> val_loss, (data, target) -> elem + split_data_target, "
             "tb_logger, per-epoch loss list and ReduceLROnPlateau, no-validation save moved into the epoch loop)",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "size of each training batch of a base estimator, once it is computed",
            "newest": ("after", "batch_size = data[0].size(0)"),
            "versions": dict(
                [(v, ("after", "batch_size = data.size(0)", {
                    "alt": [("after", "data, target = data.to(device), target.to(device)")],
                    "note": "before 0.1.5 batch_size is computed from the tensor `data` BEFORE the device move "
                            "(`data, target = data.to(device), ...`), the newest computes it after "
                            "io.split_data_target: right after the batch_size statement, or after the move "
                            "(after both, as in the newest) -- both before optimizer.zero_grad()"}))
                 for v in range(4)] +
                [(v, ("after", "batch_size = data[0].size(0)")) for v in range(4, 7)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "training loss of each batch of a base estimator, after backward",
            "newest": ("after", "loss.backward()"),
            "versions": {v: ("after", "loss.backward()") for v in OLDER},
        },
        "criterion": {
            "text": 'flor.log("criterion", type(self._criterion).__name__)',
            "intent": "training criterion of the regressor, once it is settled (default MSELoss)",
            "newest": ("after", 'if not hasattr(self, "_criterion"):', _REG),
            "versions": dict(
                [(v, ("after", "criterion = nn.MSELoss()", _w(_REG, n=1, of=2, **{
                    "renames": {"self._criterion": "criterion"},
                    "note": "before 0.1.7 fit() builds a local `criterion = nn.MSELoss()` under `# Utils` (and passes "
                            "it to the workers where 0.1.7 passes self._criterion): rename, right after it; the "
                            "second `criterion = nn.MSELoss()` is in VotingRegressor.predict"})))
                 for v in (0, 1)] +
                [(v, ("after", "criterion = nn.MSELoss()", _w(_REG, **{
                    "renames": {"self._criterion": "criterion"}})))
                 for v in (2, 3, 4)] +
                [(v, ("after", 'if not hasattr(self, "_criterion"):', _REG)) for v in (5, 6)]),
        },
        "cur_lr": {
            "text": 'flor.log("cur_lr", cur_lr)',
            "intent": "learning rate handed to the workers at the start of each epoch (None without a scheduler)",
            "newest": ("after", "if self.use_scheduler_:", _w(_CLF, n=2, of=3)),
            "versions": {v: ("after", "if self.use_scheduler_:", _w(_CLF, n=2, of=3, **{
                "note": "after the whole `if self.use_scheduler_: ... else: cur_lr = None` (not in the else branch); "
                        "before 0.2.0 the if branch has no nested ReduceLROnPlateau if/else"}))
                for v in OLDER},
        },
        "train_loss": {
            "text": 'flor.log("train_loss", torch.mean(torch.tensor(losses)).item())',
            "intent": "mean of the last-batch losses returned by the workers, each epoch, once collected",
            "newest": ("after", "for estimator, optimizer, loss in rets:", _CLF),
            "versions": {v: ("na", "missing_dependency",
                             "before 0.2.0 _parallel_fit_per_epoch returns (estimator, optimizer) only; fit() "
                             "collects no losses and no loss is bound in fit()", {"scope": "fit"})
                         for v in OLDER},
        },
        "best_acc": {
            "text": 'flor.log("best_acc", best_acc)',
            "intent": "best validation accuracy so far, at the end of each validation (after its logging)",
            "newest": ("after", "if self.tb_logger:", _CLF),
            "versions": dict(
                [(v, ("after", "self.logger.info(msg.format(epoch, acc, best_acc))", _w(_CLF, **{
                    "note": "no tb_logger before 0.1.3: after the validation log line, last in the "
                            "`with torch.no_grad():` block"}))) for v in (0, 1)] +
                [(v, ("after", "if self.tb_logger:", _w(_CLF, **{
                    "note": "after the whole `if self.tb_logger:` block"} if v == 2 else {})))
                 for v in range(2, 7)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", float(val_loss))',
            "intent": "mean validation loss of the regressor ensemble each epoch",
            "newest": ("after", "val_loss /= len(test_loader)"),
            "versions": dict(
                [(v, ("after", "mse /= len(test_loader)", {
                    "renames": {"val_loss": "mse"},
                    "note": "before 0.1.7 the regressor's validation loss is `mse` (best: best_mse)"}))
                 for v in range(5)] +
                [(v, ("after", "val_loss /= len(test_loader)")) for v in (5, 6)]),
        },
        "ckpt_epoch": {
            "text": 'flor.log("ckpt_epoch", epoch)',
            "intent": "epoch of each checkpoint written when there is no validation set (regressor)",
            "newest": ("after", "io.save(self, save_dir, self.logger)", _w(_REG, n=2, of=2)),
            "versions": {v: ("after", "io.save(self, save_dir, self.logger)", _w(_REG, n=2, of=2, **{
                "note": "before 0.2.0 the no-validation checkpoint is written once, after the epoch loop, under "
                        "`if save_model and not test_loader:` (the equivalent of `else:` + `if save_model:`): right "
                        "after that io.save; `epoch` still holds the last epoch there (not the first io.save, which "
                        "is the best-model save under validation)"}))
                for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", optimizers[0].param_groups[0]["lr"])',
            "intent": "learning rate of the first optimizer at the end of each regressor epoch, after the scheduler step",
            "newest": ("after", "with warnings.catch_warnings():", _REG),
            "versions": {v: ("after", "with warnings.catch_warnings():", _REG) for v in OLDER},
        },
    },
}
