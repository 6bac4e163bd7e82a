# case: the old `fit()` already takes and logs `start_epoch`: nothing changes
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
import flor


class Learner:
    def fit(self, n_epoch, lr=None, cbs=None, start_epoch=0):
        flor.log("start_epoch", start_epoch)
        with self.added_cbs(cbs):
            self.n_epoch = n_epoch
            self._do_fit()
# === expected
<unchanged>
# === diagnostics
present start_epoch
