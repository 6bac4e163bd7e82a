# case: Today's `if not total_steps >= num_timesteps: raise ...` is the old `assert total_steps >= num_timesteps`: the statement after the check goes after the assert
# === new
import flor


def train(env, num_timesteps, num_evals):
    current_step = 0
    for it in range(num_evals):
        state, metrics = training_epoch(state)
        current_step += steps_per_epoch
    total_steps = current_step
    if not total_steps >= num_timesteps:
        raise AssertionError(f"Total steps {total_steps} is less than {num_timesteps}")
    flor.log("total_steps", total_steps)
    logging.info("total steps: %s", total_steps)
    return state
# === old
def train(env, num_timesteps, num_evals):
    current_step = 0
    for it in range(num_evals):
        state, metrics = training_epoch(state)
        current_step += steps_per_epoch
    total_steps = current_step
    assert total_steps >= num_timesteps
    logging.info("total steps: %s", total_steps)
    return state
# === expected
import flor
def train(env, num_timesteps, num_evals):
    current_step = 0
    for it in range(num_evals):
        state, metrics = training_epoch(state)
        current_step += steps_per_epoch
    total_steps = current_step
    assert total_steps >= num_timesteps
    flor.log("total_steps", total_steps)
    logging.info("total steps: %s", total_steps)
    return state
# === diagnostics
placed total_steps at train/stmt:4
