# ctgan ctgan/synthesizers/ctgan.py (CTGAN.fit), PyPI 0.1.0 .. 0.12.1 (v00 .. v11).
# Round 16, held out: written before the round's fixes, scored before any change made for it.
# (CTGANSynthesizer.fit in ctgan/model.py for 0.1.0 and ctgan/synthesizer.py for 0.2.x.)
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ctgan_fit" / "versions.json").read_text())
OLDER = range(11)
# v00 0.1.0 (ctgan/model.py), v01 0.2.1 (ctgan/synthesizer.py): public attributes (self.device, self.batch_size,
#   self.generator, self.cond_generator), local data_sampler, no discriminator-steps loop, unconditional print.
# v02 0.3.0, v03 0.4.0: underscore attributes, DataSampler, `for n in range(self._discriminator_steps):`,
#   discriminator and optimizers stored on self (self._discriminator, self._optimizerG/D), `if self._verbose:` print.
# v04 0.4.3 .. v06 0.7.4: discriminator and optimizers local again (pac).
# v07 0.7.5 .. v11 0.12.1: tqdm epoch_iterator, per-epoch generator_loss/discriminator_loss, self.loss_values.
_SELF_D = (2, 3)
_FIT = {"within": "def fit("}
_DSTEP = {"within": "for n in range(self._discriminator_steps):"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "ctgan_fit",
    "title": "ctgan CTGAN.fit across 0.1.0 .. 0.12.1 (model.py -> synthesizer.py -> synthesizers/ctgan.py, public -> "
             "underscore attributes, Cond/Sampler -> DataSampler, discriminator_steps inner loop, discriminator and "
             "optimizers on self (0.3/0.4.0) then local again, tqdm epoch iterator and loss_values DataFrame (0.7.5))",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", self._batch_size)',
            "intent": "batch size used by the training loop, once the noise mean/std are set up",
            "newest": ("after", "std = mean + 1", _FIT),
            "versions": {v: ("after", "std = mean + 1", _w(_FIT, **({
                "renames": {"self._batch_size": "self.batch_size"},
                "note": "before 0.3 the constructor stores the batch size as the public self.batch_size"}
                if v < 2 else {}))) for v in OLDER},
        },
        "d_params": {
            "text": 'flor.log("d_params", sum(p.numel() for p in discriminator.parameters()))',
            "intent": "number of discriminator parameters, right after it is built",
            "newest": ("after", "discriminator = Discriminator("),
            "versions": {v: (("after", "self._discriminator = Discriminator(", {
                "renames": {"discriminator": "self._discriminator"},
                "note": "0.3.0/0.4.0 keep the discriminator on self (self._discriminator); local again from 0.4.3"})
                if v in _SELF_D else ("after", "discriminator = Discriminator(")) for v in OLDER},
        },
        "cond_dim": {
            "text": 'flor.log("cond_dim", self._data_sampler.dim_cond_vec())',
            "intent": "width of the conditional vector, right after the data sampler is built",
            "newest": ("after", "self._data_sampler = DataSampler("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.3 there is no self._data_sampler: the rows come from a local `data_sampler = "
                      "Sampler(...)` and the conditional vector from self.cond_generator, whose width is the "
                      "attribute `n_opt`; `self.cond_generator.n_opt` is another object and API, a substitute "
                      "value, not a rename", {"scope": "fit"})) for v in (0, 1)] +
                [(v, ("after", "self._data_sampler = DataSampler(")) for v in range(2, 11)]),
        },
        "grad_penalty": {
            "text": 'flor.log("grad_penalty", pen.item())',
            "intent": "gradient penalty of each discriminator step, right after it is computed",
            "newest": ("after", "pen = discriminator.calc_gradient_penalty(", _DSTEP),
            "versions": dict(
                [(0, ("after", "pen = calc_gradient_penalty(discriminator,", {
                    "note": "0.1.0 computes the penalty with a module function and after loss_d (the order of "
                            "the two statements is swapped): right after the penalty, before zero_grad; no "
                            "discriminator-steps loop, one discriminator update per step"}))] +
                [(1, ("after", "pen = discriminator.calc_gradient_penalty(", {
                    "note": "no discriminator-steps loop before 0.3: in the step loop"}))] +
                [(v, ("after", "pen = self._discriminator.calc_gradient_penalty(", _DSTEP)) for v in _SELF_D] +
                [(v, ("after", "pen = discriminator.calc_gradient_penalty(", _DSTEP)) for v in range(4, 11)]),
        },
        "n_cond": {
            "text": 'flor.log("n_cond", int(m1.sum()))',
            "intent": "number of conditioned one-hot entries in the discriminator's conditional batch (only when "
                      "a conditional vector is sampled: inside the else branch)",
            "newest": ("after", "m1 = torch.from_numpy(m1).to(self._device)", _DSTEP),
            "versions": dict(
                [(v, ("after", "m1 = torch.from_numpy(m1).to(self.device)", {
                    "n": 1, "of": 2,
                    "note": "before 0.3 the discriminator half and the generator half of the step share the same "
                            "enclosing headers (no discriminator-steps loop) and both have `m1 = ...` in the else "
                            "of `if condvec is None:`: the first one (discriminator half)"})) for v in (0, 1)] +
                [(v, ("after", "m1 = torch.from_numpy(m1).to(self._device)", _DSTEP)) for v in range(2, 11)]),
        },
        "d_lr": {
            "text": 'flor.log("d_lr", optimizerD.param_groups[0]["lr"])',
            "intent": "discriminator learning rate after each discriminator optimizer step",
            "newest": ("after", "optimizerD.step()", _DSTEP),
            "versions": dict(
                [(v, ("after", "optimizerD.step()", {
                    "note": "no discriminator-steps loop before 0.3: after the single discriminator step"}))
                 for v in (0, 1)] +
                [(v, ("after", "self._optimizerD.step()", _w(_DSTEP, **{
                    "renames": {"optimizerD": "self._optimizerD"},
                    "note": "0.3.0/0.4.0 keep the optimizers on self"}))) for v in _SELF_D] +
                [(v, ("after", "optimizerD.step()", _DSTEP)) for v in range(4, 11)]),
        },
        "cond_loss": {
            "text": 'flor.log("cond_loss", float(cross_entropy))',
            "intent": "conditional cross-entropy term of the generator loss, after the if/else that computes it",
            "newest": ("before", "loss_g = -torch.mean(y_fake) + cross_entropy"),
            "versions": {v: ("before", "loss_g = -torch.mean(y_fake) + cross_entropy", {
                "note": "after the whole `if condvec is None: ... else: cross_entropy = ...` (not in the else)"}
                if v == 0 else {}) for v in OLDER},
        },
        "loss_g": {
            "text": 'flor.log("loss_g", loss_g.item())',
            "intent": "generator loss of each step, after the generator optimizer step",
            "newest": ("after", "optimizerG.step()"),
            "versions": {v: ("after", "self._optimizerG.step()") if v in _SELF_D else ("after", "optimizerG.step()")
                         for v in OLDER},
        },
        "epoch": {
            "text": 'flor.log("epoch", i)',
            "intent": "epoch index at the end of each epoch, after the losses are recorded in loss_values and "
                      "before the verbose progress update",
            "newest": ("after", "if not self.loss_values.empty:"),
            "versions": dict(
                [(v, ("after", "for id_ in range(steps_per_epoch):", {
                    "note": "no loss_values bookkeeping before 0.7.5: right after the step loop, before the epoch "
                            "print (unconditional before 0.3, under `if self._verbose:` after); not in the "
                            "verbose branch"})) for v in range(7)] +
                [(v, ("after", "if not self.loss_values.empty:", {
                    "note": "after the whole if/else (its else branch is the last statement before the probe)"}
                    if v == 7 else {})) for v in range(7, 11)]),
        },
        "disc_loss": {
            "text": 'flor.log("disc_loss", discriminator_loss)',
            "intent": "discriminator loss of the epoch's last step, as recorded per epoch",
            "newest": ("after", "discriminator_loss = loss_d.detach().cpu().item()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.7.5 the per-epoch loss is not stored in a variable: loss_d.detach().cpu() is only "
                      "formatted inside the epoch print; logging loss_d there would substitute an expression, "
                      "not a rename", {"scope": "fit"})) for v in range(7)] +
                [(7, ("after", "discriminator_loss = loss_d.detach().cpu()", {
                    "note": "0.7.5 keeps the tensor (no .item()): same statement"}))] +
                [(v, ("after", "discriminator_loss = loss_d.detach().cpu().item()")) for v in range(8, 11)]),
        },
    },
}
