# case: the old version already logs it: nothing changes
# === new
import flor


class EpochRunner:
    def run(self, data_loaders, workflow, max_epochs=None):
        if max_epochs is not None:
            warnings.warn("setting max_epochs in run() is deprecated", DeprecationWarning)
            self._max_epochs = max_epochs
        assert self._max_epochs is not None, "max_epochs must be given"
        flor.log("max_epochs", self._max_epochs)
        while self.epoch < self._max_epochs:
            for mode, epochs in workflow:
                epoch_runner = getattr(self, mode)
                for _ in range(epochs):
                    epoch_runner(data_loaders[0])
# === old
import flor


class EpochRunner:
    def run(self, data_loaders, workflow, max_epochs):
        self._max_epochs = max_epochs
        flor.log("max_epochs", self._max_epochs)
        while self.epoch < max_epochs:
            for mode, epochs in workflow:
                epoch_runner = getattr(self, mode)
                for _ in range(epochs):
                    epoch_runner(data_loaders[0])
# === expected
<unchanged>
# === diagnostics
present max_epochs
