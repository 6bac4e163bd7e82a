# t5 t5/models/hf_model.py (HfPyTorchModel.__init__/train/eval), PyPI 0.5.0 .. 0.9.4 (v00 .. v07).
# Round 33, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "t5_hf_model" / "versions.json").read_text())
OLDER = range(7)
# v00 0.5.0: train() gets batches from the module function get_dataset(name, seq_len, split, batch_size) (the
#            Task object `task` lives only inside get_dataset); `loss, _, _ = self._model(..., lm_labels=...)`;
#            eval() preloads targets/examples per task (cached_targets/cached_examples), then a nested
#            _eval_current_model() generates predictions per task and computes the metrics inline;
#            for each checkpoint step: load_checkpoint + _eval_current_model()
# v01 0.5.1 (yanked release): eval vocab from output_features; predict(vocabulary=...)
# v02 0.6.0: `outputs = self._model(...)`, `loss = outputs[0]`; predict uses get_default_vocabulary()
# v03 0.7.1: num_parallel_calls=AUTOTUNE (no change in train/eval)
# v04 0.8.0: train(): ds = _get_dataset(...) + `task = t5.data.get_mixture_or_task(...)` + tokens_to_batches(...,
#            task); eval() delegates to run_eval with a nested _predict_from_tasks(tasks, vocabulary,
#            checkpoint_step, ...) that loads the checkpoint, batches each task (`ds = list(tokens_to_batches(...))`)
#            and returns all decoded `outputs`; compute_sequence_length
# v05 0.9.0: copyright year only
# v06 0.9.2: utils.run_eval
# v07 0.9.4: seqio.get_mixture_or_task, to_tensor dtype=torch.long, labels= instead of lm_labels= (newest)
_TRAIN = {"within": "def train("}
_LOOP = {"within": "for train_step, batch in enumerate("}
_EVAL_OLD = {"within": "def _eval_current_model("}
_PRED = {"within": "def _predict_from_tasks("}
_INLINE_EVAL = range(4)   # v00-v03: _eval_current_model with cached examples
CASE = {
    "name": "t5_hf_model",
    "title": "t5 HfPyTorchModel train/eval across 0.5.0 .. 0.9.4 (get_dataset -> _get_dataset + tokens_to_batches "
             "with a Task in train, tuple loss -> outputs[0], inline eval with cached examples -> run_eval with a "
             "nested _predict_from_tasks, t5.data -> seqio)",
    "stories": _V,
    "probes": {
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in self._model.parameters()))',
            "intent": "number of parameters of the wrapped model, once it is built (from a name or a config)",
            "newest": ("after", "if isinstance(model_spec, str):"),
            "versions": {v: ("after", "if isinstance(model_spec, str):", {
                "note": "after the whole if/elif/else that builds self._model (not inside its first branch)"}
                if v == 0 else {}) for v in OLDER},
        },
        "output_features": {
            "text": 'flor.log("output_features", list(task.output_features))',
            "intent": "features of the Task/Mixture being trained on, right after train() looks the task up",
            "newest": ("after", "task = seqio.get_mixture_or_task(mixture_or_task_name)", _TRAIN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.8.0 train() never binds the Task: it calls the module function get_dataset(name, "
                      "...), which looks the task up internally and returns batches; `task` exists only inside "
                      "get_dataset (and in eval loops), not in train()",
                      {"scope": "train",
                       "probe_site": ("after", "ds = get_dataset(mixture_or_task_name", _TRAIN)}))
                 for v in _INLINE_EVAL] +
                [(v, ("after", "task = t5.data.get_mixture_or_task(mixture_or_task_name)", dict(_TRAIN, note=
                      "0.8.0-0.9.2 look the task up with t5.data.get_mixture_or_task (seqio in 0.9.4)")))
                 for v in (4, 5, 6)]),
        },
        "train_step": {
            "text": 'flor.log("train_step", train_step)',
            "intent": "index of the training step, first thing in every iteration of the step loop",
            "newest": ("first_in", "for train_step, batch in enumerate(itertools.islice(ds, steps)):"),
            "versions": {v: ("first_in", "for train_step, batch in enumerate(itertools.islice(ds, steps)):")
                         for v in OLDER},
        },
        "ckpt_step": {
            "text": 'flor.log("ckpt_step", self._step)',
            "intent": "global step of each periodic checkpoint saved inside the training loop",
            "newest": ("after", "self.save_checkpoint(self._step)", {"within": "if not train_step % save_steps:"}),
            "versions": {v: ("after", "self.save_checkpoint(self._step)", {
                "within": "if not train_step % save_steps:"}) for v in OLDER},
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "training loss of every step, right after the forward pass produces it",
            "newest": ("after", "loss = outputs[0]"),
            "versions": dict(
                [(v, ("after", "loss, _, _ = self._model(", {
                    "note": "0.5.x unpack the loss directly from the model call (`loss, _, _ = self._model(...)`); "
                            "0.6.0+ take outputs[0] in a separate statement: after the statement that binds loss"}))
                 for v in (0, 1)] +
                [(v, ("after", "loss = outputs[0]")) for v in range(2, 7)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(sum(p.grad.norm() ** 2 for p in self._model.parameters() '
                    'if p.grad is not None) ** 0.5))',
            "intent": "global gradient norm of every step, after backward and before the optimizer step",
            "newest": ("after", "loss.backward()"),
            "versions": {v: ("after", "loss.backward()") for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the (optional) scheduler step of every training step",
            "newest": ("after", "if learning_rate_scheduler:", {"n": 2, "of": 2}),
            "versions": {v: ("after", "if learning_rate_scheduler:", {
                "n": 2, "of": 2,
                "note": "the second `if learning_rate_scheduler:` (in the step loop, after optimizer.step()), after "
                        "the whole if: the probe runs every step whether or not there is a scheduler"}
                if v == 0 else {"n": 2, "of": 2}) for v in OLDER},
        },
        "step_time": {
            "text": 'flor.log("step_time", time.time() - now)',
            "intent": "wall time of the step, after the step/s summary and before the timer is reset",
            "newest": ("after", 'self._writer.add_scalar("step/s"'),
            "versions": {v: ("after", 'self._writer.add_scalar("step/s"') for v in OLDER},
        },
        "eval_step": {
            "text": 'flor.log("eval_step", self._step)',
            "intent": "step of the model being evaluated, once the checkpoint is loaded and the model is in eval "
                      "mode, before predictions are generated (once per evaluated checkpoint)",
            "newest": ("after", "self._model.eval()", _PRED),
            "versions": dict(
                [(v, ("after", "self._model.eval()", dict(_EVAL_OLD, note=
                      "before 0.8.0 eval() runs the nested _eval_current_model() once per checkpoint (after "
                      "load_checkpoint in the caller's loop, or directly for the current model); its first "
                      "statement self._model.eval() is the counterpart of the newest one in _predict_from_tasks")))
                 for v in _INLINE_EVAL] +
                [(v, ("after", "self._model.eval()", _PRED)) for v in (4, 5, 6)]),
        },
        "eval_batches": {
            "text": 'flor.log("eval_batches", len(ds))',
            "intent": "number of eval batches of each task, right after the task's batches are materialized, "
                      "before generation",
            "newest": ("after", "ds = list(tokens_to_batches(", _PRED),
            "versions": dict(
                [(v, ("after", "ds = cached_examples[task.name]", dict(_EVAL_OLD, **{
                    "alt": [("after", "targets = cached_targets[task.name]", _EVAL_OLD),
                            ("after", "predictions = []", _EVAL_OLD)],
                    "note": "before 0.8.0 the per-task batch list is preloaded once (batches = list(ds)) and read "
                            "back in _eval_current_model as `ds = cached_examples[task.name]`: same value (list of "
                            "the task's batches), read at the same point (per evaluated checkpoint, per task, "
                            "before the batch loop). The next two statements (targets = ..., predictions = []) have "
                            "no counterpart in the newest version, so either side of them is also accepted"})))
                 for v in _INLINE_EVAL] +
                [(v, ("after", "ds = list(tokens_to_batches(", _PRED)) for v in (4, 5, 6)]),
        },
        "n_predictions": {
            "text": 'flor.log("n_predictions", len(outputs))',
            "intent": "number of predictions generated over all tasks for one evaluated checkpoint, before they "
                      "are handed to run_eval",
            "newest": ("before", "return outputs", _PRED),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.8.0 there is no list of all outputs: _eval_current_model keeps a per-task "
                      "`predictions` list, writes it and scores it inside the task loop (len(predictions) of the "
                      "last task would be a different value, not a rename)",
                      {"scope": "_eval_current_model",
                       "probe_site": ("after", "for task in tasks:", _EVAL_OLD)}))
                 for v in _INLINE_EVAL] +
                [(v, ("before", "return outputs", _PRED)) for v in (4, 5, 6)]),
        },
    },
}
