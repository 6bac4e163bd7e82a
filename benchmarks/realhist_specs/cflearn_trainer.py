# carefree-learn cflearn/trainer.py (Trainer.fit loop + _step / clip_norm_step / scheduler_step / _monitor_step /
# _init_finetune / on_save_checkpoint), PyPI 0.1.3 .. 0.5.0 (v00 .. v10).
# Round 33, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "cflearn_trainer" / "versions.json").read_text())
OLDER = range(10)
# v00 0.1.3: TrainerState + TrainMonitor in this file; Trainer(MonitoredMixin) built from an Environment;
#            fit(tr_loader, ...) runs the whole step inline (collate, forward, loss_dict, backward, clip,
#            optimizer, EMA), `terminate = self._monitor_step()`; schedulers are stepped inside _monitor_step;
#            checkpoints are saved by TrainMonitor through on_save_checkpoint(score); restore on early stop
#            (`self.restore_checkpoint()` returns self); self.final_results = self._get_metrics(rs)
# v01 0.1.7.1: mlflow, deepspeed, PrefetchLoader (self.tr_loader = PrefetchLoader(...)); _step() /
#            _scheduler_step() / _finalize(); `self._step(i, batch, batch_indices)` (result discarded),
#            `terminate = self._monitor_step().terminate`; has_ckpt = self.restore_checkpoint() under `if terminate:`;
#            `_, self.final_results = self.get_metrics(binary_outputs=outputs)`
# v02 0.1.13: callbacks: `step_outputs = self._step(...)`, monitor_results, `terminate = monitor_results.terminate`;
#            GradScaler always on (grad_scaler.unscale_ in _clip_norm_step)
# v03 0.1.16: deepspeed -> DDP; restore moved after the epoch loop (`if os.path.isdir(self.checkpoint_folder):`)
# v04 0.2.1: rewrite: Trainer(workplace=..., num_epoch=..., monitors, callbacks, optimizer packs);
#            fit(data, loss, model, inference): self.train_loader, TrainerState(train_loader, ...),
#            _step -> _post_loss_step; monitors report snapshot/terminate; fit saves the checkpoint
#            (`if self.is_rank_0 and monitor_results.save_checkpoint:`); _init_finetune (freeze / freeze_except)
# v05 0.2.5: public post_loss_step / clip_norm_step / optimizer_step / scheduler_step, amp_context
# v06 0.3.2: `if self.clip_norm > 0.0:` moved into clip_norm_step; update_scheduler_per_epoch; can_snapshot
# v07 0.3.4 / v08 0.3.4.28: protocol -> schema imports, empty_cuda_cache, get_scores
# v09 0.4.0: TrainerConfig (self.config.*), accelerate: Accelerator, accelerator.backward /
#            clip_grad_norm_ under `if self.accelerator.sync_gradients:`; fit receives optimizers/schedulers
#            and prepares them (`self.optimizers = {k: optimizer_list[i] ...}`); is_local_rank_0
# v10 0.5.0: model.train() does the step; `prepared = self.accelerator.prepare(...)`,
#            `self.optimizers = {k: prepared[-n_optim + i] ...}`; step_iterator built once before the loop (newest)
_V01 = range(0, 4)       # 0.1.x: TrainMonitor era
_V2 = range(4, 10)       # 0.2.1 .. 0.4.0: monitors/callbacks era
_TRAINER = {"within": "class Trainer("}
CASE = {
    "name": "cflearn_trainer",
    "title": "carefree-learn Trainer across 0.1.3 .. 0.5.0 (inline step -> _step/_finalize -> model.train; "
             "TrainMonitor + on_save_checkpoint -> monitors + save_checkpoint in fit; mlflow/deepspeed/DDP -> "
             "accelerate; tr_loader -> train_loader; optimizers built in _init_optimizers -> prepared in fit)",
    "stories": _V,
    "probes": {
        "steps_per_epoch": {
            "text": 'flor.log("steps_per_epoch", len(self.train_loader))',
            "intent": "number of training batches per epoch, as soon as fit has stored the training loader",
            "newest": ("after", "self.train_loader = train_loader"),
            "versions": dict(
                [(0, ("after", "self.tr_loader = tr_loader", {
                    "renames": {"self.train_loader": "self.tr_loader"},
                    "note": "0.1.x names the training loader self.tr_loader (fit's first statement)"}))] +
                [(v, ("after", "self.tr_loader = PrefetchLoader(", {
                    "renames": {"self.train_loader": "self.tr_loader"},
                    "note": "0.1.7+ wraps the loader: self.tr_loader = PrefetchLoader(tr_loader, ...); same role, "
                            "before the copy loader is stored"})) for v in (1, 2, 3)] +
                [(v, ("after", "self.train_loader = train_loader")) for v in _V2]),
        },
        "optimizers": {
            "text": 'flor.log("optimizers", sorted(self.optimizers))',
            "intent": "names of the optimizers the trainer steps, once they are in place in fit",
            "newest": ("after", "self.optimizers = {k: prepared[-n_optim + i]"),
            "versions": dict(
                [(v, ("after", "self._init_optimizers()", {
                    "note": "before 0.4.0 self.optimizers is built (from {} upwards) inside _init_optimizers(), "
                            "which fit calls: the probe goes after that call in fit (inside _init_optimizers the "
                            "dict is still being filled)"})) for v in range(0, 9)] +
                [(9, ("after", "self.optimizers = {k: optimizer_list[i]", {
                    "note": "0.4.0 unpacks the prepared optimizers into optimizer_list first"}))]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", float(step_outputs.loss_dict["loss"]))',
            "intent": "training loss of every step, once the step (forward, backward, optimizer) has run",
            "newest": ("after", "step_outputs = self._step(i, batch)"),
            "versions": dict(
                [(0, ("after", "if self.model.use_ema:", {
                    "renames": {"step_outputs.loss_dict": "loss_dict"},
                    "note": "judgment call: 0.1.3 runs the step inline in fit; its loss dict is `loss_dict` "
                            "(from model.loss_function, untouched by the amp scaling). The end of the step is the "
                            "EMA `if` after the optimizer step; the probe goes after it, before "
                            "`terminate = self._monitor_step()`, as in the newest version (after _step, before the "
                            "monitor step)"}))] +
                [(1, ("na", "missing_dependency",
                      "0.1.7.1 calls `self._step(i, batch, batch_indices)` and discards the StepOutputs it returns: "
                      "no step_outputs is bound in fit (it exists only inside _step / _finalize)",
                      {"scope": "fit", "probe_site": ("after", "self._step(i, batch, batch_indices)")}))] +
                [(v, ("after", "step_outputs = self._step(i, batch, batch_indices)", {
                    "note": "0.1.13/0.1.16 pass batch_indices too; loss_dict holds tensors (float() works)"}))
                 for v in (2, 3)] +
                [(v, ("after", "step_outputs = self._step(i, batch)")) for v in _V2]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(self._gradient_norm))',
            "intent": "gradient norm returned by gradient clipping, whenever clipping runs",
            "newest": ("after", "self._gradient_norm = "),
            "versions": dict(
                [(v, ("after", "self._gradient_norm = ", {
                    "note": "before 0.3.2 the clip_norm > 0 condition is at the call site (fit / _step / "
                            "post_loss_step): inside the clipping method, after the assignment"})) for v in range(0, 6)] +
                [(v, ("after", "self._gradient_norm = ", {
                    "note": "no accelerator.sync_gradients condition before 0.4.0: directly inside "
                            "`if self.clip_norm > 0.0:`"})) for v in (6, 7, 8)] +
                [(9, ("after", "self._gradient_norm = "))]),
        },
        "lr": {
            "text": 'flor.log("lr", scheduler.get_last_lr()[0])',
            "intent": "learning rate of each scheduler, right before it steps",
            "newest": ("after", "if should_log_lr or self.config.update_scheduler_per_epoch:"),
            "versions": dict(
                [(0, ("before", "scheduler.step(", {
                    "note": "0.1.3 has no scheduler_step and no lr logging: schedulers step inside _monitor_step "
                            "(`if self.state.should_start_snapshot:` > timing_context > for > `if scheduler is not "
                            "None:`); the probe goes right before that scheduler.step, after the kwargs `if`"}))] +
                [(v, ("after", "if self.mlflow_client is not None and should_log_lr:", {
                    "alt": [("after", "if kwargs is None:")],
                    "note": "0.1.x logs the lr to mlflow in this `if` (the newest version's log_lr `if`), then has "
                            "`if kwargs is None: continue`, which has no counterpart in the newest version: "
                            "either side of it, before scheduler.step"})) for v in (1, 2, 3)] +
                [(v, ("after", "if should_log_lr:")) for v in (4, 5)] +
                [(v, ("after", "if should_log_lr or self.update_scheduler_per_epoch:")) for v in (6, 7, 8)] +
                [(9, ("after", "if should_log_lr or self.config.update_scheduler_per_epoch:"))]),
        },
        "score": {
            "text": 'flor.log("score", score)',
            "intent": "monitored validation score at every monitor step once snapshots may start",
            "newest": ("after", "score = self.intermediate.final_score"),
            "versions": dict(
                [(0, ("after", "score = intermediate.final_score", {
                    "note": "0.1.3 keeps the metrics in a local `intermediate`; inside the prune_trial "
                            "timing_context under `if self.state.should_start_snapshot:`"}))] +
                [(v, ("after", "score = self.intermediate.final_score", {
                    "note": "inside the prune_trial timing_context under `if self.state.should_start_snapshot:`"}))
                 for v in (1, 2, 3)] +
                [(v, ("after", "score = self.intermediate.final_score")) for v in _V2]),
        },
        "ckpt_score": {
            "text": 'flor.log("ckpt_score", metric_outputs.final_score)',
            "intent": "score of every checkpoint saved during training, right before it is saved",
            "newest": ("after", "assert metric_outputs is not None"),
            "versions": dict(
                [(v, ("first_in", "def on_save_checkpoint(self, score: float) -> None:", dict(_TRAINER, **{
                    "renames": {"metric_outputs.final_score": "score"},
                    "note": "judgment call: in 0.1.x TrainMonitor decides when to save and calls "
                            "Trainer.on_save_checkpoint(score), whose only statement is self.save_checkpoint(score); "
                            "it is only called for in-training snapshots (the final save calls save_checkpoint "
                            "directly), so its first statement is the place right before each in-training save, and "
                            "`score` is the monitored final score it is saved with"}))) for v in _V01] +
                [(v, ("after", "assert metric_outputs is not None")) for v in _V2]),
        },
        "terminate": {
            "text": 'flor.log("terminate", terminate)',
            "intent": "early-stopping decision after every step's monitoring",
            "newest": ("after", "terminate = monitor_results.terminate or self.state.should_terminate"),
            "versions": dict(
                [(0, ("after", "terminate = self._monitor_step()", {
                    "note": "0.1.3: _monitor_step returns the bool itself"}))] +
                [(1, ("after", "terminate = self._monitor_step().terminate"))] +
                [(v, ("after", "terminate = monitor_results.terminate", {
                    "note": "no state.should_terminate before 0.2: same assignment without it"})) for v in (2, 3)] +
                [(v, ("after", "terminate = monitor_results.terminate or self.state.should_terminate"))
                 for v in _V2]),
        },
        "restored": {
            "text": 'flor.log("restored", has_ckpt)',
            "intent": "whether the best checkpoint was restored after training",
            "newest": ("after", "has_ckpt = self.restore_checkpoint()"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.3 calls self.restore_checkpoint() for its effect (it returns the trainer) and binds no "
                      "has_ckpt", {"scope": "fit"}))] +
                [(v, ("after", "has_ckpt = self.restore_checkpoint()", {
                    "note": "0.1.7/0.1.13 restore only when training stops early: inside the epoch loop, "
                            "`if terminate:` > `if os.path.isdir(self.checkpoint_folder):`; it is the only restore, "
                            "so the probe goes after it there"})) for v in (1, 2)] +
                [(3, ("after", "has_ckpt = self.restore_checkpoint()", {
                    "note": "0.1.16: after the loop under `if os.path.isdir(self.checkpoint_folder):`"}))] +
                [(v, ("after", "has_ckpt = self.restore_checkpoint()")) for v in _V2]),
        },
        "final_score": {
            "text": 'flor.log("final_score", self.final_results.final_score)',
            "intent": "final score after training (and after the best checkpoint was restored)",
            "newest": ("after", "self.final_results = self._get_metrics(portion=self.config.valid_portion)"),
            "versions": dict(
                [(0, ("after", "self.final_results = self._get_metrics(rs)", {
                    "note": "0.1.3: final metrics from _get_metrics(binary threshold outputs), unconditional "
                            "(no ranks)"}))] +
                [(v, ("after", "_, self.final_results = self.get_metrics(binary_outputs=outputs)", {
                    "note": "0.1.x: get_metrics returns (outputs, results); unconditional (no rank check)"}))
                 for v in (1, 2, 3)] +
                [(v, ("after", "self.final_results = self.get_metrics(portion=self.valid_portion)", {
                    "note": "under `if self.is_rank_0:`"})) for v in range(4, 9)] +
                [(9, ("after", "self.final_results = self._get_metrics(portion=self.config.valid_portion)"))]),
        },
        "num_frozen": {
            "text": 'flor.log("num_frozen", num_frozen)',
            "intent": "number of parameters frozen when fine-tuning with a `freeze` pattern",
            "newest": ("before", "msg = msg_fmt.format(num_frozen"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.1.x has no fine-tuning (_init_finetune, freeze patterns) and no num_frozen",
                      {"scope": "Trainer"})) for v in _V01] +
                [(v, ("before", "msg = msg_fmt.format(num_frozen")) for v in _V2]),
        },
    },
}
