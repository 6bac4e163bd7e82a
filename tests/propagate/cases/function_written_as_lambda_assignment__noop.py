# case: the propagated statement after the lambda is found again
# === new
import flor


def train_eval(replay, batch_size, steps):
    observer = replay.observer()

    def experience_fn():
        return replay.as_dataset(sample_batch_size=batch_size).prefetch(50)
    flor.log("batch_size", batch_size)

    learner = Learner(experience_fn, observer)
    for _ in range(steps):
        learner.run()
# === old
import flor


def train_eval(replay, batch_size, steps):
    observer = replay.observer()
    dataset = replay.as_dataset(sample_batch_size=batch_size)
    experience_fn = lambda: dataset
    flor.log("batch_size", batch_size)

    learner = Learner(experience_fn, observer)
    for _ in range(steps):
        learner.run()
# === expected
<unchanged>
# === diagnostics
present batch_size
