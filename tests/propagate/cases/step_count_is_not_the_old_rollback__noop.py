# case: The same site already placed: nothing to do.
# === new
import flor


class Trainer:
    def run(self):
        while not self.done():
            self.run_step()

    def run_step(self):
        self.step_nr += 1
        flor.log("step_nr", self.step_nr)
        self.progress.advance()
        self.do_run_step()
        self.profiler.step()

    def do_run_step(self):
        batch = next(self.batches)
        self.forward_backward(batch)
# === old
import flor
class Trainer:
    def run(self):
        while not self.done():
            self.run_step()
            self.profiler.step()

    def run_step(self):
        flor.log("step_nr", self.step_nr)
        batch = next(self.batches)
        loss = self.model(batch)
        overflow = self.scaler.run(loss)
        if overflow:
            self.step_nr -= 1
            self.repeat = True
        else:
            self.scheduler.step()
            self.num_batches += 1
# === expected
<unchanged>
# === diagnostics
present step_nr
