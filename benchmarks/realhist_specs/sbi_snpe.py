# sbi sbi/inference/trainers/npe/npe_base.py, before 0.23 sbi/inference/snpe/snpe_base.py
# (PosteriorEstimatorTrainer.train; PosteriorEstimator._train before 0.14), PyPI 0.8.0 .. 0.25.0 (v00 .. v10).
# Round 16, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "sbi_snpe" / "versions.json").read_text())
# versions.json names the newest path for every release; v00 .. v09 (0.8.0 .. 0.22.0) are snpe_base.py.
_V = [s.replace("sbi/inference/trainers/npe/npe_base.py", "sbi/inference/snpe/snpe_base.py") if i < 9 else s
      for i, s in enumerate(_V)]
OLDER = range(10)
# v00-v04 (0.8 .. 0.12): PosteriorEstimator._train(), called per round from __call__; the net is self._posterior.net, built
#   in __init__ (v00) or __call__ (v01-v04); local `optimizer` and `epoch`; batch loss `batch_loss`.
#   v00 still has a `batch_size` parameter and resets the net + optimizer under
#   `if retrain_from_scratch_each_round and round_ > 0:` after creating the optimizer.
# v05 (0.14): public train(); builds self._neural_net itself (before the data split and loaders); still local
#   optimizer/epoch.
# v06 (0.15): self.optimizer / self.epoch created under `if not resume_training:`; net built after the loaders
#   and moved with self._neural_net.to(self._device).
# v07-v09 (0.18 .. 0.22): get_dataloaders(); train_losses/train_loss split; training log-prob average; val
#   per-sample `val_losses`; epoch durations.
# v10 (0.25): log-probs replaced by losses (self._val_log_prob -> self._val_loss, sign flipped).
_OLD_TRAIN = range(5)        # PosteriorEstimator._train
_LOCAL_OPT = range(6)        # local optimizer / epoch
CASE = {
    "name": "sbi_snpe",
    "title": "sbi SNPE training loop across 0.8.0 .. 0.25.0 (_train per round -> public train() building "
             "the net (0.14) -> resumable self.optimizer/self.epoch (0.15) -> get_dataloaders, per-sample "
             "train/val losses, epoch durations (0.18) -> log-probs replaced by losses (0.25))",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", training_batch_size)',
            "intent": "requested training batch size, once the data loaders exist",
            "newest": ("after", "train_loader, val_loader = self.get_dataloaders("),
            "versions": dict(
                [(0, ("after", "val_loader = data.DataLoader(", {
                    "renames": {"training_batch_size": "batch_size"},
                    "note": "0.8.0 names the parameter batch_size; loaders are built inline, the probe follows "
                            "the last one (validation loader)"}))] +
                [(v, ("after", "val_loader = data.DataLoader(", {
                    "note": "loaders built inline before get_dataloaders() exists: after the validation loader"}))
                 for v in range(1, 7)] +
                [(v, ("after", "train_loader, val_loader = self.get_dataloaders(")) for v in range(7, 10)]),
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in self._neural_net.parameters()))',
            "intent": "size of the density estimator once it is built and on the device, before the optimizer",
            "newest": ("after", "self._neural_net.to(self._device)"),
            "versions": dict(
                [(0, ("after", "if retrain_from_scratch_each_round and round_ > 0:", {
                    "renames": {"self._neural_net": "self._posterior.net"},
                    "alt": [("after", "val_loader = data.DataLoader(",
                             {"renames": {"self._neural_net": "self._posterior.net"}})],
                    "note": "0.8.0 trains self._posterior.net (the net exists from __init__); the only net "
                            "(re)build inside _train is the retrain-from-scratch reset, which comes after the "
                            "first optimizer is created and re-creates it. After that reset (net final) or "
                            "after the loaders and before the first optimizer (order kept) are both accepted"}))] +
                [(v, ("after", "val_loader = data.DataLoader(", {
                    "renames": {"self._neural_net": "self._posterior.net"},
                    "note": "_train trains self._posterior.net, built in __call__ before _train runs: after the "
                            "loaders, before the optimizer is created"})) for v in range(1, 5)] +
                [(5, ("after", "val_loader = data.DataLoader(", {
                    "note": "0.14 builds the net before the data split/loaders and has no .to(device): the "
                            "place after the loaders and before the optimizer keeps the probe after both "
                            "the net build and the loaders, as in the newest version"}))] +
                [(6, ("after", "self._neural_net.to(self._device)"))] +
                [(v, ("before", "if not resume_training:", {
                    "note": "0.18-0.22 also move the net inside the build `if` (data already on the device); "
                            "the probe follows the unconditional move after that `if`"})) for v in (7, 8, 9)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of a freshly created optimizer (not when resuming)",
            "newest": ("after", "self.epoch, self._val_loss = 0"),
            "versions": dict(
                [(v, ("after", "epoch, self._val_log_prob = 0", {
                    "renames": {"self.optimizer": "optimizer"},
                    "note": "before 0.15 the optimizer is local and always created (no resume_training "
                            "condition): unconditional, after the epoch/best-value initialisation"
                            + ("; 0.8.0 re-creates the optimizer in the retrain-from-scratch `if` before it"
                               if v == 0 else "")}))
                 for v in _LOCAL_OPT] +
                [(v, ("after", "self.epoch, self._val_log_prob = 0", {
                    "note": "inside `if not resume_training:`; the initialisation statement still reads "
                            "self._val_log_prob = -Inf"})) for v in range(6, 10)]),
        },
        "train_batches": {
            "text": 'flor.log("train_batches", len(train_loader))',
            "intent": "number of training batches at the start of every epoch",
            "newest": ("first_in", "while self.epoch <= max_num_epochs"),
            "versions": dict(
                [(v, ("first_in", "while epoch <= max_num_epochs", {
                    "note": "epoch loop header reads the local `epoch` before 0.15"})) for v in _LOCAL_OPT] +
                [(v, ("first_in", "while self.epoch <= max_num_epochs")) for v in range(6, 10)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", train_loss.item())',
            "intent": "mean training loss of each batch, right after it is computed",
            "newest": ("after", "train_loss = torch.mean(train_losses)"),
            "versions": dict(
                [(v, ("after", "batch_loss = torch.mean(", {
                    "renames": {"train_loss": "batch_loss"},
                    "note": "before 0.18 the batch loss is `batch_loss = torch.mean(self._loss(...))` "
                            "(one statement, same value)"})) for v in range(7)] +
                [(v, ("after", "train_loss = torch.mean(train_losses)")) for v in range(7, 10)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", self.epoch)',
            "intent": "epoch counter right after it is advanced, once the training batches are done",
            "newest": ("after", "self.epoch += 1"),
            "versions": dict(
                [(v, ("after", "epoch += 1", {"renames": {"self.epoch": "epoch"}})) for v in _LOCAL_OPT] +
                [(v, ("after", "self.epoch += 1")) for v in range(6, 10)]),
        },
        "val_batch_loss": {
            "text": 'flor.log("val_batch_loss", val_losses.mean().item())',
            "intent": "mean validation loss of each validation batch",
            "newest": ("after", "val_losses = self._loss("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.18 the validation batch computes `batch_log_prob = -self._loss(...)`, the "
                      "negated loss; `val_losses` does not exist and logging -batch_log_prob would be a "
                      "substituted expression, not a rename", {"scope": "_train" if v < 5 else "train"}))
                 for v in range(7)] +
                [(v, ("after", "val_losses = self._loss(", {
                    "note": "0.18-0.22 compute the same per-sample losses and subtract them from a log-prob "
                            "sum afterwards"})) for v in range(7, 10)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", self._val_loss)',
            "intent": "validation loss of each epoch, right after it is computed",
            "newest": ("after", "self._val_loss = val_loss_sum / ("),
            "versions": {v: ("na", "missing_dependency",
                             "before 0.25 validation is tracked as a log-probability, self._val_log_prob = "
                             "-(validation loss); mapping self._val_loss to it would log the negated value "
                             "(a substitute, not a rename)", {"scope": "_train" if v < 5 else "train"})
                         for v in OLDER},
        },
        "epochs_trained": {
            "text": 'flor.log("epochs_trained", self.epoch)',
            "intent": "number of epochs trained in this call, once the summary has been updated/printed",
            "newest": ("after", "if show_train_summary:"),
            "versions": dict(
                [(v, ("after", 'self._summary["best_validation_log_probs"].append(', {
                    "renames": {"self.epoch": "epoch"},
                    "note": "_train has no summary print (the round summary is printed in __call__, where "
                            "`epoch` is not visible): the probe goes after the last summary update, the end "
                            "of _train"})) for v in _OLD_TRAIN] +
                [(5, ("after", "if show_train_summary:", {
                    "renames": {"self.epoch": "epoch"},
                    "note": "after the whole `if show_train_summary:` block, not inside it"}))] +
                [(v, ("after", "if show_train_summary:", {
                    "note": "after the whole `if show_train_summary:` block, not inside it"})) for v in range(6, 10)]),
        },
    },
}
