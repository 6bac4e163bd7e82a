# farm farm/train.py (Trainer.train + Trainer.backward_propagate), PyPI 0.2.0 .. 0.8.0 (v00 .. v09).
# Round 14, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "farm_trainer" / "versions.json").read_text())
OLDER = range(9)
_EARLY = range(3)        # v00-v02 (0.2.0-0.3.2): train(self, model), evaluators built in __init__, no early stopping,
                         # no checkpoints, backward_propagate returns nothing, fp16 instead of amp, no lr_schedule
_LATE = range(3, 9)      # v03-v08 (0.4.1-0.6.0): self.model, early stopping, checkpoints, amp, lr_schedule
_STOP3 = {"n": 3, "of": 3}   # `if do_stopping:` in the early-stopping block, after eval (step level), after the step loop
CASE = {
    "name": "farm_trainer",
    "title": "FARM Trainer.train/backward_propagate across 0.2.0 .. 0.8.0 (train(model) -> self.model, "
             "evaluators built in __init__ -> per evaluation, early stopping, train checkpoints moved from "
             "the start to the end of a step, 1-based -> 0-based epochs, fp16 -> amp, lr_schedule, grad clipping, "
             "DDP rank guards, result -> self.test_result)",
    "stories": _V,
    "probes": {
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in self.model.parameters()))',
            "intent": "parameter count of the model once it is switched to train mode, before the epochs",
            "newest": ("after", "self.model.train()"),
            "versions": dict(
                [(v, ("after", "model.train()", {
                    "renames": {"self.model": "model"},
                    "note": "0.2.x-0.3.x pass the model to train(self, model); the parameter `model` is the "
                            "model (it is wrapped for fp16/DDP/DP only after model.train())"})) for v in _EARLY] +
                [(v, ("after", "self.model.train()")) for v in _LATE]),
        },
        "n_batches": {
            "text": 'flor.log("n_batches", len(train_data_loader))',
            "intent": "number of train batches, at the start of each epoch once the train loader is fetched",
            "newest": ("after", 'train_data_loader = self.data_silo.get_data_loader("train")'),
            "versions": dict(
                [(v, ("first_in", "for epoch in range(", {
                    "renames": {"train_data_loader": "self.data_loader_train"},
                    "note": "up to 0.4.1 the train loader is fetched once in __init__ as self.data_loader_train "
                            "(same value, other name); the probe keeps its place before the progress bar / "
                            "step loop, i.e. first in the epoch loop"})) for v in range(4)] +
                [(v, ("after", 'train_data_loader = self.data_silo.get_data_loader("train")')) for v in range(4, 9)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "loss of every training step as returned by backward_propagate",
            "newest": ("after", "loss = self.backward_propagate(per_sample_loss, step)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.4 backward_propagate returns nothing and train() binds no `loss` (the call is a "
                      "bare expression statement)",
                      {"scope": "train", "probe_site": ("after", "self.backward_propagate(per_sample_loss, step)")}))
                 for v in _EARLY] +
                [(v, ("after", "loss = self.backward_propagate(per_sample_loss, step)")) for v in _LATE]),
        },
        "dev_result": {
            "text": 'flor.log("dev_result", result[0])',
            "intent": "first head's dev metrics of each periodic evaluation, right after they are logged",
            "newest": ("after", 'evaluator_dev.log_results(result, "Dev", self.global_step)'),
            "versions": dict(
                [(0, ("after", 'self.evaluator_dev.log_results(result, "Val", self.global_step)', {
                    "note": "evaluator built in __init__ (self.evaluator_dev), label 'Val'; the condition "
                            "`if self.evaluator_dev is not None:` / `if self.global_step != 0 and (...)` is the "
                            "old form of the evaluate_every / dev-loader condition"}))] +
                [(v, ("after", 'self.evaluator_dev.log_results(result, "Dev", self.global_step)')) for v in (1, 2, 3)] +
                [(v, ("after", 'evaluator_dev.log_results(result, "Dev", self.global_step)')) for v in range(4, 9)]),
        },
        "eval_value": {
            "text": 'flor.log("eval_value", eval_value)',
            "intent": "the early-stopping metric of each evaluation, right after check_stopping",
            "newest": ("after", "do_stopping, save_model, eval_value = self.early_stopping.check_stopping(result)"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "no early stopping before 0.4: eval_value is never computed",
                      {"scope": "train"})) for v in _EARLY] +
                [(v, ("after", "do_stopping, save_model, eval_value = self.early_stopping.check_stopping(result)"))
                 for v in _LATE]),
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", self.global_step)',
            "intent": "global step at which a periodic train checkpoint is written (rank 0), right after the save",
            "newest": ("after", "self._save()", {"within": "self.checkpoint_every"}),
            "versions": dict(
                [(v, ("na", "no_anchor", "no train checkpoints before 0.4 (there is no _save)", {})) for v in _EARLY] +
                [(3, ("after", "self._save()", {
                    "within": "self.checkpoint_every",
                    "note": "0.4.1 writes the periodic checkpoint at the start of the step (before the forward "
                            "pass, with an extra `resume_from_step + 1 != step` condition); the probe follows "
                            "the save, not the end of the step"}))] +
                [(v, ("after", "self._save()", {
                    "within": "self.checkpoint_every",
                    "note": "no rank guard before 0.4.5: the save is unconditional inside the checkpoint_every "
                            "block"} if v in (4, 5) else {"within": "self.checkpoint_every"})) for v in range(4, 9)]),
        },
        "epoch_done": {
            "text": 'flor.log("epoch_done", epoch)',
            "intent": "epoch number once its step loop has finished and training continues (after the early-stop break)",
            "newest": ("after", "if do_stopping:", _STOP3),
            "versions": dict(
                [(v, ("last_in", "for epoch in range(", {
                    "note": "no early stopping: the epoch loop ends with the step loop; after it. Epochs count "
                            "from 1 here (same variable)"})) for v in _EARLY] +
                [(3, ("after", "if do_stopping:", dict(_STOP3, note="0.4.1 sets self.from_epoch = epoch between "
                                                                    "the step loop and the stop check")))] +
                [(v, ("after", "if do_stopping:", _STOP3)) for v in range(4, 9)]),
        },
        "test_result": {
            "text": 'flor.log("test_result", self.test_result)',
            "intent": "test-set evaluation result at the end of training, right after it is logged",
            "newest": ("after", 'evaluator_test.log_results(self.test_result, "Test", self.global_step)'),
            "versions": dict(
                [(v, ("after", 'self.evaluator_test.log_results(result, "Test", self.global_step)', {
                    "renames": {"self.test_result": "result"},
                    "note": "before 0.4.8 the test result is the local `result` (evaluator from __init__ up to 0.4.1)"}))
                 for v in range(4)] +
                [(v, ("after", 'evaluator_test.log_results(result, "Test", self.global_step)', {
                    "renames": {"self.test_result": "result"},
                    "note": "0.4.2 has no `if self.evaluator_test:` flag around the test evaluation; the probe stays "
                            "under the test-loader check" if v == 4 else "local `result` before 0.4.8"}))
                 for v in (4, 5, 6)] +
                [(v, ("after", 'evaluator_test.log_results(self.test_result, "Test", self.global_step)'))
                 for v in (7, 8)]),
        },
        "backprop_loss": {
            "text": 'flor.log("backprop_loss", loss.item())',
            "intent": "adjusted loss of each step right after the backward pass (after the whole mixed-precision if/else)",
            "newest": ("after", "if self.use_amp:", {"n": 1, "of": 2}),
            "versions": dict(
                [(v, ("after", "if self.fp16:", {
                    "n": 2, "of": 3,
                    "note": "fp16 if/else (self.optimizer.backward(loss) / loss.backward()) is the old form of the "
                            "amp if/else: after the whole if/else"})) for v in _EARLY] +
                [(v, ("after", "if self.use_amp:")) for v in (3, 4, 5)] +
                [(v, ("after", "if self.use_amp:", {"n": 1, "of": 2})) for v in (6, 7, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after each optimizer update and scheduler step (only on accumulation boundaries)",
            "newest": ("after", "if self.lr_schedule:"),
            "versions": dict(
                [(v, ("last_in", "if (step + 1) % self.grad_acc_steps == 0:", {
                    "note": "no lr_schedule before 0.4 (the fp16 branch sets the lr before the step): after "
                            "optimizer.step()/zero_grad(), last in the accumulation-boundary block"})) for v in _EARLY] +
                [(v, ("after", "if self.lr_schedule:")) for v in _LATE]),
        },
    },
}
