# imagen-pytorch imagen_pytorch/trainer.py (ImagenTrainer.forward / update / train_step / valid_step), PyPI 0.0.20 .. 2.1.0 (v00 .. v09).
# Round 29, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "imagen_trainer" / "versions.json").read_text())
OLD = range(9)
# The training step of ImagenTrainer is split over forward() (chunked loss + backward) and update()
# (clip, optimizer step, EMA, lr scheduler, step counter, periodic checkpoint); train_step()/valid_step()
# (0.19.0, v03) fetch a batch from a dataloader and call forward (and, from 0.20.0, v04, update).
# History: v00 0.0.20 per-unet GradScaler used by hand (scaler.step / scaler.update), a single
# `self.step` counter, local EMA class; v01 0.0.50 adds warmup / lr scheduler; v02 0.18.0 per-unet
# `self.steps` counters, ema_pytorch EMA via get_ema_unet; v03 0.19.0 train_step / valid_step
# (forward only, returned directly); v04 0.20.0 train_step calls update, valid_step can swap in EMA
# unets; v05 0.21.0 Accelerator (clip_grad_norm_, optimizer.step(), accelerator.backward);
# v06 0.22.0 validate_and_set_unet_being_trained / set_accelerator_scaler; v07 1.4.0 periodic
# checkpointing at the end of update; v08 1.17.0 lazy prepare(); v09 2.1.0 newest.
_FWD = {"within": "def forward("}
_UPD = {"within": "def update(self, unet_number"}
_TRAIN = {"within": "def train_step("}
_VALID = {"within": "def valid_step("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "imagen_trainer",
    "title": "imagen-pytorch ImagenTrainer training step across 0.0.20 .. 2.1.0 (hand-managed GradScaler -> "
             "Accelerator, lr warmup/scheduler, single step counter -> per-unet steps, train_step/valid_step, "
             "unet_being_trained, periodic checkpointing in update)",
    "stories": _V,
    "probes": {
        "unet_number": {
            "text": 'flor.log("unet_number", unet_number)',
            "intent": "number of the unet trained by this forward call, once it has been resolved/validated, "
                      "before the chunk loop",
            "newest": ("after", "assert not exists(self.only_train_unet_number) or self.only_train_unet_number == unet_number, f'", _FWD),
            "versions": dict(
                [(v, ("before", "total_loss = 0.", _w(_FWD, note=
                      "0.0.x/0.18 have no only_train_unet_number assert: the unet number is resolved by "
                      "`if self.num_unets == 1: unet_number = default(unet_number, 1)`; the probe goes after that "
                      "whole if (not inside it), i.e. right before `total_loss = 0.`"))) for v in (0, 1, 2)] +
                [(v, ("after", "assert not exists(self.only_train_unet_number) or self.only_train_unet_number == unet_number, f'",
                      _FWD)) for v in range(3, 9)]),
        },
        "backward_loss": {
            "text": 'flor.log("backward_loss", loss.item())',
            "intent": "scaled chunk loss right after its backward pass (training mode only)",
            "newest": ("after", "self.accelerator.backward(loss)", _FWD),
            "versions": dict(
                [(v, ("after", "self.scale(loss, unet_number = unet_number).backward()", _w(_FWD, note=
                      "before the Accelerator (0.21) the backward is `self.scale(loss, ...).backward()` through the "
                      "unet's GradScaler: same statement, inside `if self.training:`"))) for v in range(0, 5)] +
                [(v, ("after", "self.accelerator.backward(loss)", _FWD)) for v in range(5, 9)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", sum(p.grad.norm() ** 2 for p in unet.parameters() if p.grad is not None) ** 0.5)',
            "intent": "gradient norm of the trained unet right after clipping (only when max_grad_norm is set)",
            "newest": ("after", "self.accelerator.clip_grad_norm_(unet.parameters(), self.max_grad_norm)", _UPD),
            "versions": dict(
                [(v, ("after", "nn.utils.clip_grad_norm_(unet.parameters(), self.max_grad_norm)", _w(_UPD, note=
                      "before 0.21 the clip is `scaler.unscale_(optimizer)` + `nn.utils.clip_grad_norm_(...)` inside "
                      "`if exists(self.max_grad_norm):`; after the clip. `unet` is bound by "
                      "`unet = self.imagen.unets[index]` (same local name)"))) for v in range(0, 5)] +
                [(v, ("after", "self.accelerator.clip_grad_norm_(unet.parameters(), self.max_grad_norm)", _UPD))
                 for v in range(5, 9)]),
        },
        "loss_scale": {
            "text": 'flor.log("loss_scale", scaler.get_scale())',
            "intent": "grad scaler's loss scale right after the optimizer step",
            "newest": ("after", "optimizer.step()", _UPD),
            "versions": dict(
                [(v, ("after", "scaler.update()", _w(_UPD, note=
                      "before the Accelerator (0.21) the step is `scaler.step(optimizer)` followed by "
                      "`scaler.update()`; the newest `optimizer.step()` is the accelerated optimizer whose step does "
                      "both (scaler.step + scaler.update of the scaler set by set_accelerator_scaler), so its image "
                      "is the pair: after `scaler.update()` (after `scaler.step(optimizer)` alone the scale is not "
                      "yet updated)"))) for v in range(0, 5)] +
                [(v, ("after", "optimizer.step()", _UPD)) for v in range(5, 9)]),
        },
        "ema_step": {
            "text": 'flor.log("ema_step", ema_unet.step.item())',
            "intent": "EMA step counter of the trained unet right after the EMA update (only with use_ema)",
            "newest": ("after", "ema_unet.update()", _UPD),
            "versions": {v: ("after", "ema_unet.update()", _w(_UPD, **({"note":
                             "0.0.x uses the file's own EMA class (`self.ema_unets[index]`), which also has a "
                             "`step` buffer"} if v < 2 else {}))) for v in OLD},
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of the trained unet's optimizer after the (warmup) scheduler step",
            "newest": ("after", "with maybe_warmup_context:", _UPD),
            "versions": dict(
                [(0, ("after", "if self.use_ema:", _w(_UPD, note=
                      "0.0.20 has no scheduler: the probe keeps its place after the EMA update block (the whole "
                      "if) and before the step counter `self.step += 1`")))] +
                [(v, ("after", "with maybe_warmup_context:", _UPD)) for v in range(1, 9)]),
        },
        "steps": {
            "text": 'flor.log("steps", self.steps.tolist())',
            "intent": "trainer step counter(s) right after they are advanced",
            "newest": ("after", "self.steps += F.one_hot(", _UPD),
            "versions": dict(
                [(v, ("after", "self.step += 1", _w(_UPD, renames={"self.steps": "self.step"}, note=
                      "unsure: 0.0.x keeps one counter buffer `self.step` (`self.step += 1`), which 0.18 replaced "
                      "by the per-unet buffer `self.steps` (`self.steps += F.one_hot(...)`); taken as the same "
                      "counter under its old name (its value is the total rather than per unet)")))
                 for v in (0, 1)] +
                [(v, ("after", "self.steps += F.one_hot(", _UPD)) for v in range(2, 9)]),
        },
        "ckpt_total_steps": {
            "text": 'flor.log("ckpt_total_steps", total_steps)',
            "intent": "total step count at which a periodic checkpoint is about to be written",
            "newest": ("after", "if total_steps % self.checkpoint_every:", _UPD),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "no periodic checkpointing in update() before 1.x (checkpoint_path / checkpoint_every / "
                      "save_to_checkpoint_folder do not exist; saving is left to the user's save()), and "
                      "`total_steps` is not computed", {"scope": "update"})) for v in range(0, 7)] +
                [(v, ("after", "if total_steps % self.checkpoint_every:", _UPD)) for v in (7, 8)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss)',
            "intent": "loss of one train_step (forward on the next train batch), after the update",
            "newest": ("after", "self.update(unet_number = unet_number)", _TRAIN),
            "versions": dict(
                [(v, ("na", "no_anchor", "no train_step / dataloader support before 0.19.0: the user calls "
                      "forward() and update() directly", {"scope": "ImagenTrainer"})) for v in (0, 1, 2)] +
                [(3, ("na", "missing_dependency",
                      "0.19.0 train_step only `return self.step_with_dl_iter(...)`: no update call and no variable "
                      "holds the loss", {"scope": "train_step", "probe_site": (
                          "before", "return self.step_with_dl_iter(self.train_dl_iter", _TRAIN)}))] +
                [(v, ("after", "self.update(unet_number = unet_number)", _w(_TRAIN, **({"note":
                      "0.20.0 passes `*kwargs` (a bug later fixed); same statements"} if v == 4 else {}))))
                 for v in range(4, 9)]),
        },
        "valid_loss": {
            "text": 'flor.log("valid_loss", loss)',
            "intent": "validation loss of one valid_step, inside the (EMA or null) context",
            "newest": ("after", "loss = self.step_with_dl_iter(self.valid_dl_iter, **kwargs)", _VALID),
            "versions": dict(
                [(v, ("na", "no_anchor", "no valid_step / validation dataloader before 0.19.0",
                      {"scope": "ImagenTrainer"})) for v in (0, 1, 2)] +
                [(3, ("na", "missing_dependency",
                      "0.19.0 valid_step only `return self.step_with_dl_iter(self.valid_dl_iter, **kwargs)`: no "
                      "variable holds the loss", {"scope": "valid_step", "probe_site": (
                          "before", "return self.step_with_dl_iter(self.valid_dl_iter", _VALID)}))] +
                [(v, ("after", "loss = self.step_with_dl_iter(self.valid_dl_iter, **kwargs)", _VALID))
                 for v in range(4, 9)]),
        },
    },
}
