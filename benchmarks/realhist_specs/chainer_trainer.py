# chainer chainer/training/trainer.py (Trainer.run), PyPI 1.11.0 .. 7.8.1 (v00 .. v08).
# Round 23, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "chainer_trainer" / "versions.json").read_text())
OLDER = range(8)
# v00 1.11.0: invoke_before_training loop, try/finally, no timing
# v01 1.19.0: self._start_at = time.time(), self._final_elapsed_time = self.elapsed_time
# v02 1.22.0: finalize = getattr(entry.extension, 'finalize', None)
# v03 2.0.0:  invoke_before_training -> initializer = getattr(entry.extension, 'initialize', None)
# v04 3.0.0:  _get_time(), except Exception as e: with show_loop_exception_msg (print to stderr)
# v05 4.0.0:  run() unchanged (extensions= in __init__)
# v06 5.0.0:  f = sys.stderr; f.write(...)
# v07 6.0.0:  initializer skipped when trigger.finished; on_error handlers, exc_info, six.reraise(*exc_info)
# v08 7.8.1:  call_before_training block under `if self.is_before_training:`
_LOOP = {"within": "while not stop_trigger(self):"}
CASE = {
    "name": "chainer_trainer",
    "title": "chainer Trainer.run across 1.11.0 .. 7.8.1 (elapsed-time bookkeeping, invoke_before_training -> "
             "initialize hook, except branch with on_error handlers, call_before_training block)",
    "stories": _V,
    "probes": {
        "n_extensions": {
            "text": 'flor.log("n_extensions", len(extensions))',
            "intent": "number of registered extensions once they are sorted by priority",
            "newest": ("after", "extensions = [(name, self._extensions[name])"),
            "versions": {v: ("after", "extensions = [(name, self._extensions[name])") for v in OLDER},
        },
        "start_at": {
            "text": 'flor.log("start_at", self._start_at)',
            "intent": "timer value at which the run starts",
            "newest": ("after", "self._start_at = _get_time()"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.11 keeps no start time: self._start_at does not exist (elapsed time came in 1.19)",
                      {"scope": "Trainer.run"}))] +
                [(v, ("after", "self._start_at = time.time()", {
                    "note": "before 3.0 the start time is taken with time.time() instead of _get_time(): "
                            "same statement"})) for v in (1, 2, 3)] +
                [(v, ("after", "self._start_at = _get_time()")) for v in range(4, 8)]),
        },
        "init_ext": {
            "text": 'flor.log("init_ext", entry.extension)',
            "intent": "each extension that is set up before the training loop (inside the initializer branch)",
            "newest": ("first_in", "if initializer and not finished:"),
            "versions": dict(
                [(v, ("first_in", "if entry.invoke_before_training:", {
                    "note": "judgment call: before 2.0 the pre-loop set-up of an extension is "
                            "`if entry.invoke_before_training: entry.extension(self)` in the same loop at the same "
                            "place; 2.0 replaced invoke_before_training by the initialize hook (extend() still says "
                            "'Use initializer= instead'), so that branch is the equivalent condition (7.x's "
                            "call_before_training block is a later, separate feature)"})) for v in (0, 1, 2)] +
                [(v, ("first_in", "if initializer:", {
                    "note": "before 6.0 there is no `finished` check: the equivalent (weaker) condition "
                            "`if initializer:`"})) for v in range(3, 7)] +
                [(7, ("first_in", "if initializer and not finished:"))]),
        },
        "start_iteration": {
            "text": 'flor.log("start_iteration", self.updater.iteration)',
            "intent": "updater iteration right before the main loop starts (non-zero when resumed), after the "
                      "before-training extension calls",
            "newest": ("after", "if self.is_before_training:"),
            "versions": {v: ("after", "stop_trigger = self.stop_trigger", {
                "note": "the `if self.is_before_training:` block (call_before_training) is new in 7.x; it sits "
                        "between `stop_trigger = self.stop_trigger` and the main try: after the former"})
                for v in OLDER},
        },
        "extension_fired": {
            "text": 'flor.log("extension_fired", name)',
            "intent": "name of every extension whose trigger fires in an iteration, before it runs",
            "newest": ("first_in", "if entry.trigger(self):"),
            "versions": {v: ("first_in", "if entry.trigger(self):") for v in OLDER},
        },
        "observation": {
            "text": 'flor.log("observation", self.observation)',
            "intent": "the iteration's reported observation once the reporter scope (update + extensions) is closed",
            "newest": ("after", "with reporter.scope(self.observation):", _LOOP),
            "versions": {v: ("after", "with reporter.scope(self.observation):", dict(_LOOP)) for v in OLDER},
        },
        "loop_error": {
            "text": 'flor.log("loop_error", repr(e))',
            "intent": "the exception that stopped the main loop, after the optional message is printed",
            "newest": ("after", "if show_loop_exception_msg:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 3.0 the main loop is try/finally with no except clause: the exception is never "
                      "bound to a name", {"scope": "Trainer.run"})) for v in (0, 1, 2, 3)] +
                [(v, ("after", "if show_loop_exception_msg:", {
                    "note": "after the whole if (the probe runs whether or not the message is shown), before "
                            "six.reraise(*sys.exc_info())" if v < 7 else "after the whole if"})) for v in range(4, 8)]),
        },
        "error_type": {
            "text": 'flor.log("error_type", exc_info[0].__name__)',
            "intent": "type of the main-loop exception after the on_error handlers ran, right before it is re-raised",
            "newest": ("before", "six.reraise(*exc_info)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 3.0 there is no except clause and no exc_info", {"scope": "Trainer.run"}))
                 for v in (0, 1, 2, 3)] +
                [(v, ("na", "missing_dependency",
                      "3.0-5.x re-raise with six.reraise(*sys.exc_info()) and never store exc_info (no on_error "
                      "handlers); sys.exc_info() would be a guessed substitute", {"scope": "Trainer.run"}))
                 for v in (4, 5, 6)] +
                [(7, ("before", "six.reraise(*exc_info)"))]),
        },
        "finalize_ext": {
            "text": 'flor.log("finalize_ext", entry.extension)',
            "intent": "each extension that has a finalize method, when it is finalized after the loop",
            "newest": ("first_in", "if finalize:"),
            "versions": {v: ("first_in", "if finalize:", {
                "note": "1.11-1.19 read `finalize = entry.extension.finalize` (no getattr); same branch"}
                if v < 2 else {}) for v in OLDER},
        },
        "final_elapsed": {
            "text": 'flor.log("final_elapsed", self._final_elapsed_time)',
            "intent": "total training time once the run is over",
            "newest": ("after", "self._final_elapsed_time = self.elapsed_time"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.11 has no elapsed-time bookkeeping (no _final_elapsed_time, no elapsed_time property)",
                      {"scope": "Trainer.run"}))] +
                [(v, ("after", "self._final_elapsed_time = self.elapsed_time")) for v in range(1, 8)]),
        },
    },
}
