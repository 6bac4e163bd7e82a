# case: the statement is already after the old final save: nothing changes
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
# === expected
<unchanged>
# === diagnostics
present final_step
