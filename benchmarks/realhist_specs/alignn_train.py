# alignn alignn/train.py (train_dgl), PyPI 2021.9.29 .. 2026.8.11 (v00 .. v09).
# Round 26, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "alignn_train" / "versions.json").read_text())
# v00 (2021.9.29): ignite only -- create_supervised_trainer + event handlers + trainer.run(); train_dgl itself
#   contains no epoch/batch loop, so every probe inside the hand-written loop has no anchor there.
# v01-v04 (2022.11.6 .. 2024.2.4): hand-written loop under `if config.model.name == "alignn_atomwise":`
#   (get_batch_errors, optimizer re-created inside the block) next to the ignite path; v03/v04 add
#   `if config.distributed:` accelerate branches (accelerator.backward / accelerator.print).
# v05-v06 (2024.3.4, 2024.8.30): ignite removed; epoch timing (train_ep_time); v06 adds rank/world_size,
#   DDP and puts the test loop under `if rank == 0 or world_size == 1:`.
# v07 (2024.12.12): `if "alignn_" in config.model.name:`, per-component running_loss1..5 / val_loss1..5,
#   val timing, print_train_val_loss.
# v08 (2026.5.20): optimizer built once, per-batch OneCycle stepping (`_step_scheduler_per_batch`),
#   loss normalisation + _ddp_mean, `is_main` guards, autocast.
# v09 (2026.8.11): resume (start_epoch), eval_net = _unwrap(net) for the test loop.
OLDER = range(9)
HAND = range(1, 9)
_NOLOOP = ("na", "no_anchor",
           "2021.9.29 trains only through ignite (create_supervised_trainer / trainer.run); train_dgl has no "
           "hand-written epoch or batch loop, so there is no corresponding statement")
_TRAIN = {"within": "train_loader"}
_EPOCH = {"within": "for e in range("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


def _train_loop(v):
    return "for dats in train_loader:" if v <= 2 else "for dats, jid in zip(train_loader"


def _val_loop(v):
    return "for dats in val_loader:" if v <= 2 else "for dats, jid in zip(val_loader"


CASE = {
    "name": "alignn_train",
    "title": "ALIGNN train_dgl across 2021.9.29 .. 2026.8.11 (ignite engine -> hand-written loop next to ignite "
             "-> ignite removed, timing, DDP ranks, per-component losses, optimizer built once, per-batch "
             "OneCycle, loss normalisation/_ddp_mean, is_main guards, resume, eval_net)",
    "stories": _V,
    "probes": {
        "lr_init": {
            "text": 'flor.log("lr_init", optimizer.param_groups[0]["lr"])',
            "intent": "initial learning rate of the optimizer, right after it is built",
            "newest": ("after", "optimizer = setup_optimizer(params, config)"),
            "versions": dict(
                [(0, ("after", "optimizer = setup_optimizer(params, config)"))] +
                [(v, ("after", "optimizer = setup_optimizer(params, config)", {
                    "n": 1, "of": 2,
                    "note": "the optimizer is built twice before 2026.5.20: once at function level (bound to "
                            "the scheduler) and again inside the hand-written-loop block; the newest version's "
                            "single build is the function-level one, before the scheduler"}))
                 for v in range(1, 8)] +
                [(8, ("after", "optimizer = setup_optimizer(params, config)"))]),
        },
        "epoch": {
            "text": 'flor.log("epoch", e)',
            "intent": "epoch index at the start of each training epoch",
            "newest": ("first_in", "for e in range(start_epoch, config.epochs):"),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("first_in", "for e in range(config.epochs):", {
                    "note": "before resume support the epoch loop starts at 0"} if v == 1 else {}))
                 for v in HAND]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss.item())',
            "intent": "total training loss of each batch, right after the backward pass",
            "newest": ("after", "loss.backward()"),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("after", "loss.backward()", _w(_TRAIN))) for v in (1, 2, 5, 6, 7, 8)] +
                [(v, ("after", "if config.distributed:", _w(_TRAIN, note=(
                    "2023.10.1/2024.2.4 backpropagate with accelerator.backward(loss) under "
                    "`if config.distributed:` and loss.backward() in the else branch; the probe is "
                    "unconditional in the newest version, so it goes after the whole if/else"))))
                 for v in (3, 4)]),
        },
        "loss_out": {
            "text": 'flor.log("loss_out", loss1.item())',
            "intent": "graph-level (energy) part of the training loss of each batch, when the model has graph outputs",
            "newest": ("after", "running_loss1 += loss1.item()"),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("last_in", "if config.model.output_features is not None:", _w(_TRAIN, note=(
                    "no per-component running losses before 2024.12.12: the previous sibling "
                    "`running_loss1 += loss1.item()` does not exist, so the probe ends the "
                    "`if config.model.output_features is not None:` block of the training batch loop "
                    "(after info[\"pred_out\"] = ...)") if v == 1 else {})))
                 for v in range(1, 7)] +
                [(v, ("after", "running_loss1 += loss1.item()")) for v in (7, 8)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", running_loss)',
            "intent": "epoch training loss once it is final for the epoch, before the epoch-level scheduler step",
            "newest": ("after", "running_loss5 = _ddp_mean(running_loss5, use_ddp)"),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("after", _train_loop(v), _w(_EPOCH, alt=[
                    ("after", "mean_out, mean_atom, mean_grad, mean_stress = get_batch_errors(",
                     {"n": 1, "of": 2})],
                    note=("before 2026.5.20 running_loss is the plain sum over batches (no normalisation, no "
                          "_ddp_mean): right after the batch loop. get_batch_errors(train_result) has no "
                          "counterpart in the newest version and does not touch running_loss: after it is "
                          "also accepted") if v == 1 else None)))
                 for v in range(1, 7)] +
                [(7, ("after", "for dats, jid in zip(train_loader", _w(_EPOCH, note=(
                    "no normalisation block: after the batch loop, before scheduler.step()"))))] +
                [(8, ("after", "running_loss5 = _ddp_mean(running_loss5, use_ddp)"))]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the epoch-level scheduler step",
            "newest": ("after", "if not _step_scheduler_per_batch:"),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("after", "scheduler.step()", _w(_EPOCH, note=(
                    "before 2026.5.20 the scheduler is stepped unconditionally once per epoch; `optimizer` "
                    "there is the one re-created inside the loop block (same name)") if v == 1 else None)))
                 for v in range(1, 8)] +
                [(8, ("after", "if not _step_scheduler_per_batch:"))]),
        },
        "train_time": {
            "text": 'flor.log("train_time", train_ep_time)',
            "intent": "wall-clock time of the epoch's training pass",
            "newest": ("after", "train_ep_time = train_final_time - train_init_time"),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("na", "missing_dependency",
                      "epoch timing (train_init_time / train_ep_time) arrives in 2024.3.4",
                      {"scope": "train_dgl"})) for v in range(1, 5)] +
                [(v, ("after", "train_ep_time = train_final_time - train_init_time")) for v in range(5, 9)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "epoch validation loss once it is final, right after the validation pass",
            "newest": ("after", "val_loss5 = _ddp_mean(val_loss5, use_ddp)"),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("after", _val_loop(v), _w(_EPOCH, alt=[
                    ("after", "mean_out, mean_atom, mean_grad, mean_stress = get_batch_errors(",
                     {"n": 2, "of": 2})],
                    note=("val_loss is the plain sum before 2026.5.20: right after the validation loop; "
                          "get_batch_errors(val_result) has no counterpart in the newest version: after it is "
                          "also accepted") if v == 1 else None)))
                 for v in range(1, 7)] +
                [(7, ("after", "for dats, jid in zip(val_loader", _w(_EPOCH, note=(
                    "no normalisation block: after the validation loop, before val_fin_time = time.time()"))))] +
                [(8, ("after", "val_loss5 = _ddp_mean(val_loss5, use_ddp)"))]),
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", e)',
            "intent": "epoch whose model was just saved as best_model.pt (on the main rank)",
            "newest": ("after", "torch.save(", {"within": "if val_loss < best_loss:"}),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("after", "torch.save(", {"within": "if val_loss < best_loss:", **({"note": (
                    "no `if is_main:` guard before 2026.5.20: the best-model save is directly under "
                    "`if val_loss < best_loss:`; the probe stays under that condition, right after the save")}
                    if v == 1 else {})})) for v in range(1, 8)] +
                [(8, ("after", "torch.save(", {"within": "if val_loss < best_loss:"}))]),
        },
        "eval_mode": {
            "text": 'flor.log("eval_mode", eval_net.training)',
            "intent": "whether the model used for the final test pass is still in training mode",
            "newest": ("after", "eval_net = _unwrap(net)"),
            "versions": dict(
                [(0, _NOLOOP)] +
                [(v, ("before", "test_loss = 0", {"renames": {"eval_net": "net"}, **({"note": (
                    "before 2026.8.11 the test loop calls `net` itself where the newest calls `eval_net = "
                    "_unwrap(net)` (code shows the rename: result = net(...) -> result = eval_net(...)); the "
                    "probe goes where eval_net is bound, first in the test block, before test_loss = 0 "
                    "(inside `if rank == 0 or world_size == 1:` from 2024.8.30, unconditional in the loop "
                    "block before)")} if v == 1 else {})})) for v in HAND]),
        },
    },
}
# drop None notes
for _p in CASE["probes"].values():
    for _k, _a in list(_p["versions"].items()):
        if _a[0] != "na" and len(_a) > 2 and isinstance(_a[2], dict) and _a[2].get("note", "") is None:
            _o = dict(_a[2])
            del _o["note"]
            _p["versions"][_k] = (_a[0], _a[1], _o)
