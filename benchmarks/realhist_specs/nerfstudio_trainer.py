# nerfstudio nerfstudio/engine/trainer.py (Trainer.train / train_iteration / _after_train), PyPI 0.0.3 .. 1.1.5 (v00 .. v11).
# Round 16, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "nerfstudio_trainer" / "versions.json").read_text())
ALL = range(11)
# Versions: v00 0.0.3, v01 0.1.4 (step_check for saves, final save after the loop), v02 0.1.10 (`step = 0`,
# rays/sec only `if step > 1:`), v03 0.1.14, v04 0.1.19 (TrainerConfig: config.trainer.X -> config.X, final save
# moved out of the TOTAL_TRAIN_TIME timer, log_gradients, eval only with an eval dataset), v05 0.2.0 (pause loop
# `while not self.is_training:`, train_lock, GPU memory log), v06 0.2.2 (`training_state == "paused"`),
# v07 0.3.0 (grad-scaler scale check before the scheduler step), v08 0.3.2 (gradient accumulation loop),
# v09 1.0.0 (per-group accumulation), v10 1.1.0 (self.step, stop_training, end of training in _after_train()),
# v11 1.1.5 (eval under train_lock).
_TRAIN = {"within": "def train(self)"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


_SAVE_IF = {0: "if step != 0 and self.config.trainer.steps_per_save",
            1: "if step_check(step, self.config.trainer.steps_per_save)",
            2: "if step_check(step, self.config.trainer.steps_per_save)",
            3: "if step_check(step, self.config.trainer.steps_per_save)"}

CASE = {
    "name": "nerfstudio_trainer",
    "title": "nerfstudio Trainer across 0.0.3 .. 1.1.5 (config.trainer -> TrainerConfig, pause loop and train lock, "
             "grad-scaler-aware scheduler step, gradient accumulation loop then per-group accumulation, "
             "end of training moved into _after_train())",
    "stories": _V,
    "probes": {
        "step": {
            "text": 'flor.log("step", step)',
            "intent": "current step at the top of every iteration of the training loop, right after it is "
                      "recorded on the trainer (before the stop check)",
            "newest": ("after", "self.step = step", _TRAIN),
            "versions": dict(
                [(v, ("first_in", "for step in range(self._start_step", {
                    "note": "before 1.1.0 there is no `self.step = step` (nor the stop check after it): the probe "
                            "keeps its place first in the loop body, before the pause loop / the iteration timer"}))
                 for v in range(10)] +
                [(10, ("after", "self.step = step", _TRAIN))]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss)',
            "intent": "training loss returned by train_iteration on every step",
            "newest": ("after", "loss, loss_dict, metrics_dict = self.train_iteration(step)", _TRAIN),
            "versions": {v: ("after", "loss, loss_dict, metrics_dict = self.train_iteration(step)", _w(_TRAIN, **({
                "note": "from 0.2.0 the iteration timer is nested in `with self.train_lock:`; before that it is "
                        "directly in the loop"} if v < 5 else {}))) for v in ALL},
        },
        "paused_step": {
            "text": 'flor.log("paused_step", step)',
            "intent": "step at which training is held while the viewer has paused it (each poll of the pause loop, "
                      "once the stop request has been checked)",
            "newest": ("after", "if self.stop_training:", {"within": 'while self.training_state == "paused":'}),
            "versions": dict(
                [(v, ("na", "no_anchor", "no pause loop before 0.2.0: training cannot be paused from the viewer",
                      {"scope": "train"})) for v in range(5)] +
                [(5, ("first_in", "while not self.is_training:", {
                    "note": "0.2.0 pauses on the flag `self.is_training` (later `self.training_state == \"paused\"`): "
                            "same loop; there is no stop check yet, so first in the loop, before the sleep"}))] +
                [(v, ("first_in", 'while self.training_state == "paused":', {
                    "note": "no stop_training check before 1.1.0: first in the pause loop, before the sleep"}))
                 for v in range(6, 10)] +
                [(10, ("after", "if self.stop_training:", {"within": 'while self.training_state == "paused":'}))]),
        },
        "iter_time": {
            "text": 'flor.log("iter_time", train_t.duration)',
            "intent": "duration of the timed training iteration, after the rays/sec throughput has been written",
            "newest": ("after", "if step > 1:", _TRAIN),
            "versions": dict(
                [(v, ("after", "writer.put_time(", _w(_TRAIN, **{
                    "note": "before 0.1.10 the rays/sec put_time is unconditional (0.1.10 wraps it in "
                            "`if step > 1:`): right after that call, unconditionally"})))
                 for v in (0, 1)] +
                [(v, ("after", "if step > 1:", _TRAIN)) for v in range(2, 11)]),
        },
        "gpu_mem_mb": {
            "text": 'flor.log("gpu_mem_mb", torch.cuda.max_memory_allocated() / 1024 ** 2)',
            "intent": "peak GPU memory on logging steps, right after it is written to the event writer",
            "newest": ("last_in", "if step_check(step, self.config.logging.steps_per_log", _TRAIN),
            "versions": {v: ("last_in", "if step_check(step, self.config.logging.steps_per_log", _w(_TRAIN, **({
                "note": "the GPU memory put_scalar arrives in 0.2.0; before it the probe keeps its place as the "
                        "last statement of the steps_per_log block (after the Train Metrics Dict put_dict)"}
                if v < 5 else {}))) for v in ALL},
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", step)',
            "intent": "step of every periodic checkpoint, right after it is saved",
            "newest": ("last_in", "if step_check(step, self.config.steps_per_save)", _TRAIN),
            "versions": dict(
                [(v, ("last_in", _SAVE_IF[v], _w(_TRAIN, **{
                    "note": ("0.0.3 tests `step != 0 and steps_per_save and step % steps_per_save == 0` "
                             "(step_check from 0.1.4): same condition, inside it" if v == 0 else
                             "config.trainer.steps_per_save before TrainerConfig (0.1.19): same condition")})))
                 for v in range(4)] +
                [(v, ("last_in", "if step_check(step, self.config.steps_per_save)", _TRAIN)) for v in range(4, 11)]),
        },
        "final_step": {
            "text": 'flor.log("final_step", self.step)',
            "intent": "last step of the run, right after the final checkpoint is saved at the end of training",
            "newest": ("after", "self.save_checkpoint(self.step)"),
            "versions": dict(
                [(0, ("last_in", "with TimeWriter(writer, EventName.TOTAL_TRAIN_TIME)", {
                    "renames": {"self.step": "step"},
                    "note": "0.0.3 saves no final checkpoint: the probe keeps its place at the end of training, "
                            "right after the step loop inside the total-train timer, where 0.1.4 puts the final "
                            "save; reads the loop variable `step` (unset if no iteration ran: as in 0.1.4)"}))] +
                [(v, ("after", "self.save_checkpoint(step)", _w(_TRAIN, n=2, of=2, renames={"self.step": "step"},
                      note="before 1.1.0 the end of training is inline in train(): after the second "
                           "`self.save_checkpoint(step)` (the final one, %s); self.step (1.1.0) is the loop "
                           "variable `step`" % ("after the step loop inside the total-train timer" if v < 4 else
                                                "after the total-train timer"))))
                 for v in range(1, 10)] +
                [(10, ("after", "self.save_checkpoint(self.step)"))]),
        },
        "grad_scale": {
            "text": 'flor.log("grad_scale", scale)',
            "intent": "grad-scaler scale of the step, read before the scaler is updated",
            "newest": ("after", "scale = self.grad_scaler.get_scale()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.3.0 train_iteration never reads the scaler's scale (`scale` is introduced with the "
                      "check that skips the scheduler step); self.grad_scaler.get_scale() would be a substitute, "
                      "not a rename", {"scope": "train_iteration"})) for v in range(7)] +
                [(v, ("after", "scale = self.grad_scaler.get_scale()")) for v in range(7, 11)]),
        },
        "total_grad": {
            "text": 'flor.log("total_grad", total_grad)',
            "intent": "sum of the parameter gradient norms when log_gradients is on, after it is stored in the "
                      "metrics",
            "newest": ("after", 'metrics_dict["Gradients/Total"] ='),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no gradient logging (log_gradients, total_grad) before 0.1.19", {"scope": "train_iteration"}))
                 for v in range(4)] +
                [(v, ("after", 'metrics_dict["Gradients/Total"] =', ({
                    "note": "stored without cast() before 0.3.0: same statement"} if v < 7 else {})))
                 for v in range(4, 11)]),
        },
        "lr": {
            "text": 'flor.log("lr", {k: o.param_groups[0]["lr"] for k, o in self.optimizers.optimizers.items()})',
            "intent": "learning rate of every param group's optimizer, right after the schedulers are stepped",
            "newest": ("after", "self.optimizers.scheduler_step_all(step)"),
            "versions": dict(
                [(v, ("after", "self.optimizers.scheduler_step_all(step)", {
                    "note": "before 0.3.0 the scheduler is stepped unconditionally (no `if scale <= ...` check): "
                            "after it, unconditionally"})) for v in range(7)] +
                [(v, ("after", "self.optimizers.scheduler_step_all(step)", ({
                    "note": "0.3.2 accumulates gradients in a loop before the optimizer step; the scheduler step "
                            "and its scale check are after that loop, unchanged"} if v == 8 else {})))
                 for v in range(7, 11)]),
        },
    },
}
