# paddledet ppdet/engine/trainer.py (Trainer.train), PyPI 2.0.1 .. 2.6.0 (v00 .. v06).
# Round 27, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "paddledet_trainer" / "versions.json").read_text())
OLDER = range(6)
_TR = {"within": "def train("}
_STEP = {"within": "for step_id, data in enumerate(self.loader):"}
# the fleet/DataParallel if of train(): `if self.cfg.fleet:` in 2.0.1, `.get('fleet', False)` later
_FLEET = {0: "if self.cfg.fleet:"}
# the mixed-precision if of the step loop: fp16 flag (2.0.1 attribute, 2.1-2.3 .get), amp flag (2.4), self.use_amp (2.5+)
_AMP = {0: "if self.cfg.fp16:", 1: "if self.cfg.get('fp16', False):", 2: "if self.cfg.get('fp16', False):",
        3: "if self.cfg.get('fp16', False):", 4: "if self.cfg.get('amp', False):", 5: "if self.use_amp:",
        6: "if self.use_amp:"}
_VAL_OLD = "if validate and (self._nranks < 2 or self._local_rank == 0)"


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "paddledet_trainer",
    "title": "PaddleDetection Trainer.train across 2.0.1 .. 2.6.0 (fp16 -> amp -> self.use_amp, profiler and "
             "data['epoch_id'] (2.3), on_train_begin/end callbacks (2.3), is_snapshot and EMA applied only on "
             "snapshot epochs (2.4), sync_bn/amp scaler moved before the distributed wrap and fused-allreduce "
             "branches (2.5))",
    "stories": _V,
    "probes": {
        "dist_model": {
            "text": 'flor.log("dist_model", type(model).__name__)',
            "intent": "type of the model actually trained, right after the fleet / DataParallel wrap",
            "newest": ("after", "if self.cfg.get('fleet', False):", _TR),
            "versions": {v: ("after", _FLEET.get(v, "if self.cfg.get('fleet', False):"), _w(_TR, **({
                "note": "before 2.5 the fleet/DataParallel wrap comes right after `model = self.model` and before the "
                        "fp16/amp GradScaler (2.5 moved the scaler and sync_bn before the wrap): the probe follows the "
                        "wrap's if/elif, i.e. before the scaler if"} if v < 5 else {}))) for v in OLDER},
        },
        "im_shape": {
            "text": "flor.log(\"im_shape\", data['image'].shape)",
            "intent": "shape of each training image batch, at the start of the step (after the step-begin callback "
                      "and the epoch_id tag)",
            "newest": ("after", "data['epoch_id'] = epoch_id", _STEP),
            "versions": {v: (("after", "self._compose_callback.on_step_begin(self.status)", _w(_STEP, note=(
                "before 2.3 the batch is not tagged with data['epoch_id']: after the on_step_begin callback, "
                "the statement before it, right before the fp16 if")))
                if v < 3 else ("after", "data['epoch_id'] = epoch_id", _STEP)) for v in OLDER},
        },
        "scaled_loss": {
            "text": 'flor.log("scaled_loss", float(scaled_loss))',
            "intent": "scaled loss of a mixed-precision step, after the scaler's minimize",
            "newest": ("after", "scaler.minimize(self.optimizer, scaled_loss)", _TR),
            "versions": {v: ("after", "scaler.minimize(self.optimizer, scaled_loss)", _w(_TR, **({
                "note": "the branch is `if self.cfg.fp16` / `fp16` / `amp` before 2.5: same branch"} if v < 5 else {})))
                for v in OLDER},
        },
        "loss_fp32": {
            "text": 'flor.log("loss_fp32", float(loss))',
            "intent": "loss of a plain (non-AMP, non-fused-allreduce) step, right after backward, before the "
                      "optimizer step",
            "newest": ("after", "loss.backward()", _w(_TR, n=2, of=2)),
            "versions": {v: (("after", "loss.backward()", _w(_TR, note=(
                "before 2.5 there is no fused-allreduce condition: the non-AMP branch has a single "
                "forward/backward, the probe goes after its loss.backward() (unconditional equivalent of the "
                "newest version's inner else), before self.optimizer.step()")))
                if v < 5 else ("after", "loss.backward()", _w(_TR, n=2, of=2))) for v in OLDER},
        },
        "loss": {
            "text": 'flor.log("loss", float(loss))',
            "intent": "loss of every step, after the whole AMP/plain forward-backward-step if/else",
            "newest": ("after", "if self.use_amp:", _STEP),
            "versions": {v: ("after", _AMP[v], _w(_STEP, **({
                "note": "the mixed-precision condition is `self.cfg.fp16` (2.0.1), `cfg.get('fp16')` (2.1-2.3), "
                        "`cfg.get('amp')` (2.4): after the whole if/else, before curr_lr"} if v < 5 else {})))
                for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", curr_lr)',
            "intent": "learning rate used by each step, once it is stored in the status",
            "newest": ("after", "self.status['learning_rate'] = curr_lr", _STEP),
            "versions": {v: ("after", "self.status['learning_rate'] = curr_lr", _STEP) for v in OLDER},
        },
        "is_snapshot": {
            "text": 'flor.log("is_snapshot", is_snapshot)',
            "intent": "whether this epoch is a snapshot (eval/EMA) epoch, right after it is computed",
            "newest": ("after", "is_snapshot = ", _TR),
            "versions": {v: (("na", "missing_dependency",
                              "before 2.4 there is no is_snapshot variable: the snapshot condition is written inline "
                              "in the validation if (and EMA is applied every epoch)", {"scope": "train"})
                             if v < 4 else ("after", "is_snapshot = ", _TR)) for v in OLDER},
        },
        "ema_n_weights": {
            "text": 'flor.log("ema_n_weights", len(weight))',
            "intent": "number of tensors in the saved (non-EMA) weights, once the EMA weights are applied to the model",
            "newest": ("last_in", "if is_snapshot and self.use_ema:", _w(_TR, n=1, of=2)),
            "versions": {v: (("after", "self.model.set_dict(self.ema.apply())", _w(_TR, note=(
                "before 2.4 EMA weights are applied every epoch under `if self.use_ema:` (no snapshot condition "
                "exists): inside that branch, after set_dict (the status['weight'] store does not exist yet)")))
                if v < 4 else ("last_in", "if is_snapshot and self.use_ema:", _w(_TR, n=1, of=2))) for v in OLDER},
        },
        "eval_samples": {
            "text": "flor.log(\"eval_samples\", self.status['sample_num'])",
            "intent": "number of evaluated samples after the in-training validation",
            "newest": ("after", "with paddle.no_grad():", {"within": "if validate and is_snapshot:"}),
            "versions": {v: (("after", "with paddle.no_grad():", {"within": _VAL_OLD, "note": (
                "before 2.4 the snapshot condition (rank 0, snapshot epoch or last epoch) is inline in the "
                "validation if: same branch")})
                if v < 4 else ("after", "with paddle.no_grad():", {"within": "if validate and is_snapshot:"}))
                for v in OLDER},
        },
        "last_epoch": {
            "text": "flor.log(\"last_epoch\", self.status['epoch_id'])",
            "intent": "last epoch trained, at the end of train() after the train-end callback",
            "newest": ("after", "self._compose_callback.on_train_end(self.status)"),
            "versions": {v: (("after", "for epoch_id in range(self.start_epoch, self.cfg.epoch):", {"note": (
                "before 2.3 there is no on_train_end callback: after the epoch loop, the end of train()")})
                if v < 3 else ("after", "self._compose_callback.on_train_end(self.status)")) for v in OLDER},
        },
    },
}
