# case: the statement after the in-place advance is found again
# === new
import flor


def train_loop(self):
    while self.state.timestamp < self.state.max_duration:
        for batch in self.state.dataloader:
            self.state.outputs = self.train_batch(batch)
            self.state.timestamp = self.state.timestamp.to_next_batch(samples=len(batch))
            flor.log("batch", self.state.timestamp.batch)

            if self.step_schedulers_every_batch:
                self.state.scheduler.step()
        self.state.timestamp = self.state.timestamp.to_next_epoch()
# === old
import flor


def train_loop(self):
    while self.state.timer < self.state.max_duration:
        for batch in self.state.dataloader:
            self.state.outputs = self.train_batch(batch)
            if self.step_schedulers_every_batch:
                self.state.scheduler.step()
            self.state.timer.on_batch_complete(samples=len(batch))
            flor.log("batch", self.state.timer.batch)
        self.state.timer.on_epoch_complete()
# === expected
<unchanged>
# === diagnostics
present batch
