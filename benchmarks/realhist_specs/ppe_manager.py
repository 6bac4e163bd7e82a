# pytorch-pfn-extras pytorch_pfn_extras/training/_trainer.py (Trainer.run and its _EvaluatorExt / _run_evaluator), PyPI 0.5.0 .. 0.9.0 (v00 .. v10).
# Round 18, held out: written before the round's fixes, scored before any change made for it.
# The case was assigned as training/manager.py (ExtensionsManager.run_iteration), but manager.py has no
# loop of its own (run_iteration is a context manager the user's loop enters); the loop that drives it
# is Trainer.run in training/_trainer.py, which exists from 0.5.0 on and never moved (no older path).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ppe_manager" / "versions.json").read_text())
OLDER = range(10)
# v00 0.5.0   _Trainer(engine._Engine), single evaluator (self.evaluator), _run_evaluator() method,
#             deferred iterations (self._deferred / iter_notifier.defer()), no profiler object
# v01 0.5.2   _Engine moved into this file, Trainer(_Engine), type annotations
# v02 0.5.3   _Engine merged into Trainer; eval_len inferred from val_loader; self._train_len
# v03 0.5.6   several evaluators (self._evaluators); _run_evaluator() inlined into _EvaluatorExt.__call__
# v04 0.5.7   train_cleanup() at the end of run()
# v05 0.5.8   `with self._profile or _nullcontext() as prof:` around the epoch loop; prof.step() and the
#             epoch-end check moved out of the per-iteration `with record(...) as ntf0:` block
# v06 0.6.0   deferred completion removed; try/except Exception -> manager.finalize() around run_iteration
# v07 0.6.4   device = handler._entry_runtime.device_spec passed to every record()
# v08 0.7.0   black formatting; v09 0.7.5 trace=...; v10 0.9.0 parenthesised multi-item `with`
_FOR = {"within": "for idx in range(train_len):"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "ppe_manager",
    "title": "pytorch-pfn-extras Trainer.run across 0.5.0 .. 0.9.0 (deferred iterations -> try/finalize, "
             "one evaluator -> a mapping of evaluators with _run_evaluator inlined into _EvaluatorExt, "
             "profiler context around the epoch loop, train_cleanup, device-aware records)",
    "stories": _V,
    "probes": {
        "train_len": {
            "text": 'flor.log("train_len", train_len)',
            "intent": "number of iterations per training epoch once it has been resolved, as the trainer stores it",
            "newest": ("after", "self._train_len = train_len"),
            "versions": dict(
                [(v, ("after", "if train_len is None:", {
                    "alt": [("after", "self._val_loader = val_loader")],
                    "note": "0.5.0/0.5.2 do not store self._train_len (and do not infer eval_len); the probe keeps its "
                            "place between the train_len default and `self._eval_len = eval_len`; "
                            "`self._val_loader = val_loader` has no counterpart in the newest version, so either "
                            "side of it is accepted"})) for v in (0, 1)] +
                [(2, ("after", "self._train_len = train_len", {
                    "note": "0.5.3 still has `self._val_loader = val_loader` after it: the probe stays right "
                            "after its previous sibling"}))] +
                [(v, ("after", "self._train_len = train_len")) for v in range(3, 10)]),
        },
        "val_summary": {
            "text": 'flor.log("val_summary", evaluator._summary.compute_mean())',
            "intent": "mean validation metrics right after each periodic evaluation run (before the handler's "
                      "train_validation_end)",
            "newest": ("after", "evaluator.run(self._val_loader, eval_len=self._eval_len)"),
            "versions": dict(
                [(v, ("after", "self.evaluator.run(self._val_loader, eval_len=self._eval_len)", {
                    "renames": {"evaluator": "self.evaluator"},
                    "note": "before 0.5.6 _EvaluatorExt.__call__ only calls self._trainer._run_evaluator(); the "
                            "evaluation (begin, run, end) is the Trainer method _run_evaluator, which runs the single "
                            "self.evaluator: inside that method after the run. Not after the _run_evaluator() call "
                            "in __call__, which is after train_validation_end"})) for v in (0, 1, 2)] +
                [(v, ("after", "evaluator.run(self._val_loader, eval_len=self._eval_len)")) for v in range(3, 10)]),
        },
        "eval_models": {
            "text": 'flor.log("eval_models", list(evaluator.models))',
            "intent": "names of the models each evaluator evaluates, once the evaluator is set up (only when "
                      "evaluators exist)",
            "newest": ("after", "evaluator.handler.eval_setup(evaluator, val_loader)"),
            "versions": dict(
                [(v, ("after", "self.evaluator.handler.eval_setup(self.evaluator, val_loader)", {
                    "renames": {"evaluator": "self.evaluator"},
                    "note": "before 0.5.6 there is one evaluator, self.evaluator, set up under "
                            "`if self.evaluator is not None:` (0.5.0/0.5.2) or in the else branch of "
                            "`if self.evaluator is None:` (0.5.3): the equivalent of the else branch + loop over "
                            "self._evaluators"})) for v in (0, 1, 2)] +
                [(v, ("after", "evaluator.handler.eval_setup(evaluator, val_loader)")) for v in range(3, 10)]),
        },
        "batch_len": {
            "text": 'flor.log("batch_len", len(x))',
            "intent": "length of every training batch once it has been fetched (after the fetch try/except that "
                      "restarts the loader on StopIteration)",
            "newest": ("before", "begin = time.time()"),
            "versions": {v: ("before", "begin = time.time()", {
                "note": "after the whole fetch try/except (not in the except branch); inside the per-iteration "
                        "`with record(...) as ntf0:` in every version"} if v == 0 else {
                "note": "from 0.6.0 the ntf0 block holds a second try (around run_iteration): the probe follows "
                        "the first one (the AST path tells them apart)"} if v >= 6 else {}) for v in OLDER},
        },
        "pending_steps": {
            "text": 'flor.log("pending_steps", self._idxs.qsize())',
            "intent": "iterations still waiting for completion right after the handler's train_step returns",
            "newest": ("after", "self.handler.train_step("),
            "versions": dict(
                [(v, ("after", "self.handler.train_step(", {
                    "alt": [("after", "if self._deferred:")],
                    "note": "before 0.6.0 train_step is followed by `if self._deferred:` (deferring the profiler "
                            "notifiers), which has no counterpart in the newest version and does not touch the "
                            "queue: before or after it"})) for v in range(6)] +
                [(v, ("after", "self.handler.train_step(")) for v in range(6, 10)]),
        },
        "iter_time": {
            "text": 'flor.log("iter_time", time.time() - begin)',
            "intent": "wall time of each iteration once it is complete (after the profiler step), before the "
                      "epoch-end check",
            "newest": ("after", "if prof is not None:", _FOR),
            "versions": dict(
                [(v, ("before", "if (", _w(_FOR, **{
                    "note": "before 0.5.8 there is no profiler object (no prof.step()) and the epoch-end check "
                            "`if (...): break` is the last statement inside `with record(...) as ntf0:`; the probe "
                            "goes after the run_iteration block and before that check, inside the ntf0 block "
                            "(after the check it would be skipped on the last iteration)"}))) for v in range(5)] +
                [(v, ("after", "if prof is not None:", _FOR)) for v in range(5, 10)]),
        },
        "failed_iter": {
            "text": 'flor.log("failed_iter", idx)',
            "intent": "index of the iteration whose train step raised, before the extensions are finalized",
            "newest": ("before", "self.manager.finalize()"),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 0.6.0 the iteration is not wrapped in try/except Exception: an error propagates "
                      "without any handler in run()", {"scope": "run"})) for v in range(6)] +
                [(v, ("before", "self.manager.finalize()")) for v in range(6, 10)]),
        },
        "device": {
            "text": 'flor.log("device", str(device))',
            "intent": "device spec of the handler's runtime, as used for the profiler records",
            "newest": ("after", "device = self.handler._entry_runtime.device_spec"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.6.4 run() does not read the runtime's device spec; no variable `device`",
                      {"scope": "run"})) for v in range(7)] +
                [(v, ("after", "device = self.handler._entry_runtime.device_spec")) for v in range(7, 10)]),
        },
        "n_evaluators": {
            "text": 'flor.log("n_evaluators", len(self._evaluators))',
            "intent": "number of evaluators registered as extensions, once they are registered",
            "newest": ("after", "for name, (evaluator, trigger) in self._evaluators.items():"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.5.6 the trainer has a single optional self.evaluator and no self._evaluators; "
                      "`int(self.evaluator is not None)` would be a substitute value, not a rename",
                      {"scope": "run"})) for v in (0, 1, 2)] +
                [(v, ("after", "for name, (evaluator, trigger) in self._evaluators.items():")) for v in range(3, 10)]),
        },
        "train_end": {
            "text": 'flor.log("train_end", time.time())',
            "intent": "time at which run() finishes, after the handler's cleanup",
            "newest": ("after", "self.handler.train_cleanup(self)"),
            "versions": dict(
                [(v, ("after", "while not self.manager.stop_trigger:", {
                    "note": "no train_cleanup() before 0.5.7 (and no profiler `with` before 0.5.8): the end of "
                            "run(), after the epoch loop"})) for v in range(4)] +
                [(v, ("after", "self.handler.train_cleanup(self)")) for v in range(4, 10)]),
        },
    },
}
