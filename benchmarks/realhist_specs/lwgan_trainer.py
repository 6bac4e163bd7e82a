# lightweight-gan lightweight_gan/lightweight_gan.py (Trainer.train), PyPI 0.1.0 .. 1.2.1 (v00 .. v09).
# Round 26, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "lwgan_trainer" / "versions.json").read_text())
OLDER = range(9)
_T = {"within": "def train(self"}
_NOAMP = range(0, 4)     # v00-v03: plain loss.backward() / opt.step(), no GradScaler, no 32x32 head
_FNS = range(4, 6)       # v04-v05: backward()/optimizer_step() helper closures with the scalers
_SCALER = range(6, 9)    # v06-v08: self.D_scaler / self.G_scaler used inline


def _t(**kw):
    d = dict(_T)
    d.update(kw)
    return d


CASE = {
    "name": "lwgan_trainer",
    "title": "lightweight-gan Trainer.train across 0.1.0 .. 1.2.1 (aux-loss/gradient-penalty toggled, "
             "moved and re-added, amp with backward/optimizer_step helpers then inline GradScaler calls, "
             "32x32 discriminator head, dual contrastive loss, top-k generator loss added then removed)",
    "stories": _V,
    "probes": {
        "apply_gp": {
            "text": 'flor.log("apply_gp", apply_gradient_penalty)',
            "intent": "whether this step applies the gradient penalty, right after it is decided",
            "newest": ("after", "apply_gradient_penalty = self.steps % 4 == 0", _T),
            "versions": dict(
                [(0, ("after", "apply_gradient_penalty = self.steps % 4 == 0", _t(
                    note="0.1.0 decides it before G/D/D_aug are picked (it moved below them in 0.9.0): "
                         "follows its sibling")))] +
                [(1, ("after", "apply_gradient_penalty = self.steps % 4 == 0", _t(
                    note="0.5.0 adds `apply_ss_aux_loss = ...` right after it, which has no counterpart in the "
                         "newest version: either side of it",
                    alt=[("after", "apply_ss_aux_loss = self.steps % 8 == 0", _T)])))] +
                [(2, ("na", "missing_dependency",
                      "0.7.0 dropped the gradient penalty entirely; apply_gradient_penalty is not bound",
                      {"scope": "Trainer.train"}))] +
                [(v, ("after", "apply_gradient_penalty = self.steps % 4 == 0", _T)) for v in range(3, 9)]),
        },
        "div_32": {
            "text": 'flor.log("div_32", divergence_32x32.item())',
            "intent": "discriminator divergence of the 32x32 output head, per accumulation micro-batch",
            "newest": ("after", "divergence_32x32 = D_loss_fn(", _T),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "the 32x32 discriminator output (and divergence_32x32) arrives in 0.11.0",
                      {"scope": "Trainer.train"})) for v in _NOAMP] +
                [(v, ("after", "divergence_32x32 = hinge_loss(", _t(
                    note="before 0.19.0 the loss function is hinge_loss directly (no D_loss_fn choice)")))
                 for v in (4, 5, 6, 7)] +
                [(8, ("after", "divergence_32x32 = D_loss_fn(", _T))]),
        },
        "disc_loss": {
            "text": 'flor.log("disc_loss", disc_loss.item())',
            "intent": "discriminator micro-batch loss right after its backward pass",
            "newest": ("after", "self.D_scaler.scale(disc_loss).backward()", _T),
            "versions": dict(
                [(v, ("after", "disc_loss.backward()", _t(
                    note="no amp before 0.11.0: plain disc_loss.backward()"))) for v in _NOAMP] +
                [(v, ("after", "backward(disc_loss, self.D_scaler)", _t(
                    note="0.11-0.14 call the local backward() helper (partial over self.amp)"))) for v in _FNS] +
                [(v, ("after", "self.D_scaler.scale(disc_loss).backward()", _T)) for v in _SCALER]),
        },
        "gp": {
            "text": 'flor.log("gp", gp.item())',
            "intent": "gradient penalty of the micro-batch, when it is applied (and finite)",
            "newest": ("after", "self.last_gp_loss = gp.clone().detach().item()", _T),
            "versions": dict(
                [(0, ("after", "self.last_gp_loss = gp.clone().detach().item()", _t(
                    note="under `if apply_gradient_penalty:` only (no NaN / inf-scale checks before 0.11/0.18)")))] +
                [(1, ("after", "self.last_gp_loss = gp.clone().detach().item()", _t(
                    decline_ok=True,
                    note="0.5.0 disables the penalty with `if apply_gradient_penalty and False:`: the equivalent "
                         "place exists but never runs; placing or declining both pass")))] +
                [(2, ("na", "missing_dependency",
                      "0.7.0 has no gradient penalty code; gp is not bound", {"scope": "Trainer.train"}))] +
                [(3, ("after", "self.last_gp_loss = gp.clone().detach().item()", _t(
                    note="re-added in 0.9.0 under `if apply_gradient_penalty:`")))] +
                [(v, ("after", "self.last_gp_loss = gp.clone().detach().item()", _t(
                    note="inside `if not torch.isnan(gp):` (0.11+), and `if inv_scale != float('inf'):` from 0.18"
                 ) if v in (4, 7) else _T)) for v in range(4, 9)]),
        },
        "recon_loss": {
            "text": 'flor.log("recon_loss", self.last_recon_loss)',
            "intent": "discriminator self-supervised reconstruction (aux) loss, once per step after the D accumulation loop",
            "newest": ("after", "self.last_recon_loss = aux_loss.item()", _T),
            "versions": dict(
                [(v, ("before", "self.d_loss = float(", _t(
                    note="before 0.9.0 self.last_recon_loss is set inside the D accumulation loop (0.5.0: under "
                         "`if exists(real_aux_loss):`); the probe runs once per step after the loop, before "
                         "self.d_loss, where the attribute holds the last micro-batch value as in the newest. "
                         "v00/v02 also accept right after the in-loop assignment (the sibling's image, "
                         "unconditional inside the loop); v01 does not, its assignment is under "
                         "`if exists(real_aux_loss):` (set only every 8th step)",
                    **({"alt": [("after", "self.last_recon_loss = aux_loss.clone().detach().item()", _T)]}
                       if v != 1 else {}))))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self.last_recon_loss = aux_loss.item()", _T)) for v in range(3, 9)]),
        },
        "d_scale": {
            "text": 'flor.log("d_scale", self.D_scaler.get_scale())',
            "intent": "discriminator AMP loss scale after the discriminator optimiser step",
            "newest": ("after", "self.D_scaler.update()", _T),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no GradScaler before 0.11.0: self.D_scaler is never assigned", {"scope": "Trainer.train"}))
                 for v in _NOAMP] +
                [(v, ("after", "optimizer_step(self.GAN.D_opt, self.D_scaler)", _t(
                    note="0.11-0.14: the optimizer_step() helper does scaler.step + scaler.update (amp) or "
                         "optimizer.step: after it"))) for v in _FNS] +
                [(v, ("after", "self.D_scaler.update()", _T)) for v in _SCALER]),
        },
        "gen_loss": {
            "text": 'flor.log("gen_loss", gen_loss.item())',
            "intent": "generator micro-batch loss after the accumulation division, before its backward",
            "newest": ("after", "gen_loss = gen_loss / self.gradient_accumulate_every", _T),
            "versions": {v: ("after", "gen_loss = gen_loss / self.gradient_accumulate_every", _t(
                note="not inside `with amp_context():` before 0.11.0 (no amp); the generator loss itself "
                     "changes (top-k hinge, then G_loss_fn + 32x32 head) but stays gen_loss") if v == 0 else _T)
                for v in OLDER},
        },
        "g_loss": {
            "text": 'flor.log("g_loss", self.g_loss)',
            "intent": "generator loss of the step, after the generator optimiser step",
            "newest": ("after", "self.G_scaler.update()", _T),
            "versions": dict(
                [(v, ("after", "self.GAN.G_opt.step()", _t(
                    note="no amp before 0.11.0: after the plain optimiser step"))) for v in _NOAMP] +
                [(v, ("after", "optimizer_step(self.GAN.G_opt, self.G_scaler)", _T)) for v in _FNS] +
                [(v, ("after", "self.G_scaler.update()", _T)) for v in _SCALER]),
        },
        "fid": {
            "text": 'flor.log("fid", fid)',
            "intent": "FID score whenever it is computed (main process, every calculate_fid_every steps)",
            "newest": ("after", "self.last_fid = fid", _T),
            "versions": {v: ("after", "self.last_fid = fid", _T) for v in OLDER},
        },
        "steps": {
            "text": 'flor.log("steps", self.steps)',
            "intent": "step counter at the end of every train() call, after the main-process save/eval block",
            "newest": ("after", "if self.is_main:", _T),
            "versions": {v: ("after", "if self.is_main:", _t(
                note="after the whole `if self.is_main:` block (the probe runs on every rank), before "
                     "self.steps += 1") if v == 0 else _T) for v in OLDER},
        },
    },
}
