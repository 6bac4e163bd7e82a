# case: a timestamp rebuilt from itself today (x = x.to_next_batch(...)) was advanced in place before (x.on_batch_complete(...)): the statement after it follows the old call
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
def train_loop(self):
    while self.state.timer < self.state.max_duration:
        for batch in self.state.dataloader:
            self.state.outputs = self.train_batch(batch)
            if self.step_schedulers_every_batch:
                self.state.scheduler.step()
            self.state.timer.on_batch_complete(samples=len(batch))
        self.state.timer.on_epoch_complete()
# === expected
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
# === diagnostics
placed batch at train_loop/while/for:batch/stmt:3 renames self.state.timestamp.batch->self.state.timer.batch
