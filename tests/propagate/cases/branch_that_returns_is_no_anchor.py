# case: today the site follows a pause check that finishes training and returns; the old version has no pause loop: the final save inside _after_train() is no anchor, declined
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
class Trainer:
    def train(self):
        for step in range(self.start, self.start + self.iterations):
            loss = self.train_iteration(step)
            if step % self.steps_per_save == 0:
                self.save_checkpoint(step)
        self.save_checkpoint(step)
        self.writer.write_out_storage()
# === expected
<declined>
# === diagnostics
declined paused_step: no statement around it and no enclosing block has a counterpart
