# denoising-diffusion-pytorch denoising_diffusion_pytorch/denoising_diffusion_pytorch.py (Trainer.train,
# GaussianDiffusion.p_losses), PyPI 0.7.0 .. 2.3.4 (v00 .. v09).
# Round 7, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ddpm_trainer" / "versions.json").read_text())
ALL = range(9)
_NO_TOTAL = ("na", "missing_dependency",
             "no total_loss before 0.27: each micro-step's loss is printed / shown on the progress bar, "
             "never summed", {"scope": "train"})
_NO_FID = ("na", "missing_dependency", "no FID computation before 1.5.0: fid_score is never bound",
           {"scope": "train"})
CASE = {
    "name": "ddpm_trainer",
    "title": "lucidrains denoising-diffusion-pytorch Trainer.train and p_losses across 0.7.0 .. 2.3.4 "
             "(apex fp16 -> GradScaler -> accelerate, hand-written EMA -> ema_pytorch, step increment "
             "moved before sampling, FID)",
    "stories": _V,
    "probes": {
        "micro_loss": {
            "text": 'flor.log("micro_loss", loss.item())',
            "intent": "loss of each gradient-accumulation micro-step, after its backward",
            "newest": ("after", "self.accelerator.backward(loss)"),
            "versions": {
                0: ("after", "backwards(loss / self.gradient_accumulate_every", {
                    "note": "0.7 backpropagates loss / accum through the apex helper; loss itself is "
                            "unscaled here (scaled in place from 0.27 on), same place"}),
                1: ("after", "self.scaler.scale(loss", {
                    "alt": [("after", "with autocast(")],
                    "note": "the scaled backward sits inside the autocast block; right after it, or "
                            "right after the block (nothing runs in between)"}),
                2: ("after", "self.scaler.scale(loss", {
                    "alt": [("after", "with autocast(")],
                    "note": "as v01; the per-micro-step pbar.set_description after the block has no "
                            "counterpart there in the newest version"}),
                **{v: ("after", "self.accelerator.backward(loss)") for v in range(3, 9)},
            },
        },
        "total_loss": {
            "text": 'flor.log("total_loss", total_loss)',
            "intent": "accumulated loss of one optimizer step, right after the accumulation loop",
            "newest": ("after", "for _ in range(self.gradient_accumulate_every):"),
            "versions": {
                0: _NO_TOTAL, 1: _NO_TOTAL, 2: _NO_TOTAL,
                3: ("after", "for _ in range(self.gradient_accumulate_every):"),
                4: ("after", "for _ in range(self.gradient_accumulate_every):", {
                    "alt": [("after", "accelerator.clip_grad_norm_(")],
                    "note": "1.0/1.5 clip right after the accumulation loop (the newest clips after "
                            "wait_for_everyone); clipping does not touch total_loss, either side of it"}),
                5: ("after", "for _ in range(self.gradient_accumulate_every):", {
                    "alt": [("after", "accelerator.clip_grad_norm_(")],
                    "note": "as v04"}),
                **{v: ("after", "for _ in range(self.gradient_accumulate_every):") for v in range(6, 9)},
            },
        },
        "step": {
            "text": 'flor.log("step", self.step)',
            "intent": "step counter right after it is advanced",
            "newest": ("after", "self.step += 1"),
            "versions": {v: ("after", "self.step += 1", {
                "note": "the increment is the last statement of the loop body (after sampling) before 1.0"}
                if v < 4 else {}) for v in ALL},
        },
        "ema_norm": {
            "text": 'flor.log("ema_norm", sum(p.norm().item() for p in self.ema.ema_model.parameters()))',
            "intent": "total weight norm of the EMA model after the EMA update of each step (main process)",
            "newest": ("after", "self.ema.update()"),
            "versions": {
                **{v: ("after", "if self.step % self.update_ema_every == 0:", {
                    "renames": {"self.ema.ema_model": "self.ema_model"},
                    "note": "before ema_pytorch the EMA model is self.ema_model, stepped under "
                            "`if self.step % self.update_ema_every == 0:`; ema.update() in the newest "
                            "runs every step (the every-N gate is inside ema_pytorch), so the probe goes "
                            "after that if block, not inside it; no processes, so no is_main_process"})
                   for v in range(0, 3)},
                **{v: ("after", "self.ema.update()") for v in range(3, 9)},
            },
        },
        "milestone": {
            "text": 'flor.log("milestone", milestone)',
            "intent": "sample/checkpoint milestone, every save_and_sample_every steps",
            "newest": ("after", "milestone = self.step // self.save_and_sample_every"),
            "versions": {v: ("after", "milestone = self.step // self.save_and_sample_every") for v in ALL},
        },
        "sample_range": {
            "text": 'flor.log("sample_range", (all_images.min().item(), all_images.max().item()))',
            "intent": "value range of the sampled images before they are saved",
            "newest": ("after", "all_images = torch.cat(all_images_list"),
            "versions": {
                **{v: ("after", "all_images = torch.cat(all_images_list", {
                    "alt": [("after", "all_images = (all_images + 1) * 0.5")],
                    "note": "0.7/0.10 sample in [-1, 1] and rescale right after the cat (no counterpart "
                            "in the newest, whose sampler already returns [0, 1]): either side of it"})
                   for v in (0, 1)},
                **{v: ("after", "all_images = torch.cat(all_images_list") for v in range(2, 9)},
            },
        },
        "fid": {
            "text": 'flor.log("fid", fid_score)',
            "intent": "FID of the samples, when FID is computed",
            "newest": ("after", "fid_score = self.fid_scorer.fid_score()"),
            "versions": {
                0: _NO_FID, 1: _NO_FID, 2: _NO_FID, 3: _NO_FID, 4: _NO_FID,
                5: ("after", "fid_score = self.fid_score(", {
                    "note": "1.5 computes FID with its own method under `if exists(self.inception_v3):`, "
                            "after the save; same role"}),
                **{v: ("after", "fid_score = self.fid_scorer.fid_score()") for v in range(6, 9)},
            },
        },
        "raw_loss": {
            "text": 'flor.log("raw_loss", loss.mean().item())',
            "intent": "denoising loss before the per-timestep loss weighting, in p_losses",
            "newest": ("after", "loss = reduce(loss, 'b ... -> b', 'mean')"),
            "versions": {
                **{v: ("after", "if self.loss_type == 'l1':", {
                    "within": "def p_losses",
                    "note": "0.7/0.10 compute a scalar l1/l2 loss in an if/elif/else and apply no "
                            "weighting; after the whole if statement, before `return loss`"})
                   for v in (0, 1)},
                **{v: ("after", "loss = reduce(loss, 'b ... -> b (...)', 'mean')", {
                    "note": "reduced to (b, 1) rather than (b,) before 1.9; same value"})
                   for v in range(2, 6)},
                **{v: ("after", "loss = reduce(loss, 'b ... -> b', 'mean')") for v in range(6, 9)},
            },
        },
    },
}
