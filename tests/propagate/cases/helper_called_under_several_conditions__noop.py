# case: the statement is already under the old periodic condition: nothing changes
# === new
import flor


class Trainer:
    def fit(self, train_iter, max_updates, checkpoint_interval):
        while True:
            batch = train_iter.next()
            self._step(batch)
            if self.state.updates > 0 and self.state.updates % checkpoint_interval == 0:
                self._create_checkpoint()
                if self.state.converged:
                    break
            if max_updates is not None and self.state.updates == max_updates:
                self._create_checkpoint()
                break

    def _create_checkpoint(self):
        self.state.checkpoint += 1
        flor.log("checkpoint", self.state.checkpoint)
        self._save_params()
        self._evaluate()
# === old
import flor


class Trainer:
    def fit(self, train_iter, max_updates, checkpoint_interval):
        while True:
            batch = train_iter.next()
            self._step(batch)
            if self.state.updates > 0 and self.state.updates % checkpoint_interval == 0:
                self.state.checkpoint += 1
                flor.log("checkpoint", self.state.checkpoint)
                self._save_params()
                self._evaluate()
                if self.state.converged:
                    break
            if max_updates is not None and self.state.updates == max_updates:
                break
# === expected
<unchanged>
# === diagnostics
present checkpoint
