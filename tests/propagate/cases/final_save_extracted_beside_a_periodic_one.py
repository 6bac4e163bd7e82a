# case: the final save moved into a method new today, _after_train(); the old version has the same save in the loop (periodic, still there today) and after it (final): the one left over is the final one
# === new
import flor


class Trainer:
    def train(self):
        with self.timer("total"):
            for step in range(self.start, self.start + self.iterations):
                self.step = step
                if self.stop_training:
                    self._after_train()
                    return
                loss = self.train_iteration(step)
                if step % self.steps_per_save == 0:
                    self.save_checkpoint(step)
        self._after_train()

    def _after_train(self):
        self.training_state = "completed"
        self.save_checkpoint(self.step)
        flor.log("final_step", self.step)
        self.console.rule()
# === old
class Trainer:
    def train(self):
        with self.timer("total"):
            for step in range(self.start, self.start + self.iterations):
                loss = self.train_iteration(step)
                if step % self.config.trainer.steps_per_save == 0:
                    self.save_checkpoint(step)
            self.save_checkpoint(step)
            self.render(step)
# === expected
import flor
class Trainer:
    def train(self):
        with self.timer("total"):
            for step in range(self.start, self.start + self.iterations):
                loss = self.train_iteration(step)
                if step % self.config.trainer.steps_per_save == 0:
                    self.save_checkpoint(step)
            self.save_checkpoint(step)
            flor.log("final_step", step)
            self.render(step)
# === diagnostics
placed final_step at Trainer/train/with/stmt:2 renames self.step->step
