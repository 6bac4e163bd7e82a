# mace-torch mace/tools/train.py (train + train_one_epoch + take_step + take_step_lbfgs + evaluate), PyPI 0.3.3 .. 0.3.16 (v00 .. v08).
# Round 19, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mace_train" / "versions.json").read_text())
OLDER = range(8)
_EVAL = {"within": "if epoch % eval_interval == 0:"}
_NO_LBFGS = ("na", "no_anchor",
             "before 0.3.13 there is no LBFGS path (no take_step_lbfgs, no full-batch optimizer.step(closure)); "
             "take_step's per-batch optimizer.step() is a different step, not its counterpart",
             {"scope": "take_step_lbfgs"})
CASE = {
    "name": "mace_train",
    "title": "MACE train()/train_one_epoch/take_step/evaluate across 0.3.3 .. 0.3.16 (batch loop moved from "
             "train() into train_one_epoch (0.3.5) with DDP/rank guards, EMA if/else -> param_context, "
             "initial validation (0.3.5), per-head validation loop valid_loss -> valid_loss_head (0.3.7), "
             "take_step body -> closure + LBFGS full-batch step (0.3.13), torchmetrics MACELoss evaluate "
             "(0.3.5), preserve_grad_state (0.3.15), exit_now broadcast instead of break (0.3.15))",
    "stories": _V,
    "probes": {
        "initial_valid_loss": {
            "text": 'flor.log("initial_valid_loss", valid_loss)',
            "intent": "validation loss of the evaluation run before any training, right after it is taken",
            "newest": ("after", "valid_loss = valid_loss_head"),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.3.3 runs no validation before training; valid_loss is only the np.inf initialiser there, "
                      "so nothing corresponds to the pre-training evaluation", {"scope": "train"}))] +
                [(v, ("before", "while epoch < max_num_epochs:", {
                    "note": "0.3.5/0.3.6 evaluate the single valid_loader once inside `with param_context:` "
                            "(binding valid_loss directly): after that with block, before the epoch loop"}))
                 for v in (1, 2)] +
                [(v, ("after", "valid_loss = valid_loss_head")) for v in range(3, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate used for the coming epoch, right before its training pass",
            "newest": ("before", "train_one_epoch("),
            "versions": dict(
                [(0, ("before", "for batch in train_loader:", {
                    "note": "0.3.3 has no train_one_epoch: the batch loop is inline in train(); the probe goes "
                            "right before it (after the scheduler/SWA if/else), not inside it"}))] +
                [(v, ("before", "train_one_epoch(", {
                    "note": "no ScheduleFree `optimizer.train()` guard in 0.3.5: after `if distributed: "
                            "train_sampler.set_epoch(epoch)`"} if v == 1 else {})) for v in range(1, 8)]),
        },
        "opt_loss": {
            "text": 'flor.log("opt_loss", opt_metrics["loss"])',
            "intent": "training loss of every mini-batch step, on every rank (not under `if rank == 0:`)",
            "newest": ("after", 'opt_metrics["epoch"] = epoch', {"within": "for batch in data_loader:"}),
            "versions": dict(
                [(0, ("after", 'opt_metrics["epoch"] = epoch', {
                    "note": "0.3.3: the batch loop `for batch in train_loader:` is still inside train()"}))] +
                [(v, ("after", 'opt_metrics["epoch"] = epoch', {"within": "for batch in data_loader:",
                      "note": "from 0.3.13 the LBFGS branch of train_one_epoch has the same statement; the probe "
                              "belongs to the per-batch loop in the else branch"} if v >= 5 else
                      {"within": "for batch in data_loader:"}))
                 for v in range(1, 8)]),
        },
        "step_loss": {
            "text": 'flor.log("step_loss", loss.item())',
            "intent": "loss of one mini-batch step after forward/backward/clipping, before optimizer.step()",
            "newest": ("after", "loss = closure()", {"within": "def take_step("}),
            "versions": dict(
                [(v, ("after", "if max_grad_norm is not None:", {"within": "def take_step(",
                      "note": "before 0.3.13 take_step has no closure: zero_grad/forward/loss/backward/clip are "
                              "inline, so the image of `loss = closure()` ends with the clipping `if`; after the "
                              "whole if (it runs whether or not clipping is on), right before optimizer.step()"}))
                 for v in range(5)] +
                [(v, ("after", "loss = closure()", {"within": "def take_step("})) for v in (5, 6, 7)]),
        },
        "lbfgs_loss": {
            "text": 'flor.log("lbfgs_loss", loss.item())',
            "intent": "full-batch loss returned by the (non-distributed) LBFGS optimizer step",
            "newest": ("after", "loss = optimizer.step(closure)", {"n": 2, "of": 2}),
            "versions": dict(
                [(v, _NO_LBFGS) for v in range(5)] +
                [(v, ("after", "loss = optimizer.step(closure)", {"n": 2, "of": 2,
                      "note": "the second one, in the `else:` (non-distributed) branch"})) for v in (5, 6, 7)]),
        },
        "valid_loss_head": {
            "text": 'flor.log("valid_loss_head", valid_loss_head)',
            "intent": "validation loss of each evaluation pass during training, right after evaluate() returns",
            "newest": ("after", "valid_loss_head, eval_metrics = evaluate(", _EVAL),
            "versions": dict(
                [(0, ("after", "if ema is not None:", {"n": 1, "of": 3, "renames": {"valid_loss_head": "valid_loss"},
                      "note": "0.3.3 calls evaluate() in both branches of `if ema is not None: with "
                              "ema.average_parameters(): ... else: ...`; the newest probe is not under an EMA "
                              "condition (param_context covers both), so it goes after the whole if/else. "
                              "Single validation set: the value is valid_loss"}))] +
                [(v, ("after", "valid_loss, eval_metrics = evaluate(", dict(_EVAL, **{
                    "renames": {"valid_loss_head": "valid_loss"},
                    "note": "one valid_loader (no per-head loop) before 0.3.7: evaluate() binds valid_loss "
                            "directly, inside `with param_context:`"}))) for v in (1, 2)] +
                [(v, ("after", "valid_loss_head, eval_metrics = evaluate(", _EVAL)) for v in range(3, 8)]),
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", epoch)',
            "intent": "epoch of each new best checkpoint, right after it is saved (every rank that saves)",
            "newest": ("after", "checkpoint_handler.save(", {"n": 2, "of": 2}),
            "versions": dict(
                [(0, ("after", "if ema is not None:", {"n": 2, "of": 3,
                      "note": "0.3.3 saves in both branches of `if ema is not None: with ema.average_parameters(): "
                              "save; keep_last = False / else: save; keep_last = False`; the newest probe runs "
                              "whatever ema is (inside `with param_context:`), so after the whole if/else, i.e. "
                              "last in the `else:` (improvement) branch of `if valid_loss >= lowest_loss:`"}))] +
                [(v, ("after", "checkpoint_handler.save(", {"n": 2, "of": 2})) for v in range(1, 8)]),
        },
        "lowest_loss": {
            "text": 'flor.log("lowest_loss", lowest_loss)',
            "intent": "best validation loss so far, at the end of every evaluation epoch, after the patience / "
                      "checkpoint logic (not only on rank 0)",
            "newest": ("last_in", "if epoch % eval_interval == 0:"),
            "versions": {v: ("last_in", "if epoch % eval_interval == 0:", {
                "note": "0.3.3 has no `if rank == 0:`; the probe follows the whole `if valid_loss >= lowest_loss:` "
                        "if/else (not inside its else branch)"} if v == 0 else {}) for v in OLDER},
        },
        "eval_loss": {
            "text": 'flor.log("eval_loss", avg_loss)',
            "intent": "average loss of one evaluate() call, once it is computed",
            "newest": ("after", "avg_loss, aux = metrics.compute()"),
            "versions": dict(
                [(0, ("after", "avg_loss = total_loss / len(data_loader)", {
                    "note": "0.3.3 accumulates the loss by hand (mean over batches); same role, same name"}))] +
                [(v, ("after", "avg_loss, aux = metrics.compute()", {
                    "note": "after the loop's final compute(), not after the per-batch `avg_loss, aux = "
                            "metrics(batch, output)`"} if v == 1 else {})) for v in range(1, 8)]),
        },
        "epoch_end": {
            "text": 'flor.log("epoch_end", epoch)',
            "intent": "epoch counter at the end of every epoch that was not stopped early, before it is advanced",
            "newest": ("before", "epoch += 1"),
            "versions": {v: ("before", "epoch += 1", {
                "note": "the early-exit broadcast `if exit_now is not None:` (newest previous sibling) appears in "
                        "0.3.15; before it the probe keeps its place right before `epoch += 1` (after the "
                        "barrier `if distributed:` from 0.3.5, after the validation `if` in 0.3.3)"} if v < 7 else {})
                for v in OLDER},
        },
    },
}
