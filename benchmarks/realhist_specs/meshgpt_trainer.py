# meshgpt-pytorch meshgpt_pytorch/trainer.py (MeshAutoencoderTrainer and MeshTransformerTrainer: __init__ and the
# forward() training loops), PyPI 0.0.37 .. 1.8.1 (v00 .. v11).
# Round 31, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "meshgpt_trainer" / "versions.json").read_text())
OLDER = range(11)
# v00 0.0.37: `for _ in range(self.num_train_steps)`, `vertices, faces = next(dl_iter)` inside autocast, one backward
#             per step, clip_grad_norm_ by hand, get_optimizer() defined in the file; no checkpoints, no self.log
# v01 0.0.41: save()/load(), `while step < self.num_train_steps`
# v02 0.0.55: grad_accum_every loop with maybe_no_sync, data -> forward_kwargs by if/elif over tuple/dict,
#             self.log(loss=...), checkpoints (the autoencoder saves under plain `if self.is_main:`, every step),
#             wandb trackers, data_kwargs
# v03 0.1.0: pytorch_warmup LinearWarmup + LR scheduler (ConstantLRScheduler default), scheduler step under warmup
# v04 0.2.0: autoencoder validation (EMA model, total_val_loss), next_data_to_forward_kwargs() helper (autoencoder)
# v05 0.2.25: maybe_del drops texts/text_embeds from the autoencoder's kwargs
# v06 0.3.10: autoencoder loss breakdown: total_loss, (recon_loss, commit_loss); validation on recon loss only
#             (total_val_recon_loss)
# v07 0.3.20: transformer validation (total_val_loss), next_data_to_forward_kwargs() for the transformer
# v08 0.4.12: pytorch_custom_utils: OptimizerWithWarmupSchedule (warmup, scheduler, grad clipping inside);
#             autoencoder checkpoints only every checkpoint_every steps
# v09 0.4.23: @add_wandb_tracker_contextmanager replaces trackers(); v10 1.2.22: typecheck; v11 1.8.1 (newest)
_AE = {"within": "class MeshAutoencoderTrainer"}
_TR = {"within": "class MeshTransformerTrainer"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "meshgpt_trainer",
    "title": "meshgpt-pytorch MeshAutoencoderTrainer / MeshTransformerTrainer across 0.0.37 .. 1.8.1 (single step -> "
             "gradient accumulation, checkpoints, warmup + scheduler -> OptimizerWithWarmupSchedule, validation for "
             "the autoencoder then the transformer, autoencoder loss breakdown)",
    "stories": _V,
    "probes": {
        "n_faces": {
            "text": 'flor.log("n_faces", forward_kwargs["faces"].shape[1])',
            "intent": "padded number of faces of each autoencoder micro-batch, right after it is fetched",
            "newest": ("after", "forward_kwargs = self.next_data_to_forward_kwargs(dl_iter)", _AE),
            "versions": dict(
                [(v, ("after", "vertices, faces = next(dl_iter)", _w(_AE, renames={'forward_kwargs["faces"]': "faces"},
                      note="before 0.0.55 the batch is unpacked into `vertices, faces` (inside the autocast block, "
                           "no accumulation loop): the faces tensor is `faces`, the probe follows the fetch")))
                 for v in (0, 1)] +
                [(v, ("after", "if isinstance(data, tuple):", _w(_AE, note=(
                    "0.0.55 / 0.1.0 build forward_kwargs inline with `data = next(dl_iter)` and an if/elif over "
                    "tuple/dict: after the whole if/elif (not inside the elif, whose body `forward_kwargs = data` "
                    "only runs for dict batches)")))) for v in (2, 3)] +
                [(v, ("after", "forward_kwargs = self.next_data_to_forward_kwargs(dl_iter)", _AE))
                 for v in range(4, 11)]),
        },
        "recon_loss": {
            "text": 'flor.log("recon_loss", recon_loss.item())',
            "intent": "autoencoder reconstruction loss of each micro-batch, right after the forward",
            "newest": ("after", "total_loss, (recon_loss, commit_loss) = self.model(", _AE),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.3.10 the autoencoder trainer only gets the total loss from the model (no "
                      "return_loss_breakdown): no reconstruction loss (the total loss is a different value)",
                      {"scope": "MeshAutoencoderTrainer.forward"})) for v in range(6)] +
                [(v, ("after", "total_loss, (recon_loss, commit_loss) = self.model(", _AE)) for v in range(6, 11)]),
        },
        "ae_loss": {
            "text": 'flor.log("ae_loss", total_loss.item())',
            "intent": "autoencoder total loss of the last micro-batch of each step, after it is printed and logged",
            "newest": ("after", "self.log(", _w(_AE, n=1, of=2)),
            "versions": dict(
                [(v, ("after", "self.print(f'loss: {loss.item():.3f}')", _w(_AE, renames={"total_loss": "loss"},
                      note="before 0.0.55 there is no self.log: the place keeps its position after the loss print, "
                           "before the grad clipping; the model's single returned loss is the total loss")))
                 for v in (0, 1)] +
                [(v, ("after", "self.log(loss = loss.item())", _w(_AE, renames={"total_loss": "loss"},
                      note="before 0.3.10 the autoencoder's total loss is `loss`")))
                 for v in range(2, 6)] +
                [(v, ("after", "self.log(", _w(_AE, n=1, of=2))) for v in range(6, 11)]),
        },
        "val_recon_loss": {
            "text": 'flor.log("val_recon_loss", float(total_val_recon_loss))',
            "intent": "autoencoder validation reconstruction loss (EMA model), every val_every steps on the main process",
            "newest": ("after", "self.print(f'valid recon loss: {total_val_recon_loss:.3f}')", _AE),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no validation in the autoencoder trainer before 0.2.0", {"scope": "MeshAutoencoderTrainer.forward"}))
                 for v in range(4)] +
                [(v, ("na", "missing_dependency",
                      "0.2.x validates the autoencoder on its total loss (total_val_loss = mean of the EMA model's "
                      "total loss, recon + commitment); the reconstruction-only value appears in 0.3.10. The total "
                      "validation loss would be a different value, not a rename",
                      {"scope": "MeshAutoencoderTrainer.forward"})) for v in (4, 5)] +
                [(v, ("after", "self.print(f'valid recon loss: {total_val_recon_loss:.3f}')", _AE))
                 for v in range(6, 11)]),
        },
        "ae_ckpt_num": {
            "text": 'flor.log("ae_ckpt_num", checkpoint_num)',
            "intent": "number of each autoencoder checkpoint, when it is about to be saved",
            "newest": ("after", "checkpoint_num = step // self.checkpoint_every", _AE),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no checkpointing in the training loop before 0.0.55 (no checkpoint_num, no checkpoint_folder)",
                      {"scope": "MeshAutoencoderTrainer.forward"})) for v in (0, 1)] +
                [(v, ("after", "checkpoint_num = step // self.checkpoint_every", _w(_AE, note=(
                    "0.0.55 .. 0.3.20 save the autoencoder under plain `if self.is_main:` (every step, a bug fixed "
                    "in 0.4.12 by adding divisible_by(step, self.checkpoint_every)); that block is still the "
                    "checkpoint block: the probe goes in it, after checkpoint_num")))) for v in range(2, 8)] +
                [(v, ("after", "checkpoint_num = step // self.checkpoint_every", _AE)) for v in range(8, 11)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "mesh transformer loss of each micro-batch, right after its backward",
            "newest": ("after", "self.accelerator.backward(loss / self.grad_accum_every)", _TR),
            "versions": dict(
                [(v, ("after", "self.accelerator.backward(loss)", _w(_TR, note=(
                    "before 0.0.55 there is no accumulation loop: one backward of the unscaled loss per step, "
                    "inside the autocast block")))) for v in (0, 1)] +
                [(v, ("after", "self.accelerator.backward(loss / self.grad_accum_every)", _TR)) for v in range(2, 11)]),
        },
        "warmup_steps": {
            "text": 'flor.log("warmup_steps", warmup_steps)',
            "intent": "number of LR warmup steps of the mesh transformer, once the optimizer/warmup/scheduler is built",
            "newest": ("after", "self.optimizer = OptimizerWithWarmupSchedule(", _TR),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no LR warmup before 0.1.0 (no warmup_steps argument)",
                      {"scope": "MeshTransformerTrainer.__init__"})) for v in (0, 1, 2)] +
                [(v, ("after", "if exists(scheduler):", _w(_TR, alt=[("after", "self.warmup = warmup.LinearWarmup(", _TR)],
                      note="0.1.0 .. 0.3.20 build in three statements what OptimizerWithWarmupSchedule wraps later: "
                           "optimizer, `self.warmup = warmup.LinearWarmup(...)`, and the scheduler if/else. Primary "
                           "place after the whole if/else (the group is complete, before the DataLoader); right "
                           "after the warmup is built (the statement that consumes warmup_steps) is also accepted")))
                 for v in range(3, 8)] +
                [(v, ("after", "self.optimizer = OptimizerWithWarmupSchedule(", _TR)) for v in range(8, 11)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", float(total_val_loss))',
            "intent": "mesh transformer validation loss, every val_every steps on the main process",
            "newest": ("after", "self.print(f'valid recon loss: {total_val_loss:.3f}')", _TR),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no validation in the transformer trainer before 0.3.20 (the autoencoder trainer's "
                      "total_val_loss in 0.2.x is another model's value in another method)",
                      {"scope": "MeshTransformerTrainer.forward",
                       "probe_site": ("after", "self.step.add_(1)", _TR)})) for v in range(7)] +
                [(v, ("after", "self.print(f'valid recon loss: {total_val_loss:.3f}')", _TR)) for v in range(7, 11)]),
        },
        "step": {
            "text": 'flor.log("step", step)',
            "intent": "mesh transformer step counter, right after it is incremented",
            "newest": ("after", "self.step.add_(1)", _TR),
            "versions": {v: ("after", "self.step.add_(1)", _TR) for v in OLDER},
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", str(self.checkpoint_folder / f"mesh-transformer.ckpt.{checkpoint_num}.pt"))',
            "intent": "path of each mesh transformer checkpoint, right after it is saved",
            "newest": ("after", "self.save(self.checkpoint_folder / f'mesh-transformer.ckpt.", _TR),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no checkpointing in the training loop before 0.0.55 (no checkpoint_folder, no checkpoint_num)",
                      {"scope": "MeshTransformerTrainer.forward"})) for v in (0, 1)] +
                [(v, ("after", "self.save(self.checkpoint_folder / f'mesh-transformer.ckpt.", _TR))
                 for v in range(2, 11)]),
        },
    },
}
