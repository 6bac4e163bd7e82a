# pytorch-ignite ignite/engine/engine.py (Engine.run / _internal_run / _run_once_on_dataset), PyPI 0.1.2 .. 0.5.5 (v00 .. v09).
# Round 12, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ignite_engine_run" / "versions.json").read_text())
ALL = range(9)
# From 0.4.10 (v06) the engine has two copies of the loops: the generator ones used by default
# (_internal_run_as_gen / _run_once_on_dataset_as_gen, interrupt_resume_enabled = True) and the legacy ones
# (_internal_run_legacy / _run_once_on_dataset_legacy).  Every probe is added to the default (generator)
# path of the newest version, so it goes into the generator functions of v06 .. v08 and into the single
# _internal_run / _run_once_on_dataset (or run() in 0.1.x/0.2.x) of the older versions.
_RUN_GEN = {"within": "def _internal_run_as_gen("}
_ONCE_GEN = {"within": "def _run_once_on_dataset_as_gen("}
_OLD_RUN = {0: "def run(", 1: "def run(", 2: "def _internal_run(", 3: "def _internal_run(",
            4: "def _internal_run(", 5: "def _internal_run("}


def _run(v):
    """`within` for the epoch-loop function of version v."""
    return dict(_RUN_GEN) if v >= 6 else {"within": _OLD_RUN[v]}


def _once(v):
    """`within` for the iteration-loop function of version v."""
    return dict(_ONCE_GEN) if v >= 6 else {"within": "def _run_once_on_dataset("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "ignite_engine_run",
    "title": "pytorch-ignite Engine run loop across 0.1.2 .. 0.5.5 (run() -> _internal_run() with resumable "
             "dataloader iterator (0.3), float epoch times and TERMINATE event (0.4), generator loops with "
             "interrupt/resume next to legacy copies (0.4.10), max_iters and skip_epoch_completed (0.5.5))",
    "stories": _V,
    "probes": {
        "output": {
            "text": 'flor.log("output", self.state.output)',
            "intent": "output of the process function on each iteration, right after it returns",
            "newest": ("after", "self.state.output = self._process_function(", _ONCE_GEN),
            "versions": {v: ("after", "self.state.output = self._process_function(", _w(_once(v), **({
                             "note": "0.1.x/0.2.x call the process function with the loop variable `batch` "
                                     "(same statement)"} if v < 2 else {}))) for v in ALL},
        },
        "iteration": {
            "text": 'flor.log("iteration", self.state.iteration)',
            "intent": "global iteration counter right after it is advanced",
            "newest": ("after", "self.state.iteration += 1", _ONCE_GEN),
            "versions": {v: ("after", "self.state.iteration += 1", _once(v)) for v in ALL},
        },
        "epoch": {
            "text": 'flor.log("epoch", self.state.epoch)',
            "intent": "epoch counter at the start of each epoch, right after it is advanced",
            "newest": ("after", "self.state.epoch += 1", _RUN_GEN),
            "versions": {v: ("after", "self.state.epoch += 1", _w(_run(v), **({
                "note": "the epoch loop is in run() in 0.1.x/0.2.x"} if v < 2 else {}))) for v in ALL},
        },
        "batch_len": {
            "text": 'flor.log("batch_len", len(self.state.batch))',
            "intent": "length of each batch right after it is fetched from the data iterator",
            "newest": ("after", "self.state.batch = next(self._dataloader_iter)", _ONCE_GEN),
            "versions": dict(
                [(v, ("after", "self.state.batch = batch", _w(_once(v), **{
                    "alt": [("first_in", "for batch in self.state.dataloader:",
                             {"renames": {"self.state.batch": "batch"}})],
                    "note": "0.1.x/0.2.x fetch the batch by `for batch in self.state.dataloader:` and store it "
                            "with `self.state.batch = batch` as the first statement of the loop: after that "
                            "statement (as written) or first in the loop reading `batch` are both right after "
                            "the fetch"}))) for v in (0, 1)] +
                [(2, ("after", "batch = next(self._dataloader_iter)", {
                    "within": "def _run_once_on_dataset(",
                    "renames": {"self.state.batch": "batch"},
                    "note": "0.3.0 fetches into the local `batch` and copies it to self.state.batch only after "
                            "the try block (after GET_BATCH_COMPLETED); right after the fetch self.state.batch "
                            "still holds the previous batch, so the probe reads `batch`"}))] +
                [(v, ("after", "self.state.batch = next(self._dataloader_iter)", _once(v))) for v in range(3, 9)]),
        },
        "epoch_time": {
            "text": 'flor.log("epoch_time", epoch_time_taken)',
            "intent": "time taken by each epoch (dataset loop + epoch handlers), once the EPOCH_COMPLETED "
                      "handler time has been added",
            "newest": ("after", 'if self.should_terminate_single_epoch != "skip_epoch_completed":', _RUN_GEN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.4 _run_once_on_dataset returns the epoch time already split into "
                      "`hours, mins, secs` and no handler time is added; no variable holds the epoch time "
                      "(`time_taken` in %s is the whole run's time, computed after the loop)" % _OLD_RUN[v][4:-1],
                      {"scope": _OLD_RUN[v][4:-1]})) for v in (0, 1, 2)] +
                [(v, ("after", "self.state.times[Events.EPOCH_COMPLETED.name] = time_taken", _w(_run(v), **{
                    "n": 2, "of": 2, "renames": {"epoch_time_taken": "time_taken"},
                    "note": "0.4.1-0.4.7 call the epoch time `time_taken` and fire TERMINATE or EPOCH_COMPLETED "
                            "in an if/else; the second `self.state.times[...EPOCH_COMPLETED...] = time_taken` "
                            "(after the handler time is added, unconditionally) is the end of that step; there it also runs "
                            "after TERMINATE in the epoch that was terminated, which the newest version skips by "
                            "an exception (no closer place)"})))
                 for v in (3, 4, 5)] +
                [(v, ("after", "self.state.times[Events.EPOCH_COMPLETED.name] = epoch_time_taken", _w(_run(v), **{
                    "n": 2, "of": 2,
                    "note": "EPOCH_COMPLETED is fired unconditionally before 0.5.5 (no skip_epoch_completed "
                            "if): after the second times[...] update, before the terminate check"})))
                 for v in (6, 7, 8)]),
        },
        "epoch_end_iter": {
            "text": 'flor.log("epoch_end_iter", iter_counter)',
            "intent": "in-epoch iteration counter when the epoch ends because epoch_length iterations were run "
                      "(inside that if, before break)",
            "newest": ("first_in", "if self.state.epoch_length is not None and iter_counter ==", _ONCE_GEN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.1.x/0.2.x iterate the whole dataloader with a for loop: there is no in-epoch counter "
                      "iter_counter and no epoch_length check", {"scope": "_run_once_on_dataset"})) for v in (0, 1)] +
                [(2, ("first_in", "if iter_counter == self.state.epoch_length:", {
                    "within": "def _run_once_on_dataset(",
                    "note": "epoch_length is always set in 0.3.0, so the condition has no `is not None` part"}))] +
                [(v, ("first_in", "if self.state.epoch_length is not None and iter_counter ==", _once(v)))
                 for v in range(3, 9)]),
        },
        "terminated_epoch": {
            "text": 'flor.log("terminated_epoch", self.state.epoch)',
            "intent": "epoch at which the run was terminated (engine.terminate()), right after the TERMINATE "
                      "event is fired",
            "newest": ("after", "self._fire_event(Events.TERMINATE)", _RUN_GEN),
            "versions": dict(
                [(v, ("before", "break", {
                    "within": "if self.should_terminate:",
                    "note": "no TERMINATE event before 0.4; the termination is handled by "
                            "`if self.should_terminate: break` in the epoch loop (after the epoch's log line, "
                            "skipping EPOCH_COMPLETED): inside that branch, before the break"}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self._fire_event(Events.TERMINATE)", _w(_run(v), **{
                    "note": "0.4.1-0.4.7 fire TERMINATE in the `if self.should_terminate:` branch of the epoch "
                            "loop (else EPOCH_COMPLETED): inside that branch, after the fire"})))
                 for v in (3, 4, 5)] +
                [(v, ("after", "self._fire_event(Events.TERMINATE)", _run(v))) for v in (6, 7, 8)]),
        },
        "run_time": {
            "text": 'flor.log("run_time", time_taken)',
            "intent": "total time of the run, once the COMPLETED handler time has been added",
            "newest": ("after", 'if self.should_terminate != "skip_completed":', _RUN_GEN),
            "versions": dict(
                [(v, ("after", "time_taken = time.time() - start_time", _w(_run(v), **{
                    "note": "before 0.4 the total time is computed once, after COMPLETED is fired (so it "
                            "includes the handlers): right after that statement"})))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self.state.times[Events.COMPLETED.name] = time_taken", _w(_run(v), **{
                    "n": 2, "of": 2,
                    "note": "COMPLETED is fired unconditionally before 0.5.5: after the second "
                            "times[COMPLETED] update (after the handler time is added)"})))
                 for v in range(3, 9)]),
        },
    },
}
