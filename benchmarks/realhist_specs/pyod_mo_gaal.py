# pyod pyod/models/mo_gaal.py (MO_GAAL.fit), PyPI 0.6.6 .. 3.6.7 (v00 .. v08).
# Round 21, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "pyod_mo_gaal" / "versions.json").read_text())
_KERAS = range(0, 6)    # v00-v05: keras combine models, train_on_batch, manual index batching
_TORCH = range(6, 8)    # v06-v07: torch rewrite (DataLoader, optimizers, criterion); v08 is the newest
_INLOOP = (0, 1)        # v00-v01: the detection result is computed inside the epoch loop (bug, fixed in 0.7.x)
_NA = lambda why: ("na", "missing_dependency", why, {"scope": "MO_GAAL.fit"})
CASE = {
    "name": "pyod_mo_gaal",
    "title": "pyod MO_GAAL.fit across 0.6.6 .. 3.6.7 (keras combine models with train_on_batch -> "
             "PyTorch rewrite with DataLoader, per-generator SGD optimizers and BCELoss; detection "
             "result moved out of the epoch loop; names[...] locals() trick throughout)",
    "stories": _V,
    "probes": {
        "d_loss": {
            "text": 'flor.log("d_loss", float(discriminator_loss))',
            "intent": "discriminator loss of each batch, right after the discriminator update",
            "newest": ("after", "optimizer_d.step()"),
            "versions": dict(
                [(v, ("after", "discriminator_loss = self.discriminator.train_on_batch(x, y)", {
                    "note": "keras: train_on_batch does forward, backward and the SGD step in one call and "
                            "returns the loss; the probe goes right after it (before the train_history append), "
                            "the image of `optimizer_d.step()`"})) for v in _KERAS] +
                [(v, ("after", "optimizer_d.step()")) for v in _TORCH]),
        },
        "pred_mean": {
            "text": 'flor.log("pred_mean", float(pred_scores.mean()))',
            "intent": "mean discriminator score on the whole training set, used for the generator targets",
            "newest": ("after", "with torch.no_grad():", {"n": 1, "of": 2}),
            "versions": dict(
                [(v, ("after", "pred_scores = self.discriminator.predict(X)", {
                    "within": "for index in range(num_batches)",
                    "note": "keras computes pred_scores with a plain predict() (no torch.no_grad block); "
                            "the predict(X) in decision_function is not it"})) for v in _KERAS] +
                [(v, ("after", "with torch.no_grad():", {"n": 1, "of": 2, "note":
                      "the first no_grad block (pred_scores), not the one in the frozen-generator else branch"}))
                 for v in _TORCH]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "size of the current batch of real data",
            "newest": ("after", "batch_size = data_batch.size(0)"),
            "versions": dict(
                [(v, ("after", "batch_size = min(500, data_size)", {
                    "alt": [("after", "data_batch = X[index * batch_size")],
                    "note": "keras versions bind batch_size once per epoch (min(500, data_size)), before the "
                            "index loop: primary place after that binding (image of the previous sibling); "
                            "right after the batch is sliced inside the index loop (per-batch execution, "
                            "as in the newest version) is also accepted. The newest version's order "
                            "data_batch, batch_size, noise cannot be kept inside the old loop, where noise "
                            "comes before data_batch"})) for v in _KERAS] +
                [(v, ("after", "batch_size = data_batch.size(0)")) for v in _TORCH]),
        },
        "noise_mean": {
            "text": 'flor.log("noise_mean", float(noise.mean()))',
            "intent": "mean of the noise drawn for the generators at the start of each batch",
            "newest": ("after", "noise = torch.rand(batch_size, latent_size, device=self.device)"),
            "versions": dict(
                [(v, ("after", "noise = np.random.uniform(", {
                    "n": 1, "of": 2,
                    "note": "keras versions draw noise twice per batch: once for the generated outliers (the "
                            "equivalent) and again before training the generators; the first one"}))
                 for v in _KERAS] +
                [(v, ("after", "noise = torch.rand(batch_size, latent_size, device=self.device)"))
                 for v in _TORCH]),
        },
        "n_disc_samples": {
            "text": 'flor.log("n_disc_samples", len(all_data))',
            "intent": "number of samples (real + generated) the discriminator is trained on, once the labels are built",
            "newest": ("after", "labels = torch.cat("),
            "versions": dict(
                [(v, ("after", "y = np.array([1] * batch_size", {
                    "renames": {"all_data": "x"},
                    "note": "keras versions concatenate real and generated data into `x` (numpy, in a for loop) "
                            "and build the labels as `y`: after `y = np.array(...)`, all_data -> x"}))
                 for v in _KERAS] +
                [(v, ("after", "labels = torch.cat(")) for v in _TORCH]),
        },
        "sub_gen_loss": {
            "text": "flor.log(\"sub_gen_loss\", names['sub_generator' + str(i) + '_loss'])",
            "intent": "loss of each sub-generator while the generators are still being trained",
            "newest": ("after", "names['sub_generator' + str(", {"n": 1, "of": 2}),
            "versions": dict(
                [(v, ("after", "names['sub_generator' + str(i) + '_loss']", {
                    "n": 1, "of": 2,
                    "note": "inside `if stop == 0:` (train_on_batch branch), not the evaluate() else branch"}))
                 for v in _KERAS] +
                [(v, ("after", "names['sub_generator' + str(", {"n": 1, "of": 2}))
                 for v in _TORCH]),
        },
        "generator_loss": {
            "text": 'flor.log("generator_loss", generator_loss)',
            "intent": "mean loss of the k sub-generators of each batch, once it is computed",
            "newest": ("after", "generator_loss = np.mean("),
            "versions": dict(
                [(v, ("after", "generator_loss = generator_loss / self.k", {
                    "note": "keras versions compute the mean in three steps (= 0, a for loop summing, / self.k); "
                            "after the final division, where the value is the mean"})) for v in _KERAS] +
                [(v, ("after", "generator_loss = np.mean(")) for v in _TORCH]),
        },
        "epoch_stop": {
            "text": 'flor.log("epoch_stop", stop)',
            "intent": "whether generator training is stopped, at the end of every epoch",
            "newest": ("after", "for batch_idx, data_batch in enumerate(dataloader):"),
            "versions": dict(
                [(v, ("after", "for index in range(num_batches):", {
                    "note": "after the batch loop, still in the epoch loop; in v00-v01 the (buggy) per-epoch "
                            "detection result follows it, so the probe goes before it"} if v in _INLOOP else {}))
                 for v in _KERAS] +
                [(v, ("after", "for batch_idx, data_batch in enumerate(dataloader):")) for v in _TORCH]),
        },
        "mean_score": {
            "text": 'flor.log("mean_score", float(np.mean(self.decision_scores_)))',
            "intent": "mean outlier score of the training data once the detection result is processed",
            "newest": ("after", "self._process_decision_scores()"),
            "versions": {v: ("after", "self._process_decision_scores()", {
                "note": "0.6.x computes the detection result at the end of every epoch (inside the epoch loop); "
                        "the probe stays right after _process_decision_scores() there, so it runs every epoch "
                        "and its last value is the final one"} if v in _INLOOP else {})
                for v in range(8)},
        },
        "lr_d": {
            "text": "flor.log(\"lr_d\", optimizer_d.param_groups[0]['lr'])",
            "intent": "learning rate of the discriminator optimizer once it is created",
            "newest": ("after", "optimizer_d = optim.SGD("),
            "versions": dict(
                [(v, _NA("keras versions build the SGD optimizer inline in discriminator.compile(); no "
                         "optimizer_d variable exists (self.lr_d would be a substituted value, not a rename)"))
                 for v in _KERAS] +
                [(v, ("after", "optimizer_d = optim.SGD(")) for v in _TORCH]),
        },
    },
}
