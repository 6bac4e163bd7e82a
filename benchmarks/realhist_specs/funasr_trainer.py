# funasr funasr/train_utils/trainer.py (Trainer.train_epoch / validate_epoch), PyPI 1.0.0 .. 1.4.16 (v00 .. v11).
# Round 21, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "funasr_trainer" / "versions.json").read_text())
OLDER = range(11)
_OWN = range(4)        # v00-v03 (1.0.0-1.0.16): Trainer owns self.model/self.optim/self.scheduler/self.dataloader_*,
                       # has run() with the epoch loop, and private _train_epoch(self, epoch)/_validate_epoch(self, epoch)
_ARGS = range(4, 11)   # v04-v10 (1.0.18-1.3.15): train_epoch(model=, optim=, scheduler=, dataloader_train=, ...)
_TRAIN_OLD = {"within": "def _train_epoch"}
_TRAIN = {"within": "def train_epoch"}
_NA = lambda why, **kw: ("na", "missing_dependency", why, kw) if kw else ("na", "missing_dependency", why)


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "funasr_trainer",
    "title": "FunASR Trainer across 1.0.0 .. 1.4.16 (run()+_train_epoch on self.model/self.optim -> train_epoch(model, "
             "optim, scheduler, dataloader_train, ...) called from outside, fp16 GradScaler then bf16, step-wise "
             "checkpoints, running train/val averages, step_in_epoch, ValidationMetrics)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch number at the start of each training epoch, right after the model is put in train mode",
            "newest": ("after", "model.train()", _TRAIN),
            "versions": dict(
                [(v, ("after", "self.model.train()", _w(_TRAIN_OLD, note=
                      "_train_epoch(self, epoch) trains self.model; `self.model.train()` is the same statement" +
                      ("; 1.0.16 also ends _validate_epoch with self.model.train(): only the one in _train_epoch"
                       if v == 3 else ""))))
                 for v in _OWN] +
                [(v, ("after", "model.train()", _TRAIN)) for v in _ARGS]),
        },
        "num_batches": {
            "text": 'flor.log("num_batches", len(dataloader_train))',
            "intent": "number of batches of the epoch, once the sampler is set to the epoch, before the batch loop",
            "newest": ("after", "dataloader_train.batch_sampler.set_epoch(epoch)"),
            "versions": dict(
                [(v, ("after", "speed_stats = {}", _w(_TRAIN_OLD, renames={"dataloader_train": "self.dataloader_train"},
                      note="no set_epoch call before 1.0.18 and the loader is self.dataloader_train (rename). "
                           "Rule 2: after `speed_stats = {}` (which precedes the sampler call in every later release) "
                           "and before the batch loop; `time5 = time.perf_counter()` is the timer start, which sits "
                           "before set_epoch in 1.0.18-1.0.20 but after it from 1.0.24 (time_beg/time5): either side "
                           "of it is accepted",
                      alt=[("after", "time5 = time.perf_counter()", _w(_TRAIN_OLD, n=1, of=2, renames={
                          "dataloader_train": "self.dataloader_train"}))])))
                 for v in _OWN] +
                [(v, ("after", "dataloader_train.batch_sampler.set_epoch(epoch)")) for v in _ARGS]),
        },
        "total_step": {
            "text": 'flor.log("total_step", self.batch_total)',
            "intent": "global batch counter at the top of every batch, after the per-epoch counter is advanced",
            "newest": ("after", "self.step_in_epoch += 1"),
            "versions": dict(
                [(0, _NA("1.0.0 has no global batch counter (self.batch_total appears in 1.0.8)"))] +
                [(v, ("after", "self.batch_total += 1", {
                    "note": "no self.step_in_epoch before 1.0.26: right after `self.batch_total += 1`, the statement "
                            "that precedes it in the newest version"})) for v in range(1, 7)] +
                [(v, ("after", "self.step_in_epoch += 1")) for v in range(7, 11)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "(accumulation-scaled) loss of every batch, after its backward pass",
            "newest": ("after", "if self.use_fp16 and scaler is not None:", {"within": "with my_context()"}),
            "versions": dict(
                [(v, ("after", "loss.backward()", {
                    "note": "no AMP before 1.0.12: plain loss.backward()"})) for v in (0, 1)] +
                [(v, ("after", "if self.use_fp16:", {"within": "with my_context()", "note":
                      "after the whole scaled/plain backward if/else (not inside the else branch, which has "
                      "`loss.backward()`); the same `if self.use_fp16:` also guards the optimizer step"}))
                 for v in range(2, 10)] +
                [(10, ("after", "if self.use_fp16 and scaler is not None:", {"within": "with my_context()"}))]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm)',
            "intent": "gradient norm of each optimizer step when clipping is on, once it is known to be finite",
            "newest": ("after", "if not torch.isfinite(grad_norm):"),
            "versions": dict(
                [(v, ("after", "if not torch.isfinite(grad_norm):", {
                    "note": "clipping guard reads `if self.kwargs.get(\"grad_clip\", None) is not None:` before "
                            "1.0.18 (newest: `if self.grad_clip > 0:`): the same condition, the probe stays inside it"}))
                 for v in _OWN] +
                [(v, ("after", "if not torch.isfinite(grad_norm):")) for v in _ARGS]),
        },
        "lr": {
            "text": 'flor.log("lr", scheduler.get_last_lr()[0])',
            "intent": "learning rate after every scheduler step inside the accumulation block",
            "newest": ("after", "scheduler.step()"),
            "versions": dict(
                [(v, ("after", "self.scheduler.step()", _w(_TRAIN_OLD, renames={"scheduler": "self.scheduler"},
                      note="the scheduler is self.scheduler (rename); run() also calls self.scheduler.step() once per "
                           "epoch, which is not the equivalent place: the per-step call in _train_epoch")))
                 for v in _OWN] +
                [(v, ("after", "scheduler.step()")) for v in _ARGS]),
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", batch_idx + 1)',
            "intent": "in-epoch step at which a step-wise checkpoint is written",
            "newest": ("after", "self.save_checkpoint(", _TRAIN),
            "versions": dict(
                [(v, ("na", "no_anchor", "no step-wise checkpoint inside the batch loop before 1.0.16; run() saves "
                                         "one checkpoint per epoch, where no batch index exists"))
                 for v in (0, 1, 2)] +
                [(3, ("after", "self._save_checkpoint(epoch, step=batch_idx+1)", {
                    "note": "1.0.16 folds the rank test into the interval condition "
                            "(`... % self.save_checkpoint_interval == 0 and self.rank == 0:`); it is the only "
                            "step-checkpoint condition there, so the probe goes inside it"}))] +
                [(v, ("after", "self.save_checkpoint(", {"note": "interval test on (batch_idx+1) before 1.0.26, "
                                                                  "on self.step_in_epoch after"} if v < 7 else {}))
                 for v in _ARGS]),
        },
        "train_loss_epoch": {
            "text": 'flor.log("train_loss_epoch", self.train_loss_avg)',
            "intent": "running training loss average at the end of the epoch's batch loop",
            "newest": ("after", "for batch_idx, batch in enumerate(dataloader_train):"),
            "versions": dict(
                [(v, _NA("no running training-loss average (self.train_loss_avg) before 1.0.18")) for v in _OWN] +
                [(v, ("after", "for batch_idx, batch in enumerate(dataloader_train):", {
                    "note": "the batch loop has a for/else (iterator_stop all-reduce) in 1.0.18-1.0.28: after the "
                            "whole for/else, not inside the else"} if v < 9 else {}))
                 for v in _ARGS]),
        },
        "val_loss_avg": {
            "text": 'flor.log("val_loss_avg", self.val_loss_avg)',
            "intent": "running validation loss average after every validation batch has been folded in",
            "newest": ("after", 'self.val_acc_avg = running["acc"]'),
            "versions": dict(
                [(v, _NA("no running validation average (self.val_loss_avg) before 1.0.18")) for v in _OWN] +
                [(4, ("before", "batch_num_epoch = 1", {"within": "for batch_idx, batch in enumerate(dataloader_val)",
                      "note": "after the averaging and its DDP all-reduce block (`if self.use_ddp or self.use_fsdp:`), "
                              "right before the log call's batch_num_epoch"}))] +
                [(v, ("before", "time5 = time.perf_counter()", {
                    "within": "for batch_idx, batch in enumerate(dataloader_val)",
                    "note": "after the averaging and its DDP all-reduce block, before `time5 = ...` as in the newest "
                            "version"})) for v in range(5, 9)] +
                [(v, ("after", "if torch.isfinite(loss):", {
                    "note": "the averaging (and its all-reduce) is under `if torch.isfinite(loss):` in 1.1.x-1.3.x; "
                            "the newest version updates ValidationMetrics unconditionally: after the whole if"}))
                 for v in (9, 10)]),
        },
        "val_acc": {
            "text": 'flor.log("val_acc", self.val_acc_avg)',
            "intent": "validation accuracy once it has been recorded for the checkpoint, at the end of validation",
            "newest": ("after", "record_validation_metrics("),
            "versions": dict(
                [(v, _NA("no validation accuracy average (self.val_acc_avg) before 1.0.18")) for v in _OWN] +
                [(4, ("after", "self.val_acc_list.append(self.val_acc_avg)", {
                    "note": "1.0.18 records the accuracy in self.val_acc_list"}))] +
                [(v, ("after", "self.val_loss_step_or_eoch[ckpt_name] = self.val_loss_avg", {
                    "note": "recorded in the (misspelt) val_*_step_or_eoch dicts: after the second record"}))
                 for v in range(5, 9)] +
                [(v, ("after", "self.val_loss_step_or_epoch[ckpt_name] = self.val_loss_avg")) for v in (9, 10)]),
        },
    },
}
