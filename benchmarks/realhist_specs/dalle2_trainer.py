# dalle2-pytorch dalle2_pytorch/trainer.py (DecoderTrainer.update/forward/__init__, DiffusionPriorTrainer.update/forward),
# PyPI 0.0.77 .. 1.15.6 (v00 .. v11); dalle2_pytorch/train.py before 0.2.39.
# Round 27, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "dalle2_trainer" / "versions.json").read_text())
OLDER = range(11)
# v00 0.0.77   train.py: DecoderTrainer only, plain optimizer, forward = one decoder call
# v01 0.0.90   GradScaler per unet, grad clipping, forward(divisor) returns the scaled loss, per-unet lr/wd
# v02 0.0.109  + DiffusionPriorTrainer (scaler, clip, EMA)
# v03 0.2.24   forward does the backward itself and returns loss.item()
# v04 0.2.30   chunked forward loop (split_args_and_kwargs, total_loss), self.step counters
# v05 0.2.39   trainer.py; `if self.num_unets == 1:` default unet, `if self.training:` around backward
# v06 0.10.1   decoder on accelerate (clip_grad_norm_, backward, autocast), prior: backprop()/wait_for_everyone
# v07 0.16.6   decoder LR schedulers + warmup, per-unet `steps` buffer + increment_step
# v08 0.17.1   validate_and_return_unet_number
# v09 1.0.0    return_lowres_cond_image / loss_obj in the decoder loop
# v10 1.0.4    prior on accelerate, scheduler stepped unless the optimizer step was skipped
# v11 1.15.6   newest (optional warmup on the prior, cosine decay)
_DEC = {"within": "class DecoderTrainer"}
_PRI = {"within": "class DiffusionPriorTrainer"}
_NO_PRIOR = "no DiffusionPriorTrainer in this release (the file only has the decoder trainer)"


def _o(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "dalle2_trainer",
    "title": "dalle2-pytorch DecoderTrainer/DiffusionPriorTrainer across 0.0.77 .. 1.15.6 "
             "(train.py -> trainer.py, GradScaler -> accelerate, one-shot forward -> chunked loss loop, "
             "step -> per-unet steps, LR schedulers with warmup, unet-number validation)",
    "stories": _V,
    "probes": {
        "unet_lr": {
            "text": 'flor.log("unet_lr", lr)',
            "intent": "per-unet learning rates after they are broadcast to one value per unet (DecoderTrainer.__init__)",
            "newest": ("after", "lr, wd, eps, warmup_steps, cosine_decay_max_steps = map("),
            "versions": {
                0: ("na", "missing_dependency",
                    "0.0.77 takes no lr argument (it goes to get_optimizer through **kwargs); no per-unet lr exists",
                    {"probe_site": ("after", "self.ema_unets = nn.ModuleList([])")}),
                1: ("after", "lr, wd = map(", {"note": "the broadcast statement grows (lr, wd) -> (lr, wd, eps, ...); same statement"}),
                2: ("after", "lr, wd = map("),
                3: ("after", "lr, wd, eps = map("),
                4: ("after", "lr, wd, eps = map("),
                5: ("after", "lr, wd, eps = map("),
                6: ("after", "lr, wd, eps = map("),
                7: ("after", "lr, wd, eps, warmup_steps = map("),
                8: ("after", "lr, wd, eps, warmup_steps = map("),
                9: ("after", "lr, wd, eps, warmup_steps = map("),
                10: ("after", "lr, wd, eps, warmup_steps = map("),
            },
        },
        "unet_number": {
            "text": 'flor.log("unet_number", unet_number)',
            "intent": "which unet a decoder training call trains, once it is resolved, at the start of DecoderTrainer.forward",
            "newest": ("after", "unet_number = self.validate_and_return_unet_number(unet_number)", {"within": "def forward"}),
            "versions": dict(
                [(v, ("first_in", "def forward", _o(_DEC, note=
                    "unet_number is a required keyword argument, nothing resolves it: the probe is the first "
                    "statement of DecoderTrainer.forward (before the autocast block / total_loss = 0.)")))
                 for v in range(0, 5)] +
                [(v, ("after", "if self.num_unets == 1:", {"within": "def forward", "note":
                    "the default is filled in by an inline `if self.num_unets == 1:` block: after the whole if, "
                    "not inside it (the probe runs for every call)"})) for v in range(5, 8)] +
                [(v, ("after", "unet_number = self.validate_and_return_unet_number(unet_number)", {"within": "def forward"}))
                 for v in range(8, 11)]),
        },
        "chunk_loss": {
            "text": 'flor.log("chunk_loss", loss.item())',
            "intent": "decoder loss of every (chunk of a) batch, right after it is weighted by the chunk fraction, inside autocast",
            "newest": ("after", "loss = loss * chunk_size_frac", _DEC),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.77 returns self.decoder(...) directly: no loss variable exists in forward",
                      {"probe_site": ("before", "return self.decoder(x")}))] +
                [(v, ("after", "loss = self.decoder(", {"note":
                    "no chunking yet (one chunk, fraction 1): after the decoder loss inside autocast, before it is "
                    "divided/scaled for the return (v01-v02) or backpropagated (v03)"})) for v in range(1, 4)] +
                [(v, ("after", "loss = loss * chunk_size_frac", _DEC)) for v in range(4, 11)]),
        },
        "decoder_loss": {
            "text": 'flor.log("decoder_loss", total_loss)',
            "intent": "total decoder loss of one training call, after the chunk loop",
            "newest": ("after", "for chunk_size_frac", _DEC),
            "versions": dict(
                [(0, ("na", "missing_dependency", "no total_loss before the chunked loop of 0.2.30",
                      {"probe_site": ("before", "return self.decoder(x")}))] +
                [(v, ("na", "missing_dependency",
                      "no total_loss before the chunked loop of 0.2.30 (forward returns the scaled loss / loss.item()); "
                      "`loss` would be a guessed substitute, not a rename",
                      {"probe_site": ("before", "return loss.item()" if v == 3 else "return self.scale(loss / divisor", _DEC)}))
                 for v in range(1, 4)] +
                [(v, ("after", "for chunk_size_frac", _DEC)) for v in range(4, 11)]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of the unet being trained, after the optimizer and scheduler step (DecoderTrainer.update)",
            "newest": ("after", "with scheduler_context():"),
            "versions": dict(
                [(v, ("after", "optimizer.zero_grad()", {"note":
                    "no LR scheduler before 0.16.6: after the optimizer step/zero_grad, before the EMA block"}))
                 for v in range(0, 7)] +
                [(v, ("after", "with scheduler_context():")) for v in range(7, 11)]),
        },
        "ema_step": {
            "text": 'flor.log("ema_step", ema_unet.step.item())',
            "intent": "EMA step counter of the trained unet, right after the EMA update (only when EMA is used)",
            "newest": ("after", "ema_unet.update()"),
            "versions": {v: ("after", "ema_unet.update()", {"note": "inside `if self.use_ema:` like the newest version; "
                                                             "the EMA class moves to ema_pytorch in 0.16.6"} if v == 7 else {})
                         for v in OLDER},
        },
        "decoder_steps": {
            "text": 'flor.log("decoder_steps", self.steps.tolist())',
            "intent": "decoder trainer step counter(s) at the end of every update",
            "newest": ("after", "self.increment_step(unet_number)"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "the decoder trainer keeps no step counter before 0.2.30",
                      {"probe_site": ("after", "if self.use_ema:", {"within": "def update(self, unet_number"})}))
                 for v in range(0, 4)] +
                [(v, ("after", "self.step += 1", _o(_DEC, renames={"self.steps": "self.step"}, note=
                    "0.2.30-0.10.1 count with one buffer `self.step` (`self.step += 1`), replaced in 0.16.6 by the "
                    "per-unet buffer `self.steps` (`self.increment_step(unet_number)`) at the same place: a rename")))
                 for v in range(4, 7)] +
                [(v, ("after", "self.increment_step(unet_number)")) for v in range(7, 11)]),
        },
        "prior_lr": {
            "text": 'flor.log("prior_lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "prior learning rate after the optimizer step and the (conditional) scheduler step",
            "newest": ("after", "if not self.accelerator.optimizer_step_was_skipped:"),
            "versions": dict(
                [(v, ("na", "no_anchor", _NO_PRIOR)) for v in range(0, 2)] +
                [(v, ("after", "self.optimizer.zero_grad()", {"note":
                    "no scheduler before 1.0.4: after the optimizer step/zero_grad, before the EMA block"}))
                 for v in range(2, 10)] +
                [(10, ("after", "if not self.accelerator.optimizer_step_was_skipped:", {"note":
                    "after the whole `if`, not inside it: the probe runs on every update"}))]),
        },
        "prior_loss": {
            "text": 'flor.log("prior_loss", total_loss)',
            "intent": "total prior loss of one training call, after the chunk loop",
            "newest": ("after", "for chunk_size_frac", _PRI),
            "versions": dict(
                [(v, ("na", "no_anchor", _NO_PRIOR)) for v in range(0, 2)] +
                [(2, ("na", "missing_dependency", "forward returns self.scaler.scale(loss / divisor): no total_loss",
                      {"probe_site": ("before", "return self.scaler.scale(loss / divisor)")}))] +
                [(3, ("na", "missing_dependency",
                      "forward returns loss.item(): no total_loss (`loss` would be a guessed substitute)",
                      {"probe_site": ("before", "return loss.item()", _PRI)}))] +
                [(v, ("after", "for chunk_size_frac", _PRI)) for v in range(4, 11)]),
        },
        "prior_chunk_loss": {
            "text": 'flor.log("prior_chunk_loss", loss.item())',
            "intent": "prior loss of each chunk right after its backward pass (training mode only)",
            "newest": ("after", "self.accelerator.backward(loss)", _PRI),
            "versions": dict(
                [(v, ("na", "no_anchor", _NO_PRIOR)) for v in range(0, 2)] +
                [(2, ("after", "with autocast(enabled = self.amp):", _o(_PRI, note=
                    "0.0.109 does no backward in forward (the caller backpropagates the returned scaled loss): "
                    "the place keeping the order is after the autocast block that computes loss, before the return")))] +
                [(3, ("after", "scaled_loss.backward()", _o(_PRI, note=
                    "0.2.24: backward is inside the autocast block, unconditional (no training condition yet)")))] +
                [(4, ("after", "self.scaler.scale(loss).backward()", _o(_PRI, note=
                    "0.2.30 backpropagates unconditionally (no `if self.training:`): the unconditional equivalent")))] +
                [(5, ("after", "self.scaler.scale(loss).backward()", _PRI))] +
                [(v, ("after", "self.backprop(self.scaler.scale(loss))", _PRI)) for v in range(6, 10)] +
                [(10, ("after", "self.accelerator.backward(loss)", _PRI))]),
        },
    },
}
