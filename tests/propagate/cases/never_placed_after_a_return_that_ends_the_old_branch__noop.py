# case: The same site already placed: nothing to do.
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
# === expected
<unchanged>
# === diagnostics
present error
