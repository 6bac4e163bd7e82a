# case: _create_checkpoint(), new today, is called under the periodic condition and at the last update; the old version creates the checkpoint inline under the periodic condition: the statement stays under it
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
class Trainer:
    def fit(self, train_iter, max_updates, checkpoint_interval):
        while True:
            batch = train_iter.next()
            self._step(batch)
            if self.state.updates > 0 and self.state.updates % checkpoint_interval == 0:
                self.state.checkpoint += 1
                self._save_params()
                self._evaluate()
                if self.state.converged:
                    break
            if max_updates is not None and self.state.updates == max_updates:
                break
# === expected
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
# === diagnostics
placed checkpoint at Trainer/fit/while/if/stmt:1
