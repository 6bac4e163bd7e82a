# case: The same site already placed: nothing to do.
# === new
import flor


class Inference:
    def print_progress(self, info_dict):
        if self.n_print != 0:
            t = info_dict["t"]
            if t == 1 or t % self.n_print == 0:
                flor.log("progress_loss", info_dict["loss"])
                self.progbar.update(t, {"Loss": info_dict["loss"]})
# === old
import flor
class Inference:
    def print_progress(self, t, loss):
        if self.n_print != 0:
            if t == 1 or t % self.n_print == 0:
                flor.log("progress_loss", loss)
                self.progbar.update(t, {"Loss": loss})
# === expected
<unchanged>
# === diagnostics
present progress_loss
