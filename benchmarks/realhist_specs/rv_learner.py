# rastervision_pytorch_learner rastervision/pytorch_learner/learner.py (Learner.train/_train + train_epoch + on_epoch_end + eval_model/_validate), PyPI 0.12 .. 0.31.1 (v00 .. v09).
# Round 28, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "rv_learner" / "versions.json").read_text())
OLDER = range(9)
_OLD = range(3)          # v00-v02 (0.12 .. 0.13.1): train() uses self.start_epoch, self.opt/self.step_scheduler, last_model_path
_MID = range(3, 7)       # v03-v06 (0.20 .. 0.21.3): train(epochs) with local start/end epochs, optimizer/step_scheduler args
_DDP = range(7, 9)       # v07-v08 (0.30.0, 0.31.0): train() dispatches to _train / _train_distributed
_TE = {"within": "def train_epoch"}
_TR_OLD = {"within": "def train("}
_TR_NEW = {"within": "def _train("}
_OE = {"within": "def on_epoch_end"}
CASE = {
    "name": "rv_learner",
    "title": "raster-vision Learner training loop across 0.12 .. 0.31.1 (click -> tqdm, self.opt -> optimizer arg, "
             "self.start_epoch -> local start_epoch, train() split into train/_train/_train_distributed, "
             "eval_model -> validate/_validate, last_model_path -> last_model_weights_path, torch.save -> save_weights, "
             "save_all_checkpoints)",
    "stories": _V,
    "probes": {
        "train_loss": {
            "text": 'flor.log("train_loss", output[\'train_loss\'].item())',
            "intent": "loss of every training batch, right after the backward pass",
            "newest": ("after", "output['train_loss'].backward()", _TE),
            "versions": dict(
                [(0, ("after", "loss.backward()", dict(_TE, note=
                    "0.12 binds `loss = output['train_loss']` and calls `loss.backward()`: same statement; "
                    "output['train_loss'] is still bound, so the text is unchanged")))] +
                [(v, ("after", "output['train_loss'].backward()", _TE)) for v in range(1, 9)]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0][\'lr\'])',
            "intent": "learning rate after each batch, after the (optional) per-step scheduler step",
            "newest": ("after", "if step_scheduler is not None:", _TE),
            "versions": dict(
                [(v, ("after", "if self.step_scheduler:", {
                    "within": "def train_epoch", "renames": {"optimizer": "self.opt"},
                    "alt": [("after", "num_samples += x.shape[0]",
                             {"within": "def train_epoch", "renames": {"optimizer": "self.opt"}})],
                    "note": "before 0.20 train_epoch takes no optimizer argument and uses self.opt; after the whole "
                            "`if self.step_scheduler:` (not inside it); `num_samples += x.shape[0]` has no "
                            "counterpart in the newest version, so either side of it is accepted"}))
                 for v in _OLD] +
                [(v, ("after", "if step_scheduler is not None:", dict(_TE, note=
                    "`num_samples += x.shape[0]` (removed in 0.21) has no counterpart in the newest version: "
                    "either side of it is accepted",
                    alt=[("after", "num_samples += x.shape[0]", _TE)]) if v in (3, 4) else _TE))
                 for v in range(3, 9)]),
        },
        "num_batches": {
            "text": 'flor.log("num_batches", len(outputs))',
            "intent": "number of training batches in the epoch, once the empty-epoch check has passed",
            "newest": ("after", "if len(outputs) == 0:", _TE),
            "versions": dict(
                [(v, ("after", "with click.progressbar(self.train_dl, label='Training') as bar:", {
                    "note": "no empty-epoch check before 0.20.2: after the batch loop's `with` block, before "
                            "metrics = self.train_end(...)"})) for v in _OLD] +
                [(3, ("after", "with tqdm(self.train_dl, desc='Training') as bar:", {
                    "note": "no empty-epoch check in 0.20: after the batch loop's `with` block"}))] +
                [(v, ("after", "if len(outputs) == 0:", _TE)) for v in range(4, 9)]),
        },
        "start_epoch": {
            "text": 'flor.log("start_epoch", start_epoch)',
            "intent": "epoch that (resumed) training starts from, after the train-start hook",
            "newest": ("after", "self.on_train_start()", _TR_NEW),
            "versions": dict(
                [(v, ("after", "self.on_train_start()", {
                    "within": "def train(", "renames": {"start_epoch": "self.start_epoch"},
                    "alt": [("after", "if self.start_epoch > 0 and self.start_epoch <= self.cfg.solver.num_epochs:",
                             {"renames": {"start_epoch": "self.start_epoch"}})],
                    "note": "before 0.20 the start epoch is the attribute self.start_epoch (set in __init__); "
                            "on_train_start() runs before the 'Resuming' log there (after it in the newest), so "
                            "right after on_train_start() and right after the whole resume `if` (just before the "
                            "epoch loop) are both accepted"}))
                 for v in _OLD] +
                [(v, ("after", "self.on_train_start()", {
                    "within": "def train(",
                    "note": "train() computes start/end epochs itself, then calls on_train_start() right before the loop"}))
                 for v in _MID] +
                [(v, ("after", "self.on_train_start()", _TR_NEW)) for v in _DDP]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch counter at the start of every (non-distributed) epoch, after the epoch log line",
            "newest": ("after", "log.info(f'epoch: {epoch}')", _TR_NEW),
            "versions": dict(
                [(v, ("after", "log.info('epoch: {}'.format(epoch))", _TR_OLD)) for v in _OLD] +
                [(v, ("after", "log.info(f'epoch: {epoch}')", _TR_OLD)) for v in _MID] +
                [(v, ("after", "log.info(f'epoch: {epoch}')", _TR_NEW)) for v in _DDP]),
        },
        "epoch_lr": {
            "text": 'flor.log("epoch_lr", self.opt.param_groups[0][\'lr\'])',
            "intent": "learning rate after the (optional) per-epoch scheduler step, every epoch",
            "newest": ("after", "if self.epoch_scheduler:", _TR_NEW),
            "versions": dict(
                [(v, ("after", "if self.epoch_scheduler:", _TR_OLD)) for v in range(7)] +
                [(v, ("after", "if self.epoch_scheduler:", _TR_NEW)) for v in _DDP]),
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", self.last_model_weights_path)',
            "intent": "path of the last-epoch weights, right after they are written",
            "newest": ("after", "self.save_weights(self.last_model_weights_path)", _OE),
            "versions": dict(
                [(v, ("after", "torch.save(self.model.state_dict(), self.last_model_path)", {
                    "within": "def on_epoch_end", "renames": {"self.last_model_weights_path": "self.last_model_path"},
                    "note": "before 0.20 the attribute is last_model_path and weights are written with torch.save"}))
                 for v in _OLD] +
                [(v, ("after", "torch.save(self.model.state_dict(), self.last_model_weights_path)", dict(_OE, note=
                    "torch.save(...) replaced by self.save_weights(...) in 0.30")))
                 for v in _MID] +
                [(v, ("after", "self.save_weights(self.last_model_weights_path)", _OE)) for v in _DDP]),
        },
        "archived_ckpt": {
            "text": 'flor.log("archived_ckpt", checkpoint_path)',
            "intent": "where the previous epoch's checkpoint is archived when save_all_checkpoints is on",
            "newest": ("after", "shutil.move(self.last_model_weights_path, checkpoint_path)", _OE),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "save_all_checkpoints arrives in 0.21.3; on_epoch_end binds no checkpoint_path before",
                      {"scope": "on_epoch_end"})) for v in range(6)] +
                [(v, ("after", "shutil.move(self.last_model_weights_path, checkpoint_path)", _OE))
                 for v in range(6, 9)]),
        },
        "ddp_metrics": {
            "text": 'flor.log("ddp_metrics", metrics)',
            "intent": "epoch metrics of distributed training, on the master rank, after the epoch-end hook",
            "newest": ("after", "self.on_epoch_end(epoch, metrics)", {"within": "def _train_distributed"}),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "no distributed training before 0.30: no _train_distributed loop; the train() loop of "
                      "v00-v06 is the counterpart of _train, which the newest version keeps separately",
                      {"note": "judgment call: the old single-process loop is the image of _train, not of "
                               "_train_distributed (both coexist in the newest version)"})) for v in range(7)] +
                [(v, ("after", "self.on_epoch_end(epoch, metrics)", {"within": "def _train_distributed"}))
                 for v in _DDP]),
        },
        "eval_metrics": {
            "text": 'flor.log("eval_metrics", metrics)',
            "intent": "final evaluation metrics of a split, on the reporting process only",
            "newest": ("after", "if self.is_ddp_process and not self.is_ddp_master:", {"within": "def _validate"}),
            "versions": dict(
                [(v, ("after", "metrics = self.validate_epoch(dl)", {
                    "within": "def eval_model",
                    "note": "before 0.30 evaluation is eval_model(split) with no DDP early return: after "
                            "metrics = self.validate_epoch(dl), before the metrics log line"})) for v in range(7)] +
                [(v, ("after", "if self.is_ddp_process and not self.is_ddp_master:", {"within": "def _validate"}))
                 for v in _DDP]),
        },
    },
}
