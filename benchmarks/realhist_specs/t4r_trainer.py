# transformers4rec transformers4rec/torch/trainer.py (Trainer(transformers.Trainer): compute_loss, evaluation_loop,
# create_scheduler, _save_model_and_checkpoint, log), PyPI 0.1 .. 23.6.0 (v00 .. v09).
# Round 33, held out: written before the round's fixes, scored before any change made for it.
# Note: the optimisation loop itself is inherited from transformers.Trainer; this file owns the per-step training
# loss (compute_loss, from 0.1.16), the evaluation loop over batches, the LR scheduler, checkpointing and logging.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "t4r_trainer" / "versions.json").read_text())
OLDER = range(9)
# v00 0.1: HFWrapper around the model (model = self.model.module in evaluation_loop), callbacks=[TrainerCallback],
#          metrics computed on every eval batch, metrics[f"{prefix}/loss"], then a loop prefixing every key; no log()
# v01 0.1.2: incremental_logging (past_global_steps, IncrementalLoggingCallback, log() override with state_copy),
#          compute_metrics_each_n_steps (`if step % ... == 0:` under `if self.compute_metrics:`), process_metrics
# v02 0.1.11 (0.1.3's _prepare_inputs included): test dataloader, ignore_masking (set from description ==
#          "Prediction"), metric keys "{prefix}_/..."
# v03 0.1.13: self.model.module -> self.model.wrapper_module
# v04 0.1.14: DDP: local_rank/global_size computed by an if/else in get_train_dataloader
# v05 0.1.15: model class saved via wrapper_module.save
# v06 0.1.16: HFWrapper removed; compute_loss override (targets); prediction_step(training, testing);
#          `testing` replaces ignore_masking; metrics/loss only when testing
# v07 23.4.0: DDP if/else moved into __init__ (self.device/self.local_rank/self.global_size, passed to every loader);
#          _use_cuda_amp; preds_item_ids_scores_host -> preds_host; top-k on pred_next_item (NextItemPredictionTask)
# v08 23.5.0: raise when model.top_k and predict_top_k are both set
# v09 23.6.0: top-k block also serves model.top_k: scores taken from the model or computed with torch.topk, then
#          `if preds_sorted_item_scores is not None:` logs the predictions
_EVAL = {"within": "def evaluation_loop("}
CASE = {
    "name": "t4r_trainer",
    "title": "transformers4rec Trainer across 0.1 .. 23.6.0 (HFWrapper removed, incremental logging, metrics every "
             "N eval steps, ignore_masking -> testing, compute_loss override, DDP global_size moved from "
             "get_train_dataloader into __init__, top-k predictions from model.top_k or torch.topk)",
    "stories": _V,
    "probes": {
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "training loss of every training step, as compute_loss extracts it from the model outputs",
            "newest": ("after", 'loss = outputs["loss"]', {"within": "def compute_loss("}),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "compute_loss is overridden from 0.1.16 on; before, the training loss is computed by "
                      "transformers.Trainer.compute_loss outside this file (the `loss` in prediction_step / "
                      "evaluation_loop is the evaluation loss, a different value)")) for v in range(0, 6)] +
                [(v, ("after", 'loss = outputs["loss"]', {"within": "def compute_loss("})) for v in (6, 7, 8)]),
        },
        "global_size": {
            "text": 'flor.log("global_size", self.global_size)',
            "intent": "DDP world size used to shard the data loaders (None without DDP), once determined",
            "newest": ("after", "if self.args.local_rank != -1:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.1.14 the data loaders are not sharded for DDP: no global_size is computed",
                      {"scope": "Trainer"})) for v in range(0, 4)] +
                [(v, ("after", "if self.args.local_rank != -1:", {
                    "renames": {"self.global_size": "global_size"},
                    "note": "judgment call: 0.1.14-0.1.16 compute the same value with the same if/else, as a local "
                            "`global_size` in get_train_dataloader (23.4.0 moved the block into __init__ and stored "
                            "it on self for every loader): after the whole if/else there, not in a branch"}))
                 for v in (4, 5, 6)] +
                [(v, ("after", "if self.args.local_rank != -1:")) for v in (7, 8)]),
        },
        "ckpt_dir": {
            "text": 'flor.log("ckpt_dir", output_dir)',
            "intent": "checkpoint folder, right after the model parameters are saved",
            "newest": ("after", "self._save_checkpoint(self.model, trial=None, metrics=None)"),
            "versions": {v: ("after", "self._save_checkpoint(self.model, trial=None, metrics=None)") for v in OLDER},
        },
        "testing": {
            "text": 'flor.log("testing", testing)',
            "intent": "whether this evaluation loop computes losses/metrics (False for plain predictions)",
            "newest": ("after", 'if description == "Prediction":'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.1/0.1.2 do not distinguish predictions from evaluation: no `testing` flag",
                      {"scope": "evaluation_loop"})) for v in (0, 1)] +
                [(v, ("na", "missing_dependency",
                      "0.1.11-0.1.15 set `ignore_masking` (True for predictions) from the same description check; "
                      "it is the negation and controls masking, not loss/metrics: not a rename of `testing`",
                      {"scope": "evaluation_loop"})) for v in range(2, 6)] +
                [(v, ("after", 'if description == "Prediction":', {
                    "note": "after the whole if/else, not in either branch"} if v == 6 else {})) for v in (6, 7, 8)]),
        },
        "num_examples": {
            "text": 'flor.log("num_examples", num_examples)',
            "intent": "number of examples the evaluation loop expects, after the train-set/other if/else",
            "newest": ("after", 'if metric_key_prefix == "train" and self.args.eval_steps_on_train_set:'),
            "versions": {v: ("after", 'if metric_key_prefix == "train" and self.args.eval_steps_on_train_set:', {
                "note": "after the whole if/else (num_examples is set in both branches)"} if v == 0 else {})
                for v in OLDER},
        },
        "batch_metrics": {
            "text": 'flor.log("batch_metrics", metrics_results_detailed)',
            "intent": "streaming metrics of an evaluation batch, when they are computed (every N steps)",
            "newest": ("after", "metrics_results_detailed = model.calculate_metrics(preds, labels)"),
            "versions": dict(
                [(0, ("after", "metrics_results_detailed = model.calculate_metrics(", {
                    "note": "0.1 computes the metrics on every batch under `if self.compute_metrics:` (no "
                            "compute_metrics_each_n_steps yet): after the call, under the only condition there is"}))] +
                [(v, ("after", "metrics_results_detailed = model.calculate_metrics(", {
                    "note": "0.1.2-0.1.15: calculate_metrics(preds, labels, mode=..., forward=False, call_body=False) "
                            "under `if self.compute_metrics:` > `if step % ... == 0:` (no `testing` flag yet)"}))
                 for v in range(1, 6)] +
                [(v, ("after", "metrics_results_detailed = model.calculate_metrics(preds, labels)"))
                 for v in (6, 7, 8)]),
        },
        "eval_batch_loss": {
            "text": 'flor.log("eval_batch_loss", loss.item())',
            "intent": "loss of every evaluation batch, when the batch has one",
            "newest": ("first_in", "if loss is not None:"),
            "versions": {v: ("first_in", "if loss is not None:") for v in OLDER},
        },
        "n_top_items": {
            "text": 'flor.log("n_top_items", preds_sorted_item_ids.shape[-1])',
            "intent": "number of top-k items kept per session in an evaluation batch, when top-k predictions exist",
            "newest": ("first_in", "if preds_sorted_item_scores is not None:"),
            "versions": dict(
                [(v, ("after", "preds_sorted_item_scores, preds_sorted_item_ids = torch.topk(", {
                    "note": "before 23.6.0 top-k scores are always computed with torch.topk inside `if preds is not "
                            "None and self.args.predict_top_k > 0:` (the old equivalent condition) and always exist: "
                            "after the topk call, before _maybe_log_predictions, with no inner condition"}))
                 for v in OLDER]),
        },
        "observed_num_examples": {
            "text": 'flor.log("observed_num_examples", observed_num_examples)',
            "intent": "number of examples actually seen by the evaluation loop, once the batch loop is over",
            "newest": ("after", "for step, inputs in enumerate(dataloader):"),
            "versions": {v: ("after", "for step, inputs in enumerate(dataloader):") for v in OLDER},
        },
        "eval_loss": {
            "text": 'flor.log("eval_loss", all_losses.mean().item())',
            "intent": "mean evaluation loss, right after it is stored in the metrics (only when testing)",
            "newest": ("after", 'metrics[f"{metric_key_prefix}_/loss"] = all_losses.mean().item()'),
            "versions": dict(
                [(v, ("after", 'metrics[f"{metric_key_prefix}/loss"] = all_losses.mean().item()', {
                    "note": "0.1/0.1.2 store it under '{prefix}/loss' (unconditionally: there is no testing flag)"}))
                 for v in (0, 1)] +
                [(v, ("after", 'metrics[f"{metric_key_prefix}_/loss"] = all_losses.mean().item()', {
                    "note": "0.1.11-0.1.15 store it unconditionally (no testing flag)"} if v < 6 else {}))
                 for v in range(2, 9)]),
        },
        "general_global_step": {
            "text": 'flor.log("general_global_step", state_copy.global_step)',
            "intent": "global step used for incremental logging (cumulative over train() calls), when it is set",
            "newest": ("after", "state_copy.global_step = self._get_general_global_step()"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1 has no log() override and no incremental logging", {"scope": "Trainer"}))] +
                [(v, ("after", "state_copy.global_step = self._get_general_global_step()")) for v in range(1, 9)]),
        },
    },
}
