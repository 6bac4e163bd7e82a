# tez tez/model/tez.py, before 0.5.0 tez/model/model.py (Tez.fit/train/train_step, earlier Model.fit/train_one_epoch/train_one_step), PyPI 0.0.3 .. 0.7.2 (v00 .. v10).
# Round 28, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tez_model" / "versions.json").read_text())
OLDER = range(10)
# v00-v04 (0.0.3-0.2.0): tez.Model(nn.Module), fit/train_one_epoch/train_one_step, tqdm tk0, b_idx;
# v05-v10 (0.5.0-0.7.2): Tez(model) wrapper, TezConfig, fit/train/train_step.
_TR1 = {"within": "def train_one_step"}
_TRS = {"within": "def train_step"}
_TE1 = {"within": "def train_one_epoch"}
_TR = {"within": "def train(self"}
CASE = {
    "name": "tez_model",
    "title": "tez training loop 0.0.3 .. 0.7.2: Model(nn.Module) with train_one_epoch/train_one_step (device arg, "
             "model_fn, accumulation, clip, TPU) -> Tez(model) wrapper with TezConfig, train/validate/train_step, "
             "loop bookkeeping moved into _update_loss_metrics/_set_*_epoch_*, batch-level validation, accelerate "
             "(_accel -> _driver), current_train_step -> _train_step, batch_index -> train_batch_index",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "raw loss of every training step, right after the forward pass",
            "newest": ("after", "_, loss, metrics = self.model_fn(data)", _TRS),
            "versions": dict(
                [(v, ("after", "if self.fp16:", {"within": "def train_one_step", "n": 1, "of": 2,
                      "note": "before 0.1.2 the forward pass is inlined in train_one_step (device loop + "
                              "`if self.fp16: ... else: _, loss, metrics = self(**data)`): after that whole if/else, "
                              "before the `with torch.set_grad_enabled(True):` backward block"}))
                 for v in (0, 1)] +
                [(v, ("after", "_, loss, metrics = self.model_fn(data)", _TR1)) for v in (2, 3, 4)] +
                [(v, ("after", "_, loss, metrics = self.model_fn(data)", _TRS)) for v in range(5, 10)]),
        },
        "max_grad_norm": {
            "text": 'flor.log("max_grad_norm", self.config.clip_grad_norm)',
            "intent": "clipping threshold, logged each time gradients are clipped",
            "newest": ("after", "torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.clip_grad_norm)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no gradient clipping and no clip_grad_norm setting (nor self.config) before 0.2.0"))
                 for v in range(4)] +
                [(4, ("after", "torch.nn.utils.clip_grad_norm_(self.parameters(), self.clip_grad_norm)", {
                    "renames": {"self.config.clip_grad_norm": "self.clip_grad_norm"},
                    "note": "0.2.0 keeps the threshold on the model (self.clip_grad_norm, from fit(clip_grad_norm=)); "
                            "inside `if self.clip_grad_norm is not None:`, the equivalent of `!= -1`"}))] +
                [(v, ("after", "torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.clip_grad_norm)"))
                 for v in range(5, 10)]),
        },
        "batch_index": {
            "text": 'flor.log("batch_index", batch_index)',
            "intent": "index of the batch within the epoch, at the start of every training step",
            "newest": ("after", "self.train_batch_index = batch_index"),
            "versions": dict(
                [(v, ("first_in", "for b_idx, data in enumerate(tk0):", dict(_TE1, **{
                    "renames": {"batch_index": "b_idx"},
                    "note": "no self.batch_index bookkeeping before 0.1.8: first statement of the train loop "
                            "(before TRAIN_STEP_START); loop variable b_idx"}))) for v in (0, 1, 2)] +
                [(v, ("after", "self.batch_index = b_idx", {"renames": {"batch_index": "b_idx"}})) for v in (3, 4)] +
                [(v, ("after", "self.batch_index = batch_index", _TR)) for v in range(5, 9)] +
                [(9, ("after", "self.train_batch_index = batch_index"))]),
        },
        "train_step": {
            "text": 'flor.log("train_step", self._train_step)',
            "intent": "global train step counter after the step's loss/metric bookkeeping",
            "newest": ("after", "losses, monitor = self._update_loss_metrics(losses, loss, metrics)", _TR),
            "versions": dict(
                [(v, ("after", "self.current_train_step += 1", {
                    "renames": {"self._train_step": "self.current_train_step"},
                    "alt": [("after", "tk0.set_postfix(loss=losses.avg, stage=\"train\", **monitor)")],
                    "note": "bookkeeping inlined in train_one_epoch; it ends with the counter increment. The "
                            "tqdm set_postfix after it has no counterpart in the newest version (progress moved "
                            "to a callback), so either side of it"})) for v in range(4)] +
                [(4, ("after", "self.current_train_step += 1", {
                    "renames": {"self._train_step": "self.current_train_step"},
                    "alt": [("after", "if self.using_tpu:", {"within": "for b_idx, data in enumerate(tk0):"})],
                    "note": "as v00-v03; the tqdm/TPU-print display ifs after the increment have no counterpart"}))] +
                [(5, ("after", "self.current_train_step += 1", {
                    "renames": {"self._train_step": "self.current_train_step"},
                    "alt": [("after", "if _tqdm is not None:", _TR)],
                    "note": "inline bookkeeping; the `if _tqdm is not None:` display has no counterpart"}))] +
                [(6, ("after", "self.update_metrics(losses=losses, monitor=monitor)", {
                    "within": "def train(self", "n": 1, "of": 2,
                    "renames": {"self._train_step": "self.current_train_step"},
                    "note": "0.6.0 inlines what later became _update_loss_metrics, including its final "
                            "update_metrics call: after the in-loop update_metrics, before TRAIN_STEP_END"}))] +
                [(v, ("after", "losses, monitor = self._update_loss_metrics(losses, loss, metrics, data_loader)", dict(_TR, **{
                    "renames": {"self._train_step": "self.current_train_step"}}))) for v in (7, 8)] +
                [(9, ("after", "losses, monitor = self._update_loss_metrics(losses, loss, metrics)", _TR))]),
        },
        "val_at_step": {
            "text": 'flor.log("val_at_step", self._train_step)',
            "intent": "train step at which a mid-epoch (val_strategy=batch) validation ran",
            "newest": ("after", "self.validate(self.valid_loader)", {"within": 'self.config.val_strategy == "batch"'}),
            "versions": dict(
                [(v, ("na", "no_anchor", "no batch-level validation (val_strategy) before 0.6.1")) for v in range(7)] +
                [(v, ("after", "self.validate(self.valid_loader)", {
                    "within": 'self.config.val_strategy == "batch"',
                    "renames": {"self._train_step": "self.current_train_step"}})) for v in (7, 8)] +
                [(9, ("after", "self.validate(self.valid_loader)", {"within": 'self.config.val_strategy == "batch"'}))]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", losses.avg)',
            "intent": "average training loss of the epoch, right after the batch loop",
            "newest": ("after", "for batch_index, data in enumerate(data_loader):", _TR),
            "versions": dict(
                [(v, ("after", "for b_idx, data in enumerate(tk0):", dict(_TE1, **{
                    "alt": [("after", "tk0.close()", _TE1)],
                    "note": "tk0.close() has no counterpart in the newest version: either side"}))) for v in range(4)] +
                [(4, ("after", "for b_idx, data in enumerate(tk0):", dict(_TE1, **{
                    "alt": [("after", "if not self.using_tpu:", {"within": "def train_one_epoch", "n": 2, "of": 2})],
                    "note": "`if not self.using_tpu: tk0.close()` has no counterpart: either side"})))] +
                [(v, ("after", "for batch_index, data in enumerate(data_loader):", _TR)) for v in range(5, 10)]),
        },
        "valid_batch_loss": {
            "text": 'flor.log("valid_batch_loss", loss.item())',
            "intent": "loss of every validation batch, right after the no-grad forward pass",
            "newest": ("after", "loss, metrics = self.predict_step(data)"),
            "versions": dict(
                [(v, ("after", "loss, metrics = self.validate_one_step(data", {
                    "note": "validate_one_step(data[, device]) -> predict_step(data) in 0.5.0; inside the "
                            "`with torch.no_grad():` block in every version"})) for v in range(5)] +
                [(v, ("after", "loss, metrics = self.predict_step(data)")) for v in range(5, 10)]),
        },
        "valid_loss": {
            "text": 'flor.log("valid_loss", losses.avg)',
            "intent": "average validation loss, at the very end of a validation pass",
            "newest": ("after", "self._set_validation_epoch_end(losses, monitor)"),
            "versions": dict(
                [(v, ("after", "self.update_metrics(losses=losses, monitor=monitor)", {
                    "within": "def validate_one_epoch",
                    "note": "VALID_EPOCH_END (part of _set_validation_epoch_end in the newest version) is set by "
                            "fit() after validate_one_epoch returns before 0.5.0; the probe reads the local "
                            "`losses`, so it stays at the end of validate_one_epoch, after update_metrics, "
                            "before `return losses.avg`"})) for v in range(5)] +
                [(v, ("after", "self.train_state = enums.TrainingState.VALID_EPOCH_END", {
                    "note": "inline update_metrics + VALID_EPOCH_END (= _set_validation_epoch_end), before return"}))
                 for v in (5, 6)] +
                [(v, ("after", 'if self.config.val_strategy == "batch"', {
                    "within": "def validate(self",
                    "note": "the `if val_strategy == \"batch\": back to training state` block moved into "
                            "_set_validation_epoch_end in 0.7.0: after that whole if, not inside it"}))
                 for v in (7, 8)] +
                [(9, ("after", "self._set_validation_epoch_end(losses, monitor)"))]),
        },
        "epoch": {
            "text": 'flor.log("epoch", self.current_epoch)',
            "intent": "epoch number at the start of every epoch, right after EPOCH_START is signalled",
            "newest": ("after", "self.train_state = enums.TrainingState.EPOCH_START"),
            "versions": dict(
                [(v, ("after", "self.train_state = enums.TrainingState.EPOCH_START")) for v in range(5)] +
                [(v, ("after", "self.train_state = enums.TrainingState.EPOCH_START", {
                    "alt": [("before", "_ = self.train(self.train_loader")],
                    "note": "0.5.0/0.6.0 signal EPOCH_START at the top of train() (after the sampler set_epoch), "
                            "not in fit(): after it there (image of the previous sibling); the top of fit()'s "
                            "epoch loop, before the train() call, is equally right"})) for v in (5, 6)] +
                [(v, ("after", "self.train_state = enums.TrainingState.EPOCH_START")) for v in range(7, 10)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate at the end of every epoch, after the per-epoch scheduler step",
            "newest": ("after", "self._step_scheduler_after_epoch()"),
            "versions": dict(
                [(v, ("after", "if self.scheduler:", {
                    "within": "for _ in range(epochs)",
                    "note": "per-epoch scheduler step inlined in fit() before 0.6.4: after the whole "
                            "`if self.scheduler:` block, not inside it"})) for v in range(5)] +
                [(v, ("after", "if self.scheduler is not None:", {"within": "for _ in range(self.config.epochs)"}))
                 for v in (5, 6)] +
                [(v, ("after", "self._step_scheduler_after_epoch()")) for v in range(7, 10)]),
        },
    },
}
