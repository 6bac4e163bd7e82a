# case: today `start_epoch` is a parameter of `fit()`; the old `fit()` has no such parameter, and the old module's `from fastai.basics import *` is no source for a local: declined
# === new
from fastai.basics import *
import flor


class Learner:
    def fit(self, n_epoch, lr=None, cbs=None, start_epoch=0):
        if start_epoch != 0:
            cbs = L(cbs) + SkipToEpoch(start_epoch)
        flor.log("start_epoch", start_epoch)
        with self.added_cbs(cbs):
            self.n_epoch = n_epoch
            self._do_fit()
# === old
from fastai.basics import *


class Learner:
    def fit(self, n_epoch, lr=None, cbs=None):
        with self.added_cbs(cbs):
            self.n_epoch = n_epoch
            self._do_fit()
# === expected
<declined>
# === diagnostics
declined start_epoch: reads `start_epoch`, which is not bound there in this version
