# case: Today's if isinstance(...): return {...} is followed by the site and the monitored return; before, the same if returned and its else held the monitored return: what follows today's if runs where the old else runs, so the site goes first in the else, not after the whole if, where nothing runs.
# === new
import flor


class Model:
    def configure_optimizers(self):
        opt = self._optimizer(self.parameters(), lr=self.lr)
        if self._lr_scheduler is None:
            return opt
        if isinstance(self._lr_scheduler, _LRScheduler):
            return {"optimizer": opt, "lr_scheduler": self._lr_scheduler(opt)}
        flor.log("monitored_scheduler", self._lr_scheduler.__name__)
        return {"optimizer": opt, "lr_scheduler": self._lr_scheduler(opt), "monitor": self.monitor}
# === old
class Model:
    def configure_optimizers(self):
        opt = self._optimizer(self.parameters(), lr=self.lr)
        if self._lr_scheduler is None:
            return opt
        if isinstance(self._lr_scheduler, _LRScheduler):
            return {"optimizer": opt, "lr_scheduler": self._lr_scheduler(opt)}
        else:
            return {"optimizer": opt, "lr_scheduler": self._lr_scheduler(opt), "monitor": self.monitor}
# === expected
import flor
class Model:
    def configure_optimizers(self):
        opt = self._optimizer(self.parameters(), lr=self.lr)
        if self._lr_scheduler is None:
            return opt
        if isinstance(self._lr_scheduler, _LRScheduler):
            return {"optimizer": opt, "lr_scheduler": self._lr_scheduler(opt)}
        else:
            flor.log("monitored_scheduler", self._lr_scheduler.__name__)
            return {"optimizer": opt, "lr_scheduler": self._lr_scheduler(opt), "monitor": self.monitor}
# === diagnostics
placed monitored_scheduler at Model/configure_optimizers/if@1/else/stmt:0
