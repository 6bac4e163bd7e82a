# stylegan2-pytorch stylegan2_pytorch/stylegan2_pytorch.py (Trainer.train), PyPI 0.1 .. 1.9.0 (v00 .. v11).
# Round 26, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "stylegan2_trainer" / "versions.json").read_text())
NEWEST = 11
OLDER = range(NEWEST)
# v00 0.1, v01 0.4, v02 0.6.0, v03 0.10.0, v04 0.14.0, v05 0.17.0, v06 0.19.0, v07 0.22.3 (DDP: S/G/D_aug
# locals, is_main, rel_disc_loss), v08 1.2.0 (exists(), has_fq guard, top-k generator training, FID),
# v09 1.5.0 (self.track(...) after every loss), v10 1.7.0 (D_loss_fn/G_loss_fn), v11 1.9.0


def _same(anchor, vs, opts=None):
    return {v: (anchor[0], anchor[1], dict(opts)) if opts else anchor for v in vs}


CASE = {
    "name": "stylegan2_trainer",
    "title": "stylegan2-pytorch Trainer.train (one GAN step) across 0.1 .. 1.9.0 "
             "(.backward() -> backwards(...) with loss ids, contrastive/quantize losses, augmented D_aug, "
             "DDP locals and is_main guards, has_fq guard, top-k generator training, self.track after every loss, "
             "pluggable loss functions, D_aug returning the augmented images)",
    "stories": _V,
    "probes": {
        "apply_path_penalty": {
            "text": 'flor.log("apply_path_penalty", apply_path_penalty)',
            "intent": "whether this step applies the path-length penalty, once the per-step flags are set",
            "newest": ("after", "apply_cl_reg_to_generated = "),
            "versions": {**_same(("after", "apply_path_penalty = ", {
                "note": "apply_cl_reg_to_generated (the previous sibling) appears only in 0.14; the probe keeps "
                        "its place right after the regularisation flags, i.e. after apply_path_penalty"}), range(0, 4)),
                         **_same(("after", "apply_cl_reg_to_generated = "), range(4, NEWEST))},
        },
        "fake_score": {
            "text": 'flor.log("fake_score", fake_output.mean().item())',
            "intent": "mean discriminator score of the detached fakes in the discriminator pass",
            "newest": ("after", "generated_images, (fake_output, fake_q_loss) = D_aug("),
            "versions": {
                0: ("after", "fake_output = self.GAN.D(generated_images.clone", {
                    "note": "0.1 scores the fakes with the plain discriminator; the discriminator-pass call, "
                            "not the generator-pass one"}),
                1: ("after", "fake_output = self.GAN.D(generated_images)", {
                    "n": 1, "of": 2,
                    "note": "0.4 detaches in the G call, so the discriminator-pass and generator-pass lines are "
                            "identical text: the first one (inside the discriminator accumulation loop)"}),
                2: ("after", "fake_output = self.GAN.D(generated_images.clone"),
                **_same(("after", "fake_output, fake_q_loss = ", {
                    "note": "D returns (output, quantize loss) from 0.10, D_aug from 0.17, the DDP-aware local "
                            "D_aug from 0.22; 1.9 also returns the augmented images: same statement"}), range(3, NEWEST)),
            },
        },
        "d_margin": {
            "text": 'flor.log("d_margin", (real_output_loss - fake_output_loss).mean().item())',
            "intent": "margin between real and fake discriminator losses after the optional relativistic adjustment",
            "newest": ("after", "if self.rel_disc_loss:"),
            "versions": {
                **{v: ("na", "missing_dependency",
                       "real_output_loss / fake_output_loss (and the relativistic option) appear in 0.22; before "
                       "that the hinge reads real_output/fake_output directly, which would be a substitute, not a rename",
                       {"scope": "Trainer.train"}) for v in range(0, 7)},
                **_same(("after", "if self.rel_disc_loss:", {
                    "note": "after the whole `if self.rel_disc_loss:` block, not inside it"}), range(7, NEWEST)),
            },
        },
        "q_loss": {
            "text": 'flor.log("q_loss", self.q_loss)',
            "intent": "vector-quantisation loss of the discriminator, right after it is stored",
            "newest": ("after", "self.q_loss = float"),
            "versions": {
                **{v: ("na", "missing_dependency",
                       "no quantised discriminator (fake_q_loss/real_q_loss, self.q_loss) before 0.10",
                       {"scope": "Trainer.train"}) for v in range(0, 3)},
                **_same(("after", "self.q_loss = float", {
                    "note": "0.10 .. 0.22 compute the quantize loss unconditionally (no `if self.has_fq:`): "
                            "the unconditional equivalent"}), range(3, 8)),
                **_same(("after", "self.q_loss = float"), range(8, NEWEST)),
            },
        },
        "gp": {
            "text": 'flor.log("gp", self.last_gp_loss)',
            "intent": "gradient penalty on the steps that apply it, after it is recorded",
            "newest": ("after", "self.track(self.last_gp_loss"),
            "versions": {
                **_same(("after", "self.last_gp_loss = gp", {
                    "note": "self.track(...) (the previous sibling) appears in 1.5: right after the value is stored, "
                            "inside `if apply_gradient_penalty:` and before it is added to disc_loss"}), range(0, 9)),
                **_same(("after", "self.track(self.last_gp_loss"), range(9, NEWEST)),
            },
        },
        "d_loss": {
            "text": 'flor.log("d_loss", self.d_loss)',
            "intent": "discriminator loss of the step, after the accumulation loop and before the optimizer step",
            "newest": ("after", "self.track(self.d_loss"),
            "versions": {
                **_same(("after", "self.d_loss = float", {
                    "note": "no self.track before 1.5: after `self.d_loss = float(total_disc_loss)`, before "
                            "self.GAN.D_opt.step()"}), range(0, 9)),
                **_same(("after", "self.track(self.d_loss"), range(9, NEWEST)),
            },
        },
        "k_frac": {
            "text": 'flor.log("k_frac", k_frac)',
            "intent": "fraction of fakes kept by top-k generator training",
            "newest": ("after", "k = math.ceil"),
            "versions": {
                **{v: ("na", "missing_dependency", "top-k generator training (k_frac) appears in 1.2",
                       {"scope": "Trainer.train"}) for v in range(0, 8)},
                **_same(("after", "k = math.ceil"), range(8, NEWEST)),
            },
        },
        "gen_loss": {
            "text": 'flor.log("gen_loss", gen_loss.item())',
            "intent": "generator loss of each accumulation micro-batch, after its backward pass",
            "newest": ("after", "backwards(gen_loss"),
            "versions": {
                **_same(("after", "gen_loss.backward()", {
                    "note": "0.1/0.4 call gen_loss.backward() directly; later backwards(gen_loss, G_opt[, id])"}),
                        range(0, 2)),
                **_same(("after", "backwards(gen_loss"), range(2, NEWEST)),
            },
        },
        "pl_mean": {
            "text": 'flor.log("pl_mean", self.pl_mean)',
            "intent": "running path-length mean, when it is updated",
            "newest": ("after", "self.track(self.pl_mean"),
            "versions": {
                0: ("after", "self.pl_mean = self.pl_length_ma", {
                    "note": "0.1 guards the update with `if apply_path_penalty:` only (no NaN check): the "
                            "equivalent condition; no self.track before 1.5"}),
                **_same(("after", "self.pl_mean = self.pl_length_ma", {
                    "note": "no self.track before 1.5: right after the update, inside the same if"}), range(1, 9)),
                **_same(("after", "self.track(self.pl_mean"), range(9, NEWEST)),
            },
        },
        "saved_step": {
            "text": 'flor.log("saved_step", self.steps)',
            "intent": "step at which a checkpoint was just written",
            "newest": ("after", "self.save("),
            "versions": {
                0: ("after", "self.save(", {
                    "note": "0.1 saves under `if self.steps % 500 == 0:` nested in `if self.steps != 0 and "
                            "self.steps % 100 == 0:` - that is its save condition, so the probe stays with the save"}),
                **_same(("after", "self.save(", {
                    "note": "no `if self.is_main:` before 0.22 (single process): same save condition without it"}),
                        range(1, 7)),
                **_same(("after", "self.save("), range(7, NEWEST)),
            },
        },
    },
}
