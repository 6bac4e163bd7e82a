# deep-daze deep_daze/deep_daze.py (Imagine.train_step / Imagine.forward / DeepDaze.forward), PyPI 0.1.0 .. 0.11.1 (v00 .. v09).
# Round 27, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "deepdaze_imagine" / "versions.json").read_text())
OLDER = range(9)
# Versions: v00 0.1.0 (zero_grad first, one forward/backward per step, fixed 10000x1000 loops, train_step
# returns nothing), v01 0.1.16 (gradient accumulation loop, loss scaled inside backward(), zero_grad after
# the step), v02 0.1.23 (total_loss returned, pbar loss, save_progress nested in the save branch),
# v03 0.2.9 (terminate flag in the iteration loop, open_folder), v04 0.4.5 (start-image pretraining loop,
# warmup step, `iteration` parameter, save branch `if (iteration % ...) and self.save_progress:`),
# v05 0.5.0 (save_image method, final save after the loop), v06 0.6.3 (model returns (out, loss),
# clip_encoding, story mode updating the encoding per epoch), v07 0.8.1 (try/except KeyboardInterrupt
# around both loops, random cutout sizes instead of a precomputed schedule, gif), v08 0.9.0 (perceptor
# passed in, sample_sizes(), averaged + general loss), v09 0.11.1 (story separator; loops unchanged).
_TS = {"within": "def train_step("}
_DD = {"within": "def forward(self, text"}       # DeepDaze.forward (Imagine.forward is `def forward(self):`)
_IF = {"within": "def forward(self):"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "deepdaze_imagine",
    "title": "deep-daze Imagine training loop across 0.1.0 .. 0.11.1 (gradient accumulation, total_loss, "
             "save_progress/save branch rework, start-image pretraining, try/except interrupt, story mode, "
             "cutout-size schedule -> sampled sizes, averaged+general CLIP loss)",
    "stories": _V,
    "probes": {
        "micro_loss": {
            "text": 'flor.log("micro_loss", loss.item())',
            "intent": "loss of each accumulation micro-step (already divided by gradient_accumulate_every), "
                      "right after it is added to total_loss, before its backward",
            "newest": ("after", "total_loss += loss", _TS),
            "versions": dict(
                [(0, ("after", "with autocast():", _w(_TS, note=
                      "0.1.0 has no accumulation loop: one forward/backward per step; after the autocast forward, "
                      "before the scaled backward (unconditional: no loop to be inside)")))] +
                [(1, ("after", "with autocast():", _w(_TS, note=
                      "0.1.16 divides the loss inside `self.scaler.scale(loss / self.gradient_accumulate_every)"
                      ".backward()` and has no total_loss: after the autocast forward, before the backward, reading "
                      "the same variable `loss` (unscaled here; no variable holds the scaled value)")))] +
                [(v, ("after", "total_loss += loss", _TS)) for v in range(2, 9)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of the SIREN optimizer each step, after the optimizer step and zero_grad",
            "newest": ("after", "self.optimizer.zero_grad()", _TS),
            "versions": dict(
                [(0, ("after", "self.optimizer.zero_grad()", _w(_TS, **{
                    "alt": [("after", "self.scaler.update()", _TS)],
                    "note": "0.1.0 calls zero_grad first in train_step (before the forward); after that moved "
                            "statement (its image) or after the step/update (the position relative to the optimizer "
                            "step and the save branch) are both right: the lr does not change within a step"})))] +
                [(v, ("after", "self.optimizer.zero_grad()", _TS)) for v in range(1, 9)]),
        },
        "step_total_loss": {
            "text": 'flor.log("step_total_loss", total_loss.item())',
            "intent": "accumulated loss of the step after the optional progress save, right before it is returned",
            "newest": ("after", "if (iteration % self.save_every == 0) and self.save_progress:", _TS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "train_step of %s neither accumulates nor returns a total loss (no total_loss)" % r,
                      {"scope": "train_step"})) for v, r in ((0, "0.1.0"), (1, "0.1.16"))] +
                [(v, ("after", "if i % self.save_every == 0:", _w(_TS, note=
                      "the save branch is `if i % self.save_every == 0:` with save_progress nested inside: after "
                      "the whole outer if, before `return total_loss`"))) for v in (2, 3)] +
                [(v, ("after", "if (iteration % self.save_every == 0) and self.save_progress:", _TS))
                 for v in range(4, 9)]),
        },
        "save_iter": {
            "text": 'flor.log("save_iter", iteration)',
            "intent": "iteration at which a progress image is saved (first in the save branch)",
            "newest": ("first_in", "if (iteration % self.save_every == 0) and self.save_progress:", _TS),
            "versions": dict(
                [(v, ("first_in", "if i % self.save_every == 0:", _w(_TS, renames={"iteration": "i"}, note=
                      "the iteration parameter is `i` and there is no save_progress option before 0.1.23: first in "
                      "the `i % save_every` branch"))) for v in (0, 1)] +
                [(v, ("first_in", "if self.save_progress:", _w(_TS, renames={"iteration": "i"}, note=
                      "0.1.23/0.2.9 nest `if self.save_progress:` inside `if i % self.save_every == 0:` (the outer "
                      "branch always saves the main image); the newest condition `i % save_every == 0 and "
                      "save_progress` is the nested branch, so first in it (after the main image is written)")))
                 for v in (2, 3)] +
                [(v, ("first_in", "if (iteration % self.save_every == 0) and self.save_progress:", _TS))
                 for v in range(4, 9)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss returned by each train_step in the iteration loop of Imagine.forward",
            "newest": ("after", "_, loss = self.train_step(epoch, i)", _IF),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "train_step returns nothing in %s: `self.train_step(epoch, i)` binds no loss in forward" % r,
                      {"scope": "forward", "probe_site": ("after", "self.train_step(epoch, i)", _IF)}))
                 for v, r in ((0, "0.1.0"), (1, "0.1.16"))] +
                [(v, ("after", "loss = self.train_step(epoch, i)", _w(_IF, note=
                      "train_step returns only the loss before 0.6: `loss = self.train_step(...)`, same statement")))
                 for v in range(2, 6)] +
                [(v, ("after", "_, loss = self.train_step(epoch, i)", _IF)) for v in range(6, 9)]),
        },
        "story_words": {
            "text": 'flor.log("story_words", self.words)',
            "intent": "story text the encoding was switched to at the end of an epoch (story mode only)",
            "newest": ("after", "self.clip_encoding = self.update_story_encoding(epoch, i)", _IF),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no story mode before 0.6 (no self.words, no update_story_encoding)", {"scope": "forward"}))
                 for v in range(0, 6)] +
                [(v, ("after", "self.clip_encoding = self.update_story_encoding(epoch, i)", _IF))
                 for v in range(6, 9)]),
        },
        "final_image": {
            "text": 'flor.log("final_image", str(self.filename))',
            "intent": "path of the last image written, once training is over (after the final save)",
            "newest": ("after", "self.save_image(epoch, i)", _IF),
            "versions": dict(
                [(v, ("after", "for epoch in trange(", _w(_IF, note=
                      "no final save before 0.5.0: after the epoch loop, the end of forward; self.filename is the "
                      "path of the last image the loop saved")))
                 for v in range(0, 5)] +
                [(v, ("after", "self.save_image(self.epochs, self.iterations)", _w(_IF, note=
                      "0.5.0/0.6.3 pass (self.epochs, self.iterations) to the final save; same statement")))
                 for v in (5, 6)] +
                [(v, ("after", "self.save_image(epoch, i)", _IF)) for v in (7, 8)]),
        },
        "start_image_loss": {
            "text": 'flor.log("start_image_loss", loss.item())',
            "intent": "reconstruction loss of the SIREN against the start image during the pretraining loop, "
                      "after its backward",
            "newest": ("after", "loss.backward()", _IF),
            "versions": dict(
                [(v, ("na", "no_anchor", "no start-image pretraining before 0.4 (no start_image option, no loop)"))
                 for v in range(0, 4)] +
                [(v, ("after", "loss.backward()", _w(_IF, **({"note": "the pretraining loop is not wrapped in "
                      "try/except before 0.8 (terminate flag checked inside it instead)"} if v < 7 else {}))))
                 for v in range(4, 9)]),
        },
        "cutout_sizes": {
            "text": 'flor.log("cutout_sizes", sizes.tolist())',
            "intent": "cutout sizes sampled for the current batch in DeepDaze.forward",
            "newest": ("after", "sizes = self.sample_sizes(", _DD),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.0 draws one `size` per cutout inside `for ch in range(cutn):`; there is no sizes "
                      "collection", {"scope": "DeepDaze.forward",
                                     "probe_site": ("before", "for ch in range(cutn):", _DD)}))] +
                [(1, ("na", "missing_dependency",
                      "0.1.16 cuts by ratio ranges from reg_config (rand_cutout(out, ratio=...)); no sizes",
                      {"scope": "DeepDaze.forward",
                       "probe_site": ("before", "for (num_images, (lo, hi), downsize) in self.reg_config:", _DD)}))] +
                [(v, ("na", "missing_dependency",
                      "0.1.23-0.6.3 read the sizes from a precomputed schedule slice "
                      "`self.scheduled_sizes[size_slice]` inside the for header; no variable `sizes` in forward "
                      "(the slice would be a substitute, not a rename)",
                      {"scope": "DeepDaze.forward", "probe_site": ("after", "size_slice = slice(", _DD)}))
                 for v in range(2, 7)] +
                [(7, ("after", "sizes = torch.randint(int(lower), int(upper), (self.batch_size,))", _w(_DD, note=
                      "0.8.1 samples the sizes inline with torch.randint (later moved into sample_sizes())")))] +
                [(8, ("after", "sizes = self.sample_sizes(", _DD))]),
        },
        "clip_loss": {
            "text": 'flor.log("clip_loss", loss.item())',
            "intent": "CLIP similarity loss of one forward pass of DeepDaze, right after it is computed",
            "newest": ("after", "loss = averaged_loss * (", _DD),
            "versions": dict(
                [(v, ("after", "loss = -self.loss_coef * torch.cosine_similarity(", _w(_DD, note=
                      "before 0.9.0 the loss is a single cosine-similarity term over all cutouts; that statement "
                      "plays the role of the averaged+general merge (computed after the batch counter update in "
                      "0.1.23-0.8.1)"))) for v in range(0, 8)] +
                [(8, ("after", "loss = averaged_loss * (", _DD))]),
        },
    },
}
