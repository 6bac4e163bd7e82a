# audiolm-pytorch audiolm_pytorch/trainer.py (SoundStreamTrainer.train_step), PyPI 0.0.20 .. 2.4.0 (v00 .. v11).
# Round 26, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "audiolm_trainer" / "versions.json").read_text())
OLDER = range(11)
# v00 0.0.20, v01 0.0.30, v02 0.0.50, v03 0.2.0, v04 0.4.0, v05 0.7.0, v06 0.12.0, v07 0.15.0,
# v08 1.7.0, v09 1.8.0, v10 1.9.1, v11 2.4.0
_SS = {"within": "class SoundStreamTrainer"}
_GEN = {"within": "range(self.grad_accum_every)"}


def _o(**kw):
    d = dict(_SS)
    d.update(kw)
    return d


CASE = {
    "name": "audiolm_trainer",
    "title": "audiolm-pytorch SoundStreamTrainer.train_step across 0.0.20 .. 2.4.0 (loss breakdown added, "
             "log_losses gating, accelerator.log -> self.log, no_sync/autocast context blocks, "
             "OptimizerWithWarmupSchedule wraps the optimizer, state_dict saves -> self.save)",
    "stories": _V,
    "probes": {
        "apply_grad_penalty": {
            "text": 'flor.log("apply_grad_penalty", apply_grad_penalty)',
            "intent": "whether this step applies the gradient penalty, once the per-step flags are computed",
            "newest": ("after", "log_losses = self.log_losses_every > 0", _SS),
            "versions": dict(
                [(v, ("after", "apply_grad_penalty = not (steps % self.apply_grad_penalty_every)", _o(
                    note="before 0.15 there is no log_losses flag (its previous sibling): right after the "
                         "apply_grad_penalty assignment, before self.soundstream.train()")))
                 for v in range(7)] +
                [(v, ("after", "log_losses = self.log_losses_every > 0", _SS)) for v in range(7, 11)]),
        },
        "gen_loss": {
            "text": 'flor.log("gen_loss", loss.item())',
            "intent": "generator (soundstream) total loss of each accumulation micro-batch, after its backward",
            "newest": ("after", "self.accelerator.backward(loss / self.grad_accum_every)", _SS),
            "versions": {v: ("after", "self.accelerator.backward(loss / self.grad_accum_every)", _o(
                note="inside the `with context():` / `with autocast(), context():` block from 1.8 on; directly in "
                     "the accumulation loop before") if v < 9 else _SS)
                for v in OLDER},
        },
        "recon_loss": {
            "text": 'flor.log("recon_loss", recon_loss.item())',
            "intent": "reconstruction loss of each generator micro-batch, at the end of the accumulation loop body",
            "newest": ("after", "if log_losses:", _GEN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.2 the soundstream returns only the total loss (`loss = self.soundstream(wave)`); "
                      "recon_loss is not bound", {"scope": "train_step"})) for v in range(3)] +
                [(v, ("after", "accum_log(logs, dict(", _o(
                    note="no `if log_losses:` block before 0.15: after the accum_log of loss/recon_loss, the last "
                         "statement of the loop body")))
                 for v in range(3, 7)] +
                [(v, ("after", "if log_losses:", _GEN)) for v in range(7, 11)]),
        },
        "ms_recon_loss": {
            "text": 'flor.log("ms_recon_loss", multi_spectral_recon_loss.item())',
            "intent": "multi-spectral reconstruction loss of a generator micro-batch, on steps that log the loss breakdown",
            "newest": ("last_in", "if log_losses:", _GEN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "multi_spectral_recon_loss is first unpacked from the loss breakdown in 0.12 "
                      "(before: `loss = ...` or `loss, (recon_loss, *_) = ...`)", {"scope": "train_step"}))
                 for v in range(6)] +
                [(6, ("after", "accum_log(logs, dict(", _o(
                    note="0.12 logs multi_spectral_recon_loss on every step and has no log_losses condition: "
                         "unconditional equivalent, after the accum_log that records it")))] +
                [(v, ("last_in", "if log_losses:", _GEN)) for v in range(7, 11)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optim.optimizer.param_groups[0]["lr"])',
            "intent": "generator learning rate after each generator optimizer step",
            "newest": ("after", "self.optim.step()", _SS),
            "versions": dict(
                [(v, ("after", "self.optim.step()", _o(
                    renames={"self.optim.optimizer": "self.optim"},
                    note="before 1.9 self.optim is the torch optimizer itself (get_optimizer); 1.9 wraps it in "
                         "OptimizerWithWarmupSchedule as self.optim.optimizer: same object, rename")))
                 for v in range(10)] +
                [(10, ("after", "self.optim.step()", _SS))]),
        },
        "discr_loss": {
            "text": 'flor.log("discr_loss", discr_loss.item())',
            "intent": "each discriminator's loss, per micro-batch, after it is accumulated into logs",
            "newest": ("after", "accum_log(logs, {name: discr_loss.item()", _SS),
            "versions": {v: ("after", "accum_log(logs, {name: discr_loss.item()", _SS) for v in OLDER},
        },
        "total_loss": {
            "text": 'flor.log("total_loss", logs["loss"])',
            "intent": "accumulated total generator loss of the step, after the (conditional) tracker logging",
            "newest": ("after", "if log_losses:", _o(n=2, of=3)),
            "versions": dict(
                [(0, ("after", "for ind in range(len(self.soundstream.discriminators)):", _o(
                    note="0.0.20 has neither losses_str nor tracker logging nor the discr-loss string loop: after "
                         "the multiscale discriminator step loop, right before the print")))] +
                [(v, ("after", "losses_str = f\"{steps}:", _o(
                    note="no tracker logging before 0.4: after the losses_str assignment (the previous sibling "
                         "of the logging `if`), before the discr-loss string loop")))
                 for v in (1, 2, 3)] +
                [(v, ("after", "self.accelerator.log({\"total_loss\"", _o(
                    note="0.4-0.12 log to the tracker unconditionally; the probe goes after that call")))
                 for v in (4, 5, 6)] +
                [(v, ("after", "if log_losses:", _o(n=2, of=3, note="after the whole `if log_losses:` block, "
                                                     "not inside it") if v == 7 else _o(n=2, of=3)))
                 for v in range(7, 11)]),
        },
        "step": {
            "text": 'flor.log("step", steps)',
            "intent": "step counter once the EMA update (main process only) is done, on every process",
            "newest": ("after", "if self.is_main and self.use_ema:", _SS),
            "versions": dict(
                [(v, ("after", "if self.is_main:", _o(
                    note="EMA is always on before 0.15 (`if self.is_main:` guards the update): after the whole "
                         "if, not inside it")))
                 for v in range(7)] +
                [(v, ("after", "if self.is_main and self.use_ema:", _SS)) for v in range(7, 11)]),
        },
        "recon_shape": {
            "text": 'flor.log("recon_shape", tuple(recons.shape))',
            "intent": "shape of the reconstructions of each sampled model (raw and EMA), on result-saving steps",
            "newest": ("after", "with torch.inference_mode():", _SS),
            "versions": dict(
                [(v, ("after", "recons = model(wave, return_recons_only = True)", _o(
                    note="before 0.15 the reconstruction runs without a no_grad block, inside "
                         "`for model, filename in (...)` under `if self.is_main and not (steps % save_results_every)`")))
                 for v in range(7)] +
                [(7, ("after", "with torch.no_grad():", _o(
                    note="torch.no_grad() before 1.2.x, torch.inference_mode() after: same block")))] +
                [(v, ("after", "with torch.inference_mode():", _o(
                    note="the results block is still under `if self.is_main and ...` before 2.3: the equivalent "
                         "condition") if v < 11 else _SS))
                 for v in range(8, 11)]),
        },
        "model_path": {
            "text": 'flor.log("model_path", model_path)',
            "intent": "path of the model checkpoint just written",
            "newest": ("after", "self.save(model_path)", _SS),
            "versions": dict(
                [(v, ("after", "torch.save(state_dict, model_path)", _o(
                    note="before 0.15 the block saves the raw state_dict to soundstream.{steps}.pt and then reuses "
                         "model_path for soundstream.{steps}.ema.pt; the probe goes after the first save, where "
                         "model_path is the model checkpoint the newest version writes (after the EMA save it "
                         "would log the EMA path)")))
                 for v in range(7)] +
                [(v, ("after", "self.save(model_path)", _SS)) for v in range(7, 11)]),
        },
    },
}
