# case: Last in an except branch today; the old branch ends with a return: the statement goes before the return, never after it.
# === new
import flor


def run_trial(study, objective, trial):
    state = None
    try:
        value = objective(trial)
    except Exception as e:
        state = "fail"
        error = e
        flor.log("error", repr(error))
    study.tell(trial, value, state)
# === old
def run_trial(study, objective, trial):
    try:
        value = objective(trial)
    except Exception as e:
        message = "trial failed: {}".format(e)
        study.storage.set_state(trial, "fail", message)
        return
    study.storage.set_value(trial, value)
# === expected
import flor
def run_trial(study, objective, trial):
    try:
        value = objective(trial)
    except Exception as e:
        message = "trial failed: {}".format(e)
        study.storage.set_state(trial, "fail", message)
        flor.log("error", repr(e))
        return
    study.storage.set_value(trial, value)
# === diagnostics
placed error at run_trial/try/except/stmt:2 renames error->e
