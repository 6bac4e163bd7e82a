# case: Today the step counter is advanced at the start of the step; before, the step only rolled it back on overflow: the increment is not that rollback, and the statement goes first in the step.
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
class Trainer:
    def run(self):
        while not self.done():
            self.run_step()
            self.profiler.step()

    def run_step(self):
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
# === diagnostics
placed step_nr at Trainer/run_step/stmt:0
