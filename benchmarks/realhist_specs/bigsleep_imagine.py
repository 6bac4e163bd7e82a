# big-sleep big_sleep/big_sleep.py (Imagine.__init__ / train_step / forward, BigSleep.forward), PyPI 0.0.1 .. 0.9.1 (v00 .. v11).
# Round 30, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "bigsleep_imagine" / "versions.json").read_text())
OLDER = range(11)
# v00 0.0.1: module-level CLIP, BigSleep(num_latents, image_width), save branch `if i != 0 and i % save_every == 0:`,
#            `best = torch.topk(...)[1]`, progress `num = i // save_every`, no keyboard-interrupt handling.
# v01 0.1.4: SIGINT handler sets global `terminate`; `if terminate: ... return` in the iteration loop; bilinear.
# v02 0.2.6: open_folder, image_size instead of image_width.
# v03 0.3.1: seed; save branch `if (i + 1) % self.save_every == 0:`.
# v04 0.3.6: init_latents / reset / set_text; progress number counts across epochs (`total_iterations`).
# v05 0.4.1: differentiable top-k classes (num_classes, class_temperature).
# v06 0.4.8: max_classes, save_date_time, save_best (`top_score, best = torch.topk(...)`, current_best_score),
#            tqdm image progress bar passed into train_step, one iteration bar reset per epoch.
# v07 0.5.3: experimental resample, text encoded once (text_embed passed to BigSleep.forward), the skew/kurtosis
#            lat_loss update moved INTO the `for array in latents:` loop, warmup step, bar created per epoch.
# v08 0.6.1: EMA over the latents (`self.model.model.latents.update()` after the optimizer step; the save branch
#            re-evaluates the losses with the EMA average in eval mode), optimizer on latents.model.
# v09 0.7.2: text_min / multiple phrases (sim_txt_to_img, `sim_loss = sum(results).mean()`), underscorify.
# v10 0.8.1: img/encoding prompts, rand_cutout with center_bias, BigSleep.forward returns (out, losses),
#            train_step returns (out, total_loss), seed suffix.
# v11 0.9.1: CLIP loaded per BigSleep (larger_clip); interrupt handled by filtering both loops with
#            `if not terminate` generators (the print moved into the signal handler).
_INIT = {"within": "def __init__("}
_TS = {"within": "def train_step("}
_IF = {"within": "def forward(self):"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "bigsleep_imagine",
    "title": "big-sleep Imagine / BigSleep training loop across 0.0.1 .. 0.9.1 (save branch condition, progress "
             "numbering, save_best, lat_loss fix, EMA latents, text_min prompts, (out, loss) returns, "
             "terminate-filtered loops)",
    "stories": _V,
    "probes": {
        "n_opt_params": {
            "text": 'flor.log("n_opt_params", sum(p.numel() for g in self.optimizer.param_groups for p in g["params"]))',
            "intent": "number of latent parameters the Adam optimizer updates, once it is built",
            "newest": ("after", "self.optimizer = Adam(", _INIT),
            "versions": {v: ("after", "self.optimizer = Adam(", _w(_INIT, note=
                "before 0.6 the optimizer is built on model.model.latents.parameters() (no EMA wrapper): "
                "same statement") if v < 8 else _INIT) for v in OLDER},
        },
        "micro_loss": {
            "text": 'flor.log("micro_loss", loss.item())',
            "intent": "loss of each gradient-accumulation micro-step (already divided by gradient_accumulate_every)",
            "newest": ("after", "total_loss += loss", _TS),
            "versions": {v: ("after", "total_loss += loss", _TS) for v in OLDER},
        },
        "ema_accum": {
            "text": 'flor.log("ema_accum", self.model.model.latents.accum.item())',
            "intent": "bias-correction accumulator of the EMA over the latents, right after the EMA update",
            "newest": ("after", "self.model.model.latents.update()", _TS),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "no EMA before 0.6.1: self.model.model.latents is the bare Latents module (no accum buffer) "
                      "and train_step has no EMA update to follow"))
                 for v in range(0, 8)] +
                [(v, ("after", "self.model.model.latents.update()", _TS)) for v in (8, 9, 10)]),
        },
        "save_iter": {
            "text": 'flor.log("save_iter", epoch * self.iterations + i)',
            "intent": "global iteration at which the image is saved (first in the save branch)",
            "newest": ("first_in", "if (i + 1) % self.save_every == 0:", _TS),
            "versions": dict(
                [(v, ("first_in", "if i != 0 and i % self.save_every == 0:", _w(_TS, note=
                      "before 0.3 the save branch is `if i != 0 and i % self.save_every == 0:` (off by one from "
                      "the newest `(i + 1) % save_every`): it is the equivalent condition; first in it, before "
                      "the no_grad block")))
                 for v in (0, 1, 2)] +
                [(v, ("first_in", "if (i + 1) % self.save_every == 0:", _TS)) for v in range(3, 11)]),
        },
        "top_score": {
            "text": 'flor.log("top_score", top_score.item())',
            "intent": "best (lowest) CLIP similarity loss among the batch latents when an image is saved",
            "newest": ("after", "top_score, best = torch.topk(", _TS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.4.8 only the index is kept: `best = torch.topk(losses[2], ...)[1]`; the score "
                      "itself is never bound (torch.topk(...)[0] would be a new computation, not a rename)",
                      {"scope": "Imagine.train_step"}))
                 for v in range(0, 6)] +
                [(v, ("after", "top_score, best = torch.topk(", _w(_TS, note=
                      "0.4.8/0.5.3 take the top-k of the last training micro-step's losses (no EMA re-evaluation "
                      "yet): same statement") if v in (6, 7) else _TS)) for v in range(6, 11)]),
        },
        "progress_num": {
            "text": 'flor.log("progress_num", num)',
            "intent": "number of the progress image written when save_progress is on",
            "newest": ("after", "num = total_iterations // self.save_every", _TS),
            "versions": dict(
                [(v, ("after", "num = i // self.save_every", _w(_TS, note=
                      "before 0.3.6 the progress number is computed from the iteration within the epoch "
                      "(`num = i // self.save_every`, no total_iterations): same variable, same role, inside "
                      "`if self.save_progress:`")))
                 for v in (0, 1, 2, 3)] +
                [(v, ("after", "num = total_iterations // self.save_every", _TS)) for v in range(4, 11)]),
        },
        "best_score": {
            "text": 'flor.log("best_score", self.current_best_score)',
            "intent": "new best CLIP score when save_best writes an improved image",
            "newest": ("after", "self.current_best_score = top_score.item()", _TS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no save_best / current_best_score before 0.4.8", {"scope": "Imagine.train_step"}))
                 for v in range(0, 6)] +
                [(v, ("after", "self.current_best_score = top_score.item()", _TS)) for v in range(6, 11)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "total loss returned by each train_step in the iteration loop of Imagine.forward",
            "newest": ("after", "out, loss = self.train_step(epoch, i, image_pbar)", _IF),
            "versions": dict(
                [(v, ("after", "loss = self.train_step(epoch, i)", _w(_IF, note=
                      "train_step returns only the loss and takes no progress bar before 0.4.8")))
                 for v in range(0, 6)] +
                [(v, ("after", "loss = self.train_step(epoch, i, image_pbar)", _w(_IF, note=
                      "train_step returns only the loss before 0.8: same statement")))
                 for v in range(6, 10)] +
                [(10, ("after", "out, loss = self.train_step(epoch, i, image_pbar)", _IF))]),
        },
        "epoch_interrupted": {
            "text": 'flor.log("epoch_interrupted", terminate)',
            "intent": "whether a keyboard interrupt ended the iteration loop, at the end of each epoch",
            "newest": ("after", "for i in (it for it in pbar if not terminate):", _IF),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.1 installs no SIGINT handler: there is no `terminate` flag", {"scope": "Imagine.forward"}))] +
                [(v, ("after", "for i in pbar:", _w(_IF, note=
                      "before 0.9 the interrupt is checked inside the iteration loop (`if terminate: ... return`); "
                      "the end of the epoch body is still after the whole iteration loop (where terminate is "
                      "then always False, since an interrupt returns from inside the loop)")))
                 for v in range(1, 11)]),
        },
        "lat_loss": {
            "text": 'flor.log("lat_loss", lat_loss.item())',
            "intent": "latent regularisation loss of one BigSleep forward, complete with its skew/kurtosis terms",
            "newest": ("after", "for array in latents:"),
            "versions": dict(
                [(v, ("after", "lat_loss = lat_loss + torch.abs(kurtoses)", {"note":
                      "before 0.5.3 the skew/kurtosis term is added once AFTER the `for array in latents:` loop "
                      "(from its last iteration); the newest adds it inside the loop. The probe observes the "
                      "finished lat_loss, so it goes after that trailing statement (part of the computation the "
                      "newest loop performs), before cls_loss; right after the for loop it would log lat_loss "
                      "without the skew/kurtosis term"}))
                 for v in range(0, 7)] +
                [(v, ("after", "for array in latents:")) for v in range(7, 11)]),
        },
        "sim_loss": {
            "text": 'flor.log("sim_loss", sim_loss.item())',
            "intent": "CLIP text-image similarity loss of one BigSleep forward",
            "newest": ("after", "sim_loss = sum(results).mean()"),
            "versions": dict(
                [(v, ("after", "sim_loss = -self.loss_coef * torch.cosine_similarity(", {"note":
                      "before 0.7.2 (no text_min / multiple phrases) sim_loss is one cosine-similarity term: "
                      "same variable, same role"}))
                 for v in range(0, 9)] +
                [(v, ("after", "sim_loss = sum(results).mean()")) for v in (9, 10)]),
        },
    },
}
