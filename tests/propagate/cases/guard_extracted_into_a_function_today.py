# case: today the NaN check is `if not self._assert_valid_metric(...): break`, a function extracted today from the old inline `if np.isnan(val_metric): ... break`; the statement follows the guard, so it goes after the old inline check (the guard's role), not before it
# === new
import flor
import numpy as np


class NeuralNet:
    def _train_net(self, train_loader, val_dataset, y_val, num_epochs):
        best_epoch = 0
        best_val_metric = -np.inf
        for epoch in range(1, num_epochs + 1):
            self._train_epoch(train_loader)
            val_metric = self.score(X=val_dataset, y=y_val)
            if not self._assert_valid_metric(metric=val_metric, best_epoch=best_epoch):
                break
            flor.log("val_metric", val_metric)
            if val_metric >= best_val_metric or best_epoch == 0:
                best_val_metric = val_metric
                best_epoch = epoch
        return best_epoch

    def _assert_valid_metric(self, metric, best_epoch):
        if np.isnan(metric):
            if best_epoch == 0:
                raise RuntimeError(f"NaNs encountered in {self.__class__.__name__} training. "
                                   "Features/labels may be improperly formatted, "
                                   "or NN weights may have diverged.")
            else:
                logger.warning(f"Warning: NaNs encountered in {self.__class__.__name__} training. "
                               "Reverting model to last checkpoint without NaNs.")
                return False
        return True
# === old
import numpy as np


class NeuralNet:
    def _train_net(self, train_loader, val_dataset, y_val, num_epochs):
        best_epoch = 0
        best_val_metric = -np.inf
        for epoch in range(1, num_epochs + 1):
            self._train_epoch(train_loader)
            val_metric = self.score(X=val_dataset, y=y_val)
            if np.isnan(val_metric):
                if best_epoch == 0:
                    raise RuntimeError(f"NaNs encountered in {self.__class__.__name__} training. "
                                   "Features/labels may be improperly formatted, "
                                   "or NN weights may have diverged.")
                else:
                    logger.warning(f"Warning: NaNs encountered in {self.__class__.__name__} training. "
                               "Reverting model to last checkpoint without NaNs.")
                    break
            if val_metric >= best_val_metric or best_epoch == 0:
                best_val_metric = val_metric
                best_epoch = epoch
        return best_epoch
# === expected
import flor
import numpy as np


class NeuralNet:
    def _train_net(self, train_loader, val_dataset, y_val, num_epochs):
        best_epoch = 0
        best_val_metric = -np.inf
        for epoch in range(1, num_epochs + 1):
            self._train_epoch(train_loader)
            val_metric = self.score(X=val_dataset, y=y_val)
            if np.isnan(val_metric):
                if best_epoch == 0:
                    raise RuntimeError(f"NaNs encountered in {self.__class__.__name__} training. "
                                   "Features/labels may be improperly formatted, "
                                   "or NN weights may have diverged.")
                else:
                    logger.warning(f"Warning: NaNs encountered in {self.__class__.__name__} training. "
                               "Reverting model to last checkpoint without NaNs.")
                    break
            flor.log("val_metric", val_metric)
            if val_metric >= best_val_metric or best_epoch == 0:
                best_val_metric = val_metric
                best_epoch = epoch
        return best_epoch
# === diagnostics
placed val_metric at NeuralNet/_train_net/for:epoch/stmt:3
