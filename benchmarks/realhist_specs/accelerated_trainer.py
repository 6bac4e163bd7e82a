# pytorch-accelerated pytorch_accelerated/trainer.py (Trainer: _run_training, _run_train_epoch, _run_eval_epoch),
# PyPI 0.1.2 .. 0.1.61 (v00 .. v06).
# Round 8, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "accelerated_trainer" / "versions.json").read_text())
ALL = range(6)
_INLINE = (0, 1, 2)      # forward/backward inline in the batch loop, gradient-update condition written inline
_HELPER = (3, 4, 5)      # _perform_forward_and_backward_passes() + perform_gradient_update flag (0.1.35+)
CASE = {
    "name": "accelerated_trainer",
    "title": "pytorch-accelerated Trainer across 0.1.2 .. 0.1.61 (run_config dict -> object, forward/backward "
             "extracted into a helper under a no_sync if/else, gathered epoch losses, max-steps stopping, "
             "eval loop nested in no_sync/join_uneven_inputs/no_grad blocks)",
    "stories": _V,
    "probes": {
        "batch_loss": {
            "text": 'flor.log("batch_loss", batch_output["loss"].item())',
            "intent": "training loss of each batch (scaled by 1/accumulation steps), right after its backward pass",
            "newest": ("after", 'self.backward_step(batch_output["loss"])'),
            "versions": dict(
                [(v, ("after", 'self.backward_step(batch_output["loss"])', {
                    "note": "before 0.1.35 the forward/backward is inline in the batch loop of _run_train_epoch; "
                            "same statement, same batch_output"})) for v in _INLINE] +
                [(v, ("after", 'self.backward_step(batch_output["loss"])')) for v in _HELPER]),
        },
        "running_loss": {
            "text": 'flor.log("running_loss", self._loss_tracker.average)',
            "intent": "running average of the epoch's training loss, after each batch's forward/backward "
                      "(after the no_sync if/else, before gradient clipping)",
            "newest": ("after", "if not perform_gradient_update:"),
            "versions": dict(
                [(v, ("after", 'self.backward_step(batch_output["loss"])', {
                    "note": "no perform_gradient_update if/else before 0.1.35: the forward/backward it wraps is "
                            "inline in the batch loop and ends with backward_step; the probe goes after it, "
                            "before the gradient-clipping if (rule 2). The tracker there holds the gathered, "
                            "unscaled loss; same place"})) for v in _INLINE] +
                [(v, ("after", "if not perform_gradient_update:", {
                    "note": "after the whole if/else, not inside either branch"})) for v in _HELPER]),
        },
        "update_step": {
            "text": 'flor.log("update_step", step)',
            "intent": "batch index at which an optimizer update happens (first statement under the "
                      "gradient-accumulation condition)",
            "newest": ("first_in", "if perform_gradient_update:"),
            "versions": dict(
                [(v, ("first_in", "if (step + 1) %", {
                    "note": "the accumulation condition is written inline before 0.1.35 (same condition)"}))
                 for v in _INLINE] +
                [(v, ("first_in", "if perform_gradient_update:")) for v in _HELPER]),
        },
        "lr": {
            "text": 'flor.log("lr", self.scheduler.get_last_lr()[0])',
            "intent": "learning rate after each scheduler step in the batch loop",
            "newest": ("after", "self.scheduler_step()"),
            "versions": {v: ("after", "self.scheduler_step()") for v in ALL},
        },
        "process_updates": {
            "text": 'flor.log("process_updates", process_updates)',
            "intent": "optimizer updates completed by this process, computed after each update for the max-steps check",
            "newest": ("after", "process_updates = ("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "max_num_train_steps support (updates_completed / process_updates) arrives in 0.1.55; "
                      "before it _run_train_epoch counts no updates", {"scope": "_run_train_epoch"}))
                 for v in range(5)] +
                [(5, ("after", "process_updates = ("))]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch index at the start of each epoch of the training run",
            "newest": ("first_in", "for epoch in range("),
            "versions": {v: ("first_in", "for epoch in range(", {
                "note": "0.1.2 reads num_epochs from a dict (run_config[\"num_epochs\"]); same loop"} if v == 0 else {})
                for v in ALL},
        },
        "train_loss_epoch": {
            "text": 'flor.log("train_loss_epoch", self.run_history.get_latest_metric("train_loss_epoch"))',
            "intent": "epoch training loss, right after it is recorded in the run history",
            "newest": ("after", 'self._add_epoch_loss_to_run_history("train_loss_epoch")'),
            "versions": dict(
                [(v, ("after", 'self.run_history.update_metric("train_loss_epoch"', {
                    "note": "before 0.1.45 the epoch loss is written directly with run_history.update_metric("
                            "\"train_loss_epoch\", self._loss_tracker.average); same role (rule 1)"}))
                 for v in range(4)] +
                [(v, ("after", 'self._add_epoch_loss_to_run_history("train_loss_epoch")')) for v in (4, 5)]),
        },
        "eval_batch_loss": {
            "text": 'flor.log("eval_batch_loss", batch_output["loss"].item())',
            "intent": "evaluation loss of each eval batch, right after it is computed",
            "newest": ("after", "batch_output = self.calculate_eval_batch_loss(batch)"),
            "versions": {v: ("after", "batch_output = self.calculate_eval_batch_loss(batch)", {
                "note": "eval loop directly in _run_eval_epoch before 0.1.45, inside the no_sync/join_uneven_inputs "
                        "blocks in 0.1.45-0.1.55 (0.1.61 adds a torch.no_grad block)"} if v < 5 else {})
                for v in ALL},
        },
    },
}
