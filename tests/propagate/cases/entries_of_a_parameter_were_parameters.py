# case: Today's print_progress(self, info_dict) reads the loss as info_dict["loss"]; the old print_progress(self, t, loss) took it as a parameter: an entry under a constant key of a parameter today is the old parameter of that name, renamed whole.
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
class Inference:
    def print_progress(self, t, loss):
        if self.n_print != 0:
            if t == 1 or t % self.n_print == 0:
                self.progbar.update(t, {"Loss": loss})
# === expected
import flor
class Inference:
    def print_progress(self, t, loss):
        if self.n_print != 0:
            if t == 1 or t % self.n_print == 0:
                flor.log("progress_loss", loss)
                self.progbar.update(t, {"Loss": loss})
# === diagnostics
placed progress_loss at Inference/print_progress/if/if/stmt:0 renames info_dict['loss']->loss
