# OpenCLIP training/train.py, later open_clip_train/train.py (train_one_epoch, evaluate),
# PyPI open-clip-torch 2.7.0 .. 3.3.0 (v00 .. v10).
# Round 7, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "openclip_train" / "versions.json").read_text())
ALL = range(10)
_NO_SPS = ("na", "missing_dependency",
           "samples/s is computed inline in the log f-string before 2.16; no samples_per_second variable",
           {"scope": "train_one_epoch"})
_NO_GEN = ("na", "missing_dependency",
           "no generative (CoCa) loss in evaluate before 2.11", {"scope": "evaluate"})
CASE = {
    "name": "openclip_train",
    "title": "OpenCLIP train_one_epoch/evaluate across 2.7.0 .. 3.3.0 (gradient accumulation, loss dict, "
             "distillation, logit_bias, wandb/tb logging rework)",
    "stories": _V,
    "probes": {
        "step": {
            "text": 'flor.log("step", step)',
            "intent": "global optimizer step of each iteration, once computed",
            "newest": ("after", "step = num_batches_per_epoch * epoch + i"),
            "versions": {v: ("after", "step = num_batches_per_epoch * epoch + i") for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of each iteration, after the (optional) scheduler call",
            "newest": ("after", "if not args.skip_scheduler:"),
            "versions": {v: ("after", "if not args.skip_scheduler:") for v in ALL},
        },
        "loss": {
            "text": 'flor.log("loss", total_loss.item())',
            "intent": "total loss of each step without accumulation, after backward",
            "newest": ("after", "backward(total_loss, scaler)", {"n": 1, "of": 2}),
            "versions": dict(
                [(0, ("after", "with autocast():", {"within": "def train_one_epoch",
                      "note": "2.7 has no backward() helper and no accum branch: backward is inside each branch "
                              "of `if scaler is not None:` together with the optimizer step; the unconditional "
                              "equivalent is after the loss is computed, before that if/else (rule 2/3)"}))] +
                [(v, ("after", "backward(total_loss, scaler)", {"n": 1, "of": 2,
                      "note": "the one in the `if args.accum_freq == 1:` branch, not the one in the accum loop"}))
                 for v in range(1, 10)]),
        },
        "logit_scale": {
            "text": 'flor.log("logit_scale", unwrap_model(model).logit_scale.exp().item())',
            "intent": "learned temperature after the clamp block of each step",
            "newest": ("before", "batch_time_m.update(time.time() - end)"),
            "versions": {v: ("before", "batch_time_m.update(time.time() - end)", {
                "note": "after the `with torch.no_grad():` clamp block, not inside it"}) for v in ALL},
        },
        "loss_avg": {
            "text": 'flor.log("loss_avg", losses_m["loss"].avg)',
            "intent": "running average of the total loss in the logging window (master, log steps only)",
            "newest": ("after", "for key, val in losses.items():"),
            "versions": dict(
                [(v, ("after", "loss_m.update(total_loss.item(), batch_size)", {
                    "renames": {'losses_m["loss"]': "loss_m"},
                    "note": "before 2.11 a single AverageMeter loss_m tracks the total loss; it is the "
                            "meter losses_m[\"loss\"] later"})) for v in (0, 1)] +
                [(v, ("after", "for key, val in losses.items():")) for v in range(2, 10)]),
        },
        "samples_per_second": {
            "text": 'flor.log("samples_per_second", samples_per_second)',
            "intent": "throughput computed under the logging condition",
            "newest": ("after", "samples_per_second = "),
            "versions": dict([(v, _NO_SPS) for v in range(4)] +
                             [(v, ("after", "samples_per_second = ")) for v in range(4, 10)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", loss.item())',
            "intent": "mean contrastive validation loss once computed",
            "newest": ("after", "loss = cumulative_loss / num_samples"),
            "versions": {v: ("after", "loss = cumulative_loss / num_samples") for v in ALL},
        },
        "val_gen_loss": {
            "text": 'flor.log("val_gen_loss", gen_loss.item())',
            "intent": "mean generative validation loss, only for models that produce one",
            "newest": ("after", "gen_loss = cumulative_gen_loss / num_samples"),
            "versions": dict([(v, _NO_GEN) for v in (0, 1)] +
                             [(v, ("after", "gen_loss = cumulative_gen_loss / num_samples")) for v in range(2, 10)]),
        },
    },
}
