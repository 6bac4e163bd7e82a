# keras-tuner kerastuner/engine/base_tuner.py (1.0.x) -> keras_tuner/engine/base_tuner.py (1.1 .. 1.3)
# -> keras_tuner/src/engine/base_tuner.py (1.4), BaseTuner.search (the trial loop) and the search-space
# population, PyPI 1.0.0 .. 1.4.8 (v00 .. v10).
# Round 31, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "kerastuner_search" / "versions.json").read_text())
OLDER = range(10)
# v00 1.0.0: search(): create_trial / STOPPED / IDLE / on_trial_begin / self.run_trial(...) (result discarded,
#            run_trial reports to the oracle itself) / on_trial_end; initial space built inline in __init__.
# v01 1.0.1: _populate_initial_space() (get_space, build, update_space) split out of __init__.
# v02 1.0.2: `if 'verbose' in fit_kwargs: self._display.verbose = fit_kwargs.get('verbose')` in search().
# v03 1.0.4: conditional-scope activation loop (scopes_never_active / scopes_once_active) in
#            _populate_initial_space, one update_space(hp) after it; black formatting.
# v04 1.1.0: keras_tuner package; `results = self.run_trial(...)`, then `if results is None: warn / else:
#            self.oracle.update_trial(...)` inline in search(); hypermodel optional (early return).
# v05 1.1.3: self.pre_create_trial() first in the trial loop; declare_hyperparameters() tried first, the
#            scope loop moved under `except NotImplementedError:`; validate_trial_results / get_best_step.
# v06 1.2.0: _activate_all_conditions() (scope loop, update_space per build); search() calls
#            _try_run_and_update_trial() -> _run_and_update_trial(); try/except marks FAILED / INVALID
#            trials and stores the traceback in trial.message.
# v07 1.3.0: logger argument deprecated (kwargs); logger hooks removed.
# v08 1.4.0: keras_tuner.src; `verbose = "auto"` then `verbose = fit_kwargs.get("verbose")` in search().
# v09 1.4.5: display removed; the verbose block sets self.oracle.verbose on the chief only; the chief runs
#            the oracle server from search() (early return) instead of __init__.
# v10 1.4.7/1.4.8 (newest): self.save() before starting the chief server.
_S = {"within": "def search("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "kerastuner_search",
    "title": "keras-tuner BaseTuner.search trial loop and search-space population across 1.0.0 .. 1.4.8 "
             "(run_trial result discarded -> reported inline -> _try_run_and_update_trial with failure "
             "handling; inline space -> _populate_initial_space -> conditional-scope loop -> "
             "_activate_all_conditions; display verbose -> local verbose -> oracle.verbose)",
    "stories": _V,
    "probes": {
        "trial_id": {
            "text": 'flor.log("trial_id", trial.trial_id)',
            "intent": "id of every trial the oracle hands out, right after it is created",
            "newest": ("after", "trial = self.oracle.create_trial(self.tuner_id)"),
            "versions": {v: ("after", "trial = self.oracle.create_trial(self.tuner_id)") for v in OLDER},
        },
        "remaining_trials": {
            "text": 'flor.log("remaining_trials", self.oracle.remaining_trials())',
            "intent": "number of trials left in the budget, each time a new trial is about to be requested",
            "newest": ("after", "self.pre_create_trial()"),
            "versions": dict(
                [(v, ("first_in", "while True:", _w(_S, note=
                      "no pre_create_trial() hook before 1.1.3: first in the trial loop, right before "
                      "create_trial (where the newest probe is, after the hook)"))) for v in range(0, 5)] +
                [(v, ("after", "self.pre_create_trial()")) for v in range(5, 10)]),
        },
        "hyperparameters": {
            "text": 'flor.log("hyperparameters", trial.hyperparameters.values)',
            "intent": "hyperparameter values of each trial that is actually run (after the STOPPED/IDLE checks)",
            "newest": ("after", "self.on_trial_begin(trial)"),
            "versions": {v: ("after", "self.on_trial_begin(trial)") for v in OLDER},
        },
        "trial_results": {
            "text": 'flor.log("trial_results", results)',
            "intent": "what run_trial returned for each trial (metrics / History), right after it returns",
            "newest": ("after", "results = self.run_trial(trial, *fit_args, **fit_kwargs)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.1.0 search() discards the return value of run_trial (run_trial reports to the "
                      "oracle itself): no `results` is bound", {"scope": "search"})) for v in range(0, 4)] +
                [(v, ("after", "results = self.run_trial(trial, *fit_args, **fit_kwargs)", {
                    "note": "1.1.x call run_trial inline in search(); same statement"})) for v in (4, 5)] +
                [(v, ("after", "results = self.run_trial(trial, *fit_args, **fit_kwargs)"))
                 for v in range(6, 10)]),
        },
        "trial_status": {
            "text": 'flor.log("trial_status", trial.status)',
            "intent": "status of each trial once it has been run and its results handled, before on_trial_end",
            "newest": ("after", "self._try_run_and_update_trial(trial, *fit_args, **fit_kwargs)"),
            "versions": dict(
                [(v, ("after", "self.run_trial(trial, *fit_args, **fit_kwargs)", {
                    "note": "1.0.x run the trial with a bare self.run_trial(...) call (it reports to the oracle "
                            "itself): after it, before on_trial_end. trial.status exists there (it is not yet "
                            "set to COMPLETED by the tuner, which only 1.2.0 does), so the same expression is "
                            "placed, not declined"})) for v in range(0, 4)] +
                [(v, ("after", "if results is None:", {
                    "note": "1.1.x run the trial and report its results inline (run_trial, then "
                            "`if results is None: warn / else: update_trial`): after the whole if/else, "
                            "before on_trial_end, not inside the else branch"})) for v in (4, 5)] +
                [(v, ("after", "self._try_run_and_update_trial(trial, *fit_args, **fit_kwargs)"))
                 for v in range(6, 10)]),
        },
        "trial_error": {
            "text": 'flor.log("trial_error", message)',
            "intent": "traceback of a trial that raised (FAILED or INVALID), inside the except branch",
            "newest": ("after", "message = traceback.format_exc()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.2.0 there is no try/except around the trial: an exception in run_trial "
                      "propagates out of search() and no traceback message is bound",
                      {"scope": "search"})) for v in range(0, 6)] +
                [(v, ("after", "message = traceback.format_exc()")) for v in range(6, 10)]),
        },
        "verbose": {
            "text": 'flor.log("verbose", verbose)',
            "intent": "verbosity requested through search(verbose=...), when it is given",
            "newest": ("after", 'verbose = fit_kwargs.get("verbose")'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "1.0.0/1.0.1 do not read `verbose` from fit_kwargs at all (it only reaches run_trial "
                      "inside fit_kwargs): no value named verbose is taken (fit_kwargs.get('verbose') would "
                      "be a new expression, not a rename)", {"scope": "search"})) for v in (0, 1)] +
                [(v, ("after", "self._display.verbose = fit_kwargs.get(", {
                    "renames": {"verbose": "self._display.verbose"},
                    "alt_texts": ['flor.log("verbose", fit_kwargs.get("verbose"))'],
                    "note": "1.0.2-1.3.x store the requested verbosity straight into self._display.verbose "
                            "(no local): after that assignment, inside `if 'verbose' in fit_kwargs:`; the value "
                            "is read back as self._display.verbose (fit_kwargs.get('verbose') also accepted)"}))
                 for v in range(2, 8)] +
                [(v, ("after", 'verbose = fit_kwargs.get("verbose")', {
                    "note": "1.4.0 initialises verbose = 'auto' before the if: the probe stays inside the if, "
                            "after the assignment from fit_kwargs"} if v == 8 else {})) for v in (8, 9)]),
        },
        "n_hyperparameters": {
            "text": 'flor.log("n_hyperparameters", len(self.oracle.get_space().space))',
            "intent": "size of the oracle's search space once the initial space is populated",
            "newest": ("after", "self._activate_all_conditions()"),
            "versions": dict(
                [(0, ("after", "self.oracle.update_space(hp)", {
                    "within": "def __init__(",
                    "note": "1.0.0 populates the space inline in __init__ (get_space, build, update_space): "
                            "after the update_space"}))] +
                [(v, ("after", "self.oracle.update_space(hp)", {
                    "within": "def _populate_initial_space(",
                    "note": "before 1.2.0 _populate_initial_space ends with one update_space(hp) (after the "
                            "conditional-scope loop from 1.0.4 on): after it"})) for v in range(1, 6)] +
                [(v, ("after", "self._activate_all_conditions()")) for v in range(6, 10)]),
        },
        "never_active_scopes": {
            "text": 'flor.log("never_active_scopes", len(scopes_never_active))',
            "intent": "number of conditional scopes not yet activated, each round of the activation loop, "
                      "before the loop's exit test",
            "newest": ("before", "if not scopes_never_active:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.0.4 the initial space is built once, without the conditional-scope activation "
                      "loop: scopes_never_active does not exist",
                      {"scope": "__init__" if v == 0 else "_populate_initial_space"})) for v in range(0, 3)] +
                [(v, ("before", "if len(scopes_never_active) == 0:", {
                    "note": "1.0.4/1.1.0: the loop lives in _populate_initial_space; exit test "
                            "`if len(scopes_never_active) == 0:`"})) for v in (3, 4)] +
                [(5, ("before", "if len(scopes_never_active) == 0:", {
                    "note": "1.1.3 runs the scope loop only under `except NotImplementedError:` (when the "
                            "hypermodel does not declare its hyperparameters); that branch is the only place "
                            "the loop (and scopes_never_active) exists, so the probe goes there"}))] +
                [(v, ("before", "if not scopes_never_active:")) for v in range(6, 10)]),
        },
        "n_trials": {
            "text": 'flor.log("n_trials", len(self.oracle.trials))',
            "intent": "number of trials the oracle knows when the search loop ends",
            "newest": ("before", "self.on_search_end()"),
            "versions": {v: ("before", "self.on_search_end()") for v in OLDER},
        },
    },
}
