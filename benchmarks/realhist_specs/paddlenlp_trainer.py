# paddlenlp paddlenlp/trainer/trainer.py (Trainer.train / _inner_training_loop / _maybe_log_save_evaluate), PyPI 2.3.0 .. 2.8.1 (v00 .. v08).
# Round 21, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "paddlenlp_trainer" / "versions.json").read_text())
# 2.3.0 / 2.3.7 ship the file as paddlenlp/trainer/trainer_base.py; from 2.4.x it is trainer.py.
# Up to 2.7.0 (v06) the whole training loop is in Trainer.train(); from 2.8.0 (v07) train() prepares
# the run and hands over to Trainer._inner_training_loop(), which holds the epoch/step loops.  Probes
# added to the loop of the newest version therefore go into train() of v00 .. v06.
_TRAIN = {"within": "def train("}
_INNER = {"within": "def _inner_training_loop("}
_LOG = {"within": "def _maybe_log_save_evaluate("}
OLD = range(8)


def _loop(v):
    """`within` for the function that holds the epoch/step loops in version v."""
    return dict(_INNER) if v >= 7 else dict(_TRAIN)


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "paddlenlp_trainer",
    "title": "PaddleNLP Trainer training loop across 2.3.0 .. 2.8.1 (init_num_steps on args (2.3.7), has_length "
             "branch with max_steps/delay_optimizer_creation and no_sync/sharding gradient collection (2.4), "
             "step_control counter, timers and hybrid-parallel all-reduce (2.5), master_grad and delay-scale "
             "loss (2.6), loop moved to _inner_training_loop (2.8))",
    "stories": _V,
    "probes": {
        "max_steps": {
            "text": 'flor.log("max_steps", max_steps)',
            "intent": "total number of optimisation steps, once it has been computed (after the block that derives "
                      "it from the dataloader length or args.max_steps, and resets eval_steps)",
            "newest": ("after", "if has_length(train_dataloader):", _TRAIN),
            "versions": dict(
                [(v, ("after", "if args.minimum_eval_times is not None", _w(_TRAIN, **{
                    "renames": {"max_steps": "args.num_training_steps"},
                    "note": "2.3.x keep the total step count in args.num_training_steps (set in train() in 2.3.0, by "
                            "init_num_steps in 2.3.7) and check minimum_eval_times after that computation, outside "
                            "any has_length branch; the newest version resets eval_steps inside the has_length "
                            "branch, before the probe, so the probe goes after the minimum_eval_times if (the image "
                            "of the has_length if/elif/else is the step computation plus that if)"})))
                 for v in (0, 1)] +
                [(v, ("after", "if has_length(train_dataloader):", _TRAIN)) for v in range(2, 8)]),
        },
        "step": {
            "text": 'flor.log("step", step)',
            "intent": "index of the batch in the epoch, at the start of each step once the batch is loaded "
                      "(after the load-data-end callback, before the resume skipping)",
            "newest": ("after", "self.callback_handler.on_load_data_end(", _INNER),
            "versions": dict(
                [(v, ("first_in", "for step, inputs in enumerate(epoch_iterator):", _w(_TRAIN, **{
                    "note": "before 2.5 there are no read-data timers and no on_load_data_end callback: the probe "
                            "keeps its place before the resume-skipping if, i.e. first in the step loop"})))
                 for v in range(0, 4)] +
                [(v, ("after", "self.callback_handler.on_load_data_end(", _loop(v))) for v in range(4, 8)]),
        },
        "update_step": {
            "text": 'flor.log("update_step", self.state.global_step)',
            "intent": "global step at the first micro-batch of each optimisation step (first statement under the "
                      "`step_control % gradient_accumulation_steps == 0` check)",
            "newest": ("first_in", "if step_control % args.gradient_accumulation_steps == 0:", _INNER),
            "versions": dict(
                [(v, ("first_in", "if step % args.gradient_accumulation_steps == 0:", _w(_TRAIN, **{
                    "note": "before 2.5 the start of an accumulation cycle is tested with the batch index `step` "
                            "instead of the step_control counter: the equivalent condition, the probe goes first "
                            "under it (it reads nothing renamed)"})))
                 for v in range(0, 4)] +
                [(v, ("first_in", "if step_control % args.gradient_accumulation_steps == 0:", _loop(v)))
                 for v in range(4, 8)]),
        },
        "loss_step": {
            "text": 'flor.log("loss_step", tr_loss_step)',
            "intent": "loss of the current micro-batch, right after the forward/backward (after the whole "
                      "no_sync if/else), before it is added to tr_loss",
            "newest": ("after", "if is_no_sync:", _INNER),
            "versions": dict(
                [(v, ("after", "if (((step + 1) % args.gradient_accumulation_steps != 0)", _w(_TRAIN, **{
                    "note": "2.3.x write the no_sync condition inline in the if header (no is_no_sync variable); "
                            "after that whole if/else"})))
                 for v in (0, 1)] +
                [(v, ("after", "if is_no_sync:", _loop(v))) for v in range(2, 8)]),
        },
        "optimizer_was_run": {
            "text": 'flor.log("optimizer_was_run", optimizer_was_run)',
            "intent": "whether the optimizer step was actually applied (False when the AMP scaler found inf/nan), "
                      "after the whole grad-scaling / hybrid / plain optimizer-step if",
            "newest": ("after", "if self.do_grad_scaling:", _INNER),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "2.3.x step the optimizer with self.scaler.minimize(...) or self.optimizer.step() and never "
                      "record whether the step was skipped: there is no optimizer_was_run flag (and no value that "
                      "holds it)", {"scope": "train"})) for v in (0, 1)] +
                [(v, ("after", "if self.do_grad_scaling:", _loop(v))) for v in range(2, 8)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.lr_scheduler.get_lr())',
            "intent": "learning rate right after the scheduler is stepped (only when the optimizer step ran)",
            "newest": ("after", "self.lr_scheduler.step()", _w(_INNER, within="if optimizer_was_run:")),
            "versions": dict(
                [(v, ("after", "self.lr_scheduler.step()", _w(_TRAIN, **{
                    "note": "2.3.x step the scheduler unconditionally (no optimizer_was_run check): the probe goes "
                            "after it, unconditionally, in the accumulation-boundary branch"})))
                 for v in (0, 1)] +
                [(v, ("after", "self.lr_scheduler.step()", {"within": "if optimizer_was_run:"})) for v in range(2, 8)]),
        },
        "accum_substep": {
            "text": 'flor.log("accum_substep", step_control)',
            "intent": "position inside the current gradient-accumulation cycle on a micro-batch that does not "
                      "step the optimizer (else branch, after the counter is advanced)",
            "newest": ("after", "step_control += 1", _INNER),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 2.5 there is no step_control counter; the accumulation test uses the enumerate index "
                      "`step`, which is not reset at each optimiser step and is a different value, so it is not a "
                      "rename", {"scope": "train"})) for v in range(0, 4)] +
                [(v, ("after", "step_control += 1", _loop(v))) for v in range(4, 8)]),
        },
        "tr_loss_scalar": {
            "text": 'flor.log("tr_loss_scalar", tr_loss_scalar)',
            "intent": "summed training loss since the last log, gathered over processes, right after it is "
                      "computed in the logging branch",
            "newest": ("after", "tr_loss_scalar = ", _LOG),
            "versions": {v: ("after", "tr_loss_scalar = ", _w(_LOG, **({
                "note": "before 2.8 the value is taken with `.mean().item()` instead of _get_item_from_loss(...): "
                        "same statement"} if v < 7 else {}))) for v in OLD},
        },
        "eval_metrics": {
            "text": 'flor.log("eval_metrics", metrics)',
            "intent": "evaluation metrics during training, inside the should_evaluate branch after evaluation "
                      "(after the per-dataset if/else)",
            "newest": ("after", "if isinstance(self.eval_dataset, dict):", _LOG),
            "versions": dict(
                [(v, ("after", "metrics = self.evaluate(ignore_keys=ignore_keys_for_eval)", _w(_LOG, **{
                    "note": "before 2.4.x evaluation is a single self.evaluate call (no dict of eval datasets): "
                            "after it, inside `if self.control.should_evaluate:`"})))
                 for v in (0, 1, 2)] +
                [(v, ("after", "if isinstance(self.eval_dataset, dict):", _LOG)) for v in range(3, 8)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", train_loss)',
            "intent": "average training loss over the whole run, after training",
            "newest": ("after", "train_loss = self._total_loss_scalar / self.state.global_step"),
            "versions": {v: ("after", "train_loss = self._total_loss_scalar / self.state.global_step") for v in OLD},
        },
    },
}
