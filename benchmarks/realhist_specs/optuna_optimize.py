# optuna optimize loop: optuna/study.py (Study.optimize / _optimize_sequential / _optimize_parallel /
# _run_trial[_and_callbacks], 0.4.0 .. 1.5.0) -> optuna/_optimize.py (module functions _optimize /
# _optimize_sequential / _run_trial, 2.3.0 .. 2.6.0) -> optuna/study/_optimize.py (3.0.0 .. 5.0.0),
# PyPI 0.4.0 .. 5.0.0 (v00 .. v11).
# Round 31, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "optuna_optimize" / "versions.json").read_text())
OLDER = range(11)
# v00 0.4.0: Study methods; _run_trial: create_new_trial_id, `result = func(trial)`, `except
#            structs.TrialPruned as e` / `except catch as e` (message, log, set_trial_state, return),
#            float()/NaN checks, trial.report(result), _log_completed_trial(result); _optimize_parallel
#            (ThreadPool + queue) resolves n_jobs == -1 with multiprocessing.cpu_count().
# v01 0.9.0: trial_number; messages "Setting status of trial#{}".
# v02 0.13.0: `finally: gc.collect()` in _run_trial; BaseStudy / InTrialStudy.
# v03 0.17.0: callbacks: _run_trial_and_callbacks (frozen_trial = storage.get_trial, call each callback),
#             self._storage, optimize lock.
# v04 1.0.0: joblib Parallel for n_jobs != 1 (inline in optimize, no -1 resolution, no
#            _optimize_parallel); gc_after_trial, time_start parameter, remove_session after the loop;
#            `except Exception as e` re-raising what is not in `catch`.
# v05 1.5.0: stop(): `if self._stop_flag: break` first in the loop; progress bar; waiting (enqueued)
#            trials; pruned trials get their last intermediate value.
# v06 2.3.0: optuna/_optimize.py module functions _optimize / _optimize_sequential / _run_trial;
#            study._ask() / study._tell(); `value = func(trial)`; callbacks inline in the loop.
# v07 2.4.0: multi-objective: state / values / func_err / func_err_fail_exc_info decided in the excepts,
#            one try/finally that tells the study and logs by state, re-raise at the end.
# v08 2.6.0: ThreadPoolExecutor for n_jobs != 1 with `if n_jobs == -1: n_jobs = os.cpu_count() or 1`;
#            heartbeat thread; study.ask() / study.tell().
# v09 3.0.0: optuna/study/_optimize.py; _tell_with_warning returns frozen_trial; `with
#            get_heartbeat_thread(...)` around the objective call; _run_trial returns the FrozenTrial.
# v10 4.5.0: _run_trial returns the trial id; `updated_state, values, warning_message =
#            _tell_with_warning(...)`; the loop fetches frozen_trial for the callbacks itself.
# v11 4.7.0 .. 5.0.0 (newest): f-strings, optuna_warn.
_SEQ = {"within": "def _optimize_sequential("}
_RUN = {"within": "def _run_trial("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


_PRUNE_FIRST = {
    0: "message = 'Setting trial status as {}. {}'",
    1: "message = 'Setting status of trial#{} as {}. {}'",
    2: "message = 'Setting status of trial#{} as {}. {}'",
    3: "message = 'Setting status of trial#{} as {}. {}'",
    4: "message = 'Setting status of trial#{} as {}. {}'",
    5: 'message = "Setting status of trial#{} as {}. {}"',
    6: "frozen_trial = study._storage.get_trial(trial_id)",
}
_FAIL_FIRST = {
    0: "message = 'Setting trial status as {} because of the following error",
    1: "message = 'Setting status of trial#{} as {} because of the following error",
    2: "message = 'Setting status of trial#{} as {} because of the following error",
    3: "message = 'Setting status of trial#{} as {} because of the following error",
    4: "message = 'Setting status of trial#{} as {} because of the following error",
    5: 'message = "Setting status of trial#{} as {} because of the following error',
    6: 'message = "Trial {} failed because of the following error',
}

CASE = {
    "name": "optuna_optimize",
    "title": "optuna sequential optimize loop and trial runner across 0.4.0 .. 5.0.0 (Study methods in "
             "study.py -> module functions in _optimize.py; result/value/value_or_values; per-branch "
             "set_trial_state + return -> state/func_err decided in the excepts and one tell; callbacks; "
             "stop flag; ThreadPool -> joblib -> ThreadPoolExecutor)",
    "stories": _V,
    "probes": {
        "i_trial": {
            "text": 'flor.log("i_trial", i_trial)',
            "intent": "running count of trials started by the sequential loop (when n_trials is given)",
            "newest": ("after", "i_trial += 1"),
            "versions": {v: ("after", "i_trial += 1") for v in OLDER},
        },
        "elapsed_seconds": {
            "text": 'flor.log("elapsed_seconds", elapsed_seconds)',
            "intent": "seconds since the loop started, measured by the timeout check before each trial",
            "newest": ("after", "elapsed_seconds = (datetime.datetime.now() - time_start).total_seconds()",
                       {"within": "if timeout is not None:"}),
            "versions": {v: ("after", "elapsed_seconds = (datetime.datetime.now() - time_start).total_seconds()",
                             {"within": "if timeout is not None:"}) for v in OLDER},
        },
        "stopped_at_trial": {
            "text": 'flor.log("stopped_at_trial", i_trial)',
            "intent": "trial count at which Study.stop() ended the loop (inside the stop-flag check)",
            "newest": ("first_in", "if study._stop_flag:", _SEQ),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 1.5.0 there is no Study.stop() and no stop flag: the loop ends only on n_trials "
                      "or timeout, so there is no point where the study is stopped")) for v in range(0, 5)] +
                [(5, ("first_in", "if self._stop_flag:", _w(_SEQ, note=
                      "1.5.0: the flag lives on the Study (self._stop_flag); the nested _should_stop() of the "
                      "joblib branch has the same check but is not this loop")))] +
                [(v, ("first_in", "if study._stop_flag:", _SEQ)) for v in range(6, 11)]),
        },
        "objective_value": {
            "text": 'flor.log("objective_value", value_or_values)',
            "intent": "raw return value of the objective for each trial, right after the call (before any check)",
            "newest": ("after", "value_or_values = func(trial)"),
            "versions": dict(
                [(v, ("after", "result = func(trial)", {
                    "renames": {"value_or_values": "result"},
                    "note": "the objective's return value is named result before 2.3.0"})) for v in range(0, 6)] +
                [(6, ("after", "value = func(trial)", {
                    "renames": {"value_or_values": "value"},
                    "note": "2.3.0 names it value"}))] +
                [(v, ("after", "value_or_values = func(trial)", {
                    "note": "2.4.0-2.6.0 call the objective in a plain try (no heartbeat with-block)"}
                    if v in (7, 8) else {})) for v in range(7, 11)]),
        },
        "prune_reason": {
            "text": 'flor.log("prune_reason", str(e))',
            "intent": "message of the TrialPruned exception of each pruned trial, inside its except branch",
            "newest": ("after", "state = TrialState.PRUNED"),
            "versions": dict(
                [(v, ("before", _PRUNE_FIRST[v], {
                    "note": "before 2.4.0 the TrialPruned branch logs, writes the PRUNED state to storage and "
                            "returns; the newest branch only decides the state (its logging and the storage "
                            "write happen later, in the tell/finally, after the probe): first in the branch"}))
                 for v in range(0, 6)] +
                [(6, ("before", _PRUNE_FIRST[6], {
                    "note": "2.3.0 fetches the last intermediate value, tells the study PRUNED, logs and returns "
                            "(all after the probe in the newest order): first in the branch"}))] +
                [(7, ("after", "state = TrialState.PRUNED", {
                    "note": "2.4.0 still fetches the last intermediate value after setting the state: right "
                            "after state = TrialState.PRUNED"}))] +
                [(v, ("after", "state = TrialState.PRUNED")) for v in range(8, 11)]),
        },
        "trial_error": {
            "text": 'flor.log("trial_error", repr(func_err))',
            "intent": "the exception raised by the objective of each failed trial, inside its except branch",
            "newest": ("after", "func_err_fail_exc_info = sys.exc_info()"),
            "versions": dict(
                [(v, ("before", _FAIL_FIRST[v], {
                    "renames": {"func_err": "e"},
                    "note": "0.4.0-0.17.0 handle only the exceptions listed in `catch` (`except catch as e:`; "
                            "others propagate); that branch is the failure branch: first in it, the exception "
                            "is `e`"})) for v in range(0, 4)] +
                [(v, ("before", _FAIL_FIRST[v], {
                    "renames": {"func_err": "e"},
                    "note": "1.0.0-2.3.0: `except Exception as e:` builds the message, logs, stores the FAIL "
                            "state (all after the probe in the newest order) and returns or re-raises: first in "
                            "the branch, the exception is `e`"})) for v in range(4, 7)] +
                [(v, ("after", "func_err_fail_exc_info = sys.exc_info()")) for v in range(7, 11)]),
        },
        "trial_state": {
            "text": 'flor.log("trial_state", updated_state)',
            "intent": "final state of each trial once the study has been told, before a non-caught error is re-raised",
            "newest": ("before", "if (", _RUN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 2.4.0 every outcome branch writes its own constant state to storage and returns "
                      "(no state variable, no common point after the tell)",
                      {"scope": "_run_trial"})) for v in range(0, 7)] +
                [(v, ("before", "if state == TrialState.FAIL and func_err is not None", {
                    "renames": {"updated_state": "state"},
                    "note": "2.4.0/2.6.0 decide `state` before telling the study (the values are checked "
                            "first, so the told state is final): after the tell try/finally, before the "
                            "re-raise check"})) for v in (7, 8)] +
                [(9, ("before", "if (", _w(_RUN, renames={"updated_state": "frozen_trial.state"}, note=
                      "3.0.0 gets the told trial back as frozen_trial; its state is frozen_trial.state")))] +
                [(10, ("before", "if (", _RUN))]),
        },
        "completed_params": {
            "text": 'flor.log("completed_params", trial.params)',
            "intent": "parameters of each successfully completed trial, right after it is logged as finished",
            "newest": ("after", "study._log_completed_trial(values, trial.number, trial.params)"),
            "versions": dict(
                [(v, ("after", "self._log_completed_trial(", {
                    "note": "Study method before 2.3.0: after self._log_completed_trial(...) at the end of "
                            "the success path"})) for v in range(0, 6)] +
                [(6, ("after", "study._log_completed_trial(trial, value)"))] +
                [(v, ("after", "study._log_completed_trial(trial, cast(List[float], values))", {
                    "note": "inside `if state == TrialState.COMPLETE:` in the finally of the tell"}))
                 for v in (7, 8)] +
                [(9, ("after", "study._log_completed_trial(frozen_trial)", {
                    "note": "inside `if frozen_trial.state == TrialState.COMPLETE:`"}))] +
                [(10, ("after", "study._log_completed_trial(values, trial.number, trial.params)"))]),
        },
        "callback_state": {
            "text": 'flor.log("callback_state", frozen_trial.state)',
            "intent": "state of the finished trial handed to the callbacks, before they run",
            "newest": ("after", "frozen_trial = study._storage.get_trial(frozen_trial_id)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "callbacks arrive in 0.17.0; before it no frozen trial is fetched after a trial",
                      {"scope": "_optimize_sequential"})) for v in range(0, 3)] +
                [(v, ("after", "frozen_trial = self._storage.get_trial(trial._trial_id)", {
                    "note": "0.17.0/1.0.0 run the callbacks in Study._run_trial_and_callbacks, inside "
                            "`if callbacks is not None:`"})) for v in (3, 4)] +
                [(5, ("after", "frozen_trial = copy.deepcopy(self._storage.get_trial(trial._trial_id))", {
                    "note": "1.5.0: a deep copy, in _run_trial_and_callbacks"}))] +
                [(v, ("after", "frozen_trial = copy.deepcopy(study._storage.get_trial(trial._trial_id))", {
                    "note": "inside `if callbacks is not None:` in the loop"})) for v in (6, 7, 8)] +
                [(9, ("first_in", "if callbacks is not None:", {
                    "note": "3.0.0's _run_trial returns the FrozenTrial (frozen_trial = _run_trial(...)), so the "
                            "loop fetches nothing: first in `if callbacks is not None:`, before the callbacks"}))] +
                [(10, ("after", "frozen_trial = study._storage.get_trial(frozen_trial_id)"))]),
        },
        "n_jobs": {
            "text": 'flor.log("n_jobs", n_jobs)',
            "intent": "number of parallel workers when n_jobs != 1, after -1 has been resolved to the CPU count",
            "newest": ("after", "if n_jobs == -1:"),
            "versions": dict(
                [(v, ("after", "if n_jobs == -1:", {
                    "alt": [("after", "if n_trials is not None:", {"within": "def _optimize_parallel(", "n": 1, "of": 2})],
                    "note": "before 1.0.0 the parallel path is Study._optimize_parallel, which resolves -1 with "
                            "multiprocessing.cpu_count() and then clamps n_jobs to n_trials (no counterpart in "
                            "the newest): after the -1 resolution, or after the clamp"})) for v in range(0, 4)] +
                [(4, ("first_in_else", "if n_jobs == 1:", {
                    "note": "1.0.0 hands n_jobs unresolved to joblib (which resolves -1 itself): no resolution "
                            "step, so the probe keeps its place first in the parallel (else) branch, before "
                            "time_start = now() (the value is the requested n_jobs)"}))] +
                [(v, ("before", "time_start = datetime.datetime.now()", {
                    "within": "def optimize(" if v == 5 else "def _optimize(",
                    "alt": [("first_in_else", "if n_jobs == 1:")],
                    "note": "1.5.0-2.4.0 use joblib with n_jobs unresolved; the parallel branch starts with a "
                            "progress-bar warning (moved to the top of _optimize in the newest, with another "
                            "condition): before time_start = now(), or first in the branch"}))
                 for v in (5, 6, 7)] +
                [(v, ("after", "if n_jobs == -1:")) for v in range(8, 11)]),
        },
        "optimize_seconds": {
            "text": 'flor.log("optimize_seconds", (datetime.datetime.now() - time_start).total_seconds())',
            "intent": "wall time of the whole sequential loop, once it has ended",
            "newest": ("before", "study._storage.remove_session()", _SEQ),
            "versions": dict(
                [(v, ("after", "while True:", _w(_SEQ, note=
                      "before 1.0.0 _optimize_sequential ends with the loop (no remove_session there): after "
                      "the loop"))) for v in range(0, 4)] +
                [(v, ("before", "self._storage.remove_session()", _SEQ)) for v in (4, 5)] +
                [(v, ("before", "study._storage.remove_session()", _SEQ)) for v in range(6, 11)]),
        },
    },
}
