# case: the old function already logs its output: nothing changes
# === new
import flor


class Engine:
    def _run_once_on_dataset_as_gen(self):
        for batch in self.state.dataloader:
            self.state.batch = batch
            self.state.iteration += 1
            self._fire_event("iteration_started")
            self.state.output = self._process_function(self, batch)
            flor.log("output", self.state.output)
            self._fire_event("iteration_completed")
            yield

    def _run_once_on_dataset_legacy(self):
        iterator = iter(self.state.dataloader)
        while True:
            try:
                self.state.batch = next(iterator)
            except StopIteration:
                break
            self.state.iteration += 1
            self._fire_event("iteration_started")
            self.state.output = self._process_function(self, self.state.batch)
            self._fire_event("iteration_completed")
# === old
import flor


class Engine:
    def _run_once_on_dataset(self):
        start_time = time.time()
        try:
            self._logger.debug("running epoch %d", self.state.epoch)
            self._check_dataloader(self.state.dataloader)
            self._reset_metrics()
        except Exception as e:
            self._logger.error("Current run is terminating due to exception: %s", str(e))
            self._handle_exception(e)
        for batch in self.state.dataloader:
            self.state.batch = batch
            self.state.iteration += 1
            self._fire_event("iteration_started")
            self.state.output = self._process_function(self, batch)
            flor.log("output", self.state.output)
            self._fire_event("iteration_completed")
        time_taken = time.time() - start_time
        hours, mins, secs = _to_hours_mins_secs(time_taken)
        return hours, mins, secs
# === expected
<unchanged>
# === diagnostics
present output
