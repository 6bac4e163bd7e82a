# case: A method of a class before is a module function of the same name today, taking the object as its first parameter; the try around its call today is not the old try inside it.
# === new
import gc

import flor


def optimize(study, objective, n_trials, gc_after_trial):
    for _ in range(n_trials):
        try:
            _run_trial(study, objective)
        finally:
            if gc_after_trial:
                gc.collect()


def _run_trial(study, objective):
    trial = study.ask()
    state = None
    with study.heartbeat(trial):
        try:
            value = objective(trial)
            flor.log("value", value)
        except ValueError as e:
            state = "fail"
            err = e
    study.tell(trial, value, state=state)
# === old
import gc


class Study:
    def __init__(self, storage):
        self.storage = storage

    def optimize(self, objective, n_trials, gc_after_trial):
        for _ in range(n_trials):
            self._run_trial(objective, gc_after_trial)

    def _run_trial(self, objective, gc_after_trial):
        trial_id = self.storage.create_trial()
        trial = self.storage.get_trial(trial_id)
        try:
            result = objective(trial)
        except ValueError as e:
            message = "trial {} failed: {}".format(trial_id, e)
            self.storage.set_state(trial_id, "fail", message)
            return
        finally:
            if gc_after_trial:
                gc.collect()
        self.storage.set_value(trial_id, result)
# === expected
import flor
import gc


class Study:
    def __init__(self, storage):
        self.storage = storage

    def optimize(self, objective, n_trials, gc_after_trial):
        for _ in range(n_trials):
            self._run_trial(objective, gc_after_trial)

    def _run_trial(self, objective, gc_after_trial):
        trial_id = self.storage.create_trial()
        trial = self.storage.get_trial(trial_id)
        try:
            result = objective(trial)
            flor.log("value", result)
        except ValueError as e:
            message = "trial {} failed: {}".format(trial_id, e)
            self.storage.set_state(trial_id, "fail", message)
            return
        finally:
            if gc_after_trial:
                gc.collect()
        self.storage.set_value(trial_id, result)
# === diagnostics
placed value at Study/_run_trial/try/stmt:1 renames value->result
