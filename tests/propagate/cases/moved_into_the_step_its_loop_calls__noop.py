# case: The same site already placed: nothing to do.
# === new
import flor


class Trainer:
    def train(self, state, loader):
        for info in self.training_steps(state, loader):
            state = info.state
        return state

    def training_steps(self, state, loader):
        iter_data = iter(loader)
        while state.step < self.config.num_train_steps:
            example = next(iter_data)
            info = self.train_step(state, example)
            state = info.state
            yield info

    def train_step(self, state, batch):
        result = self._jit_train_step_fn(state, batch)
        info = StepInfo(result.new_state, result.loss.item())
        with capture_time() as hook_time:
            self.run_hooks(info)
        flor.log("hook_time", hook_time())
        return info
# === old
import flor
class Trainer:
    def train(self, state, loader):
        for info in self.training_steps(state, loader):
            state = info.state
        return state

    def training_steps(self, state, loader, run_hooks=True):
        iter_data = iter(loader)
        while state.step < self.config.num_train_steps:
            example = next(iter_data)
            info = self.train_step(state, example)
            state = info.state
            if run_hooks:
                with capture_time() as hook_time:
                    self.run_hooks(info)
                flor.log("hook_time", hook_time())
                wandb.log({"throughput/hook_time": hook_time()}, step=state.step)
            yield info

    def train_step(self, state, batch):
        result = self._train_step_fn(state, batch)
        return StepInfo(result.new_state, result.loss.item())
# === expected
<unchanged>
# === diagnostics
present hook_time
