# transganformer transganformer/transganformer.py (Trainer.train step with gradient-accumulation loops, plus
# Trainer.init_GAN/save, Transganformer.__init__ and Discriminator.forward), PyPI 0.0.2 .. 0.0.17 (v00 .. v10).
# Round 31, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "transganformer_train" / "versions.json").read_text())
OLDER = range(10)
# v00 0.0.2: lightweight-gan-derived discriminator (decoder1/decoder2 aux loss, 32x32 side output),
#            Transganformer passes transparent/greyscale to G and D (no init_channel), optimizer/attn_res_layers/
#            syncbatchnorm/antialias options, D_loss_fn/G_loss_fn chosen by dual_contrast_loss
# v01 0.0.3: transformer G/D rewritten: no 32x32 output, Discriminator returns torch.tensor(0) as aux loss,
#            Transganformer computes init_channel with if/elif/else
# v02 0.0.4: Discriminator gets fmaps + aux_decoder: recon_loss = F.mse_loss(x_, recon)
# v03 0.0.5 / v04 0.0.7 / v05 0.0.8: model tweaks; generator step detaches real_output (dual contrastive)
# v06 0.0.9: dual_contrast_loss removed: hinge divergence inline, loss = fake_output.mean()
# v07 0.0.10 .. v10 0.0.17: model-only changes (positional embeddings, attention details); Trainer unchanged
_DLF = range(6)          # v00-v05: divergence = D_loss_fn(...), loss = G_loss_fn(...)
_TGF = {"within": "class Transganformer"}
_DFW = {"within": "def forward(self, x, calc_aux_loss"}
CASE = {
    "name": "transganformer_train",
    "title": "transganformer Trainer.train / init_GAN / save, Transganformer.__init__ and Discriminator.forward "
             "across 0.0.2 .. 0.0.17 (lightweight-gan discriminator -> transformer discriminator with no, then an "
             "aux-decoder reconstruction loss; dual-contrastive loss option removed; init_channel computed once)",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "per-process batch size used by every accumulation step of the training step",
            "newest": ("after", "batch_size = math.ceil(self.batch_size / self.world_size)"),
            "versions": {v: ("after", "batch_size = math.ceil(self.batch_size / self.world_size)") for v in OLDER},
        },
        "divergence": {
            "text": 'flor.log("divergence", divergence.item())',
            "intent": "hinge divergence of the discriminator on each accumulation step, right after it is computed",
            "newest": ("after", "divergence = (F.relu(1 + real_output_loss)"),
            "versions": dict(
                [(0, ("after", "divergence = D_loss_fn(real_output_loss, fake_output_loss)", {
                    "alt": [("after", "divergence_32x32 = D_loss_fn(")],
                    "note": "0.0.2 computes the main divergence with D_loss_fn (hinge_loss unless dual_contrast_loss) "
                            "and then a 32x32 side divergence that has no counterpart in the newest version: the "
                            "probe may go on either side of `divergence_32x32 = ...`, before `disc_loss = ...`"}))] +
                [(v, ("after", "divergence = D_loss_fn(real_output_loss, fake_output_loss)", {
                    "note": "before 0.0.9 the divergence is D_loss_fn(real_output_loss, fake_output_loss) "
                            "(hinge_loss by default); same variable, same place"})) for v in range(1, 6)] +
                [(v, ("after", "divergence = (F.relu(1 + real_output_loss)")) for v in range(6, 10)]),
        },
        "gp": {
            "text": 'flor.log("gp", gp.item())',
            "intent": "gradient penalty every 4th step, right after it is computed (before the NaN check)",
            "newest": ("after", "gp =  self.gp_weight"),
            "versions": {v: ("after", "gp =  self.gp_weight") for v in OLDER},
        },
        "d_loss": {
            "text": 'flor.log("d_loss", self.d_loss)',
            "intent": "discriminator loss of the step (mean divergence over accumulation steps)",
            "newest": ("after", "self.d_loss = float(total_disc_loss.item() / self.gradient_accumulate_every)"),
            "versions": {v: ("after", "self.d_loss = float(total_disc_loss.item() / self.gradient_accumulate_every)")
                         for v in OLDER},
        },
        "g_loss_raw": {
            "text": 'flor.log("g_loss_raw", loss.item())',
            "intent": "unscaled generator adversarial loss of each accumulation step, right after it is computed",
            "newest": ("after", "loss = fake_output.mean()"),
            "versions": dict(
                [(0, ("after", "loss = G_loss_fn(fake_output, real_output)", {
                    "alt": [("after", "loss_32x32 = G_loss_fn(")],
                    "note": "0.0.2 computes loss with G_loss_fn (gen_hinge_loss unless dual_contrast_loss), then a "
                            "32x32 side loss with no counterpart in the newest version: either side of it"}))] +
                [(v, ("after", "loss = G_loss_fn(fake_output, real_output)", {
                    "note": "before 0.0.9: loss = G_loss_fn(fake_output, real_output) (gen_hinge_loss = "
                            "fake_output.mean() by default); same variable and place"})) for v in range(1, 6)] +
                [(v, ("after", "loss = fake_output.mean()")) for v in range(6, 10)]),
        },
        "fid": {
            "text": 'flor.log("fid", fid)',
            "intent": "FID score when it is computed (main process, every calculate_fid_every steps)",
            "newest": ("after", "fid = self.calculate_fid(num_batches)"),
            "versions": {v: ("after", "fid = self.calculate_fid(num_batches)") for v in OLDER},
        },
        "recon_loss": {
            "text": 'flor.log("recon_loss", recon_loss.item())',
            "intent": "discriminator's self-supervised reconstruction loss on real images, as returned to the trainer",
            "newest": ("after", "recon_loss = F.mse_loss(x_, recon)"),
            "versions": dict(
                [(0, ("after", "if exists(self.decoder2):", dict(_DFW, renames={"recon_loss": "aux_loss"}, alt=[
                    ("after", "aux_loss = F.mse_loss(", _DFW)],
                    note="judgment call: 0.0.2's Discriminator returns its self-supervised reconstruction loss as "
                         "aux_loss (8x8 decoder, plus a 16x16 quadrant decoder only when image size >= 512); it is the "
                         "value train stores as last_recon_loss, as recon_loss is in the newest version: rename. "
                         "Primary place after the whole `if exists(self.decoder2):` (the returned value, right "
                         "before the return, as in the newest version); right after the first `aux_loss = "
                         "F.mse_loss(...)` (the single-decoder MSE, the literal counterpart of the newest "
                         "statement; equal to the returned value unless decoder2 exists) is also accepted")))] +
                [(1, ("na", "missing_dependency",
                      "0.0.3's transformer discriminator has no reconstruction decoder: forward returns "
                      "torch.tensor(0) as aux loss; no recon_loss (a constant zero is not a rename)",
                      {"scope": "Discriminator.forward"}))] +
                [(v, ("after", "recon_loss = F.mse_loss(x_, recon)")) for v in range(2, 10)]),
        },
        "init_channel": {
            "text": 'flor.log("init_channel", init_channel)',
            "intent": "number of image channels the GAN is built for (3, or 4 transparent, or 1 greyscale)",
            "newest": ("after", "if transparent:", _TGF),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.2's Transganformer.__init__ passes transparent/greyscale on to Generator and "
                      "Discriminator, which compute init_channel themselves; no init_channel in this scope",
                      {"scope": "Transganformer.__init__",
                       "probe_site": ("after", "self.image_size = image_size", _TGF)}))] +
                [(v, ("after", "if transparent:", dict(_TGF, note="after the whole if/elif/else, not in a branch")
                      if v == 1 else _TGF)) for v in range(1, 10)]),
        },
        "ckpt_num": {
            "text": 'flor.log("ckpt_num", num)',
            "intent": "number of each checkpoint, right after it is written",
            "newest": ("after", "torch.save(save_data, self.model_name(num))"),
            "versions": {v: ("after", "torch.save(save_data, self.model_name(num))") for v in OLDER},
        },
        "n_params_G": {
            "text": 'flor.log("n_params_G", sum(p.numel() for p in self.GAN.G.parameters()))',
            "intent": "generator parameter count, once the GAN is instantiated (before the DDP wrappers)",
            "newest": ("after", "self.GAN = Transganformer("),
            "versions": {v: ("after", "self.GAN = Transganformer(", {
                "note": "0.0.2 sets global norm_class/Blur and may init a process group before building the GAN; "
                        "the probe still follows the construction"} if v == 0 else {}) for v in OLDER},
        },
    },
}
