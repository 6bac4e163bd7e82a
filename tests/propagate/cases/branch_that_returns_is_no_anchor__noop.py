# case: the old version has its own pause loop, where the statement already is: nothing changes
# === new
import time
import flor


class Trainer:
    def train(self):
        for step in range(self.start, self.start + self.iterations):
            self.step = step
            while self.training_state == "paused":
                if self.stop_training:
                    self._after_train()
                    return
                flor.log("paused_step", step)
                time.sleep(0.01)
            loss = self.train_iteration(step)
            if step % self.steps_per_save == 0:
                self.save_checkpoint(step)
        self._after_train()

    def _after_train(self):
        self.training_state = "completed"
        self.save_checkpoint(self.step)
        self.writer.write_out_storage()
# === old
import time
import flor


class Trainer:
    def train(self):
        for step in range(self.start, self.start + self.iterations):
            while self.paused:
                flor.log("paused_step", step)
                time.sleep(0.01)
            loss = self.train_iteration(step)
            if step % self.steps_per_save == 0:
                self.save_checkpoint(step)
        self.save_checkpoint(step)
        self.writer.write_out_storage()
# === expected
<unchanged>
# === diagnostics
present paused_step
