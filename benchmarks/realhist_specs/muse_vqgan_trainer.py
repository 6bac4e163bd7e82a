# muse-maskgit-pytorch muse_maskgit_pytorch/trainers.py (VQGanVAETrainer.__init__ / train_step / train), PyPI 0.0.11 .. 0.3.5 (v00 .. v06).
# Round 30, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "muse_vqgan_trainer" / "versions.json").read_text())
OLDER = range(6)
# v00 0.0.11: first trainers.py; EMA built in __init__ only on the main process (`if self.is_main and use_ema:`),
#             train_step uses self.vae.discr / self.ema_vae directly, discr_optim.zero_grad() AFTER the
#             discriminator step, EMA update and result sampling under `self.is_main and ...`, torch.save.
# v01 0.0.17: PIL ImageFile.LOAD_TRUNCATED_IMAGES (imports only).
# v02 0.0.18: discr_optim.zero_grad() moved to the top of the `if exists(self.vae.discr):` branch.
# v03 0.0.26: DistributedDataParallelKwargs(find_unused_parameters=True) handler in __init__, EMA built on every
#             process after accelerator.prepare, train_step binds locals `discr` / `ema_vae` (unwrapping
#             .module when distributed), EMA update and sampling on every process, wait_for_everyone +
#             accelerator.save of the unwrapped model.
# v04 0.0.27: `ema_vae = ...` only under `if self.use_ema:`.
# v05 0.1.4:  find_and_pop(kwargs_handlers, ...) reuses a user-supplied DDP kwargs handler.
# v06 0.1.5, 0.3.5: lambda instead of partial(isinstance, ...) in find_and_pop (newest).
_INIT = {"within": "def __init__("}
_TS = {"within": "def train_step("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "muse_vqgan_trainer",
    "title": "muse-maskgit-pytorch VQGanVAETrainer across 0.0.11 .. 0.3.5 (discriminator zero_grad moved, DDP "
             "kwargs handler, EMA on every process, local discr/ema_vae unwrapping .module, accelerator.save)",
    "stories": _V,
    "probes": {
        "n_vae_params": {
            "text": 'flor.log("n_vae_params", sum(p.numel() for p in vae_parameters))',
            "intent": "number of VQGAN-VAE (generator) parameters optimised by self.optim, excluding the discriminator",
            "newest": ("after", "self.vae_parameters = vae_parameters", _INIT),
            "versions": {v: ("after", "self.vae_parameters = vae_parameters", _INIT) for v in OLDER},
        },
        "ddp_find_unused": {
            "text": 'flor.log("ddp_find_unused", ddp_kwargs.find_unused_parameters)',
            "intent": "the find_unused_parameters setting of the DDP kwargs handler passed to the Accelerator",
            "newest": ("after", "kwargs_handlers.append(ddp_kwargs)", _INIT),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.0.26 the Accelerator is built straight from accelerate_kwargs: no "
                      "DistributedDataParallelKwargs handler, no ddp_kwargs", {"scope": "VQGanVAETrainer.__init__"}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "kwargs_handlers.append(ddp_kwargs)", _w(_INIT, note=
                      "0.0.26/0.0.27 build the handler first (`ddp_kwargs = DistributedDataParallelKwargs(...)`) "
                      "and then read kwargs_handlers; the append is the same statement")
                      if v in (3, 4) else _INIT)) for v in (3, 4, 5)]),
        },
        "gen_loss": {
            "text": 'flor.log("gen_loss", loss.item())',
            "intent": "VQGAN-VAE (generator) loss of each gradient-accumulation micro-step, after it is accumulated in logs",
            "newest": ("after", "accum_log(logs, {'loss':", _TS),
            "versions": {v: ("after", "accum_log(logs, {'loss':", _TS) for v in OLDER},
        },
        "vae_grad_norm": {
            "text": 'flor.log("vae_grad_norm", float(sum(p.grad.norm() ** 2 for p in self.vae.parameters() '
                    'if p.grad is not None) ** 0.5))',
            "intent": "global gradient norm of the VAE after the optional clipping, before the optimizer step",
            "newest": ("after", "if exists(self.max_grad_norm):", _TS),
            "versions": {v: ("after", "if exists(self.max_grad_norm):", _TS) for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", self.optim.param_groups[0]["lr"])',
            "intent": "learning rate of the VAE optimizer each step, after its step and zero_grad",
            "newest": ("after", "self.optim.zero_grad()", _TS),
            "versions": {v: ("after", "self.optim.zero_grad()", _TS) for v in OLDER},
        },
        "discr_grad_norm": {
            "text": 'flor.log("discr_grad_norm", float(sum(p.grad.norm() ** 2 for p in discr.parameters() '
                    'if p.grad is not None) ** 0.5))',
            "intent": "gradient norm of the discriminator after the optional clipping, before its optimizer step",
            "newest": ("after", "if exists(self.discr_max_grad_norm):", _TS),
            "versions": dict(
                [(v, ("after", "if exists(self.discr_max_grad_norm):", _w(_TS, renames={"discr": "self.vae.discr"},
                      note="before 0.0.26 train_step has no local `discr`: it reads the discriminator as "
                           "self.vae.discr (its branch is `if exists(self.vae.discr):` and it clips "
                           "self.vae.discr.parameters()); the newest `discr` is the same module (self.vae.discr, "
                           "unwrapped from .module only when distributed)")))
                 for v in (0, 1, 2)] +
                [(v, ("after", "if exists(self.discr_max_grad_norm):", _TS)) for v in (3, 4, 5)]),
        },
        "discr_loss": {
            "text": 'flor.log("discr_loss", logs["discr_loss"])',
            "intent": "accumulated discriminator loss of the step, right after the discriminator optimizer step",
            "newest": ("after", "self.discr_optim.step()", _TS),
            "versions": dict(
                [(v, ("after", "self.discr_optim.step()", _w(_TS, **{
                    "alt": [("after", "self.discr_optim.zero_grad()", _TS)],
                    "note": "0.0.11/0.0.17 call discr_optim.zero_grad() right after the step (0.0.18 moved it to "
                            "the top of the branch): the probe reads logs, which zero_grad does not touch, so "
                            "either side of that moved statement, before the print, is right"})))
                 for v in (0, 1)] +
                [(v, ("after", "self.discr_optim.step()", _TS)) for v in (2, 3, 4, 5)]),
        },
        "ema_step": {
            "text": 'flor.log("ema_step", int(ema_vae.step.item()))',
            "intent": "step counter of the EMA generator, right after the EMA update",
            "newest": ("after", "ema_vae.update()", _TS),
            "versions": dict(
                [(v, ("after", "self.ema_vae.update()", _w(_TS, renames={"ema_vae": "self.ema_vae"},
                      note="before 0.0.26 the EMA is updated as self.ema_vae.update() under "
                           "`if self.is_main and self.use_ema:` (the EMA only exists on the main process): the "
                           "old equivalent condition; the newest local ema_vae is self.ema_vae (unwrapped "
                           "from .module only when distributed)")))
                 for v in (0, 1, 2)] +
                [(v, ("after", "ema_vae.update()", _TS)) for v in (3, 4, 5)]),
        },
        "valid_recon_mse": {
            "text": 'flor.log("valid_recon_mse", (recons - valid_data).pow(2).mean().item())',
            "intent": "reconstruction MSE on a validation batch for each evaluated VAE (model and EMA), when "
                      "results are sampled",
            "newest": ("after", "recons = model(valid_data, return_recons = True)", _TS),
            "versions": {v: ("after", "recons = model(valid_data, return_recons = True)", _w(_TS, note=
                "the sampling branch is `if self.is_main and not (steps % self.save_results_every):` before "
                "0.0.26 (main process only): the old equivalent condition") if v < 3 else _TS) for v in OLDER},
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", model_path)',
            "intent": "path of the VAE checkpoint just written (every save_model_every steps, main process)",
            "newest": ("after", "self.accelerator.save(state_dict, model_path)", _TS),
            "versions": dict(
                [(v, ("after", "torch.save(state_dict, model_path)", _w(_TS, note=
                      "before 0.0.26 the state dict is written with torch.save instead of accelerator.save: "
                      "same statement")))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self.accelerator.save(state_dict, model_path)", _TS)) for v in (3, 4, 5)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", logs["loss"])',
            "intent": "VAE loss returned by each train_step in the training loop of train()",
            "newest": ("after", "logs = self.train_step()", {"within": "def train("}),
            "versions": {v: ("after", "logs = self.train_step()", {"within": "def train("}) for v in OLDER},
        },
    },
}
