# torchtune recipes/full_finetune_distributed.py (FullFinetuneRecipeDistributed.train()), PyPI torchtune 0.1.0 .. 0.6.1 (v00 .. v07).
# Round 12, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "torchtune_full_distributed" / "versions.json").read_text())
ALL = range(7)
_TRAIN = {"within": "def train("}
_STEP = "if (idx + 1) % self._gradient_accumulation_steps == 0:"
CASE = {
    "name": "torchtune_full_distributed",
    "title": "torchtune full fine-tuning recipe, distributed (train(): epoch loop, batch loop with token counting, "
             "gradient accumulation, all-reduce, clipping, optimizer step, lr scheduler, rank-0 logging, profiler, "
             "epoch checkpoint) across 0.1.0 .. 0.6.1",
    "stories": _V,
    "probes": {
        "micro_loss": {
            "text": 'flor.log("micro_loss", current_loss.item())',
            "intent": "loss of each micro-batch, right after its backward",
            "newest": ("after", "current_loss.backward()"),
            "versions": {v: (("after", "loss.backward()", {
                "renames": {"current_loss": "loss"},
                "note": "before 0.4.0 the backpropagated loss is `loss` (mean loss divided by the accumulation "
                        "steps); from 0.4.0 it is `current_loss` (loss times the unmasked token count). Same "
                        "statement (the backward), value renamed"}) if v < 5 else
                ("after", "current_loss.backward()")) for v in ALL},
        },
        "running_loss": {
            "text": 'flor.log("running_loss", running_loss.item())',
            "intent": "accumulated loss of the current optimizer step so far, every micro-batch, after the "
                      "optimizer-in-backward normalisation block and before the backward",
            "newest": ("after", "if self._optimizer_in_bwd:", _TRAIN),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.x keeps no running loss: each micro-batch loss is logged and backpropagated on its own",
                      {"scope": "train", "probe_site": ("after", "loss = loss / self._gradient_accumulation_steps")}))] +
                [(v, ("after", "running_loss += loss", {
                    "note": "no optimizer-in-backward block before 0.4.0 (rule 2): the probe follows "
                            "`running_loss += loss`, just before `loss.backward()`, as in the newest version"}))
                 for v in (1, 2, 3, 4)] +
                [(v, ("after", "if self._optimizer_in_bwd:", _TRAIN)) for v in (5, 6)]),
        },
        "num_tokens": {
            "text": 'flor.log("num_tokens", int(num_tokens))',
            "intent": "number of tokens in the optimizer step, after the token count is all-reduced across ranks "
                      "(inside `if not self._optimizer_in_bwd:` of the optimizer-step block)",
            "newest": ("after", "torch.distributed.all_reduce(num_tokens)", {"within": "if not self._optimizer_in_bwd"}),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.x does not count tokens (no num_tokens)",
                      {"scope": "train", "probe_site": ("first_in", _STEP)}))] +
                [(v, ("first_in", _STEP, {
                    "note": "before 0.4.0 there is no all-reduce and no optimizer_in_bwd condition (rule 2/3): "
                            "num_tokens (this rank's token count of the step) is logged first in the optimizer-step "
                            "block, before clipping / optimizer.step() as in the newest version"}))
                 for v in (1, 2, 3, 4)] +
                [(v, ("after", "torch.distributed.all_reduce(num_tokens)", {"within": "if not self._optimizer_in_bwd"}))
                 for v in (5, 6)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm.item())',
            "intent": "gradient norm returned by clipping, inside the `if self._clip_grad_norm is not None:` branch "
                      "(after the DTensor gather)",
            "newest": ("after", "if isinstance(grad_norm, DTensor):"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "gradient clipping (grad_norm) arrives in 0.3.1; before it the recipe does not clip",
                      {"scope": "train"})) for v in (0, 1, 2, 3)] +
                [(v, ("after", "grad_norm = torch.nn.utils.clip_grad_norm_(", {
                    "note": "no DTensor gather before 0.6.0: the probe follows the clip call, inside the "
                            "`if self._clip_grad_norm is not None:` branch"})) for v in (4, 5, 6)]),
        },
        "global_step": {
            "text": 'flor.log("global_step", self.global_step)',
            "intent": "optimizer-step counter, right after it is advanced",
            "newest": ("after", "self.global_step += 1"),
            "versions": dict(
                [(0, ("after", "self.total_training_steps += 1", {
                    "renames": {"self.global_step": "self.total_training_steps"},
                    "note": "0.1.x calls the counter self.total_training_steps"}))] +
                [(v, ("after", "self.global_step += 1")) for v in range(1, 7)]),
        },
        "lr": {
            "text": 'flor.log("lr", self._optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the lr scheduler has stepped (inside `if self._lr_scheduler is not None:`)",
            "newest": ("after", "self._lr_scheduler.step()"),
            "versions": dict(
                [(0, ("after", "self.total_training_steps += 1", {
                    "note": "no lr scheduler before 0.5.0 (rule 2): the probe goes where the scheduler would step, "
                            "right after the step counter is advanced, unconditionally (rule 3)"}))] +
                [(v, ("after", "self.global_step += 1", {
                    "note": "no lr scheduler before 0.5.0 (rule 2): the probe goes where the scheduler would step, "
                            "right after the step counter is advanced, before loss_to_log; unconditionally "
                            "(no `if self._lr_scheduler is not None:` there, rule 3)"}))
                 for v in range(1, 6)] +
                [(6, ("after", "self._lr_scheduler.step()"))]),
        },
        "step_loss": {
            "text": 'flor.log("step_loss", loss_to_log)',
            "intent": "the step's loss inside the rank-0 periodic logging branch, after the metric logger call",
            "newest": ("after", "self._metric_logger.log_dict("),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.x has no per-step loss (loss_to_log): its rank-0 logging branch runs per micro-batch "
                      "before the backward and logs that micro-batch's un-accumulated loss.item(), a different "
                      "quantity; substituting an expression is not a rename",
                      {"scope": "train"}))] +
                [(v, ("after", "self._metric_logger.log_dict(")) for v in range(1, 7)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", curr_epoch)',
            "intent": "the epoch just finished, after its checkpoint is saved",
            "newest": ("after", "self._checkpoint_client.save_checkpoint("),
            "versions": {v: ("after", "self.save_checkpoint(epoch=curr_epoch)", {
                "note": "before 0.6.0 the recipe saves through its own save_checkpoint(); same statement"})
                for v in ALL},
        },
    },
}
