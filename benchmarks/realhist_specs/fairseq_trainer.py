# fairseq fairseq/trainer.py (Trainer.train_step, Trainer.valid_step, Trainer.lr_step_update),
# PyPI fairseq 0.6.1 .. 0.12.2 (v00 .. v05).
# Round 11, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "fairseq_trainer" / "versions.json").read_text())
ALL = range(5)
_TRAIN = {"within": "def train_step"}
_VALID = {"within": "def valid_step"}
CASE = {
    "name": "fairseq_trainer",
    "title": "fairseq Trainer.train_step / valid_step across 0.6.1 .. 0.12.2 (accumulate_grads -> no_sync, "
             "sample_sizes list -> summed sample_size_i, fast_stat_sync, _aggregate_logging_outputs, "
             "metrics, profiler record_function blocks, AMP overflow, EMA)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss returned by the task's train_step for each mini-batch (after its forward/backward)",
            "newest": ("after", "loss, sample_size", _TRAIN),
            "versions": {v: ("after", "loss, sample_size", dict(_TRAIN, **({
                "note": "0.6.1 has no no_sync context: the forward/backward is directly in the try body "
                        "(after the accumulate_grads if)"} if v == 0 else {
                "note": "inside the `with maybe_no_sync():` block, as in the newest version"} if v < 4 else {
                "note": "inside the `with maybe_no_sync():` block, before `del loss`"}))) for v in ALL},
        },
        "sample_size_i": {
            "text": 'flor.log("sample_size_i", sample_size_i)',
            "intent": "sample size of each mini-batch, after it is accumulated (every mini-batch, dummy ones included)",
            "newest": ("after", "sample_size += sample_size_i"),
            "versions": dict(
                [(v, ("after", "if not ignore_grad:", dict(_TRAIN, renames={"sample_size_i": "sample_size"},
                      note="before 0.10 the per-batch size is `sample_size` and is appended to `sample_sizes` "
                           "only under `if not ignore_grad:`; the newest probe runs for every mini-batch "
                           "(dummy batches are zeroed later), so it goes after that whole if block "
                           "(rule 3), not inside it"))) for v in range(4)] +
                [(4, ("after", "sample_size += sample_size_i"))]),
        },
        "ooms": {
            "text": 'flor.log("ooms", ooms)',
            "intent": "OOM counter when a forward/backward pass runs out of memory (inside the OOM branch)",
            "newest": ("after", "ooms += 1"),
            "versions": {v: ("after", "ooms += 1") for v in ALL},
        },
        "sample_size": {
            "text": 'flor.log("sample_size", sample_size)',
            "intent": "total sample size of the update once aggregated across workers (before gradients are normalised)",
            "newest": ("after", "if self._sync_stats():", _TRAIN),
            "versions": dict(
                [(v, ("after", "sample_size = self.task.grad_denom(sample_sizes", {
                    "alt": [("after", "if not all(k in logging_output")],
                    "note": "before 0.10 the aggregated sample size only exists after grad_denom() over the "
                            "gathered sample_sizes; the ntokens/nsentences check that follows has no "
                            "counterpart in the newest version, so either side of it is accepted"}))
                 for v in range(3)] +
                [(3, ("after", "if not self.fast_stat_sync:", {
                    "alt": [("after", "if not all(k in logging_output")],
                    "note": "0.9.0 binds the aggregated sample_size either in the fast_stat_sync branch of the "
                            "gather or in `if not self.fast_stat_sync:` (grad_denom): the probe goes after that "
                            "if block, unconditionally; either side of the ntokens check"}))] +
                [(4, ("after", "if self._sync_stats():", _TRAIN))]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm)',
            "intent": "gradient norm right after clipping",
            "newest": ("after", "grad_norm = self.clip_grad_norm("),
            "versions": dict(
                [(0, ("after", "grad_norm = self.optimizer.clip_grad_norm("))] +
                [(v, ("after", "grad_norm = self.optimizer.clip_grad_norm(", {
                    "alt": [("after", "self._prev_grad_norm = grad_norm")],
                    "note": "`self._prev_grad_norm = grad_norm` has no counterpart in the newest version: "
                            "either side of it"})) for v in (1, 2, 3)] +
                [(4, ("after", "grad_norm = self.clip_grad_norm(", {
                    "note": "inside the clip-grads record_function block, as in the newest version"}))]),
        },
        "num_updates": {
            "text": 'flor.log("num_updates", self._num_updates)',
            "intent": "number of updates right after the counter is advanced",
            "newest": ("after", "self.set_num_updates(self.get_num_updates() + 1)"),
            "versions": dict(
                [(0, ("after", "self._num_updates += 1", {
                    "note": "0.6.1 advances self._num_updates directly instead of through set_num_updates(); the "
                            "increment sits in the try after optimizer.step(), which an overflow skips, as "
                            "`if not overflow` does in the newest version"}))] +
                [(v, ("after", "self.set_num_updates(self.get_num_updates() + 1)")) for v in range(1, 5)]),
        },
        "lr": {
            "text": 'flor.log("lr", new_lr)',
            "intent": "learning rate returned by the scheduler after each update, in lr_step_update before it is returned",
            "newest": ("after", "if isinstance(new_lr, dict):"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.10 lr_step_update returns the scheduler's value directly "
                      "(`return self.lr_scheduler.step_update(...)`); new_lr is never bound",
                      {"scope": "lr_step_update",
                       "probe_site": ("before", "return self.lr_scheduler.step_update(")})) for v in range(4)] +
                [(4, ("after", 'metrics.log_scalar("lr", new_lr', {
                    "note": "0.10 has no dict case: the value is logged unconditionally, then returned"}))]),
        },
        "valid_loss": {
            "text": 'flor.log("valid_loss", logging_output["loss"])',
            "intent": "validation loss of each valid_step, after the logging outputs are reduced and logged",
            "newest": ("after", "logging_output = self._reduce_and_log_stats(", _VALID),
            "versions": dict(
                [(v, ("before", "return logging_output", dict(_VALID,
                      note="before 0.10, _reduce_and_log_stats is spelled out: aggregate_logging_outputs, "
                           "grad_denom, then the valid meters; the probe goes after all of it, right before "
                           "the return, as in the newest version"))) for v in range(4)] +
                [(4, ("after", "logging_output = self._reduce_and_log_stats(", _VALID))]),
        },
    },
}
