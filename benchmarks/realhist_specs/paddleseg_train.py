# paddleseg paddleseg/core/train.py (train), PyPI 2.0.0 .. 2.8.0 (v00 .. v08).
# Round 21, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "paddleseg_train" / "versions.json").read_text())
OLDER = range(8)
_LOOP = {"within": "for data in loader"}
CASE = {
    "name": "paddleseg_train",
    "title": "PaddleSeg core/train.py train() across 2.0.0 .. 2.8.0 (AMP branch added and fp16 -> precision/amp_level, "
             "DataParallel -> fleet, lr_sche extracted, tuple batches -> dict batches, model-side loss_computation "
             "dispatch, ReduceOnPlateau moved, EMA model added)",
    "stories": _V,
    "probes": {
        "img_shape": {
            "text": 'flor.log("img_shape", images.shape)',
            "intent": "shape of the input batch as fed to the model, after the optional NHWC transpose",
            "newest": ("after", "if hasattr(model, 'data_format') and model.data_format == 'NHWC':"),
            "versions": dict(
                [(v, ("after", "if len(data) == 3:", {
                    "note": "2.0/2.1 have no NHWC transpose: after the edge-label block (its previous statement), "
                            "before the forward pass"})) for v in (0, 1)] +
                [(v, ("after", "if hasattr(model, 'data_format') and model.data_format == 'NHWC':"))
                 for v in range(2, 8)]),
        },
        "has_edge": {
            "text": 'flor.log("has_edge", edges is not None)',
            "intent": "whether the batch carries edge labels, after the optional edge read",
            "newest": ("after", "if 'edge' in data.keys():"),
            "versions": dict(
                [(v, ("after", "if len(data) == 3:", {
                    "note": "tuple batches before 2.6: the edge check reads `if len(data) == 3:`; same statement"}))
                 for v in range(6)] +
                [(v, ("after", "if 'edge' in data.keys():")) for v in (6, 7)]),
        },
        "n_loss_terms": {
            "text": 'flor.log("n_loss_terms", len(loss_list))',
            "intent": "number of loss terms in the fp32 (non-AMP) branch, right after the loss list is computed",
            "newest": ("after", "if nranks > 1 and hasattr(ddp_model._layers,", {"n": 2, "of": 2}),
            "versions": dict(
                [(v, ("after", "loss_list = loss_computation(", {
                    "note": "no AMP branch in 2.0/2.1: the fp32 path is the only path, so the probe is "
                            "unconditional after loss_computation"})) for v in (0, 1)] +
                [(v, ("after", "loss_list = loss_computation(", {
                    "n": 2, "of": 2,
                    "note": "the second loss_computation call is the one in the else (fp32) branch of the AMP "
                            "if; the model/ddp loss_computation dispatch of 2.8 does not exist yet"}))
                 for v in range(2, 8)]),
        },
        "loss": {
            "text": 'flor.log("loss", float(loss))',
            "intent": "total loss of every iteration, after the whole forward/backward/update (AMP or not)",
            "newest": ("after", "if precision == 'fp16':", _LOOP),
            "versions": dict(
                [(v, ("after", "optimizer.step()", {
                    "note": "no AMP if/else in 2.0/2.1: the newest if/else spans forward..optimizer step, "
                            "so its image ends at optimizer.step() (before lr = optimizer.get_lr())"}))
                 for v in (0, 1)] +
                [(v, ("after", "if fp16:", dict(_LOOP, note="AMP switch is the boolean `fp16` before 2.5; after the whole if/else")))
                 for v in (2, 3, 4)] +
                [(v, ("after", "if precision == 'fp16':", _LOOP)) for v in (5, 6, 7)]),
        },
        "sched_last_lr": {
            "text": 'flor.log("sched_last_lr", lr_sche.last_lr)',
            "intent": "learning rate of the LR scheduler right after it is stepped, only when there is one",
            "newest": ("last_in", "if isinstance(lr_sche, paddle.optimizer.lr.LRScheduler):"),
            "versions": dict(
                [(v, ("last_in", "if isinstance(optimizer._learning_rate,", {
                    "renames": {"lr_sche": "optimizer._learning_rate"},
                    "note": "2.0/2.1 step `optimizer._learning_rate` directly; 2.2 extracted it into `lr_sche` "
                            "(the fleet branch added with it does not exist in 2.0/2.1, where the optimizer is "
                            "never wrapped): rename, inside the equivalent isinstance condition"}))
                 for v in (0, 1)] +
                [(v, ("last_in", "if isinstance(lr_sche, paddle.optimizer.lr.LRScheduler):", {
                    "note": "the body is only lr_sche.step() before 2.8 (ReduceOnPlateau was handled at "
                            "optimizer.step in 2.4-2.7)"} if v == 4 else {}))
                 for v in range(2, 8)]),
        },
        "step": {
            "text": 'flor.log("step", iter)',
            "intent": "iteration counter after logging and the EMA update, before evaluation/checkpointing",
            "newest": ("before", "if (iter % save_interval == 0 or", {"n": 1, "of": 2}),
            "versions": {v: ("after", "if (iter) % log_iters == 0 and local_rank == 0:", {
                "note": "previous sibling in 2.8 is the EMA update `if use_ema:`, absent before: after the "
                        "logging block, before the evaluation block"}) for v in OLDER},
        },
        "val_miou": {
            "text": 'flor.log("val_miou", mean_iou)',
            "intent": "validation mIoU after the evaluation(s), before switching back to train mode",
            "newest": ("before", "model.train()", _LOOP),
            "versions": {v: ("before", "model.train()", dict(_LOOP, note="after `mean_iou, acc = evaluate(...)` (2 return values in 2.0); no EMA evaluation before 2.8")
                             if v == 0 else _LOOP) for v in OLDER},
        },
        "ema_miou": {
            "text": 'flor.log("ema_miou", ema_mean_iou)',
            "intent": "validation mIoU of the EMA model, right after its evaluation",
            "newest": ("after", "ema_mean_iou, ema_acc, _, _, _ = evaluate("),
            "versions": {v: ("na", "missing_dependency", "no EMA model before 2.8; ema_mean_iou is never bound")
                         for v in OLDER},
        },
        "best_miou": {
            "text": 'flor.log("best_miou", best_mean_iou)',
            "intent": "best validation mIoU so far, right after the best-model log line",
            "newest": ("after", "logger.info(", {"within": "if val_dataset is not None:", "n": 1, "of": 2}),
            "versions": {v: ("after", "logger.info(", {"within": "if val_dataset is not None:"}) for v in OLDER},
        },
        "ckpt_dir": {
            "text": 'flor.log("ckpt_dir", current_save_dir)',
            "intent": "directory of the checkpoint just written, before it enters the keep-N queue",
            "newest": ("before", "save_models.append(current_save_dir)"),
            "versions": {v: ("before", "save_models.append(current_save_dir)", {
                "note": "previous sibling in 2.8 is the EMA save `if use_ema:`, absent before: after the "
                        "optimizer-state save"} if v == 0 else {}) for v in OLDER},
        },
    },
}
