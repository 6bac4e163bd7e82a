# case: The same site already placed: nothing to do.
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
# === expected
<unchanged>
# === diagnostics
present monitored_scheduler
