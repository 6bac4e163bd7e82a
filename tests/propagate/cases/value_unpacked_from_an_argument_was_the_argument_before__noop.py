# case: The same site already placed: nothing to do.
# === new
import flor


class Inference:
    def update(self, feed_dict=None):
        _, t, loss = self.sess.run([self.train, self.increment_t, self.loss], feed_dict)
        return {"t": t, "loss": loss}

    def print_progress(self, info_dict):
        if self.n_print != 0:
            t = info_dict["t"]
            if t == 1 or t % self.n_print == 0:
                flor.log("progress_step", t)
                self.progbar.update(t, {"Loss": info_dict["loss"]})
# === old
import flor


class Inference:
    def update(self):
        _, loss = self.sess.run([self.train, self.loss])
        return loss

    def print_progress(self, t, loss):
        if self.n_print is not None:
            if t % self.n_print == 0:
                flor.log("progress_step", t)
                print("iter {:d} loss {:.2f}".format(t, loss))
# === expected
<unchanged>
# === diagnostics
present progress_step
