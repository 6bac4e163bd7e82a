# case: The old helper `get_dataset()` did what today's `train()` does inline, but `eval()` calls it too: the statement would log for evaluation as well, so it is declined
# === new
import flor


def _get_dataset(task, split, shuffle=True):
    return task.get_dataset(split, shuffle=shuffle)


class Model:
    def train(self, task_name, steps, split):
        task = registry.get_task(task_name)
        flor.log("features", list(task.output_features))
        ds = _get_dataset(task, split)
        ds = to_batches(ds, tuple(task.output_features))
        for step, batch in zip(range(steps), ds):
            self.step(batch)

    def eval(self, task_names, split):
        for task_name in task_names:
            ds = _get_dataset(registry.get_task(task_name), split, shuffle=False)
            self.score(ds)
# === old
def get_dataset(task_name, split):
    task = registry.get_task(task_name)
    ds = task.get_dataset(split)
    return to_batches(ds, tuple(task.output_features))


class Model:
    def train(self, task_name, steps, split):
        ds = get_dataset(task_name, split)
        for step, batch in zip(range(steps), ds):
            self.step(batch)

    def eval(self, task_names, split):
        for task_name in task_names:
            ds = get_dataset(task_name, split)
            self.score(ds)
# === expected
<declined>
# === diagnostics
declined features: reads `task.output_features`, which is not bound there in this version
