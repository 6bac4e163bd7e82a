# case: the old version already logs after its inline zero_grad: nothing changes
# === new
import flor


class Learner:
    def _backward(self):
        self.loss.backward()

    def _do_grad_opt(self):
        self._with_events(self._backward, "backward")
        self._with_events(self._step, "step")
        self.opt.zero_grad()

    def _do_one_batch(self):
        self.pred = self.model(*self.xb)
        self.loss = self.loss_func(self.pred, *self.yb)
        self("after_loss")
        if not self.training:
            return
        self._do_grad_opt()
        flor.log("lr", self.opt.hypers[-1]["lr"])
# === old
import flor


class Learner:
    def _do_one_batch(self):
        self.pred = self.model(*self.xb)
        self.loss = self.loss_func(self.pred, *self.yb)
        self("after_loss")
        if not self.training:
            return
        self("before_backward")
        self.loss.backward()
        self._with_events(self._step, "step")
        self.opt.zero_grad()
        flor.log("lr", self.opt.hypers[-1]["lr"])
# === expected
<unchanged>
# === diagnostics
present lr
