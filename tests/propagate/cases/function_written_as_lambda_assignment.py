# case: a function new today as a def stands for the old lambda bound to the same name; the statement after it goes after the lambda
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
def train_eval(replay, batch_size, steps):
    observer = replay.observer()
    dataset = replay.as_dataset(sample_batch_size=batch_size)
    experience_fn = lambda: dataset

    learner = Learner(experience_fn, observer)
    for _ in range(steps):
        learner.run()
# === expected
import flor
def train_eval(replay, batch_size, steps):
    observer = replay.observer()
    dataset = replay.as_dataset(sample_batch_size=batch_size)
    experience_fn = lambda: dataset
    flor.log("batch_size", batch_size)

    learner = Learner(experience_fn, observer)
    for _ in range(steps):
        learner.run()
# === diagnostics
placed batch_size at train_eval/stmt:3
