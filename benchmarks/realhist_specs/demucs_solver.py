# demucs demucs/train.py (train_model / validate_model, 0.0.1 .. 2.0.3) -> demucs/solver.py (Solver.train /
# Solver._run_one_epoch, 3.0.0 .. 4.1.0), PyPI 0.0.1 .. 4.1.0 (v00 .. v05).
# Round 32, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "demucs_solver" / "versions.json").read_text())
OLDER = range(5)
# v00 0.0.1/0.0.2/2.0.0: train.py, module functions train_model(epoch, dataset, model, criterion, optimizer, ...)
#     (repetition loop > batch loop, forward/loss/backward inside `with th.autograd.set_detect_anomaly(False):`,
#     train_loss = loss + diffq * model_size, grad norm, optimizer.step) and validate_model(...) over tracks.
#     The epoch loop, validation schedule and best-model tracking live in demucs/__main__.py (not this file).
# v01 2.0.1-2.0.3: the same without the anomaly-detection `with` (forward/backward at loop level).
# v02 3.0.0-3.0.6: solver.py, class Solver (dora/hydra): train() holds the epoch loop with validation over EMAs,
#     best tracking, periodic test; _run_one_epoch(epoch, train) holds the batch loop for train AND valid
#     (per-source weights, l1/mse, diffq, svd penalty, grad norm into losses['grad']); MDX divergence check.
# v03 4.0.0: divergence check commented out, sampler.set_epoch only when distributed.
# v04 4.0.1: copyright line only.
# v05 4.1.0 (newest): torch.load(weights_only=False), grads list removed, max_batches == idx + 1.
_TRAIN = {"within": "def train_model("}
_EPOCH_LOOP_NA = ("na", "no_anchor",
                  "before 3.0 this file has no epoch loop: train_model/validate_model are called per epoch from "
                  "demucs/__main__.py, where validation, best-loss tracking and the last-epoch logic live")
CASE = {
    "name": "demucs_solver",
    "title": "demucs training loop across 0.0.1 .. 4.1.0 (train.py train_model/validate_model functions -> "
             "solver.py Solver class with epoch loop, EMA-selected validation and a shared train/valid batch loop)",
    "stories": _V,
    "probes": {
        "batch_idx": {
            "text": 'flor.log("batch_idx", idx)',
            "intent": "index of each batch, first thing in the batch loop",
            "newest": ("first_in", "for idx, sources in enumerate(logprog):"),
            "versions": dict(
                [(v, ("first_in", "for idx, sources in enumerate(tq):", {
                    "note": "before 3.0 the batch loop is train_model's `for idx, sources in enumerate(tq):` (nested in "
                            "the repetition loop); validate_model iterates track indexes (`for index in tq:`, a "
                            "different value, no idx), so it gets no probe"})) for v in (0, 1)] +
                [(v, ("first_in", "for idx, sources in enumerate(logprog):")) for v in (2, 3, 4)]),
        },
        "source_weights": {
            "text": 'flor.log("source_weights", weights.tolist())',
            "intent": "per-source loss weights used to combine the per-source losses of each batch",
            "newest": ("after", "weights = torch.tensor(args.weights).to(sources)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 3.0 the loss is one criterion(estimates, sources) call: there are no per-source "
                      "weights (no args, no weights) in train_model", {"scope": "train_model"})) for v in (0, 1)] +
                [(v, ("after", "weights = torch.tensor(args.weights).to(sources)")) for v in (2, 3, 4)]),
        },
        "model_size": {
            "text": 'flor.log("model_size", ms)',
            "intent": "quantizer model-size penalty term of each batch, once it has been added to the loss",
            "newest": ("after", "losses['ms'] = ms"),
            "versions": dict(
                [(0, ("after", "train_loss = loss + diffq * model_size", {
                    "renames": {"ms": "model_size"},
                    "note": "0.0.x/2.0.0 call it model_size (0, or quantizer.model_size()); the newest "
                            "`losses['ms'] = ms` has no counterpart: the probe keeps its place after the diffq "
                            "term is added to the loss (`train_loss = loss + diffq * model_size`) and before the "
                            "backward, inside the anomaly-detection `with` that holds both"})),
                 (1, ("after", "train_loss = loss + diffq * model_size", {
                     "renames": {"ms": "model_size"},
                     "note": "named model_size; after the diffq term is added, before the backward"}))] +
                [(v, ("after", "losses['ms'] = ms")) for v in (2, 3, 4)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "the optimized loss of each training batch (reconstruction + diffq/svd penalties), right "
                      "after its backward pass",
            "newest": ("after", "loss.backward()"),
            "versions": dict(
                [(v, ("after", "train_loss.backward()", {
                    "renames": {"loss": "train_loss"},
                    "note": "before 3.0 the backpropagated total is train_loss = loss + diffq * model_size "
                            "(`loss` there is only the criterion term, which the newest version calls reco/loss "
                            "before the penalty is added): log train_loss after train_loss.backward()" +
                            ("; inside the anomaly-detection `with`" if v == 0 else "")})) for v in (0, 1)] +
                [(v, ("after", "loss.backward()")) for v in (2, 3, 4)]),
        },
        "grad_norm": {
            "text": "flor.log(\"grad_norm\", losses['grad'])",
            "intent": "global gradient norm of each training batch, right after it is computed (before clipping "
                      "and the optimizer step)",
            "newest": ("after", "losses['grad'] = grad_norm ** 0.5"),
            "versions": dict(
                [(v, ("after", "grad_norm = grad_norm**0.5", {
                    "renames": {"losses['grad']": "grad_norm"},
                    "note": "before 3.0 the norm is kept in the local grad_norm (`grad_norm = grad_norm**0.5`), "
                            "there is no losses dict; unconditional there since train_model only trains (the "
                            "newest `if train:` has no counterpart)"})) for v in (0, 1)] +
                [(v, ("after", "losses['grad'] = grad_norm ** 0.5")) for v in (2, 3, 4)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of each training step, right after the optimizer step",
            "newest": ("after", "self.optimizer.step()"),
            "versions": dict(
                [(v, ("after", "optimizer.step()", {
                    "renames": {"self.optimizer": "optimizer"},
                    "note": "before 3.0 the optimizer is train_model's parameter `optimizer`; unconditional "
                            "(train_model only trains)"})) for v in (0, 1)] +
                [(v, ("after", "self.optimizer.step()")) for v in (2, 3, 4)]),
        },
        "n_batches": {
            "text": 'flor.log("n_batches", idx + 1)',
            "intent": "number of batches run in the pass, once the batch loop is over, before the result is "
                      "averaged across workers and returned",
            "newest": ("before", "return distrib.average(losses, idx + 1)"),
            "versions": dict(
                [(v, ("after", "for repetition in range(repeat):", {
                    "alt": [("before", "return current_loss, model_size")],
                    "note": "before 3.0 the batch loop is nested in a repetition loop (idx + 1 is then the batch "
                            "count of the last repetition); the newest return averages across workers "
                            "(distrib.average) and returns in one statement, while train_model averages in "
                            "`if world_size > 1: current_loss = average_metric(...)` and then returns: the probe "
                            "goes after the repetition loop, before that averaging; right before the return "
                            "(averaging does not touch idx) is also accepted. validate_model has no idx: no probe"}))
                 for v in (0, 1)] +
                [(v, ("before", "return distrib.average(losses, idx + 1)")) for v in (2, 3, 4)]),
        },
        "valid_loss": {
            "text": 'flor.log("valid_loss", valid_loss)',
            "intent": "validation metric of the epoch (best over the model and its EMAs), right after it is read",
            "newest": ("after", "valid_loss = metrics['valid'][key]"),
            "versions": dict(
                [(v, _EPOCH_LOOP_NA) for v in (0, 1)] +
                [(v, ("after", "valid_loss = metrics['valid'][key]")) for v in (2, 3, 4)]),
        },
        "best_loss": {
            "text": 'flor.log("best_loss", best_loss)',
            "intent": "best validation metric so far, after the max/min if/else that computes it",
            "newest": ("after", "if key.startswith('nsdr'):", {"n": 2, "of": 2}),
            "versions": dict(
                [(v, _EPOCH_LOOP_NA) for v in (0, 1)] +
                [(v, ("after", "if key.startswith('nsdr'):", {
                    "n": 2, "of": 2,
                    "note": "after the whole `if key.startswith('nsdr'): best_loss = max(mets) else: min(mets)` "
                            "(not the one inside the EMA loop), not inside a branch"})) for v in (2, 3, 4)]),
        },
        "is_last": {
            "text": 'flor.log("is_last", is_last)',
            "intent": "whether this epoch is the last one of the configured schedule, right after it is computed",
            "newest": ("after", "is_last = epoch == self.args.epochs - 1"),
            "versions": dict(
                [(v, _EPOCH_LOOP_NA) for v in (0, 1)] +
                [(2, ("after", "is_last = epoch == self.args.epochs - 1", {
                    "alt": [("after", "if div:")],
                    "note": "3.0.x follows the assignment with the MDX divergence check (reco/div, "
                            "`if div: ... is_last = True`), commented out in the newest version: the probe goes "
                            "right after the assignment (its previous sibling); after the whole divergence check "
                            "(where is_last may have been forced True, as it is used by the test/break logic) is "
                            "also accepted, the check having no counterpart in the newest version"}))] +
                [(v, ("after", "is_last = epoch == self.args.epochs - 1")) for v in (3, 4)]),
        },
    },
}
