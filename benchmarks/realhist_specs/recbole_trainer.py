# recbole recbole/trainer/trainer.py (Trainer.fit / _train_epoch / evaluate), PyPI 0.1.0 .. 1.2.1 (v00 .. v06).
# Round 13, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "recbole_trainer" / "versions.json").read_text())
OLDER = range(6)
# v00 0.1.0/0.1.1, v01 0.1.2 (loss_func, clip_grad_norm), v02 0.2.1 (tqdm progress, callback_fn, evaluate with
# enumerate(eval_data) if/else full-sort branch), v03 1.0.0 (Collector/eval_func, tensorboard), v04 1.0.1 (wandb,
# valid_step, dynamic negative sampling), v05 1.1.0/1.1.1 (DDP sync_loss, AMP GradScaler, _map_reduce, num_sample,
# black formatting), v06 1.2.1.  1.2.0 is left out: identical to 1.2.1 but for CRLF line endings.
# Every probe goes into the base class Trainer (the subclasses KGTrainer, NCLTrainer, ... repeat parts of the loops).
_T = {"within": "class Trainer("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "recbole_trainer",
    "title": "recbole Trainer.fit/_train_epoch/evaluate across 0.1.0 .. 1.2.1 (loss_func and grad clipping, "
             "progress bars and callbacks, Collector-based evaluation, tensorboard and wandb, DDP sync loss, "
             "AMP GradScaler, distributed map-reduce of eval results)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of each training batch, right after the backward pass",
            "newest": ("after", "scaler.scale(loss + sync_loss).backward()", _T),
            "versions": dict(
                [(v, ("after", "loss.backward()", _w(_T, note=
                      "before 1.1.0 there is no GradScaler / sync loss: loss.backward() is the same statement")))
                 for v in range(5)] +
                [(5, ("after", "scaler.scale(loss + sync_loss).backward()", _T))]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after each optimizer step",
            "newest": ("after", "scaler.update()", _T),
            "versions": dict(
                [(v, ("after", "self.optimizer.step()", _w(_T, note=
                      "before 1.1.0 the step is self.optimizer.step() (no scaler.step/scaler.update pair): after it")))
                 for v in range(5)] +
                [(5, ("after", "scaler.update()", _T))]),
        },
        "sync_loss": {
            "text": 'flor.log("sync_loss", sync_loss)',
            "intent": "DDP synchronisation loss term of each batch, after the (conditional) sync block",
            "newest": ("after", 'if not self.config["single_spec"]:', _w(_T, n=1, of=2)),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "distributed training (sync_loss, set_reduce_hook) only exists from 1.1.0",
                      {"scope": "_train_epoch"})) for v in range(5)] +
                [(5, ("after", 'if not self.config["single_spec"]:', _w(_T, n=1, of=2)))]),
        },
        "epoch_train_loss": {
            "text": 'flor.log("epoch_train_loss", self.train_loss_dict[epoch_idx])',
            "intent": "summed training loss of each epoch, after all train-loss reporting and before evaluation",
            "newest": ("after", "self.wandblogger.log_metrics(", _w(_T, n=1, of=2)),
            "versions": dict(
                [(v, ("before", "if self.eval_step <= 0 or not valid_data:", _w(_T, note=
                      "before 1.0.0 there is neither tensorboard nor wandb logging: after the whole "
                      "`if verbose:` train-loss log, right before the eval block"))) for v in range(3)] +
                [(3, ("after", "self._add_train_loss_to_tensorboard(epoch_idx, train_loss)", _w(_T, note=
                      "1.0.0 has tensorboard but no wandb: after the tensorboard call")))] +
                [(v, ("after", "self.wandblogger.log_metrics(", _w(_T, n=1, of=2))) for v in (4, 5)]),
        },
        "start_epoch": {
            "text": 'flor.log("start_epoch", self.start_epoch)',
            "intent": "first epoch of the run (after a possible resume), right before the epoch loop",
            "newest": ("before", "for epoch_idx in range(self.start_epoch, self.epochs):", _T),
            "versions": {v: ("before", "for epoch_idx in range(self.start_epoch, self.epochs):", _w(_T, note=
                             "the statements before the loop change (train_preparation hook, checkpoint-at-end, "
                             "collector, valid_step = 0); the probe stays right before the loop") if v < 4 else _T)
                         for v in OLDER},
        },
        "best_valid_score": {
            "text": 'flor.log("best_valid_score", self.best_valid_score)',
            "intent": "best validation score so far, right after early_stopping() updates it",
            "newest": ("before", "valid_end_time = time()", _T),
            "versions": {v: ("before", "valid_end_time = time()", _T) for v in OLDER},
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", epoch_idx)',
            "intent": "epoch of a new best validation result, inside `if update_flag:`",
            "newest": ("after", "self.best_valid_result = valid_result", _T),
            "versions": {v: ("after", "self.best_valid_result = valid_result", _T) for v in OLDER},
        },
        "eval_scores_shape": {
            "text": 'flor.log("eval_scores_shape", tuple(scores.shape))',
            "intent": "shape of the score matrix of each evaluation batch, right after it is computed",
            "newest": ("after", "interaction, scores, positive_u, positive_i = eval_func(batched_data)", _T),
            "versions": dict(
                [(v, ("after", "if eval_data.dl_type == DataLoaderType.FULL:", {
                      "within": "for batch_idx, batched_data in",
                      "note": "before 1.0.0 the scores are computed in an if/else (full sort / sampled) inside the "
                              "eval loop: after the whole if/else (the probe is unconditional); in 0.1.x the "
                              "evaluator.collect call sits inside each branch, so the probe follows it"}))
                 for v in range(3)] +
                [(v, ("after", "interaction, scores, positive_u, positive_i = eval_func(batched_data)", _T))
                 for v in range(3, 6)]),
        },
        "num_eval_samples": {
            "text": 'flor.log("num_eval_samples", num_sample)',
            "intent": "number of evaluated samples, after the evaluation loop",
            "newest": ("after", "for batch_idx, batched_data in enumerate(iter_data):", _T),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "num_sample is counted only from 1.1.0 (for the distributed map-reduce); counting "
                      "len(eval_data) instead would be a substitute, not a rename", {"scope": "evaluate"}))
                 for v in range(5)] +
                [(5, ("after", "for batch_idx, batched_data in enumerate(iter_data):", _T))]),
        },
        "eval_result": {
            "text": 'flor.log("eval_result", result)',
            "intent": "final evaluation result (after the distributed reduce, if any), before it is returned/logged",
            "newest": ("after", 'if not self.config["single_spec"]:', {"within": "def evaluate("}),
            "versions": dict(
                [(v, ("after", "result = self.evaluator.evaluate(batch_matrix_list, eval_data)", _w(_T, note=
                      "0.x evaluates the collected batch matrices; no distributed reduce: after the result")))
                 for v in range(3)] +
                [(v, ("after", "result = self.evaluator.evaluate(struct)", _w(_T, note=
                      "no distributed reduce before 1.1.0: after the result, before the wandb eval log (1.0.1)")))
                 for v in (3, 4)] +
                [(5, ("after", 'if not self.config["single_spec"]:', {"within": "def evaluate("}))]),
        },
    },
}
