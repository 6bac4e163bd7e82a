# case: today `self._checkpoint_client.save_checkpoint(...)` (a helper object's method, defined in another file) replaced the old `self.save_checkpoint(epoch=...)`: the statement after it goes after the old save, not before it
# === new
import flor


class Recipe:
    def train(self):
        for curr_epoch in range(self.epochs_run, self.total_epochs):
            for batch in self._dataloader:
                self.step(batch)
            self.epochs_run += 1
            self._checkpoint_client.save_checkpoint(
                model=self._model,
                optimizer=self._optimizer,
                training_progress=TrainingProgress(
                    seed=self.seed,
                    epochs_run=self.epochs_run,
                    total_epochs=self.total_epochs,
                    dataloader_state_dict=self._dataloader.state_dict(),
                ),
                epoch=curr_epoch,
            )
            flor.log("epoch", curr_epoch)
        self._profiler.stop()
# === old
class Recipe:
    def save_checkpoint(self, epoch):
        self._checkpointer.save(self._model.state_dict(), epoch=epoch)

    def train(self):
        for curr_epoch in range(self.epochs_run, self.total_epochs):
            for batch in self._dataloader:
                self.step(batch)
            self.epochs_run += 1
            self.save_checkpoint(epoch=curr_epoch)
        self._profiler.stop()
# === expected
import flor
class Recipe:
    def save_checkpoint(self, epoch):
        self._checkpointer.save(self._model.state_dict(), epoch=epoch)

    def train(self):
        for curr_epoch in range(self.epochs_run, self.total_epochs):
            for batch in self._dataloader:
                self.step(batch)
            self.epochs_run += 1
            self.save_checkpoint(epoch=curr_epoch)
            flor.log("epoch", curr_epoch)
        self._profiler.stop()
# === diagnostics
placed epoch at Recipe/train/for:curr_epoch/stmt:3
