# case: the old version already logs the epoch: nothing changes
# === new
import flor


class Engine:
    def run(self, data, max_epochs=None):
        self.state.dataloader = data
        self.state.max_epochs = max_epochs
        return self._internal_run()

    def _internal_run(self):
        if self._internal_run_generator is None:
            self._internal_run_generator = self._internal_run_as_gen()
        try:
            return next(self._internal_run_generator)
        except StopIteration as out:
            self._internal_run_generator = None
            return out.value

    def _internal_run_as_gen(self):
        self._fire_event(Events.STARTED)
        while not self._is_done(self.state) and not self.should_terminate:
            self.state.epoch += 1
            flor.log("epoch", self.state.epoch)
            self._fire_event(Events.EPOCH_STARTED)
            epoch_time_taken = yield from self._run_once_on_dataset_as_gen()
            self._fire_event(Events.EPOCH_COMPLETED)
        self._fire_event(Events.COMPLETED)
        return self.state
# === old
import flor


class Engine:
    def run(self, data, max_epochs=None):
        self.state = State(dataloader=data, epoch=0, max_epochs=max_epochs)
        self._fire_event(Events.STARTED)
        while self.state.epoch < max_epochs and not self.should_terminate:
            self.state.epoch += 1
            flor.log("epoch", self.state.epoch)
            self._fire_event(Events.EPOCH_STARTED)
            hours, mins, secs = self._run_once_on_dataset()
            self._fire_event(Events.EPOCH_COMPLETED)
        self._fire_event(Events.COMPLETED)
        return self.state
# === expected
<unchanged>
# === diagnostics
present epoch
