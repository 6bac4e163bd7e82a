# case: Today the model returns `pred_data` beside `pred`, and the figure plots `pred_data` where the old one plotted `pred`: `pred` is still bound today, so `pred_data` is a value the old version lacks, not `pred` renamed
# === new
import flor


class Trainer:
    def train(self, loader, epochs, save_step):
        global_step = 0
        for epoch in range(epochs):
            for batch in loader:
                mel_spec = batch["mel"]
                with self.accelerator.accumulate(self.model):
                    loss, cond, pred, pred_data = self.model(mel_spec)
                    self.accelerator.backward(loss)
                    self.optimizer.step()
                global_step += 1
                if global_step % save_step == 0:
                    self.writer.add_figure("mel/target", plot_spectrogram(mel_spec[0]), global_step)
                    self.writer.add_figure("mel/prediction", plot_spectrogram(pred_data[0]), global_step)
                    flor.log("pred_mel_mean", pred_data[0].mean().item())
# === old
class Trainer:
    def train(self, loader, epochs, save_step):
        global_step = 0
        for epoch in range(epochs):
            for batch in loader:
                mel_spec = batch["mel"]
                with self.accelerator.accumulate(self.model):
                    loss, cond, pred = self.model(mel_spec)
                    self.accelerator.backward(loss)
                    self.optimizer.step()
                global_step += 1
                if global_step % save_step == 0:
                    self.writer.add_figure("mel/target", plot_spectrogram(mel_spec[0]), global_step)
                    self.writer.add_figure("mel/prediction", plot_spectrogram(pred[0]), global_step)
# === expected
<declined>
# === diagnostics
declined pred_mel_mean: reads `pred_data`, which is not bound there in this version
