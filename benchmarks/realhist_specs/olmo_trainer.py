# ai2-olmo olmo/train.py (Trainer.fit / train_step / train_batch / train_micro_batch / eval), PyPI 0.1.0 .. 0.6.0 (v00 .. v07).
# Round 27, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "olmo_trainer" / "versions.json").read_text())
ALL = range(7)
_NA = lambda why: ("na", "missing_dependency", why)
CASE = {
    "name": "olmo_trainer",
    "title": "OLMo Trainer (train_batch/train_micro_batch/train_step/eval/fit) across ai2-olmo 0.1.0 .. 0.6.0",
    "stories": _V,
    "probes": {
        "micro_ce_loss": {
            "text": 'flor.log("micro_ce_loss", ce_loss.item())',
            "intent": "cross-entropy loss of each micro-batch, right after it is added to the batch total",
            "newest": ("after", "ce_batch_loss += ce_loss.detach()"),
            "versions": {v: ("after", "ce_batch_loss += ce_loss.detach()", {
                "note": "before 0.4.0 the micro-batch loop has no `with grad_sync_context():` around the autocast "
                        "block; the place is still inside the autocast block of the micro-batch loop"} if v < 5 else {})
                         for v in ALL},
        },
        "z_loss": {
            "text": 'flor.log("z_loss", z_loss.item())',
            "intent": "auxiliary z-loss of a micro-batch once it is scaled, only when the auxiliary loss is on",
            "newest": ("after", "z_loss = z_loss / batch_size_in_tokens"),
            "versions": dict(
                [(v, ("after", "z_loss = 1e-4 * z_squared / len(micro_batches)", {
                    "note": "before 0.3.0 the z-loss is computed from the logits inline in train_batch, under the same "
                            "`if self.cfg.softmax_auxiliary_loss:`; train_micro_batch does not exist yet"}))
                 for v in (0, 1, 2, 3)] +
                [(4, ("after", "z_loss = z_loss / len(micro_batches)", {
                    "note": "0.3.0: z-loss comes from model_forward, still scaled inline in train_batch"}))] +
                [(v, ("after", "z_loss = z_loss / batch_size_in_tokens")) for v in (5, 6)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss to optimize for a micro-batch, after the if/else that adds the z-loss or not",
            "newest": ("after", "if self.cfg.softmax_auxiliary_loss:"),
            "versions": {v: ("after", "if self.cfg.softmax_auxiliary_loss:", {
                "note": "before 0.4.0 this if/else lives in train_batch's micro-batch loop (inside autocast); "
                        "the place is after the whole if/else, before `del logits`"} if v < 5 else {})
                         for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", group["lr"])',
            "intent": "learning rate set for each param group by the scheduler",
            "newest": ("after", 'group["lr"] = self.scheduler.get_lr('),
            "versions": {v: ("after", 'group["lr"] = self.scheduler.get_lr(') for v in ALL},
        },
        "masked_instances": {
            "text": 'flor.log("masked_instances", (~instance_mask).sum().item())',
            "intent": "number of instances masked out of the batch, only when the batch has an instance mask",
            "newest": ("after", 'metrics["train/masked_instances_local_rank"] = '),
            "versions": dict(
                [(v, _NA("no instance_mask before 0.4.0")) for v in (0, 1, 2, 3, 4)] +
                [(v, ("after", 'metrics["train/masked_instances_local_rank"] = ')) for v in (5, 6)]),
        },
        "examples_seen_this_epoch": {
            "text": 'flor.log("examples_seen_this_epoch", self.global_train_examples_seen_this_epoch)',
            "intent": "data-loader position counter right after it advances for the batch",
            "newest": ("after", "self.global_train_examples_seen_this_epoch += global_batch_size"),
            "versions": dict(
                [(0, ("after", "self.global_train_examples_seen += global_batch_size", {
                    "renames": {"self.global_train_examples_seen_this_epoch": "self.global_train_examples_seen"},
                    "note": "0.1.0 has no epochs; the same counter (restores the dataset position on restart) is "
                            "`global_train_examples_seen`, renamed in 0.2.0 (load_trainer_state_dict maps the old "
                            "key onto the new field). Treated as a rename, not a substitute"}))] +
                [(v, ("after", "self.global_train_examples_seen_this_epoch += global_batch_size"))
                 for v in range(1, 7)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", self.epoch)',
            "intent": "epoch counter at the end of each epoch (for-else of the batch loop), after it advances",
            "newest": ("after", "self.epoch = epoch + 1"),
            "versions": dict(
                [(0, _NA("0.1.0 has no `epoch` field"))] +
                [(1, ("after", 'log.info("Training loop complete")', {
                    "note": "0.2.0 has the `epoch` field (restored from checkpoints) but no epoch loop: the single "
                            "pass over train_loader is the epoch, its for-else (`log.info(\"Training loop complete\")`) "
                            "is the end of it; `self.epoch = epoch + 1` does not exist, so the probe goes after the "
                            "log line that precedes it in the newest version"}))] +
                [(v, ("after", "self.epoch = epoch + 1")) for v in range(2, 7)]),
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", str(checkpoint_path))',
            "intent": "path of each periodic (or cancel-time) sharded checkpoint saved in the training loop",
            "newest": ("after", "checkpoint_path, _ = self.save_checkpoint(CheckpointType.sharded)",
                       {"within": "if save_checkpoints and ("}),
            "versions": dict(
                [(v, ("after", "checkpoint_path, _ = self.save_checkpoint(CheckpointType.sharded)", {
                    "within": "if canceled or (",
                    "note": "0.1.x/0.2.0: saved under `if canceled or (interval ...)`, the equivalent condition"}))
                 for v in (0, 1)] +
                [(v, ("after", "checkpoint_path, _ = self.save_checkpoint(CheckpointType.sharded)", {
                    "within": "if save_checkpoints and (",
                    "note": "no `if self.cfg.distributed_strategy != DistributedStrategy.ddp:` before 0.4.0; "
                            "under the save condition only"} if v < 5 else {"within": "if save_checkpoints and ("}))
                 for v in (2, 3, 4, 5, 6)]),
        },
        "eval_results": {
            "text": 'flor.log("eval_results", eval_metrics)',
            "intent": "metrics of each in-loop evaluation (not the eval-on-load one)",
            "newest": ("after", "eval_metrics = self.eval()", {"within": "if not cancel_initiated and ("}),
            "versions": dict(
                [(v, ("after", "eval_metrics = self.eval()", {"within": "if not canceled and"})) for v in (0, 1)] +
                [(v, ("after", "eval_metrics = self.eval()", {"within": "if not cancel_initiated and self.global_step"}))
                 for v in (2, 3, 4, 5)] +
                [(6, ("after", "eval_metrics = self.eval()", {"within": "if not cancel_initiated and ("}))]),
        },
        "num_eval_metrics": {
            "text": 'flor.log("num_eval_metrics", len(eval_metrics))',
            "intent": "number of metrics collected by eval(), after all evaluators ran and torch.compile caches were reset",
            "newest": ("after", "if self.cfg.compile is not None:"),
            "versions": {v: ("after", "for evaluator in self.evaluators:", {
                "note": "no torch.compiler.reset() block before 0.6.0: after the evaluator loop, before the return"})
                         for v in ALL},
        },
    },
}
